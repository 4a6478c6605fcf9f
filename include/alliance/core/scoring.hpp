// Scoring: answers in, scores out. Pure functions of the questionnaire and
// the answers; the exact rules are specified in docs/definition-format.md.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "alliance/core/questionnaire.hpp"

namespace alliance::core {

// One answer per item, indexed like Questionnaire::items; nullopt = not answered.
using Answers = std::vector<std::optional<double>>;

enum class Status { ok, insufficient, invalid };
const char* to_string(Status status);

struct ScaleScore {
  std::optional<double> value;  // set only when status is ok
  int answered = 0;             // items (or subscales, for a total of subscales) answered
  int missing = 0;
  Status status = Status::invalid;
  std::optional<std::size_t> band;  // index into the scale's bands, when it has them
  std::optional<double> z;          // against the first norm, when there is one
  std::optional<double> t;
  std::optional<double> percentile;
};

struct ScoreSheet {
  std::vector<ScaleScore> subscales;  // in definition order
  ScaleScore total;                   // status invalid and no value when there is no total
};

// What is wrong with one answer, if anything.
enum class AnswerProblem { none, below_min, above_max, not_a_scale_point, not_finite };

// Whether `value` is an answer the scale allows.
AnswerProblem check_answer(const Questionnaire& questionnaire, double value);

// "outside the scale 1..5" and the like, for messages.
std::string describe(AnswerProblem problem, const Scale& scale);

// The item's contribution: reverse keying, option scores, then weight.
// REQUIRES: check_answer(questionnaire, answer) == AnswerProblem::none.
double contribution(const Questionnaire& questionnaire, std::size_t item, double answer);

// REQUIRES: answers.size() == questionnaire.items.size() and every answer
// passes check_answer. Reuses sheet's storage, so a batch allocates once.
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

// The standard normal CDF, for percentiles from z.
double normal_cdf(double z);

}  // namespace alliance::core
