// Local norms: from a clinic's own scored responses, per scale (each subscale,
// then the total, as core::scale_list) the numbers a definition's `norms`
// carry — n, mean, SD, test–retest r — with Cronbach's alpha, percentiles and
// what the figures rest on. Pure functions of scored responses; no I/O
// (`alliance norms` reads the files and writes the definition: docs/norms.md).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "alliance/core/questionnaire.hpp"
#include "alliance/core/scoring.hpp"
#include "alliance/core/trend.hpp"

namespace alliance::core {

// Which of a respondent's sessions form the norm sample (mean, SD, alpha,
// percentiles). first (the default): each respondent's first session, so the
// sample is one score per person, as norms are — sessions of one person are
// not independent, and later sessions of a treatment are not the state a new
// client is compared with. last: each respondent's last session. all: every
// session (pseudo-replication: the n overstates the information).
enum class NormSample { first, last, all };
const char* to_string(NormSample sample);

// One valid, scored response.
struct NormResponse {
  std::string respondent;
  std::optional<int> session;
  std::string date;  // ISO 8601 (YYYY-MM-DD...), "" = none
  Answers answers;
  ScoreSheet sheet;
};

// Test–retest: per respondent, the first two sessions in session order (by
// number when all of the respondent's sessions have one, else by date when
// all have one, else in input order) in which the scale has a score — one
// pair per respondent, Pearson's r over the pairs.
struct Retest {
  std::optional<double> r;  // none with fewer than 3 pairs or no variance
  long pairs = 0;
  // The mean interval between the two sessions of a pair: in session numbers
  // when every pair is numbered, in days when every pair has dates.
  std::optional<double> mean_sessions;
  std::optional<double> mean_days;
};

// The quantiles written with the norms, in percent.
inline constexpr int kNormPercentiles[] = {5, 10, 25, 50, 75, 90, 95};

struct ScaleNorm {
  long n = 0;  // scores in the sample
  double mean = 0;
  double sd = 0;  // n - 1 in the denominator; 0 when n < 2
  double min = 0;
  double max = 0;
  // Cronbach's alpha of the scale's keyed items (the total: every item) over
  // the responses of the sample that answer all of them; none with fewer than
  // 3 such responses, fewer than 2 items or an item without variance.
  std::optional<double> alpha;
  long alpha_n = 0;
  Retest retest;
  // R's quantile(type = 7) of the sample's scores at kNormPercentiles.
  std::vector<double> percentiles;
};

enum class NormWarningKind {
  small_sample,     // n below the minimum asked for (value: n, limit: the minimum)
  sd_below_step,    // SD below the smallest step a score can take (value: SD, limit: the step)
  no_sd,            // fewer than 2 scores or no variance: no norm can be written
  retest_missing,   // fewer than 3 pairs: no test-retest r (value: pairs)
  retest_unusable,  // r <= 0 or r >= 1: not written, trend cannot use it (value: r)
};

struct NormWarning {
  NormWarningKind kind = NormWarningKind::small_sample;
  std::size_t scale = 0;  // index into scale_list
  double value = 0;
  double limit = 0;
};

struct NormsReport {
  std::vector<ScaleNorm> scales;  // as scale_list
  NormSample sample = NormSample::first;
  long responses = 0;                 // every response given
  long respondents = 0;               // distinct respondent ids
  long sampled = 0;                   // responses in the norm sample
  std::string first_date, last_date;  // over every response; "" when none has a date
  std::vector<NormWarning> warnings;
};

// The norms of `responses` (each scored against `questionnaire`). Warns of a
// sample smaller than `min_n`.
NormsReport compute_norms(const Questionnaire& questionnaire, const std::vector<NormResponse>& responses,
                          NormSample sample, long min_n = 30);

// Whether a scale's norm can be written: a positive SD.
inline bool writable(const ScaleNorm& norm) {
  return norm.n >= 2 && norm.sd > 0;
}

// Whether the test-retest r can serve trend's reliable change index: 0 < r < 1.
inline bool usable_retest(const ScaleNorm& norm) {
  return norm.retest.r && *norm.retest.r > 0 && *norm.retest.r < 1;
}

// score_step (one answer's smallest move on a scale's metric) is in trend.hpp.

// R's quantile(x, p, type = 7) of sorted values. REQUIRES: !sorted.empty(), 0 <= p <= 1.
double quantile_type7(const std::vector<double>& sorted, double p);

// Pearson's r; none with fewer than 2 pairs or a constant side.
std::optional<double> pearson_r(const std::vector<double>& x, const std::vector<double>& y);

// Days from an ISO date's first ten characters (YYYY-MM-DD); none when they are not one.
std::optional<long> days_from_iso_date(const std::string& date);

}  // namespace alliance::core
