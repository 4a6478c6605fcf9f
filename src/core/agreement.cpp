#include "alliance/core/agreement.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include <numeric>
#include <set>

#include "alliance/core/exact.hpp"
#include "alliance/text/messages.hpp"

namespace alliance::core {

const char* to_string(ItemPairing pairing) {
  switch (pairing) {
    case ItemPairing::by_id: return "id";
    case ItemPairing::by_position: return "position";
    case ItemPairing::none: break;
  }
  return "none";
}

const char* to_string(UnpairedReason reason) {
  switch (reason) {
    case UnpairedReason::no_partner: return "no_partner";
    case UnpairedReason::duplicate: return "duplicate";
    case UnpairedReason::no_respondent: break;
  }
  return "no_respondent";
}

namespace {

std::set<std::string> subscale_ids(const Questionnaire& q) {
  std::set<std::string> out;
  for (const Subscale& s : q.subscales) out.insert(s.id);
  return out;
}

std::string joined(const std::set<std::string>& ids) {
  std::string out;
  for (const std::string& id : ids) out += (out.empty() ? "" : ",") + id;
  return out;
}

}  // namespace

std::optional<text::Message> comparability_message(const Questionnaire& first, const Questionnaire& second) {
  using text::Msg;
  if (first.family != second.family)
    return text::Message{Msg::compare_not_one_family, {first.id, second.id, first.family, second.family}};
  if (subscale_ids(first) != subscale_ids(second))
    return text::Message{Msg::compare_not_same_subscales,
                         {first.id, second.id, joined(subscale_ids(first)), joined(subscale_ids(second))}};
  if (first.scale.min != second.scale.min || first.scale.max != second.scale.max)
    return text::Message{Msg::compare_not_same_scale, {first.id, second.id}};
  if (first.total.present != second.total.present)
    return text::Message{Msg::compare_one_total, {first.id, second.id}};
  return std::nullopt;
}

std::string comparability_problem(const Questionnaire& first, const Questionnaire& second) {
  const std::optional<text::Message> message = comparability_message(first, second);
  return message ? text::say("en", *message) : "";
}

FormPairing pair_forms(const Questionnaire& first, const Questionnaire& second, const Questionnaire* order) {
  FormPairing out;
  for (const Subscale& s : (order ? *order : first).subscales)
    out.subscales.emplace_back(first.find_subscale(s.id).value_or(0), second.find_subscale(s.id).value_or(0));
  std::set<std::string> first_items;
  std::set<std::string> second_items;
  for (const Item& item : first.items) first_items.insert(item.id);
  for (const Item& item : second.items) second_items.insert(item.id);
  if (first_items == second_items) {
    out.items = ItemPairing::by_id;
    for (std::size_t i = 0; i < first.items.size(); ++i)
      out.item_pairs.emplace_back(i, *second.find_item(first.items[i].id));
  } else if (first.items.size() == second.items.size()) {
    out.items = ItemPairing::by_position;
    for (std::size_t i = 0; i < first.items.size(); ++i) out.item_pairs.emplace_back(i, i);
  }
  return out;
}

PairKey pair_key(std::string respondent, std::optional<int> session, std::string date) {
  if (session) date.clear();
  return {std::move(respondent), session, std::move(date)};
}

Matching match_responses(const std::vector<std::vector<PairKey>>& keys) {
  const std::size_t forms = keys.size();
  std::map<PairKey, std::vector<std::optional<std::size_t>>> by_key;
  Matching out;
  for (std::size_t f = 0; f < forms; ++f) {
    for (std::size_t i = 0; i < keys[f].size(); ++i) {
      const PairKey& key = keys[f][i];
      if (key.respondent.empty()) {
        out.unpaired.push_back({f, i, UnpairedReason::no_respondent});
        continue;
      }
      auto& members = by_key.try_emplace(key, forms).first->second;
      if (members[f])
        out.unpaired.push_back({f, i, UnpairedReason::duplicate});
      else
        members[f] = i;
    }
  }
  for (auto& [key, members] : by_key) {
    const auto present =
        std::count_if(members.begin(), members.end(), [](const auto& m) { return m.has_value(); });
    if (present >= 2) {
      out.groups.push_back({key, std::move(members)});
      continue;
    }
    for (std::size_t f = 0; f < forms; ++f)
      if (members[f]) out.unpaired.push_back({f, *members[f], UnpairedReason::no_partner});
  }
  std::sort(out.unpaired.begin(), out.unpaired.end(), [](const Unpaired& a, const Unpaired& b) {
    return std::pair(a.form, a.index) < std::pair(b.form, b.index);
  });
  return out;
}

double keyed_item_score(const Questionnaire& q, std::size_t item, double answer) {
  const Scale& scale = q.scale;
  if (!scale.scores.empty()) {
    const double keyed = q.items[item].reverse ? scale.min + scale.max - answer : answer;
    return scale.scores[static_cast<std::size_t>(keyed - scale.min)];
  }
  if (!q.items[item].reverse) return answer;
  // min + max - answer in decimals: 10 - 7.3 is 2.7.
  const std::optional<Fraction> min = decimal_of(scale.min, kValuePlaces);
  const std::optional<Fraction> max = decimal_of(scale.max, kValuePlaces);
  const std::optional<Fraction> a = decimal_of(answer, kValuePlaces);
  const std::optional<Fraction> ends = min && max ? add(*min, *max) : std::nullopt;
  const std::optional<Fraction> keyed = ends && a ? subtract(*ends, *a) : std::nullopt;
  return keyed ? to_double(*keyed) : scale.min + scale.max - answer;
}

namespace {

ScaleComparison side_by_side(const ScaleScore& first, const ScaleScore& second, bool first_valid,
                             bool second_valid) {
  ScaleComparison out;
  out.first_status = first_valid ? first.status : Status::invalid;
  out.second_status = second_valid ? second.status : Status::invalid;
  if (out.first_status == Status::ok) out.first = first.value;
  if (out.second_status == Status::ok) out.second = second.value;
  if (out.first && out.second) {
    const std::optional<Fraction> d =
        first.exact && second.exact ? subtract(*first.exact, *second.exact) : std::nullopt;
    out.difference = d ? to_double(*d) : *out.first - *out.second;
  }
  return out;
}

}  // namespace

PairComparison compare_pair(const Questionnaire& first, const Questionnaire& second,
                            const FormPairing& pairing, const Answers* first_answers,
                            const ScoreSheet& first_sheet, const Answers* second_answers,
                            const ScoreSheet& second_sheet, std::size_t max_items) {
  PairComparison out;
  const bool first_valid = first_answers != nullptr;
  const bool second_valid = second_answers != nullptr;
  const ScaleScore none;
  for (const auto& [i, j] : pairing.subscales) {
    const ScaleScore& a = first_valid ? first_sheet.subscales[i] : none;
    const ScaleScore& b = second_valid ? second_sheet.subscales[j] : none;
    out.scales.push_back(side_by_side(a, b, first_valid, second_valid));
  }
  if (first.total.present)
    out.scales.push_back(side_by_side(first_valid ? first_sheet.total : none,
                                      second_valid ? second_sheet.total : none, first_valid, second_valid));
  if (!first_valid || !second_valid) return out;
  for (const auto& [i, j] : pairing.item_pairs) {
    const auto& a = (*first_answers)[i];
    const auto& b = (*second_answers)[j];
    if (!a || !b) continue;
    ItemDifference d{i, j, keyed_item_score(first, i, *a), keyed_item_score(second, j, *b), 0};
    d.difference = decimal_difference(d.first, d.second);
    if (d.difference != 0) out.items.push_back(d);
  }
  std::stable_sort(out.items.begin(), out.items.end(), [](const ItemDifference& a, const ItemDifference& b) {
    return std::abs(a.difference) > std::abs(b.difference);
  });
  if (out.items.size() > max_items) out.items.resize(max_items);
  return out;
}

namespace {

bool all_equal(std::span<const double> v) {
  return std::adjacent_find(v.begin(), v.end(), std::not_equal_to<>()) == v.end();
}

}  // namespace

const char* to_string(AgreementMethod method) {
  return method == AgreementMethod::repeated ? "repeated" : "pairs";
}

namespace {

// Each dyad's mean of v, in label order; the common value itself when a
// dyad's values are all equal.
std::vector<double> dyad_means(std::span<const double> v, std::span<const std::size_t> dyad,
                               std::size_t dyads) {
  std::vector<double> sums(dyads, 0);
  std::vector<double> sizes(dyads, 0);
  std::vector<double> first(dyads, 0);
  std::vector<bool> same(dyads, true);
  for (std::size_t i = 0; i < v.size(); ++i) {
    const std::size_t g = dyad[i];
    if (sizes[g] == 0) first[g] = v[i];
    same[g] = same[g] && v[i] == first[g];
    sums[g] += v[i];
    sizes[g] += 1;
  }
  std::vector<double> out(dyads);
  for (std::size_t g = 0; g < dyads; ++g) out[g] = same[g] ? first[g] : sums[g] / sizes[g];
  return out;
}

}  // namespace

AgreementStats agreement(std::span<const double> x, std::span<const double> y,
                         std::span<const std::size_t> dyad) {
  AgreementStats out;
  const std::size_t n = std::min(x.size(), y.size());
  x = x.first(n);
  y = y.first(n);
  out.n = n;
  std::size_t dyads = n;
  if (!dyad.empty()) {
    dyad = dyad.first(n);
    dyads = 0;
    for (std::size_t g : dyad) dyads = std::max(dyads, g + 1);
  }
  out.dyads = dyads;
  if (n == 0) return out;
  const double count = static_cast<double>(n);
  double sum_x = 0;
  double sum_y = 0;
  double sum_d = 0;
  bool same_d = true;  // every x - y equal
  std::vector<double> d(n);
  for (std::size_t i = 0; i < n; ++i) {
    sum_x += x[i];
    sum_y += y[i];
    d[i] = x[i] - y[i];
    sum_d += d[i];
    same_d = same_d && d[i] == d[0];
  }
  // Constant data give their value back, not a mean carrying rounding noise.
  const double mx = all_equal(x) ? x[0] : sum_x / count;
  const double my = all_equal(y) ? y[0] : sum_y / count;
  const double md = same_d ? d[0] : sum_d / count;
  out.mean_first = mx;
  out.mean_second = my;
  out.mean_difference = md;
  if (n < 2) return out;

  // Limits of agreement: each pair its own group unless repeated.
  std::vector<std::size_t> own;
  if (dyad.empty()) {
    own.resize(n);
    for (std::size_t i = 0; i < n; ++i) own[i] = i;
    dyad = own;
  }
  const LimitsOfAgreement loa = limits_of_agreement(d, dyad, md);
  out.method = loa.repeated ? AgreementMethod::repeated : AgreementMethod::pairs;
  out.mean_difference_lower = loa.mean.lower;
  out.mean_difference_upper = loa.mean.upper;
  out.sd_difference = loa.sd;
  out.sd_between = loa.sd_between;
  out.sd_within = loa.sd_within;
  out.loa_lower = loa.lower.value;
  out.loa_upper = loa.upper.value;
  out.loa_lower_interval = loa.lower;
  out.loa_upper_interval = loa.upper;

  // The units of r, the CCC and the ICCs.
  std::vector<double> ux;
  std::vector<double> uy;
  if (loa.repeated) {
    ux = dyad_means(x, dyad, dyads);
    uy = dyad_means(y, dyad, dyads);
    x = ux;
    y = uy;
  }
  const std::size_t units = x.size();
  const bool x_constant = all_equal(x);
  const bool y_constant = all_equal(y);
  if (x_constant) out.notes.push_back(AgreementNote::no_variance_first);
  if (y_constant) out.notes.push_back(AgreementNote::no_variance_second);
  if (units == 2) out.notes.push_back(loa.repeated ? AgreementNote::two_dyads : AgreementNote::two_pairs);

  const double ux_mean =
      x_constant ? x[0] : std::accumulate(x.begin(), x.end(), 0.0) / static_cast<double>(units);
  const double uy_mean =
      y_constant ? y[0] : std::accumulate(y.begin(), y.end(), 0.0) / static_cast<double>(units);
  double sxx = 0;
  double syy = 0;
  double sxy = 0;
  for (std::size_t i = 0; i < units; ++i) {
    const double dx = x[i] - ux_mean;
    const double dy = y[i] - uy_mean;
    sxx += dx * dx;
    syy += dy * dy;
    sxy += dx * dy;
  }
  // |r| <= 1 by Cauchy-Schwarz; rounding can step past it (1.0000000000000002).
  if (!x_constant && !y_constant) out.pearson_r = std::clamp(sxy / std::sqrt(sxx * syy), -1.0, 1.0);
  out.icc_forms = intraclass(x, y);
  out.icc = out.icc_forms[static_cast<std::size_t>(IccForm::icc_2_1)].value;
  out.ccc = concordance(x, y);
  if (std::any_of(out.icc_forms.begin(), out.icc_forms.end(),
                  [](const Estimate& e) { return e.value && *e.value < 0; }))
    out.notes.push_back(AgreementNote::negative_icc);
  return out;
}

Comparisons compare_forms(const std::vector<FormResponses>& forms, const Questionnaire& reference,
                          std::size_t max_items) {
  std::vector<std::vector<PairKey>> keys;
  for (const FormResponses& form : forms) keys.push_back(form.keys);
  const Matching matching = match_responses(keys);
  Comparisons out;
  out.unpaired = matching.unpaired;
  const std::size_t scales = reference.subscales.size() + (reference.total.present ? 1 : 0);
  for (std::size_t a = 0; a < forms.size(); ++a) {
    for (std::size_t b = a + 1; b < forms.size(); ++b) {
      Comparison& c = out.comparisons.emplace_back();
      c.first = a;
      c.second = b;
      const Questionnaire& qa = *forms[a].questionnaire;
      const Questionnaire& qb = *forms[b].questionnaire;
      c.pairing = pair_forms(qa, qb, &reference);
      std::vector<std::vector<double>> x(scales);
      std::vector<std::vector<double>> y(scales);
      std::vector<std::vector<std::size_t>> dyad(scales);
      std::vector<std::map<std::string, std::size_t>> labels(scales);  // respondent -> dyad label
      c.excluded.assign(scales, 0);
      for (const Matching::Group& group : matching.groups) {
        if (!group.members[a] || !group.members[b]) continue;
        const std::size_t i = *group.members[a];
        const std::size_t j = *group.members[b];
        ComparedPair& pair = c.pairs.emplace_back();
        pair.key = group.key;
        pair.first_record = i;
        pair.second_record = j;
        pair.comparison = compare_pair(qa, qb, c.pairing, forms[a].answers[i], forms[a].sheets[i],
                                       forms[b].answers[j], forms[b].sheets[j], max_items);
        for (std::size_t s = 0; s < scales; ++s) {
          const ScaleComparison& sc = pair.comparison.scales[s];
          if (sc.difference) {
            x[s].push_back(*sc.first);
            y[s].push_back(*sc.second);
            dyad[s].push_back(labels[s].try_emplace(group.key.respondent, labels[s].size()).first->second);
          } else {
            ++c.excluded[s];
          }
        }
      }
      for (std::size_t s = 0; s < scales; ++s) c.stats.push_back(agreement(x[s], y[s], dyad[s]));
    }
  }
  return out;
}

}  // namespace alliance::core
