#include "alliance/core/trend.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <numeric>
#include <span>

#include "alliance/core/exact.hpp"

namespace alliance::core {

namespace {

constexpr double kTolerance = 1e-9;  // for keyed answers, and numbers that are not exact decimals

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

// A score, or a number made from scores, with its exact fraction when it has
// one (docs/trend.md: changes, baselines and decisions are exact; a number
// without a fraction falls back to doubles and the 1e-9 tolerance).
struct Exact {
  double value = 0;
  std::optional<Fraction> fraction;
};

Exact of_score(const ScaleScore& score) {
  return {*score.value, score.exact};
}

Exact of_setting(double value) {
  return {value, decimal_of(value, kValuePlaces)};
}

Exact minus(const Exact& a, const Exact& b) {
  if (a.fraction && b.fraction) {
    // Most differences are between scores of one scale, on one denominator:
    // then a - b is (a.num - b.num) / den reduced, as subtract() finds it.
    const Fraction& x = *a.fraction;
    const Fraction& y = *b.fraction;
    if (x.den == y.den && x.den > 0 && x.num <= kExactLimit && -x.num <= kExactLimit &&
        y.num <= kExactLimit && -y.num <= kExactLimit) {
      if (const std::optional<Fraction> d = reduced(x.num - y.num, x.den)) return {to_double(*d), d};
      return {a.value - b.value, std::nullopt};
    }
    if (const std::optional<Fraction> d = subtract(x, y)) return {to_double(*d), d};
  }
  return {a.value - b.value, std::nullopt};
}

// -a: minus(b, a) for the a = minus(a, b) at hand (the same reduced fraction,
// its sign changed; in doubles, b - a is exactly -(a - b)).
Exact negated(const Exact& a) {
  Exact out{-a.value, a.fraction};
  if (out.fraction) out.fraction->num = -out.fraction->num;
  return out;
}

Exact times(const Exact& a, const Exact& b) {
  if (a.fraction && b.fraction)
    if (const std::optional<Fraction> p = multiply(*a.fraction, *b.fraction)) return {to_double(*p), p};
  return {a.value * b.value, std::nullopt};
}

bool at_least(const Exact& value, const Exact& bound) {
  if (value.fraction && bound.fraction) return compare(*value.fraction, *bound.fraction) >= 0;
  return at_least(value.value, bound.value);
}

// The mean and the sample variance (n - 1) of `values`, exactly when each has a fraction.
struct Spread {
  Exact mean;
  Exact variance;
};

// 128-bit whole numbers (GCC and Clang), for the exact sums of a window.
__extension__ typedef __int128 TrendWide;

// a / b in lowest terms, when both fit in 64 bits.
std::optional<Fraction> lowest_terms(TrendWide a, TrendWide b) {
  if (b < 0) a = -a, b = -b;
  constexpr TrendWide kMax64 = std::numeric_limits<std::int64_t>::max();
  if (a <= kMax64 && -a <= kMax64 && b <= kMax64 && b > 0) {  // the common case, without 128-bit division
    auto x = static_cast<std::int64_t>(a), y = static_cast<std::int64_t>(b);
    const std::int64_t g = std::gcd(x, y);
    if (g > 1) x = quotient(x, g), y = quotient(y, g);
    return Fraction{x, y};
  }
  TrendWide x = a < 0 ? -a : a, y = b;
  while (y != 0) {
    const TrendWide t = x % y;
    x = y;
    y = t;
  }
  if (x > 1) a /= x, b /= x;
  constexpr TrendWide kMax = std::numeric_limits<std::int64_t>::max();
  if (b == 0 || a > kMax || -a > kMax || b > kMax) return std::nullopt;
  return Fraction{static_cast<std::int64_t>(a), static_cast<std::int64_t>(b)};
}

// spread() over whole numbers: every value's fraction on a common denominator
// L, then sum S and sum of squares Q of the numerators, mean = S / (n L) and
// variance = (n Q - S^2) / (n (n - 1) L^2), each reduced once. None when a
// value has no fraction or a number outgrows 128 bits' safe range.
std::optional<Spread> whole_number_spread(std::span<const Exact> values, bool variance) {
  constexpr std::int64_t kLargestDenominator = 1'000'000'000;  // keeps L^2 n^2 and the squares in range
  std::int64_t common = 1;
  for (const Exact& v : values) {
    if (!v.fraction || v.fraction->den <= 0) return std::nullopt;
    if (v.fraction->den != common) common = std::lcm(common, v.fraction->den);
    if (common > kLargestDenominator) return std::nullopt;
  }
  constexpr TrendWide kLargestNumerator = static_cast<TrendWide>(1) << 60;
  TrendWide sum = 0, squares = 0;
  for (const Exact& v : values) {
    const TrendWide a = static_cast<TrendWide>(v.fraction->num) * quotient(common, v.fraction->den);
    if (a > kLargestNumerator || -a > kLargestNumerator) return std::nullopt;
    sum += a;
    squares += a * a;
  }
  const auto n = static_cast<TrendWide>(values.size());
  Spread out;
  out.mean.fraction = lowest_terms(sum, n * common);
  if (!out.mean.fraction) return std::nullopt;
  out.mean.value = to_double(*out.mean.fraction);
  if (!variance || n < 2) return out;
  // n Q - S^2 <= n^2 2^120 needs n small; windows are --baseline long (at most 1000).
  if (n > 1000 || squares > (static_cast<TrendWide>(1) << 120) / n) return std::nullopt;
  out.variance.fraction = lowest_terms(n * squares - sum * sum, n * (n - 1) * common * common);
  if (!out.variance.fraction) return std::nullopt;
  out.variance.value = to_double(*out.variance.fraction);
  return out;
}

Spread spread(std::span<const Exact> values, bool variance = true) {
  if (std::optional<Spread> fast = whole_number_spread(values, variance)) return *fast;
  const auto n = static_cast<std::int64_t>(values.size());
  double sum = 0;
  for (const Exact& v : values) sum += v.value;
  Spread out;
  out.mean.value = sum / static_cast<double>(n);
  double squares = 0;
  for (const Exact& v : values) squares += (v.value - out.mean.value) * (v.value - out.mean.value);
  out.variance.value = n > 1 ? squares / static_cast<double>(n - 1) : 0;

  std::optional<Fraction> total = Fraction{0, 1};
  for (const Exact& v : values) total = total && v.fraction ? add(*total, *v.fraction) : std::nullopt;
  if (!total) return out;
  out.mean.fraction = divide(*total, Fraction{n, 1});
  if (!out.mean.fraction) return out;
  out.mean.value = to_double(*out.mean.fraction);
  if (n < 2) return out;
  std::optional<Fraction> deviations = Fraction{0, 1};
  for (const Exact& v : values) {
    const std::optional<Fraction> d = subtract(*v.fraction, *out.mean.fraction);
    const std::optional<Fraction> square = d ? multiply(*d, *d) : std::nullopt;
    deviations = deviations && square ? add(*deviations, *square) : std::nullopt;
  }
  if (deviations) out.variance.fraction = divide(*deviations, Fraction{n - 1, 1});
  if (out.variance.fraction) out.variance.value = to_double(*out.variance.fraction);
  return out;
}

// Values only, for a scale whose fractions nothing uses (no reference SD:
// no reliable change, no rupture): minus(a, b).value and
// spread(values, false).mean.value, without reducing a fraction when every
// number is on one denominator. A fraction and its reduced form are the same
// number, so the one correctly rounded division of two whole numbers below
// 2^53 gives the same double as to_double of the reduced fraction.
Exact minus_value(const Exact& a, const Exact& b) {
  if (a.fraction && b.fraction && a.fraction->den == b.fraction->den) {
    const Fraction& x = *a.fraction;
    const Fraction& y = *b.fraction;
    const std::int64_t num = x.num - y.num;  // |num| <= 2^54: no overflow
    if (x.den > 0 && x.den <= kExactLimit && x.num <= kExactLimit && -x.num <= kExactLimit &&
        y.num <= kExactLimit && -y.num <= kExactLimit && num <= kExactLimit && -num <= kExactLimit)
      return {static_cast<double>(num) / static_cast<double>(x.den), std::nullopt};
  }
  return {minus(a, b).value, std::nullopt};
}

Exact mean_value(std::span<const Exact> values) {
  // whole_number_spread's own limits, so that it would take its exact path
  constexpr std::int64_t kLargestDenominator = 1'000'000'000;
  if (!values.empty() && values.size() <= 1000 && values[0].fraction) {
    const std::int64_t den = values[0].fraction->den;
    TrendWide sum = 0;
    bool one_denominator = den > 0 && den <= kLargestDenominator;
    for (const Exact& v : values) {
      if (!one_denominator) break;
      one_denominator = v.fraction && v.fraction->den == den && v.fraction->num <= kExactLimit &&
                        -v.fraction->num <= kExactLimit;
      if (one_denominator) sum += v.fraction->num;
    }
    const TrendWide whole = static_cast<TrendWide>(values.size()) * den;
    if (one_denominator && sum <= kExactLimit && -sum <= kExactLimit && whole <= kExactLimit)
      return {static_cast<double>(static_cast<std::int64_t>(sum)) /
                  static_cast<double>(static_cast<std::int64_t>(whole)),
              std::nullopt};
  }
  return {spread(values, false).mean.value, std::nullopt};
}

// The SD a drop is measured in: a reference SD, or the square root of the
// baseline's variance (set), compared through squares so it stays exact.
struct DropSd {
  double sd = 0;
  Exact k_reference;  // k times the reference SD (worked out once per scale), when variance is not set
  std::optional<Exact> variance;
  bool own = false;
};

// The rupture threshold k, with k^2 worked out once.
struct RuptureK {
  Exact k;
  std::optional<Fraction> squared;  // when k is a decimal
};

RuptureK rupture_k(double k) {
  RuptureK out{of_setting(k), std::nullopt};
  if (out.k.fraction) out.squared = multiply(*out.k.fraction, *out.k.fraction);
  return out;
}

// Whether drop >= k * SD.
bool drop_at_least(const Exact& drop, const RuptureK& rk, const DropSd& sd) {
  const Exact& k = rk.k;
  if (!sd.variance) return at_least(drop, sd.k_reference);
  if (drop.fraction && k.fraction && sd.variance->fraction && k.fraction->num >= 0) {
    // drop >= k sqrt(V)  <=>  drop >= 0 and drop^2 >= k^2 V
    if (drop.fraction->num < 0) return false;
    const std::optional<Fraction> bound =
        rk.squared ? multiply(*rk.squared, *sd.variance->fraction) : std::nullopt;
    const std::optional<Fraction> square = multiply(*drop.fraction, *drop.fraction);
    if (bound && square) return compare(*square, *bound) >= 0;
  }
  return at_least(drop.value, k.value * sd.sd);
}

// The reliable change index of a change: from RC^2 = change^2 / (SD^2 2 (1 - r)),
// exact when every number is a decimal, then one rounding and a square root
// (so an RC of exactly -1.96 is -1.96); else reliable_change() in doubles.
struct ReliableChange {
  double rc = 0;
  std::optional<Fraction> squared;
};

// What every RC of a scale shares, worked out once: SD^2 2 (1 - r) exactly
// when SD and r are decimals, and z^2 when z is one (z >= 0).
struct RcSetting {
  double sd = 0, r = 0, z = 0;
  Exact denominator;
  std::optional<Fraction> z_squared;
};

RcSetting rc_setting(double sd, double r, double z) {
  RcSetting out{sd, r, z, {}, std::nullopt};
  const Exact sd_e = of_setting(sd);
  const Exact twice_unreliable =
      times(Exact{2, Fraction{2, 1}}, minus(Exact{1, Fraction{1, 1}}, of_setting(r)));
  out.denominator = times(times(sd_e, sd_e), twice_unreliable);
  const Exact zz = of_setting(z);
  if (zz.fraction && zz.fraction->num >= 0) out.z_squared = multiply(*zz.fraction, *zz.fraction);
  return out;
}

ReliableChange reliable_change_of(const Exact& change, const RcSetting& setting) {
  const Exact& denominator = setting.denominator;
  const std::optional<Fraction> square =
      change.fraction ? multiply(*change.fraction, *change.fraction) : std::nullopt;
  if (change.fraction && square && denominator.fraction && denominator.fraction->num > 0)
    if (const std::optional<Fraction> q = divide(*square, *denominator.fraction))
      return {std::copysign(std::sqrt(to_double(*q)), change.value), q};
  return {change.value / (setting.sd * std::sqrt(2.0) * std::sqrt(1 - setting.r)), std::nullopt};
}

// RC < -z: exactly, as change < 0 and RC^2 > z^2, when RC^2 and z^2 are exact.
bool reliable_drop(const ReliableChange& rc, const Exact& change, const RcSetting& setting) {
  if (rc.squared && change.fraction && setting.z_squared)
    return change.fraction->num < 0 && compare(*rc.squared, *setting.z_squared) > 0;
  return rc.rc < -setting.z;
}

// Per-session flags that need no history: below-band, ceiling, low-item.
void session_flags(const Questionnaire& q, const SessionScores& session, const TrendSettings& settings,
                   std::size_t scale, ScalePoint& point) {
  const std::size_t n = q.subscales.size();
  const ScaleScore& score = scale < n ? session.sheet.subscales[scale] : session.sheet.total;
  const std::optional<Bands>& bands = scale < n ? q.subscales[scale].bands : q.total.bands;
  if (!point.score) return;
  if (in_concern(bands, score)) raise(point, TrendFlag::below_band);

  bool all_top = true;
  int answered = 0;
  const double low = settings.low_item.value_or(q.scale.min);
  const auto look = [&](std::size_t item) {
    if (!session.answers[item]) return;
    ++answered;
    const double keyed = keyed_answer(q, item, *session.answers[item]);
    if (keyed != q.scale.max) all_top = false;
    if (keyed <= low + kTolerance) point.low_items.push_back(item);
  };
  if (scale < n)
    for (std::size_t item : q.subscales[scale].items) look(item);
  else
    for (std::size_t item = 0; item < q.items.size(); ++item) look(item);
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

const char* to_string(ReliableFrom from) {
  switch (from) {
    case ReliableFrom::previous: return "previous";
    case ReliableFrom::first: return "first";
    case ReliableFrom::both: return "both";
  }
  return "?";
}

double score_step(const Questionnaire& q, std::size_t scale) {
  const std::size_t n = q.subscales.size();
  // One answer's smallest move over `items`: the smallest step between the
  // scale's points (its option scores when it has them) times the lightest
  // item; a mean divides by the items' weights, as scoring does.
  const auto over_items = [&](const std::vector<std::size_t>& items, Method method) {
    double point = q.scale.precision;
    if (!q.scale.scores.empty()) {
      point = 0;
      for (std::size_t k = 1; k < q.scale.scores.size(); ++k) {
        const double d = std::fabs(q.scale.scores[k] - q.scale.scores[k - 1]);
        if (d > 0 && (point == 0 || d < point)) point = d;
      }
    }
    double lightest = 0, weights = 0;
    for (std::size_t i : items) {
      const double w = std::fabs(q.items[i].weight);
      if (w > 0 && (lightest == 0 || w < lightest)) lightest = w;
      weights += w;
    }
    const double step = point * lightest;
    return method == Method::sum || weights == 0 ? step : step / weights;
  };
  if (scale < n) return over_items(q.subscales[scale].items, q.subscales[scale].method);
  if (q.total.of == TotalOf::items) {
    std::vector<std::size_t> all(q.items.size());
    std::iota(all.begin(), all.end(), std::size_t{0});
    return over_items(all, q.total.method);
  }
  // A total of subscales moves by its smallest subscale's step.
  double smallest = 0;
  for (std::size_t s = 0; s < n; ++s) {
    const double step = score_step(q, s);
    if (step > 0 && (smallest == 0 || step < smallest)) smallest = step;
  }
  return q.total.method == Method::sum || n == 0 ? smallest : smallest / static_cast<double>(n);
}

std::optional<SdProblem> implausible_sd(const Questionnaire& q, std::size_t scale, double sd) {
  const ScoreRanges ranges = score_ranges(q);
  const ScoreRange range = scale < q.subscales.size() ? ranges.subscales[scale] : ranges.total;
  if (sd < score_step(q, scale) * (1 - kTolerance)) return SdProblem::below_step;
  if (sd > (range.high - range.low) / 2 * (1 + kTolerance)) return SdProblem::above_half_range;
  return std::nullopt;
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

  // Per scale, reused from one scale to the next.
  std::vector<Exact> earlier;         // scores of the earlier sessions, in order
  std::vector<bool> earlier_rupture;  // whether each was flagged rupture
  std::vector<Exact> steady;          // the window's scores not flagged rupture
  earlier.reserve(points.size());
  earlier_rupture.reserve(points.size());
  for (std::size_t s = 0; s <= n; ++s) {
    if (s == n && !q.total.present) continue;
    static const std::optional<double> kNone;
    const std::optional<double>& ref_sd = s < settings.reference_sd.size() ? settings.reference_sd[s] : kNone;
    const std::optional<double>& r = s < settings.retest_r.size() ? settings.retest_r[s] : kNone;
    earlier.clear();
    earlier_rupture.clear();
    std::optional<Exact> first;
    // The rupture awaiting repair: its position and pre-drop level.
    std::optional<std::size_t> open_rupture;
    Exact repair_level;
    const RuptureK k = rupture_k(settings.rupture_sds);
    // The reference SD and its square, once per scale.
    const Exact reference = ref_sd ? of_setting(*ref_sd) : Exact{};
    const Exact reference_squared = ref_sd ? times(reference, reference) : Exact{};
    const Exact k_reference = ref_sd ? times(k.k, reference) : Exact{};
    // Without a reference SD the changes and the baseline are only written
    // out: their values are enough (minus_value, mean_value).
    const bool exact = ref_sd.has_value();
    std::optional<RcSetting> rc;  // made at the first RC of the scale

    for (std::size_t p = 0; p < points.size(); ++p) {
      const SessionScores& session = sessions[points[p].input];
      const ScaleScore& score = s < n ? session.sheet.subscales[s] : session.sheet.total;
      ScalePoint& point = points[p].scales[s];
      if (score.status == Status::ok && score.value) point.score = score.value;
      session_flags(q, session, settings, s, point);
      if (open_rupture && p - *open_rupture > static_cast<std::size_t>(settings.repair_within))
        open_rupture.reset();
      if (!point.score) continue;
      const Exact x = of_score(score);

      if (!earlier.empty()) {
        const Exact& previous = earlier.back();
        const Exact from_previous = exact ? minus(x, previous) : minus_value(x, previous);
        const Exact from_first = exact ? minus(x, *first) : minus_value(x, *first);
        point.change_previous = from_previous.value;
        point.change_first = from_first.value;
        // r = 1 (a norm may say so) leaves no measurement error to divide by: no RC.
        if (ref_sd && r && *ref_sd > 0 && *r < 1) {
          if (!rc) rc = rc_setting(*ref_sd, *r, settings.reliable_z);
          const ReliableChange rc_previous = reliable_change_of(from_previous, *rc);
          const ReliableChange rc_first = reliable_change_of(from_first, *rc);
          point.rc_previous = rc_previous.rc;
          point.rc_first = rc_first.rc;
          // One test per session unless asked for both (docs/trend.md: multiple comparisons).
          const ReliableFrom from = settings.reliable_from;
          if ((from != ReliableFrom::first && reliable_drop(rc_previous, from_previous, *rc)) ||
              (from != ReliableFrom::previous && reliable_drop(rc_first, from_first, *rc)))
            raise(point, TrendFlag::reliable_drop);
        }

        // The rolling baseline: the mean of the last `baseline` earlier
        // scores; the respondent's own SD from the same window without the
        // sessions flagged rupture, so that a drop does not widen the spread
        // the next drop is judged in (docs/trend.md; Montgomery's revised
        // control limits leave out the points found out of control).
        std::optional<Spread> window_spread;
        std::optional<Exact> baseline;
        const std::size_t window = static_cast<std::size_t>(std::max(settings.baseline, 1));
        if (earlier.size() >= window) {
          const std::size_t start = earlier.size() - window;
          const std::span<const Exact> window_scores = std::span<const Exact>(earlier).subspan(start);
          baseline = exact ? spread(window_scores, false).mean : mean_value(window_scores);
          point.baseline = baseline->value;
          if (ref_sd) {  // the own SD only ever matters beside a reference SD
            steady.clear();
            for (std::size_t i = start; i < earlier.size(); ++i)
              if (!earlier_rupture[i]) steady.push_back(earlier[i]);
            if (steady.size() >= 2) window_spread = spread(steady);
          }
        }
        // The stricter (larger) of the reference SD and the respondent's own.
        // Without a reference SD no rupture is claimed: a steady respondent's
        // own SD alone is near 0 and would call every wobble a rupture.
        std::optional<DropSd> sd;
        if (ref_sd) {
          sd = DropSd{*ref_sd, k_reference, std::nullopt};
          if (window_spread) {
            const Exact& variance = window_spread->variance;
            const bool own_larger = variance.fraction && reference_squared.fraction
                                        ? compare(*variance.fraction, *reference_squared.fraction) > 0
                                        : std::sqrt(variance.value) > *ref_sd;
            if (own_larger) sd = DropSd{std::sqrt(variance.value), {}, variance, true};
          }
        }
        if (open_rupture && at_least(x, repair_level)) {
          raise(point, TrendFlag::repair);
          open_rupture.reset();
        }
        if (sd && sd->sd > 0) {
          point.rupture_sd = sd->sd;
          point.own_sd = sd->own;
          // previous - x: -(x - previous), exactly.
          const bool previous_drop = drop_at_least(negated(from_previous), k, *sd);
          const bool baseline_drop = baseline && drop_at_least(minus(*baseline, x), k, *sd);
          if (previous_drop || baseline_drop) {
            raise(point, TrendFlag::rupture);
            open_rupture = p;
            repair_level = previous_drop ? previous : *baseline;
            point.repair_level = repair_level.value;
          }
        }
      }
      if (!first) first = x;
      earlier.push_back(x);
      earlier_rupture.push_back(point.has(TrendFlag::rupture));
    }
  }
  return points;
}

}  // namespace alliance::core
