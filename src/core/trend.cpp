#include "alliance/core/trend.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace alliance::core {

namespace {

constexpr double kTolerance = 1e-9;  // so that decimal arithmetic (9.2 - 8.2) does not decide a flag

bool at_least(double value, double bound) {
  return value >= bound - kTolerance * std::max(1.0, std::fabs(bound));
}

void raise(ScalePoint& point, TrendFlag flag) {
  point.flags |= static_cast<unsigned>(flag);
}

bool in_concern(const std::optional<Bands>& bands, const ScaleScore& score) {
  return bands && score.status == Status::ok && score.band && bands->ranges[*score.band].concern;
}

double keyed_answer(const Questionnaire& q, std::size_t item, double answer) {
  return q.items[item].reverse ? q.scale.min + q.scale.max - answer : answer;
}

double sample_sd(const std::vector<double>& values, double mean) {
  double sum = 0;
  for (double v : values) sum += (v - mean) * (v - mean);
  return std::sqrt(sum / static_cast<double>(values.size() - 1));
}

// Per-session flags that need no history: below-band, ceiling, low-item.
void session_flags(const Questionnaire& q, const SessionScores& session, const TrendSettings& settings,
                   std::size_t scale, ScalePoint& point) {
  const std::size_t n = q.subscales.size();
  const ScaleScore& score = scale < n ? session.sheet.subscales[scale] : session.sheet.total;
  const std::optional<Bands>& bands = scale < n ? q.subscales[scale].bands : q.total.bands;
  if (!point.score) return;
  if (in_concern(bands, score)) raise(point, TrendFlag::below_band);

  std::vector<std::size_t> items;
  if (scale < n) {
    items = q.subscales[scale].items;
  } else {
    items.resize(q.items.size());
    std::iota(items.begin(), items.end(), std::size_t{0});
  }
  bool all_top = true;
  int answered = 0;
  const double low = settings.low_item.value_or(q.scale.min);
  for (std::size_t item : items) {
    if (!session.answers[item]) continue;
    ++answered;
    const double keyed = keyed_answer(q, item, *session.answers[item]);
    if (keyed != q.scale.max) all_top = false;
    if (keyed <= low + kTolerance) point.low_items.push_back(item);
  }
  if (answered > 0 && all_top) raise(point, TrendFlag::ceiling);

  // A low item is flagged unless the total (without a total, the scale
  // itself) is in a concern band, where below-band already says it. A total
  // that could not be scored does not hide a low answer. low_items names the
  // items behind the flag, so it is empty exactly when the flag is absent.
  const bool has_total = q.total.present;
  const ScaleScore& judge = has_total ? session.sheet.total : score;
  const std::optional<Bands>& judge_bands = has_total ? q.total.bands : bands;
  if (in_concern(judge_bands, judge)) point.low_items.clear();
  if (!point.low_items.empty()) raise(point, TrendFlag::low_item);
}

}  // namespace

const std::vector<TrendFlag>& all_trend_flags() {
  static const std::vector<TrendFlag> flags{TrendFlag::below_band, TrendFlag::reliable_drop,
                                            TrendFlag::rupture,    TrendFlag::repair,
                                            TrendFlag::ceiling,    TrendFlag::low_item};
  return flags;
}

const char* to_string(TrendFlag flag) {
  switch (flag) {
    case TrendFlag::below_band: return "below-band";
    case TrendFlag::reliable_drop: return "reliable-drop";
    case TrendFlag::rupture: return "rupture";
    case TrendFlag::repair: return "repair";
    case TrendFlag::ceiling: return "ceiling";
    case TrendFlag::low_item: return "low-item";
  }
  return "?";
}

std::optional<TrendFlag> parse_trend_flag(std::string_view name) {
  for (TrendFlag flag : all_trend_flags())
    if (name == to_string(flag)) return flag;
  return std::nullopt;
}

TrendSettings settings_from_norms(const Questionnaire& q) {
  TrendSettings out;
  const std::size_t n = q.subscales.size();
  out.reference_sd.resize(n + 1);
  out.retest_r.resize(n + 1);
  for (std::size_t s = 0; s <= n; ++s) {
    const std::vector<Norm>& norms = s < n ? q.subscales[s].norms : q.total.norms;
    if (norms.empty()) continue;
    out.reference_sd[s] = norms.front().sd;
    out.retest_r[s] = norms.front().reliability;
  }
  return out;
}

double reliable_change(double x1, double x2, double sd, double r) {
  return (x2 - x1) / (sd * std::sqrt(2.0) * std::sqrt(1 - r));
}

std::vector<std::size_t> session_order(const std::vector<SessionScores>& sessions) {
  std::vector<std::size_t> order(sessions.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  const bool numbered = std::all_of(sessions.begin(), sessions.end(),
                                    [](const SessionScores& s) { return s.session.has_value(); });
  const bool dated =
      std::all_of(sessions.begin(), sessions.end(), [](const SessionScores& s) { return !s.date.empty(); });
  if (numbered)
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
      return *sessions[a].session < *sessions[b].session;
    });
  else if (dated)
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return sessions[a].date < sessions[b].date; });
  return order;
}

std::vector<TrendPoint> analyse_trend(const Questionnaire& q, const std::vector<SessionScores>& sessions,
                                      const TrendSettings& settings) {
  const std::size_t n = q.subscales.size();
  const std::vector<std::size_t> order = session_order(sessions);
  const bool numbered = std::all_of(sessions.begin(), sessions.end(),
                                    [](const SessionScores& s) { return s.session.has_value(); });
  const bool dated =
      std::all_of(sessions.begin(), sessions.end(), [](const SessionScores& s) { return !s.date.empty(); });

  std::vector<TrendPoint> points(order.size());
  for (std::size_t p = 0; p < order.size(); ++p) {
    points[p].input = order[p];
    points[p].scales.resize(n + 1);
    if (p > 0) {
      const SessionScores& a = sessions[order[p - 1]];
      const SessionScores& b = sessions[order[p]];
      points[p].tied = numbered ? *a.session == *b.session : dated && a.date == b.date;
    }
  }

  for (std::size_t s = 0; s <= n; ++s) {
    if (s == n && !q.total.present) continue;
    static const std::optional<double> kNone;
    const std::optional<double>& ref_sd = s < settings.reference_sd.size() ? settings.reference_sd[s] : kNone;
    const std::optional<double>& r = s < settings.retest_r.size() ? settings.retest_r[s] : kNone;
    std::vector<double> earlier;  // scores of the earlier sessions, in order
    std::optional<double> first;
    // The rupture awaiting repair: its position and pre-drop level.
    std::optional<std::size_t> open_rupture;
    double repair_level = 0;

    for (std::size_t p = 0; p < points.size(); ++p) {
      const SessionScores& session = sessions[points[p].input];
      const ScaleScore& score = s < n ? session.sheet.subscales[s] : session.sheet.total;
      ScalePoint& point = points[p].scales[s];
      if (score.status == Status::ok && score.value) point.score = score.value;
      session_flags(q, session, settings, s, point);
      if (open_rupture && p - *open_rupture > static_cast<std::size_t>(settings.repair_within))
        open_rupture.reset();
      if (!point.score) continue;
      const double x = *point.score;

      if (!earlier.empty()) {
        const double previous = earlier.back();
        point.change_previous = x - previous;
        point.change_first = x - *first;
        // r = 1 (a norm may say so) leaves no measurement error to divide by: no RC.
        if (ref_sd && r && *ref_sd > 0 && *r < 1) {
          point.rc_previous = reliable_change(previous, x, *ref_sd, *r);
          point.rc_first = reliable_change(*first, x, *ref_sd, *r);
          if (*point.rc_previous < -settings.reliable_z || *point.rc_first < -settings.reliable_z)
            raise(point, TrendFlag::reliable_drop);
        }

        // The rolling baseline: mean and SD of the last `baseline` earlier scores.
        std::optional<double> own_sd;
        const std::size_t window = static_cast<std::size_t>(std::max(settings.baseline, 1));
        if (earlier.size() >= window) {
          const std::vector<double> last(earlier.end() - static_cast<std::ptrdiff_t>(window), earlier.end());
          const double mean = std::accumulate(last.begin(), last.end(), 0.0) / static_cast<double>(window);
          point.baseline = mean;
          if (window >= 2) own_sd = sample_sd(last, mean);
        }
        // The stricter (larger) of the reference SD and the respondent's own.
        // Without a reference SD no rupture is claimed: a steady respondent's
        // own SD alone is near 0 and would call every wobble a rupture.
        std::optional<double> sd = ref_sd;
        if (sd && own_sd && *own_sd > *sd) sd = own_sd;
        if (open_rupture && at_least(x, repair_level)) {
          raise(point, TrendFlag::repair);
          open_rupture.reset();
        }
        if (sd && *sd > 0) {
          point.rupture_sd = sd;
          const double drop = settings.rupture_sds * *sd;
          const bool from_previous = at_least(previous - x, drop);
          const bool from_baseline = point.baseline && at_least(*point.baseline - x, drop);
          if (from_previous || from_baseline) {
            raise(point, TrendFlag::rupture);
            open_rupture = p;
            repair_level = from_previous ? previous : *point.baseline;
            point.repair_level = repair_level;
          }
        }
      }
      if (!first) first = x;
      earlier.push_back(x);
    }
  }
  return points;
}

}  // namespace alliance::core
