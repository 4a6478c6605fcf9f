#include "alliance/core/norms.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>

#include "alliance/core/stats.hpp"

namespace alliance::core {

const char* to_string(NormSample sample) {
  switch (sample) {
    case NormSample::first: return "first";
    case NormSample::last: return "last";
    case NormSample::all: return "all";
  }
  return "?";
}

double quantile_type7(const std::vector<double>& sorted, double p) {
  const double h = (static_cast<double>(sorted.size()) - 1) * p;
  const auto lo = static_cast<std::size_t>(std::floor(h));
  const std::size_t hi = std::min(lo + 1, sorted.size() - 1);
  return sorted[lo] + (h - static_cast<double>(lo)) * (sorted[hi] - sorted[lo]);
}

std::optional<double> pearson_r(const std::vector<double>& x, const std::vector<double>& y) {
  const std::size_t n = std::min(x.size(), y.size());
  if (n < 2) return std::nullopt;
  const double mx =
      std::accumulate(x.begin(), x.begin() + static_cast<long>(n), 0.0) / static_cast<double>(n);
  const double my =
      std::accumulate(y.begin(), y.begin() + static_cast<long>(n), 0.0) / static_cast<double>(n);
  double sxy = 0, sxx = 0, syy = 0;
  for (std::size_t i = 0; i < n; ++i) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) * (x[i] - mx);
    syy += (y[i] - my) * (y[i] - my);
  }
  if (!(sxx > 0) || !(syy > 0)) return std::nullopt;
  return sxy / std::sqrt(sxx * syy);
}

std::optional<long> days_from_iso_date(const std::string& date) {
  if (date.size() < 10 || date[4] != '-' || date[7] != '-') return std::nullopt;
  for (const std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u})
    if (date[i] < '0' || date[i] > '9') return std::nullopt;
  long y = std::stol(date.substr(0, 4));
  const long m = std::stol(date.substr(5, 2));
  const long d = std::stol(date.substr(8, 2));
  if (m < 1 || m > 12 || d < 1 || d > 31) return std::nullopt;
  // Days from civil (H. Hinnant's algorithm): proleptic Gregorian calendar.
  y -= m <= 2 ? 1 : 0;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const long yoe = y - era * 400;
  const long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

namespace {

const ScaleScore& norm_scale_score(const ScoreSheet& sheet, std::size_t scale) {
  return scale < sheet.subscales.size() ? sheet.subscales[scale] : sheet.total;
}

// Each respondent's responses, in the order respondents first appear, each in
// session order (see Retest).
std::vector<std::vector<std::size_t>> norm_people(const std::vector<NormResponse>& responses) {
  std::map<std::string, std::size_t> index;
  std::vector<std::vector<std::size_t>> people;
  for (std::size_t i = 0; i < responses.size(); ++i) {
    auto [it, added] = index.emplace(responses[i].respondent, people.size());
    if (added) people.emplace_back();
    people[it->second].push_back(i);
  }
  for (std::vector<std::size_t>& person : people) {
    const auto all = [&](auto has) { return std::all_of(person.begin(), person.end(), has); };
    if (all([&](std::size_t i) { return responses[i].session.has_value(); }))
      std::stable_sort(person.begin(), person.end(), [&](std::size_t a, std::size_t b) {
        return *responses[a].session < *responses[b].session;
      });
    else if (all([&](std::size_t i) { return !responses[i].date.empty(); }))
      std::stable_sort(person.begin(), person.end(),
                       [&](std::size_t a, std::size_t b) { return responses[a].date < responses[b].date; });
  }
  return people;
}

// The responses of the norm sample, by index.
std::vector<std::size_t> norm_sample_of(const std::vector<std::vector<std::size_t>>& people,
                                        NormSample sample) {
  std::vector<std::size_t> out;
  for (const std::vector<std::size_t>& person : people) {
    if (sample == NormSample::first) out.push_back(person.front());
    if (sample == NormSample::last) out.push_back(person.back());
    if (sample == NormSample::all) out.insert(out.end(), person.begin(), person.end());
  }
  std::sort(out.begin(), out.end());  // input order
  return out;
}

std::optional<double> norm_alpha(const Questionnaire& q, const Scorer& scorer,
                                 const std::vector<NormResponse>& responses,
                                 const std::vector<std::size_t>& sample,
                                 const std::vector<std::size_t>& items, long& complete) {
  const std::size_t k = items.size();
  std::vector<std::vector<double>> rows;
  for (std::size_t r : sample) {
    const Answers& a = responses[r].answers;
    if (!std::all_of(items.begin(), items.end(), [&](std::size_t i) { return a[i].has_value(); })) continue;
    std::vector<double> row;
    for (std::size_t i : items) row.push_back(scorer.contribution(i, *a[i]));
    rows.push_back(std::move(row));
  }
  complete = static_cast<long>(rows.size());
  (void)q;
  if (k < 2 || rows.size() < 3) return std::nullopt;
  std::vector<double> mean(k, 0);
  for (const auto& row : rows)
    for (std::size_t i = 0; i < k; ++i) mean[i] += row[i] / static_cast<double>(rows.size());
  std::vector<double> cov(k * k, 0);
  for (const auto& row : rows)
    for (std::size_t i = 0; i < k; ++i)
      for (std::size_t j = 0; j < k; ++j)
        cov[i * k + j] += (row[i] - mean[i]) * (row[j] - mean[j]) / static_cast<double>(rows.size() - 1);
  for (std::size_t i = 0; i < k; ++i)
    if (!(cov[i * k + i] > 0)) return std::nullopt;
  const double alpha = cronbach_alpha(cov, k).raw;
  if (std::isnan(alpha)) return std::nullopt;
  return alpha;
}

Retest norm_retest(const std::vector<NormResponse>& responses,
                   const std::vector<std::vector<std::size_t>>& people, std::size_t scale) {
  Retest out;
  std::vector<double> x, y;
  double sessions = 0, days = 0;
  bool numbered = true, dated = true;
  for (const std::vector<std::size_t>& person : people) {
    std::vector<std::size_t> scored;
    for (std::size_t i : person)
      if (scored.size() < 2 && norm_scale_score(responses[i].sheet, scale).value) scored.push_back(i);
    if (scored.size() < 2) continue;
    const NormResponse& a = responses[scored[0]];
    const NormResponse& b = responses[scored[1]];
    x.push_back(*norm_scale_score(a.sheet, scale).value);
    y.push_back(*norm_scale_score(b.sheet, scale).value);
    if (a.session && b.session)
      sessions += *b.session - *a.session;
    else
      numbered = false;
    const std::optional<long> da = days_from_iso_date(a.date), db = days_from_iso_date(b.date);
    if (da && db)
      days += static_cast<double>(*db - *da);
    else
      dated = false;
  }
  out.pairs = static_cast<long>(x.size());
  if (out.pairs == 0) return out;
  if (numbered) out.mean_sessions = sessions / static_cast<double>(out.pairs);
  if (dated) out.mean_days = days / static_cast<double>(out.pairs);
  if (out.pairs >= 3) out.r = pearson_r(x, y);
  return out;
}

}  // namespace

NormsReport compute_norms(const Questionnaire& q, const std::vector<NormResponse>& responses,
                          NormSample sample, long min_n) {
  NormsReport report;
  report.sample = sample;
  report.responses = static_cast<long>(responses.size());
  const std::vector<ScaleRef> scales = scale_list(q);
  report.scales.resize(scales.size());
  if (responses.empty()) {
    for (std::size_t s = 0; s < scales.size(); ++s)
      report.warnings.push_back({NormWarningKind::no_sd, s, 0, 0});
    return report;
  }
  const std::vector<std::vector<std::size_t>> people = norm_people(responses);
  report.respondents = static_cast<long>(people.size());
  const std::vector<std::size_t> chosen = norm_sample_of(people, sample);
  report.sampled = static_cast<long>(chosen.size());
  for (const NormResponse& r : responses) {
    if (r.date.empty()) continue;
    if (report.first_date.empty() || r.date < report.first_date) report.first_date = r.date;
    if (report.last_date.empty() || r.date > report.last_date) report.last_date = r.date;
  }
  const Scorer scorer(q);
  std::vector<std::size_t> every_item(q.items.size());
  std::iota(every_item.begin(), every_item.end(), std::size_t{0});
  for (std::size_t s = 0; s < scales.size(); ++s) {
    ScaleNorm& norm = report.scales[s];
    std::vector<double> values;
    for (std::size_t r : chosen)
      if (const std::optional<double>& v = norm_scale_score(responses[r].sheet, s).value)
        values.push_back(*v);
    norm.n = static_cast<long>(values.size());
    if (!values.empty()) {
      std::sort(values.begin(), values.end());
      norm.min = values.front();
      norm.max = values.back();
      norm.mean = std::accumulate(values.begin(), values.end(), 0.0) / static_cast<double>(norm.n);
      double m2 = 0;
      for (double v : values) m2 += (v - norm.mean) * (v - norm.mean);
      norm.sd = norm.n >= 2 ? std::sqrt(m2 / static_cast<double>(norm.n - 1)) : 0;
      for (int p : kNormPercentiles) norm.percentiles.push_back(quantile_type7(values, p / 100.0));
    }
    const std::vector<std::size_t>& items =
        scales[s].subscale ? q.subscales[*scales[s].subscale].items : every_item;
    norm.alpha = norm_alpha(q, scorer, responses, chosen, items, norm.alpha_n);
    norm.retest = norm_retest(responses, people, s);

    if (!writable(norm)) {
      report.warnings.push_back({NormWarningKind::no_sd, s, static_cast<double>(norm.n), 2});
      continue;
    }
    if (norm.n < min_n)
      report.warnings.push_back(
          {NormWarningKind::small_sample, s, static_cast<double>(norm.n), static_cast<double>(min_n)});
    if (const double step = score_step(q, s); norm.sd < step)
      report.warnings.push_back({NormWarningKind::sd_below_step, s, norm.sd, step});
    if (!norm.retest.r)
      report.warnings.push_back(
          {NormWarningKind::retest_missing, s, static_cast<double>(norm.retest.pairs), 3});
    else if (!usable_retest(norm))
      report.warnings.push_back({NormWarningKind::retest_unusable, s, *norm.retest.r, 0});
  }
  return report;
}

}  // namespace alliance::core
