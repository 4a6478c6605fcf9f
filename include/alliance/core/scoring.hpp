// Scoring: answers in, scores out. Pure functions of the questionnaire and
// the answers; the exact rules are specified in docs/definition-format.md.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "alliance/core/exact.hpp"
#include "alliance/core/questionnaire.hpp"

namespace alliance::core {

// One answer per item, indexed like Questionnaire::items; nullopt = not answered.
using Answers = std::vector<std::optional<double>>;

enum class Status { ok, insufficient, invalid };
const char* to_string(Status status);

// What the missing answers could change (docs/output-format.md, "Missing
// answers"): the lowest and highest score the scale would have had with every
// missing item answered (each at the scale point that keys lowest, then
// highest), and whether both fall in one band, so that answering them could
// not change the band (meaningful only for a scale with bands).
struct PossibleScores {
  double low = 0;
  double high = 0;
  bool band_settled = true;
};

struct ScaleScore {
  std::optional<double> value;  // set only when status is ok: the double nearest to `exact`
  int answered = 0;             // items (or subscales, for a total of subscales) answered
  int missing = 0;
  Status status = Status::invalid;
  std::optional<std::size_t> band;  // index into the scale's bands, when it has them
  std::optional<double> z;          // against the first norm, when there is one
  std::optional<double> t;
  std::optional<double> percentile;
  // The score as an exact fraction (docs/definition-format.md, "Exact decimals"),
  // when value is set and the definition's numbers are exact decimals; trend
  // and compare take differences from it.
  std::optional<Fraction> exact;
  // What the missing answers could change: set when the score is set and
  // parts the scale counts are missing (PossibleScores).
  std::optional<PossibleScores> possible;
};

// Whether a scored scale's band is settled whatever its missing answers
// would have been: nullopt without a score or when `has_bands` is false.
inline std::optional<bool> band_settled(const ScaleScore& score, bool has_bands) {
  if (!has_bands || score.status != Status::ok) return std::nullopt;
  return score.possible ? score.possible->band_settled : true;
}

// A cut-off decision (score --fail-below SCALE=VALUE) on a scored scale:
// `below` is the alert (score < threshold, as ever); `settled` says whether
// answering the missing items could change it — true when every possible
// score (possible_low to possible_high) decides the same way, always true
// for a score with nothing missing. docs/output-format.md, "Missing answers".
struct CutoffDecision {
  bool below = false;
  bool settled = true;
};

// nullopt without a score (no alert, nothing to settle).
inline std::optional<CutoffDecision> cutoff_decision(const ScaleScore& score, double threshold) {
  if (score.status != Status::ok || !score.value) return std::nullopt;
  CutoffDecision out;
  out.below = *score.value < threshold;
  if (score.possible)  // the lowest and highest possible scores both below, or both not
    out.settled = (score.possible->low < threshold) == (score.possible->high < threshold);
  return out;
}

struct ScoreSheet {
  std::vector<ScaleScore> subscales;  // in definition order
  ScaleScore total;                   // status invalid and no value when there is no total
};

// What is wrong with one answer, if anything. not_a_scale_point: on an
// integer scale, not a whole number; on a continuous scale, not min plus a
// whole number of `precision` steps (7.25 on a 0..10 scale recorded to 0.1).
enum class AnswerProblem { none, below_min, above_max, not_a_scale_point, not_finite };

// Whether `value` is an answer the scale allows.
AnswerProblem check_answer(const Questionnaire& questionnaire, double value);

// "outside the scale 1..5" and the like, for messages.
std::string describe(AnswerProblem problem, const Scale& scale);

// The item's contribution: reverse keying, option scores, then weight; the
// double nearest to the exact product (0.1 x 3 is 0.3).
// REQUIRES: check_answer(questionnaire, answer) == AnswerProblem::none.
double contribution(const Questionnaire& questionnaire, std::size_t item, double answer);

namespace detail {
struct ExactKey;
}

// Scores responses to one questionnaire. Reads the definition's numbers once
// as whole numbers of decimal units (docs/definition-format.md, "Exact
// decimals"), so a batch holds one Scorer and pays for that once.
// REQUIRES: the questionnaire outlives the Scorer and does not change.
class Scorer {
 public:
  // `possible_scores` false: ScaleScore::possible is never set (and
  // band_settled reads true), for a batch whose output uses neither (score
  // --output-columns without the possible or band_settled columns).
  explicit Scorer(const Questionnaire& questionnaire, bool possible_scores = true);
  ~Scorer();
  Scorer(Scorer&&) noexcept;
  Scorer& operator=(Scorer&&) noexcept;

  // REQUIRES: answers.size() == questionnaire.items.size() and every answer
  // passes check_answer. Reuses sheet's storage, so a batch allocates once.
  // A scale with missing parts is finished twice more (its missing items at
  // their lowest and highest keyed points) for ScaleScore::possible, unless
  // the scorer was made without possible scores.
  void score_into(const Answers& answers, ScoreSheet& sheet) const;
  ScoreSheet score(const Answers& answers) const;
  // As core::contribution, from the numbers read once.
  double contribution(std::size_t item, double answer) const;
  // False when the definition's numbers are not all exact decimals within the
  // limits check_questionnaire states (more than kDefinitionPlaces places, or
  // sums beyond kExactLimit units): scores are then computed in plain doubles.
  bool exact() const;

 private:
  const Questionnaire* questionnaire_;
  std::unique_ptr<const detail::ExactKey> key_;
  bool possible_scores_ = true;
};

// One response: as Scorer(questionnaire).score_into / .score (a batch holds a Scorer).
void score_into(const Questionnaire& questionnaire, const Answers& answers, ScoreSheet& sheet);
ScoreSheet score(const Questionnaire& questionnaire, const Answers& answers);

// A sheet for a response that could not be scored at all.
ScoreSheet invalid_sheet(const Questionnaire& questionnaire);

// The lowest and highest score a subscale (or the total) can take.
struct ScoreRange {
  double low = 0;
  double high = 0;
};
ScoreRange subscale_range(const Questionnaire& questionnaire, std::size_t subscale);
ScoreRange total_range(const Questionnaire& questionnaire);

// Every subscale's range, in definition order, and the total's. Each call
// above reads the whole definition's numbers (its decimal places); a caller
// that needs the ranges of every scale takes them here, at the cost of one.
struct ScoreRanges {
  std::vector<ScoreRange> subscales;
  ScoreRange total;
};
ScoreRanges score_ranges(const Questionnaire& questionnaire);

// The standard normal CDF, for percentiles from z.
double normal_cdf(double z);

}  // namespace alliance::core
