#include "alliance/core/stats.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace alliance::core {

namespace {

// Scales with more points than this use CoMoments: the count table grows
// with the square of the points.
constexpr double kMaxCountedPoints = 11;

// Rows summed per block before merging: small enough that shifted sums of
// bounded answers stay exact or nearly so, large enough that merging is rare.
constexpr int kBlockRows = 256;

}  // namespace

// ---------------------------------------------------------------- CoMoments

CoMoments::CoMoments(std::vector<double> shift)
    : k_(shift.size()),
      shift_(std::move(shift)),
      y_(k_),
      cn_(k_),
      cs_(k_),
      cq_(k_),
      cp_(k_ * k_),
      mn_(k_ * k_),
      ms_(k_ * k_),
      mq_(k_ * k_),
      tn_(k_ * k_),
      tmean_(k_ * k_),
      tm2_(k_ * k_),
      tc_(k_ * k_),
      lowest_(k_, std::numeric_limits<double>::infinity()),
      highest_(k_, -std::numeric_limits<double>::infinity()) {}

void CoMoments::add(const double* x, const double* present) {
  const std::size_t k = k_;
  double* y = y_.data();
  bool complete = true;
  for (std::size_t i = 0; i < k; ++i) {
    const bool here = present[i] != 0;
    complete = complete & here;
    constexpr double kHuge = std::numeric_limits<double>::infinity();
    lowest_[i] = std::min(lowest_[i], here ? x[i] : kHuge);
    highest_[i] = std::max(highest_[i], here ? x[i] : -kHuge);
    const double yi = here ? x[i] - shift_[i] : 0.0;
    y[i] = yi;
    cn_[i] += here ? 1.0 : 0.0;
    cs_[i] += yi;
    cq_[i] += yi * yi;
  }
  for (std::size_t i = 0; i < k; ++i) {
    const double yi = y[i];
    double* p = cp_.data() + i * k;
    for (std::size_t j = i; j < k; ++j) p[j] += yi * y[j];
  }
  if (!complete) {
    for (std::size_t j = 0; j < k; ++j) {
      if (present[j] != 0) continue;
      double* n = mn_.data() + j * k;
      double* s = ms_.data() + j * k;
      double* q = mq_.data() + j * k;
      for (std::size_t i = 0; i < k; ++i) {
        n[i] += present[i] != 0 ? 1.0 : 0.0;
        s[i] += y[i];
        q[i] += y[i] * y[i];
      }
    }
  }
  if (++block_rows_ == kBlockRows) merge_block();
}

void CoMoments::merge_block() const {
  const std::size_t k = k_;
  for (std::size_t i = 0; i < k; ++i) {
    for (std::size_t j = i; j < k; ++j) {
      const std::size_t ij = i * k + j;
      const std::size_t ji = j * k + i;
      // The block's sums over the rows with both i and j: over the rows with
      // i, less those without j (ms_[ji]: sums of i where j is missing).
      const double nb = cn_[i] - mn_[ji];
      if (nb == 0) continue;
      const double s_i = cs_[i] - ms_[ji], s_j = cs_[j] - ms_[ij];
      const double q_i = cq_[i] - mq_[ji], q_j = cq_[j] - mq_[ij];
      // The block's own means, sums of squares and co-moment.
      const double mb_i = s_i / nb;
      const double mb_j = s_j / nb;
      const double m2b_i = q_i - s_i * mb_i;
      const double m2b_j = q_j - s_j * mb_j;
      const double cb = cp_[ij] - s_i * mb_j;
      combine(i, j, {nb, mb_i, mb_j, m2b_i, m2b_j, cb});
    }
  }
  // Re-centre: the next blocks are shifted by each variable's mean so far
  // (rounded), so their sums stay small whatever the data's location.
  for (std::size_t i = 0; i < k; ++i) {
    // Whole numbers: sums of whole (or half) answers stay exact.
    const double d = std::round(tmean_[i * k + i]);
    if (tn_[i * k + i] == 0 || d == 0) continue;
    shift_[i] += d;
    for (std::size_t j = 0; j < k; ++j) tmean_[i * k + j] -= d;
  }
  for (std::vector<double>* v : {&cn_, &cs_, &cq_, &cp_, &mn_, &ms_, &mq_})
    std::fill(v->begin(), v->end(), 0.0);
  block_rows_ = 0;
}

void CoMoments::append(const CoMoments& later) {
  if (block_rows_ > 0) merge_block();
  if (later.block_rows_ > 0) later.merge_block();
  const std::size_t k = k_;
  for (std::size_t i = 0; i < k; ++i) {
    lowest_[i] = std::min(lowest_[i], later.lowest_[i]);
    highest_[i] = std::max(highest_[i], later.highest_[i]);
  }
  for (std::size_t i = 0; i < k; ++i) {
    for (std::size_t j = i; j < k; ++j) {
      const std::size_t ij = i * k + j;
      const std::size_t ji = j * k + i;
      const double nb = later.tn_[ij];
      if (nb == 0) continue;
      // `later`'s means in this one's frame (each is kept less its own shift).
      const double mb_i = later.tmean_[ij] + later.shift_[i] - shift_[i];
      const double mb_j = later.tmean_[ji] + later.shift_[j] - shift_[j];
      combine(i, j, {nb, mb_i, mb_j, later.tm2_[ij], later.tm2_[ji], later.tc_[ij]});
    }
  }
}

void CoMoments::combine(std::size_t i, std::size_t j, const Pair& more) const {
  // Chan, Golub & LeVeque: `more`'s rows with what came before, for the pair and its mirror.
  const std::size_t ij = i * k_ + j;
  const std::size_t ji = j * k_ + i;
  const double na = tn_[ij];
  const double nb = more.n;
  const double n = na + nb;
  const double d_i = more.mean_i - tmean_[ij];
  const double d_j = more.mean_j - tmean_[ji];
  const double w = na * nb / n;
  tmean_[ij] += d_i * nb / n;
  tm2_[ij] += more.m2_i + d_i * d_i * w;
  tc_[ij] += more.c + d_i * d_j * w;
  tn_[ij] = n;
  if (j != i) {
    tmean_[ji] += d_j * nb / n;
    tm2_[ji] += more.m2_j + d_j * d_j * w;
    tc_[ji] = tc_[ij];
    tn_[ji] = n;
  }
}

CoMoments::Pair CoMoments::pair(std::size_t i, std::size_t j) const {
  if (block_rows_ > 0) merge_block();
  const std::size_t ij = i * k_ + j;
  const std::size_t ji = j * k_ + i;
  Pair out;
  out.n = tn_[ij];
  out.mean_i = tmean_[ij] + shift_[i];
  out.mean_j = tmean_[ji] + shift_[j];
  out.m2_i = tm2_[ij];
  out.m2_j = tm2_[ji];
  out.c = tc_[ij];
  return out;
}

std::optional<double> CoMoments::only_value(std::size_t i) const {
  if (lowest_[i] == highest_[i]) return lowest_[i];
  return std::nullopt;
}

// ---------------------------------------------------------------- PointCounts

PointCounts::PointCounts(std::vector<std::vector<double>> values)
    : k_(values.size()),
      width_(values.empty() ? 1 : values.front().size() + 1),
      values_(std::move(values)),
      counts_(k_ * k_ * width_ * width_),
      totals_(counts_.size()),
      offsets_(k_) {}

void PointCounts::add(const unsigned char* points) {
  const std::size_t k = k_, w = width_;
  // Where variable j's point falls within a pair's table, once per row, so
  // that each pair is a load and an increment.
  std::size_t* offset = offsets_.data();
  for (std::size_t j = 0; j < k; ++j) offset[j] = j * w * w + points[j];
  std::uint32_t* counts = counts_.data();
  for (std::size_t i = 0; i < k; ++i) {
    std::uint32_t* row = counts + cell(i, 0) + points[i] * w;
    for (std::size_t j = i; j < k; ++j) ++row[offset[j]];
  }
  if (++rows_ == UINT32_MAX) flush();
}

void PointCounts::append(const PointCounts& later) {
  if (rows_ > 0) flush();
  if (later.rows_ > 0) later.flush();
  for (std::size_t c = 0; c < totals_.size(); ++c) totals_[c] += later.totals_[c];
}

void PointCounts::flush() const {
  for (std::size_t c = 0; c < counts_.size(); ++c) totals_[c] += counts_[c];
  std::fill(counts_.begin(), counts_.end(), 0);
  rows_ = 0;
}

CoMoments::Pair PointCounts::pair(std::size_t i, std::size_t j) const {
  if (rows_ > 0) flush();
  if (i > j) {
    CoMoments::Pair swapped = pair(j, i);
    std::swap(swapped.mean_i, swapped.mean_j);
    std::swap(swapped.m2_i, swapped.m2_j);
    return swapped;
  }
  const std::uint64_t* t = totals_.data() + cell(i, j);
  const std::vector<double>& vi = values_[i];
  const std::vector<double>& vj = values_[j];
  CoMoments::Pair out;
  double sum_i = 0, sum_j = 0;
  for (std::size_t a = 1; a < width_; ++a) {
    for (std::size_t b = 1; b < width_; ++b) {
      const auto n = static_cast<double>(t[a * width_ + b]);
      out.n += n;
      sum_i += n * vi[a - 1];
      sum_j += n * vj[b - 1];
    }
  }
  if (out.n == 0) return out;
  out.mean_i = sum_i / out.n;
  out.mean_j = sum_j / out.n;
  for (std::size_t a = 1; a < width_; ++a) {
    for (std::size_t b = 1; b < width_; ++b) {
      const auto n = static_cast<double>(t[a * width_ + b]);
      const double di = vi[a - 1] - out.mean_i, dj = vj[b - 1] - out.mean_j;
      out.m2_i += n * di * di;
      out.m2_j += n * dj * dj;
      out.c += n * di * dj;
    }
  }
  return out;
}

std::optional<double> PointCounts::only_value(std::size_t i) const {
  if (rows_ > 0) flush();
  const std::uint64_t* t = totals_.data() + cell(i, i);
  std::optional<double> seen;
  for (std::size_t a = 1; a < width_; ++a) {
    if (t[a * width_ + a] == 0) continue;
    const double v = values_[i][a - 1];  // two points may score the same (option scores)
    if (seen && *seen != v) return std::nullopt;
    seen = v;
  }
  return seen;
}

// ---------------------------------------------------------------- alpha

namespace {

struct AlphaParts {
  double raw, standardised, average_r;
};

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// A sum of k x k covariances (or correlations) is zero up to rounding when it
// is below a ten-billionth of the largest it could be (k tr C, or k^2): each
// of its k^2 terms carries a relative error of a few 1e-16.
bool negligible(double sum, double largest) {
  return !(std::fabs(sum) > 1e-10 * largest);
}

// A coefficient past its bound by rounding only is brought back to it; a
// larger excess (possible with pairwise covariances) is the value itself.
double settle(double value, double low, double high) {
  constexpr double kRounding = 1e-12;
  if (value > high && value <= high + kRounding) return high;
  if (value < low && value >= low - kRounding) return low;
  return value;
}

// psych's alpha.1 from the sums it needs; NaN where a denominator is zero.
AlphaParts alpha_parts(double k, double trace_c, double sum_c, double sum_r) {
  const double raw = negligible(sum_c, k * trace_c) ? kNaN : (1 - trace_c / sum_c) * (k / (k - 1));
  const double standardised = negligible(sum_r, k * k) ? kNaN : (1 - k / sum_r) * (k / (k - 1));
  return {settle(raw, -std::numeric_limits<double>::infinity(), 1),
          settle(standardised, -std::numeric_limits<double>::infinity(), 1),
          settle((sum_r - k) / (k * (k - 1)), -1, 1)};
}

}  // namespace

Alpha cronbach_alpha(const std::vector<double>& c, std::size_t k) {
  std::vector<double> col_c(k, 0.0), col_r(k, 0.0);
  double sum_c = 0, sum_r = 0, trace_c = 0;
  for (std::size_t i = 0; i < k; ++i) {
    trace_c += c[i * k + i];
    for (std::size_t j = 0; j < k; ++j) {
      const double cij = c[i * k + j];
      const double rij = i == j ? 1.0 : cij / std::sqrt(c[i * k + i] * c[j * k + j]);
      col_c[j] += cij;
      col_r[j] += rij;
      sum_c += cij;
      sum_r += rij;
    }
  }
  const double kd = static_cast<double>(k);
  const AlphaParts whole = alpha_parts(kd, trace_c, sum_c, sum_r);
  Alpha out{whole.raw, whole.standardised, whole.average_r, std::vector<AlphaItem>(k)};
  for (std::size_t i = 0; i < k; ++i) {
    const double cii = c[i * k + i];
    const double sum_c_rest = sum_c - 2 * col_c[i] + cii;  // sum of C without row and column i
    AlphaItem& item = out.items[i];
    item.r_drop = negligible(sum_c_rest, (kd - 1) * (trace_c - cii))
                      ? kNaN
                      : settle((col_c[i] - cii) / std::sqrt(cii * sum_c_rest), -1, 1);
    if (k >= 3) {
      const AlphaParts drop = alpha_parts(kd - 1, trace_c - cii, sum_c_rest, sum_r - 2 * col_r[i] + 1);
      item.alpha_if_dropped = drop.raw;
      item.std_alpha_if_dropped = drop.standardised;
      item.average_r_if_dropped = drop.average_r;
    }
  }
  return out;
}

// ---------------------------------------------------------------- F quantile

namespace {

double log_beta(double a, double b) {
  return std::lgamma(a) + std::lgamma(b) - std::lgamma(a + b);
}

// The continued fraction of I_x(a, b) (modified Lentz), for x < (a + 1) / (a + b + 2).
double beta_fraction(double x, double a, double b) {
  constexpr double tiny = 1e-300;
  constexpr double eps = 1e-16;
  const double qab = a + b, qap = a + 1, qam = a - 1;
  double c = 1, d = 1 - qab * x / qap;
  if (std::fabs(d) < tiny) d = tiny;
  d = 1 / d;
  double h = d;
  for (int m = 1; m < 1000000; ++m) {
    const double m2 = 2.0 * m;
    double aa = m * (b - m) * x / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (std::fabs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (std::fabs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (std::fabs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (std::fabs(c) < tiny) c = tiny;
    d = 1 / d;
    const double del = d * c;
    h *= del;
    if (std::fabs(del - 1) < eps) break;
  }
  return h;
}

}  // namespace

double incomplete_beta(double x, double a, double b) {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const double front = std::exp(a * std::log(x) + b * std::log1p(-x) - log_beta(a, b));
  if (x < (a + 1) / (a + b + 2)) return front * beta_fraction(x, a, b) / a;
  return 1 - front * beta_fraction(1 - x, b, a) / b;
}

double f_quantile(double p, double df1, double df2) {
  if (!(p > 0 && p < 1) || !(df1 > 0) || !(df2 > 0)) return std::numeric_limits<double>::quiet_NaN();
  // F = df2 X / (df1 (1 - X)) with X ~ Beta(df1 / 2, df2 / 2): solve I_x = p
  // by Newton's method, kept inside a bisection bracket.
  const double a = df1 / 2, b = df2 / 2;
  const double lb = log_beta(a, b);
  double lo = 0, hi = 1, x = a / (a + b);
  for (int iteration = 0; iteration < 400; ++iteration) {
    const double f = incomplete_beta(x, a, b) - p;
    if (f < 0)
      lo = x;
    else
      hi = x;
    const double density = std::exp((a - 1) * std::log(x) + (b - 1) * std::log1p(-x) - lb);
    double next = density > 0 ? x - f / density : (lo + hi) / 2;
    if (!(next > lo && next < hi)) next = (lo + hi) / 2;
    if (std::fabs(next - x) <= 1e-16 * x || hi - lo <= 1e-17) {
      x = next;
      break;
    }
    x = next;
  }
  return df2 * x / (df1 * (1 - x));
}

Interval feldt_interval(double alpha, double n, double k, double level) {
  const double p = 1 - level;
  const double df1 = n - 1, df2 = (n - 1) * (k - 1);
  return {1 - (1 - alpha) * f_quantile(1 - p / 2, df1, df2), 1 - (1 - alpha) * f_quantile(p / 2, df1, df2)};
}

// ---------------------------------------------------------------- quality

const char* to_string(MissingHandling handling) {
  return handling == MissingHandling::listwise ? "listwise" : "pairwise";
}

const char* to_string(WarningKind kind) {
  switch (kind) {
    case WarningKind::negative_item_rest: return "negative_item_rest";
    case WarningKind::few_complete: return "few_complete";
    case WarningKind::floor: return "floor";
    case WarningKind::ceiling: return "ceiling";
    case WarningKind::no_variance: return "no_variance";
    case WarningKind::score_no_variance: return "score_no_variance";
  }
  return "";
}

int default_run_limit(const Questionnaire& questionnaire) {
  return static_cast<int>(questionnaire.items.size() / 2 + 1);
}

namespace {

// The quality flags of one response, item by item, without a branch on the
// answers: on random answers every branch would be mispredicted, and this
// runs for every response `alliance stats` reads.
class QualityScan {
 public:
  void add(bool present, double answer, double keyed) {
    // All answers alike when the smallest equals the largest: a missing one
    // counts as neither (min and max compile to single instructions).
    constexpr double kHuge = std::numeric_limits<double>::infinity();
    lowest_answer_ = std::min(lowest_answer_, present ? answer : kHuge);
    highest_answer_ = std::max(highest_answer_, present ? answer : -kHuge);
    lowest_keyed_ = std::min(lowest_keyed_, present ? keyed : kHuge);
    highest_keyed_ = std::max(highest_keyed_, present ? keyed : -kHuge);
    answered_ += present ? 1 : 0;
    // A missing answer ends a run; so does a different one.
    // Arithmetic, not ?: -- compilers turn the nested choice into a branch.
    const int continues = static_cast<int>(previous_present_ & (answer == previous_));
    run_ = static_cast<int>(present) * (continues * run_ + 1);
    longest_run_ = run_ > longest_run_ ? run_ : longest_run_;
    previous_ = answer;
    previous_present_ = present;
  }
  ResponseQuality finish(int run_limit) const {
    ResponseQuality out;
    out.answered = answered_;
    out.longest_run = longest_run_;
    out.straightline = answered_ >= 3 && lowest_answer_ == highest_answer_;
    out.zero_variance = answered_ >= 3 && lowest_keyed_ == highest_keyed_;
    out.long_run = run_limit > 0 && longest_run_ >= run_limit;
    return out;
  }

 private:
  int answered_ = 0, run_ = 0, longest_run_ = 0;
  bool previous_present_ = false;
  double previous_ = 0;
  double lowest_answer_ = std::numeric_limits<double>::infinity();
  double highest_answer_ = -std::numeric_limits<double>::infinity();
  double lowest_keyed_ = std::numeric_limits<double>::infinity();
  double highest_keyed_ = -std::numeric_limits<double>::infinity();
};

}  // namespace

ResponseQuality assess_quality(const Questionnaire& q, const Answers& answers, int run_limit) {
  QualityScan scan;
  for (std::size_t i = 0; i < answers.size(); ++i)
    scan.add(answers[i].has_value(), answers[i].value_or(0),
             answers[i] ? contribution(q, i, *answers[i]) : 0);
  return scan.finish(run_limit);
}

// ---------------------------------------------------------------- accumulator

namespace {

std::vector<double> item_centres(const Questionnaire& q, const std::vector<std::size_t>& items) {
  std::vector<double> out;
  out.reserve(items.size());
  for (std::size_t i : items)
    out.push_back((contribution(q, i, q.scale.min) + contribution(q, i, q.scale.max)) / 2);
  return out;
}

bool same_value(double a, double b) {
  return std::fabs(a - b) <= 1e-9 * std::max(1.0, std::fabs(b));
}

std::optional<double> finite(double v) {
  if (std::isfinite(v)) return v;
  return std::nullopt;
}

}  // namespace

std::vector<std::size_t> StatsAccumulator::scale_items(std::size_t scale) const {
  if (scale < q_.subscales.size()) return q_.subscales[scale].items;
  std::vector<std::size_t> all(q_.items.size());
  for (std::size_t i = 0; i < all.size(); ++i) all[i] = i;
  return all;
}

StatsAccumulator::StatsAccumulator(const Questionnaire& questionnaire, const StatsOptions& options)
    : q_(questionnaire),
      scorer_(questionnaire),
      options_(options),
      n_scales_(questionnaire.subscales.size() + (questionnaire.total.present ? 1 : 0)),
      answered_(questionnaire.items.size(), 0),
      all_items_({}),
      scores_({}),
      scores_complete_({}) {
  if (options_.run_limit <= 0) options_.run_limit = default_run_limit(q_);
  std::vector<double> score_centres;
  const ScoreRanges ranges = score_ranges(q_);
  for (std::size_t s = 0; s < n_scales_; ++s) {
    items_of_.push_back(scale_items(s));
    ranges_.push_back(s < q_.subscales.size() ? ranges.subscales[s] : ranges.total);
    score_centres.push_back((ranges_.back().low + ranges_.back().high) / 2);
    if (options_.missing == MissingHandling::listwise)
      listwise_.emplace_back(item_centres(q_, items_of_.back()));
  }
  tallies_.resize(n_scales_);
  // scale_items(n) for n past the subscales is every item.
  if (options_.missing == MissingHandling::pairwise) {
    // Counts where the table is small (up to 11 points: a 0-10 scale), co-moments otherwise.
    const Scale& scale = q_.scale;
    const double points = scale.max - scale.min + 1;
    if (scale.kind == ScaleKind::integer && points <= kMaxCountedPoints) {
      std::vector<std::vector<double>> values(q_.items.size());
      point_width_ = static_cast<std::size_t>(points) + 1;
      for (std::size_t i = 0; i < values.size(); ++i) {
        keyed_.push_back(0);  // point 0: missing
        for (std::size_t c = 0; c < static_cast<std::size_t>(points); ++c) {
          values[i].push_back(contribution(q_, i, scale.min + static_cast<double>(c)));
          keyed_.push_back(values[i].back());
        }
      }
      point_counts_ = std::make_unique<PointCounts>(std::move(values));
      points_.resize(q_.items.size());
    } else {
      all_items_ = CoMoments(item_centres(q_, scale_items(q_.subscales.size())));
    }
  }
  scores_ = CoMoments(score_centres);
  scores_complete_ = CoMoments(std::vector<double>(
      score_centres.begin(), score_centres.begin() + static_cast<long>(q_.subscales.size())));
  x_.resize(q_.items.size());
  p_.resize(q_.items.size());
  sx_.resize(n_scales_);
  sp_.resize(n_scales_);
  lx_.resize(q_.items.size());
  lp_.assign(std::max(q_.items.size(), n_scales_), 1.0);
}

void StatsAccumulator::add(const Answers& answers) {
  ++responses_;
  scorer_.score_into(answers, sheet_);
  QualityScan scan;
  const double low = q_.scale.min;
  for (std::size_t i = 0; i < answers.size(); ++i) {
    const bool present = answers[i].has_value();
    const double answer = answers[i].value_or(0);
    p_[i] = present ? 1.0 : 0.0;
    if (point_counts_) {  // the keyed values by point, looked up
      const auto point = static_cast<unsigned char>(present ? answer - low + 1 : 0);
      points_[i] = point;
      x_[i] = keyed_[i * point_width_ + point];
    } else {
      x_[i] = present ? scorer_.contribution(i, answer) : 0.0;
    }
    answered_[i] += present ? 1 : 0;
    scan.add(present, answer, x_[i]);
  }
  if (point_counts_)
    point_counts_->add(points_.data());
  else if (options_.missing == MissingHandling::pairwise)
    all_items_.add(x_.data(), p_.data());
  const std::size_t n_sub = q_.subscales.size();
  bool all_subscales = true;
  for (std::size_t s = 0; s < n_scales_; ++s) {
    const std::vector<std::size_t>& items = items_of_[s];
    // Counted rather than tested item by item: no branch on the answers.
    double present = 0;
    for (std::size_t i : items) present += p_[i];
    const bool complete = present == static_cast<double>(items.size());
    ScaleTally& tally = tallies_[s];
    if (complete) {
      ++tally.complete;
      if (options_.missing == MissingHandling::listwise) {
        for (std::size_t a = 0; a < items.size(); ++a) lx_[a] = x_[items[a]];
        listwise_[s].add(lx_.data(), lp_.data());
      }
    } else {
      ++tally.incomplete;
    }
    const ScaleScore& score = s < n_sub ? sheet_.subscales[s] : sheet_.total;
    if (score.status == Status::ok && score.value) {
      const double v = *score.value;
      tally.min = tally.scored == 0 ? v : std::min(tally.min, v);
      tally.max = tally.scored == 0 ? v : std::max(tally.max, v);
      ++tally.scored;
      tally.at_floor += same_value(v, ranges_[s].low) ? 1 : 0;
      tally.at_ceiling += same_value(v, ranges_[s].high) ? 1 : 0;
      sx_[s] = v;
      sp_[s] = 1;
    } else {
      ++tally.insufficient;
      sx_[s] = 0;
      sp_[s] = 0;
      if (s < n_sub) all_subscales = false;
    }
  }
  scores_.add(sx_.data(), sp_.data());
  // Only listwise correlations are over the responses with every subscale scored.
  const bool listwise = options_.missing == MissingHandling::listwise;
  if (listwise && all_subscales && n_sub > 0) scores_complete_.add(sx_.data(), lp_.data());
  const ResponseQuality quality = scan.finish(options_.run_limit);
  quality_.straightline += quality.straightline ? 1 : 0;
  quality_.zero_variance += quality.zero_variance ? 1 : 0;
  quality_.long_run += quality.long_run ? 1 : 0;
  quality_.flagged += quality.flagged() ? 1 : 0;
}

void StatsAccumulator::append(const StatsAccumulator& later) {
  responses_ += later.responses_;
  for (std::size_t i = 0; i < answered_.size(); ++i) answered_[i] += later.answered_[i];
  for (std::size_t s = 0; s < n_scales_; ++s) {
    ScaleTally& tally = tallies_[s];
    const ScaleTally& more = later.tallies_[s];
    if (more.scored > 0) {
      tally.min = tally.scored == 0 ? more.min : std::min(tally.min, more.min);
      tally.max = tally.scored == 0 ? more.max : std::max(tally.max, more.max);
    }
    tally.scored += more.scored;
    tally.complete += more.complete;
    tally.incomplete += more.incomplete;
    tally.insufficient += more.insufficient;
    tally.at_floor += more.at_floor;
    tally.at_ceiling += more.at_ceiling;
  }
  if (point_counts_)
    point_counts_->append(*later.point_counts_);
  else if (options_.missing == MissingHandling::pairwise)
    all_items_.append(later.all_items_);
  for (std::size_t s = 0; s < listwise_.size(); ++s) listwise_[s].append(later.listwise_[s]);
  scores_.append(later.scores_);
  scores_complete_.append(later.scores_complete_);
  quality_.straightline += later.quality_.straightline;
  quality_.zero_variance += later.quality_.zero_variance;
  quality_.long_run += later.quality_.long_run;
  quality_.flagged += later.quality_.flagged;
}

CoMoments::Pair StatsAccumulator::item_pair(std::size_t i, std::size_t j) const {
  return point_counts_ ? point_counts_->pair(i, j) : all_items_.pair(i, j);
}

std::optional<double> StatsAccumulator::item_only_value(std::size_t i) const {
  return point_counts_ ? point_counts_->only_value(i) : all_items_.only_value(i);
}

namespace {

// Whether a pair's moments say "no variance" where the values themselves
// cannot be compared (a pairwise subset of a variable that varies elsewhere):
// the deviations' root mean square is below a billionth of the values' size,
// which rounding noise stays far under and real scores never reach.
bool noise_only(double m2, double n, double mean) {
  return !(std::sqrt(m2 / n) > 1e-9 * std::max(1.0, std::fabs(mean)));
}

}  // namespace

StatsReport StatsAccumulator::report() const {
  StatsReport out;
  out.missing = options_.missing;
  out.options = options_;
  out.responses = responses_;
  out.quality = quality_;
  out.quality.run_limit = options_.run_limit;
  const bool pairwise = options_.missing == MissingHandling::pairwise;
  for (std::size_t s = 0; s < n_scales_; ++s) {
    ScaleStats scale;
    if (s < q_.subscales.size()) scale.subscale = s;
    const std::vector<std::size_t>& items = items_of_[s];
    const std::size_t k = items.size();
    // Item moments and the covariance matrix psych::alpha starts from
    // (cov(x, use = "pairwise"), or cov of the complete rows).
    std::vector<double> cov(k * k, 0.0);
    bool defined = k >= 2;
    bool no_variance = false;
    double min_pair = std::numeric_limits<double>::infinity();
    for (std::size_t a = 0; a < k; ++a) {
      for (std::size_t b = 0; b < k; ++b) {
        const CoMoments::Pair pair = pairwise ? item_pair(items[a], items[b]) : listwise_[s].pair(a, b);
        min_pair = std::min(min_pair, pair.n);
        if (pair.n < 2)
          defined = false;
        else
          cov[a * k + b] = pair.c / (pair.n - 1);
      }
    }
    for (std::size_t a = 0; a < k; ++a) {
      const CoMoments::Pair own = pairwise ? item_pair(items[a], items[a]) : listwise_[s].pair(a, a);
      ItemStats item;
      item.item = items[a];
      item.answered = answered_[items[a]];
      item.missing_pct = responses_ > 0 ? 100.0 * static_cast<double>(responses_ - item.answered) /
                                              static_cast<double>(responses_)
                                        : 0;
      item.n = own.n;
      // The values compared, not the variance tested: its noise is not 0.
      const std::optional<double> only = pairwise ? item_only_value(items[a]) : listwise_[s].only_value(a);
      if (own.n > 0) item.mean = only ? *only : own.mean_i;
      if (own.n > 1) item.sd = only ? 0.0 : std::sqrt(own.m2_i / (own.n - 1));
      if (own.n > 1 && only) {
        no_variance = true;
        out.warnings.push_back({WarningKind::no_variance, s, items[a], 0});
      }
      scale.items.push_back(item);
    }
    scale.n_used = pairwise ? static_cast<double>(responses_) : static_cast<double>(tallies_[s].complete);
    scale.min_pair_n = k > 0 ? min_pair : 0;
    if (defined && !no_variance) {
      const Alpha alpha = cronbach_alpha(cov, k);
      scale.alpha = finite(alpha.raw);
      scale.std_alpha = finite(alpha.standardised);
      scale.average_r = finite(alpha.average_r);
      if (scale.alpha && scale.n_used >= 2) {
        const Interval ci = feldt_interval(alpha.raw, scale.n_used, static_cast<double>(k));
        scale.alpha_lower = finite(ci.lower);
        scale.alpha_upper = finite(ci.upper);
      }
      for (std::size_t a = 0; a < k; ++a) {
        ItemStats& item = scale.items[a];
        item.r_drop = finite(alpha.items[a].r_drop);
        if (alpha.items[a].alpha_if_dropped) {
          item.alpha_if_dropped = finite(*alpha.items[a].alpha_if_dropped);
          item.std_alpha_if_dropped = finite(*alpha.items[a].std_alpha_if_dropped);
          item.average_r_if_dropped = finite(*alpha.items[a].average_r_if_dropped);
        }
        if (item.r_drop && *item.r_drop < 0)
          out.warnings.push_back({WarningKind::negative_item_rest, s, item.item, *item.r_drop});
      }
    }
    if (k >= 2 && scale.min_pair_n < static_cast<double>(options_.min_complete))
      out.warnings.push_back({WarningKind::few_complete, s, std::nullopt, scale.min_pair_n});
    // The scores.
    const ScaleTally& tally = tallies_[s];
    scale.scored = tally.scored;
    scale.complete = tally.complete;
    scale.incomplete = tally.incomplete;
    scale.insufficient = tally.insufficient;
    if (tally.scored > 0) {
      const CoMoments::Pair own = scores_.pair(s, s);
      const bool constant = tally.min == tally.max;
      scale.mean = constant ? tally.min : own.mean_i;
      if (own.n > 1) scale.sd = constant ? 0.0 : std::sqrt(own.m2_i / (own.n - 1));
      if (own.n > 1 && constant)
        out.warnings.push_back({WarningKind::score_no_variance, s, std::nullopt, tally.min});
      scale.min = tally.min;
      scale.max = tally.max;
      const double scored = static_cast<double>(tally.scored);
      scale.floor_pct = 100.0 * static_cast<double>(tally.at_floor) / scored;
      scale.ceiling_pct = 100.0 * static_cast<double>(tally.at_ceiling) / scored;
      if (scale.floor_pct > options_.floor_ceiling_pct)
        out.warnings.push_back({WarningKind::floor, s, std::nullopt, scale.floor_pct});
      if (scale.ceiling_pct > options_.floor_ceiling_pct)
        out.warnings.push_back({WarningKind::ceiling, s, std::nullopt, scale.ceiling_pct});
    }
    out.scales.push_back(std::move(scale));
  }
  // Correlations between subscale scores: cor(use = "pairwise.complete.obs"),
  // or over the responses with every subscale scored.
  const std::size_t n_sub = q_.subscales.size();
  for (std::size_t a = 0; a < n_sub; ++a) {
    for (std::size_t b = a + 1; b < n_sub; ++b) {
      const CoMoments::Pair pair = pairwise ? scores_.pair(a, b) : scores_complete_.pair(a, b);
      Correlation r{a, b, pair.n, std::nullopt};
      // No variance on either side: the scores compared where they can be
      // (every score of the scale, or every complete response), else the
      // pair's moments against rounding noise.
      const CoMoments& seen = pairwise ? scores_ : scores_complete_;
      const bool flat = seen.only_value(a) || seen.only_value(b) ||
                        noise_only(pair.m2_i, pair.n, pair.mean_i) ||
                        noise_only(pair.m2_j, pair.n, pair.mean_j);
      if (pair.n >= 2 && !flat)
        r.r = finite(std::clamp(pair.c / std::sqrt(pair.m2_i * pair.m2_j), -1.0, 1.0));
      out.correlations.push_back(r);
    }
  }
  return out;
}

}  // namespace alliance::core
