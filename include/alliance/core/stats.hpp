// Researcher statistics over a batch of responses: descriptives of the scale
// scores, Cronbach's alpha with its Feldt interval, item statistics,
// correlations between subscales, warnings, response-quality counts.
//
// One pass, constant memory: every statistic comes from accumulators whose
// size depends on the number of items, never on the number of responses.
// The formulas, and which psych::alpha option each mode matches, are in
// docs/stats.md.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "alliance/core/questionnaire.hpp"
#include "alliance/core/scoring.hpp"

namespace alliance::core {

// Co-moments of k variables, each pair over the rows in which both are
// present (R's cov/cor with use = "pairwise.complete.obs"); feed only complete
// rows for listwise statistics. Rows are summed, shifted, in blocks (exact for
// integer answers; re-centred on the rounded running means after each block) at a
// cost of k (k + 1) / 2 multiply-adds per row plus 3k per missing value, and each block is merged into the
// running means, sums of squares and co-moments with the update of Chan, Golub & LeVeque (1983).
class CoMoments {
 public:
  // `shift` (one per variable): a value near the variable's centre.
  explicit CoMoments(std::vector<double> shift);

  // x[i] is read only when present[i] is 1 (present[i] is 0 or 1).
  void add(const double* x, const double* present);
  // Adds what `later` (over the same variables) has seen, as if its rows had
  // been added here after these: the update of Chan, Golub & LeVeque, pair by pair.
  void append(const CoMoments& later);

  struct Pair {
    double n = 0;       // rows with both i and j
    double mean_i = 0;  // of i over those rows
    double mean_j = 0;
    double m2_i = 0;  // sum of squared deviations of i from mean_i over those rows
    double m2_j = 0;
    double c = 0;  // sum of (i - mean_i)(j - mean_j) over those rows
  };
  // Pair (i, i) is variable i over the rows in which it is present.
  Pair pair(std::size_t i, std::size_t j) const;
  // Variable i's value when every row in which it is present has the same one
  // (nullopt when it varies, or is never present). Exact: the data's own
  // values compared, where the moments carry rounding noise (the mean of 11/3
  // repeated is not exactly 11/3).
  std::optional<double> only_value(std::size_t i) const;
  std::size_t size() const { return k_; }

 private:
  void merge_block() const;
  // Adds `more` (rows' moments about their own means, mean_i and mean_j
  // less this one's shifts) to pair (i, j), i <= j, and its mirror.
  void combine(std::size_t i, std::size_t j, const Pair& more) const;

  std::size_t k_;
  mutable std::vector<double> shift_;  // moved to the running means after each block
  std::vector<double> y_;              // the row, shifted, 0 where missing
  // The current block. Per variable: rows present, sum and sum of squares of
  // y. Cross-products of y (0 where missing, so each sum is over the rows
  // with both): the upper triangle of a k x k matrix. And, for the rows where
  // variable j is missing, the same three per-variable sums at [j * k + i],
  // so that the sums of i over the rows with j are the differences.
  mutable std::vector<double> cn_, cs_, cq_, cp_, mn_, ms_, mq_;
  mutable int block_rows_ = 0;
  // Merged: per ordered pair (i, j), n, mean of y_i and its M2 over rows with j; co-moment.
  mutable std::vector<double> tn_, tmean_, tm2_, tc_;
  std::vector<double> lowest_, highest_;  // per variable, over the rows it is present in
};

// The same pairwise moments as CoMoments, for variables that take a few
// values (items on a Likert scale): for each pair of variables, how many rows
// gave each pair of values, missing included. Adding a row is one increment
// per pair; the moments are worked out from the counts when asked for, in
// two passes (means, then deviations), so they are as exact as the data allow.
class PointCounts {
 public:
  // values[i][c]: the value variable i stands for at point c (0-based).
  explicit PointCounts(std::vector<std::vector<double>> values);
  // points[i]: 0 when variable i is missing, else its point + 1.
  void add(const unsigned char* points);
  // Adds the counts of `later` (the same variables and points): exact.
  void append(const PointCounts& later);
  CoMoments::Pair pair(std::size_t i, std::size_t j) const;
  // As CoMoments::only_value: from the counts, exactly.
  std::optional<double> only_value(std::size_t i) const;

 private:
  std::size_t cell(std::size_t i, std::size_t j) const { return (i * k_ + j) * width_ * width_; }
  void flush() const;

  std::size_t k_;
  std::size_t width_;  // points + 1 (missing)
  std::vector<std::vector<double>> values_;
  // Counts for i <= j (a square table, half of it used), in 32 bits to keep
  // the table small, moved into 64-bit totals before they could overflow.
  mutable std::vector<std::uint32_t> counts_;
  mutable std::vector<std::uint64_t> totals_;
  mutable std::uint32_t rows_ = 0;    // added since the last flush
  std::vector<std::size_t> offsets_;  // scratch of add()
};

// Cronbach's alpha and the statistics psych::alpha derives from a covariance
// matrix (k x k, row-major, k >= 2, every variance > 0), computed exactly as
// psych 2.2 does. A coefficient whose denominator is zero up to rounding (the
// items add up to a constant: sum C = 0) is NaN, not the quotient of two
// rounding errors; one past its bound by rounding only (alpha 1 + 2e-16) is
// brought back to it. Pairwise covariances need not form a valid covariance
// matrix, and then a coefficient can really pass its bound, as in psych.
struct AlphaItem {
  double r_drop = 0;  // corrected item-total (item-rest) correlation
  // With the item left out; only when k >= 3.
  std::optional<double> alpha_if_dropped;
  std::optional<double> std_alpha_if_dropped;
  std::optional<double> average_r_if_dropped;
};
struct Alpha {
  double raw = 0;           // (1 - tr C / sum C) k / (k - 1)
  double standardised = 0;  // (1 - k / sum R) k / (k - 1), R = cov2cor(C)
  double average_r = 0;     // (sum R - k) / (k (k - 1))
  std::vector<AlphaItem> items;
};
Alpha cronbach_alpha(const std::vector<double>& covariance, std::size_t k);

// Feldt's (1965) confidence interval for alpha, as psych::alpha.ci:
// 1 - (1 - alpha) F_{1-p/2}, 1 - (1 - alpha) F_{p/2} with F on n - 1 and
// (n - 1)(k - 1) degrees of freedom.
struct Interval {
  double lower = 0;
  double upper = 0;
};
Interval feldt_interval(double alpha, double n, double k, double level = 0.95);

// The regularised incomplete beta function I_x(a, b), and the quantile of
// Fisher's F distribution (exact, to about 1e-14: R's qf agrees where
// df2 <= 4e5; above, R returns the chi-square approximation qchisq(p, df1) / df1).
double incomplete_beta(double x, double a, double b);
double f_quantile(double p, double df1, double df2);

enum class MissingHandling { pairwise, listwise };
const char* to_string(MissingHandling handling);

struct StatsOptions {
  MissingHandling missing = MissingHandling::pairwise;
  long min_complete = 30;         // fewer complete responses (or pairs) gives a warning
  double floor_ceiling_pct = 15;  // share at a scale's minimum or maximum that gives a warning
  int run_limit = 0;              // longest identical run flagged from this length; 0 = items/2 + 1
};

// Response quality of one response, on the answers as given.
struct ResponseQuality {
  int answered = 0;
  bool straightline = false;   // at least 3 answers, all the same
  int longest_run = 0;         // identical answers to consecutive items (a missing answer ends a run)
  bool zero_variance = false;  // at least 3 answers, all scoring the same after reverse keying
  bool long_run = false;       // longest_run >= the run limit
  bool flagged() const { return straightline || zero_variance || long_run; }
};
int default_run_limit(const Questionnaire& questionnaire);
ResponseQuality assess_quality(const Questionnaire& questionnaire, const Answers& answers, int run_limit);

struct ItemStats {
  std::size_t item = 0;        // index into Questionnaire::items
  long answered = 0;           // of all responses
  double missing_pct = 0;      // of all responses
  double n = 0;                // responses the item's mean and SD are over
  std::optional<double> mean;  // keyed (reverse-scored) values
  std::optional<double> sd;
  std::optional<double> r_drop;
  std::optional<double> alpha_if_dropped;
  std::optional<double> std_alpha_if_dropped;
  std::optional<double> average_r_if_dropped;
};

struct ScaleStats {
  std::optional<std::size_t> subscale;  // nullopt = the total
  std::vector<ItemStats> items;
  // Scores as the questionnaire defines them (missing-data rule applied).
  long scored = 0;        // responses with a score
  long complete = 0;      // responses answering every item
  long incomplete = 0;    // responses missing at least one item (scored or not)
  long insufficient = 0;  // responses without a score
  std::optional<double> mean, sd, min, max;
  double floor_pct = 0;  // of scored responses, at the lowest possible score
  double ceiling_pct = 0;
  // Reliability.
  double n_used = 0;      // listwise: complete responses; pairwise: all responses (psych's n.obs)
  double min_pair_n = 0;  // fewest responses any pair of items (or item) is computed over
  std::optional<double> alpha, std_alpha, average_r, alpha_lower, alpha_upper;
};

struct Correlation {
  std::size_t a = 0, b = 0;  // subscale indices
  double n = 0;
  std::optional<double> r;
};

// no_variance: an item without variance (no alpha for its scale);
// score_no_variance: every score of the scale is the same (value: that score).
enum class WarningKind { negative_item_rest, few_complete, floor, ceiling, no_variance, score_no_variance };
const char* to_string(WarningKind kind);
struct StatsWarning {
  WarningKind kind;
  std::size_t scale = 0;            // index into StatsReport::scales
  std::optional<std::size_t> item;  // index into Questionnaire::items
  double value = 0;                 // the r, the n, the percentage
};

struct QualitySummary {
  int run_limit = 0;
  long straightline = 0;
  long zero_variance = 0;
  long long_run = 0;
  long flagged = 0;
};

struct StatsReport {
  MissingHandling missing = MissingHandling::pairwise;
  StatsOptions options;
  long responses = 0;                     // valid responses used
  std::vector<ScaleStats> scales;         // subscales in definition order, then the total (when present)
  std::vector<Correlation> correlations;  // between subscale scores, a < b
  std::vector<StatsWarning> warnings;
  QualitySummary quality;
};

// Feeds responses one at a time; report() may be called at any point.
class StatsAccumulator {
 public:
  StatsAccumulator(const Questionnaire& questionnaire, const StatsOptions& options);
  // REQUIRES: answers valid for the questionnaire (as score_into).
  void add(const Answers& answers);
  // Adds what `later`, built with the same questionnaire and options, has
  // seen, as if its responses had been added here after these: counts and
  // point counts exactly, co-moments by Chan's update. `alliance stats` adds
  // up the two halves of a large file on two cores this way.
  void append(const StatsAccumulator& later);
  StatsReport report() const;

 private:
  struct ScaleTally {
    long scored = 0, complete = 0, incomplete = 0, insufficient = 0, at_floor = 0, at_ceiling = 0;
    double min = 0, max = 0;
  };
  std::vector<std::size_t> scale_items(std::size_t scale) const;
  CoMoments::Pair item_pair(std::size_t i, std::size_t j) const;  // pairwise
  std::optional<double> item_only_value(std::size_t i) const;     // pairwise

  const Questionnaire& q_;
  Scorer scorer_;
  StatsOptions options_;
  std::size_t n_scales_ = 0;  // subscales + total
  long responses_ = 0;
  std::vector<long> answered_;
  std::vector<std::vector<std::size_t>> items_of_;  // per scale
  std::vector<ScoreRange> ranges_;

  std::vector<ScaleTally> tallies_;
  CoMoments all_items_;                        // pairwise over every item, or:
  std::unique_ptr<PointCounts> point_counts_;  // the same, on a scale of few points
  std::vector<unsigned char> points_;          // per-response scratch for point_counts_
  std::vector<double> keyed_;    // with point_counts_: item i's value at point p at [i * point_width_ + p]
  std::size_t point_width_ = 0;  // points + 1 (point 0: missing, value 0)
  std::vector<CoMoments> listwise_;  // per scale, complete responses only
  CoMoments scores_;                 // pairwise over the scale scores
  CoMoments scores_complete_;        // responses with every subscale scored (listwise only)
  QualitySummary quality_;
  // Per-response scratch, so add() does not allocate.
  ScoreSheet sheet_;
  std::vector<double> x_, p_, sx_, sp_, lx_, lp_;
};

}  // namespace alliance::core
