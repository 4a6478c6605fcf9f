// Expected values are worked out by hand in the comments beside each case.
#include "alliance/core/scoring.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "alliance/core/explain.hpp"
#include "fixtures.hpp"

namespace alliance::core {
namespace {

using testing::mini_questionnaire;
constexpr double kTol = 1e-12;
const std::optional<double> kNone = std::nullopt;

struct Case {
  const char* name;
  Answers answers;  // a1 a2 a3 b1 b2 b3
  std::optional<double> a, b, total;
  Status a_status, b_status, total_status;
};

void expect_scale(const ScaleScore& got, std::optional<double> value, Status status, const char* what) {
  EXPECT_EQ(got.status, status) << what;
  ASSERT_EQ(got.value.has_value(), value.has_value()) << what;
  if (value) {
    EXPECT_NEAR(*got.value, *value, kTol) << what;
  }
}

TEST(Scoring, MiniQuestionnaireTable) {
  const Questionnaire q = mini_questionnaire();
  const std::vector<Case> cases = {
      // a: 4, 6-2=4, 5 -> 13/3. b: 3 + 4 + 2*1 = 9. total: (4+4+5+3+4+2)/(1+1+1+1+1+2) = 22/7.
      {"complete", {4, 2, 5, 3, 4, 1}, 13.0 / 3, 9, 22.0 / 7, Status::ok, Status::ok, Status::ok},
      // a: (4+4)/2 = 4. b: S = 3 + 2 = 5 over weight 3 of 4 -> 5 * 4/3 = 20/3.
      // total: (4+4+3+2)/(1+1+1+2) = 13/5.
      {"one missing each", {4, 2, kNone, 3, kNone, 1}, 4, 20.0 / 3, 2.6, Status::ok, Status::ok, Status::ok},
      // a has 2 of 3 missing: insufficient, and so the total. b: 5+5+2*5 = 20.
      {"a insufficient",
       {kNone, kNone, 1, 5, 5, 5},
       kNone,
       20,
       kNone,
       Status::insufficient,
       Status::ok,
       Status::insufficient},
      {"nothing answered",
       {kNone, kNone, kNone, kNone, kNone, kNone},
       kNone,
       kNone,
       kNone,
       Status::insufficient,
       Status::insufficient,
       Status::insufficient},
      // All at the minimum: a2 reversed gives 5, so a = (1+5+1)/3 = 7/3; b = 1+1+2 = 4;
      // total = (1+5+1+1+1+2)/7 = 11/7 — a low score, not a missing one.
      {"all ones", {1, 1, 1, 1, 1, 1}, 7.0 / 3, 4, 11.0 / 7, Status::ok, Status::ok, Status::ok},
      // b3 (weight 2) missing: S = 2+2 = 4 over weight 2 of 4 -> 8. total: (3+3+3+2+2)/5.
      {"heavy item missing", {3, 3, 3, 2, 2, kNone}, 3, 8, 13.0 / 5, Status::ok, Status::ok, Status::ok},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    const ScoreSheet sheet = score(q, c.answers);
    ASSERT_EQ(sheet.subscales.size(), 2u);
    expect_scale(sheet.subscales[0], c.a, c.a_status, "a");
    expect_scale(sheet.subscales[1], c.b, c.b_status, "b");
    expect_scale(sheet.total, c.total, c.total_status, "total");
  }
}

TEST(Scoring, CountsAnsweredAndMissing) {
  const ScoreSheet sheet = score(mini_questionnaire(), {4, kNone, kNone, 3, 3, 3});
  EXPECT_EQ(sheet.subscales[0].answered, 1);
  EXPECT_EQ(sheet.subscales[0].missing, 2);
  EXPECT_EQ(sheet.total.answered, 4);
  EXPECT_EQ(sheet.total.missing, 2);
}

TEST(Scoring, SumWithoutProratingKeepsThePlainSum) {
  Questionnaire q = mini_questionnaire();
  q.subscales[1].prorate = false;
  // b: 3 + 2*1 = 5, not scaled up.
  EXPECT_NEAR(*score(q, {4, 2, 5, 3, kNone, 1}).subscales[1].value, 5, kTol);
}

TEST(Scoring, TotalOfSubscales) {
  Questionnaire q = mini_questionnaire();
  q.total.of = TotalOf::subscales;
  q.total.method = Method::sum;
  q.total.missing.max_missing = 0;
  // 13/3 + 9
  EXPECT_NEAR(*score(q, {4, 2, 5, 3, 4, 1}).total.value, 13.0 / 3 + 9, kTol);
  // a insufficient and no subscale may be missing.
  EXPECT_EQ(score(q, {kNone, kNone, 1, 5, 5, 5}).total.status, Status::insufficient);
  // Mean of the available subscales when one may be missing: only b = 20.
  q.total.method = Method::mean;
  q.total.missing.max_missing = 1;
  EXPECT_NEAR(*score(q, {kNone, kNone, 1, 5, 5, 5}).total.value, 20, kTol);
}

TEST(Scoring, TotalMayIgnoreSubscalesWhenAsked) {
  Questionnaire q = mini_questionnaire();
  q.total.requires_all_subscales = false;
  // Items answered: a3=1, b1..b3=5 (b3 weight 2): (1+5+5+10)/(1+1+1+2) = 21/5.
  EXPECT_NEAR(*score(q, {kNone, kNone, 1, 5, 5, 5}).total.value, 4.2, kTol);
}

TEST(Scoring, OptionScoresApplyAfterReverseKeying) {
  Questionnaire q = mini_questionnaire();
  q.scale.scores = {0, 10, 20, 30, 40};
  // a1 = 4 -> 30; a2 = 4 reversed -> 2 -> 10; a3 = 1 -> 0. Mean 40/3.
  EXPECT_NEAR(*score(q, {4, 4, 1, 1, 1, 1}).subscales[0].value, 40.0 / 3, kTol);
}

TEST(Scoring, ContinuousScaleReversesAroundItsRange) {
  Questionnaire q = mini_questionnaire();
  q.scale.kind = ScaleKind::continuous;
  q.scale.min = 0;
  q.scale.max = 10;
  q.scale.precision = 0.1;
  // a: 9.2, 10 - 7.5 = 2.5, 0.3 -> 12/3 = 4.
  EXPECT_NEAR(*score(q, {9.2, 7.5, 0.3, 1, 1, 1}).subscales[0].value, 4, kTol);
  EXPECT_EQ(check_answer(q, 9.2), AnswerProblem::none);
}

TEST(Scoring, CheckAnswer) {
  const Questionnaire q = mini_questionnaire();
  EXPECT_EQ(check_answer(q, 1), AnswerProblem::none);
  EXPECT_EQ(check_answer(q, 5), AnswerProblem::none);
  EXPECT_EQ(check_answer(q, 0), AnswerProblem::below_min);
  EXPECT_EQ(check_answer(q, 9), AnswerProblem::above_max);
  EXPECT_EQ(check_answer(q, 2.5), AnswerProblem::not_a_scale_point);
  EXPECT_EQ(check_answer(q, std::numeric_limits<double>::quiet_NaN()), AnswerProblem::not_finite);
  EXPECT_EQ(describe(AnswerProblem::above_max, q.scale), "is outside the scale 1..5");
}

TEST(Scoring, BandsAndNorms) {
  Questionnaire q = mini_questionnaire();
  Bands bands;
  bands.ranges = {Band{std::nullopt, 3, true, false, {{"en", "low"}}, true},
                  Band{3, std::nullopt, true, false, {{"en", "high"}}, false}};
  q.subscales[0].bands = bands;
  q.subscales[0].norms = {Norm{"test", 3, 0.5, 100, std::nullopt, "x"}};
  // a = (4 + 4 + 4)/3 = 4: band "high"; z = (4-3)/0.5 = 2, T = 70, percentile = Φ(2) = 97.7249868...
  const ScaleScore a = score(q, {4, 2, 4, 1, 1, 1}).subscales[0];
  EXPECT_EQ(a.band, 1u);
  EXPECT_NEAR(*a.z, 2, kTol);
  EXPECT_NEAR(*a.t, 70, kTol);
  EXPECT_NEAR(*a.percentile, 97.72498680518208, 1e-9);
  // Exactly 3 falls in [3, +inf), not in (-inf, 3).
  EXPECT_EQ(score(q, {3, 3, 3, 1, 1, 1}).subscales[0].band, 1u);
  EXPECT_EQ(score(q, {2, 3, 3, 1, 1, 1}).subscales[0].band, 0u);
}

TEST(MissingRule, RequiredCounts) {
  MissingRule count;
  count.max_missing = 1;
  EXPECT_EQ(count.required(4), 3);
  MissingRule fraction;
  fraction.min_answered = 0.8;
  EXPECT_EQ(fraction.required(12), 10);  // 9.6 up
  fraction.min_answered = 0.7;
  EXPECT_EQ(fraction.required(10), 7);  // exactly 7, despite 0.7 * 10 > 7 in binary
  fraction.min_answered = 0.75;
  fraction.rounding = Rounding::down;
  EXPECT_EQ(fraction.required(5), 3);  // 3.75 down
  fraction.rounding = Rounding::up;
  EXPECT_EQ(fraction.required(5), 4);
  fraction.min_answered = 0.5;
  fraction.rounding = Rounding::nearest;
  EXPECT_EQ(fraction.required(5), 3);  // 2.5 -> 3
  EXPECT_EQ(MissingRule{}.required(7), 0);
  // Out of range (the checker reports it, after scoring the examples): clamped
  // to 0..parts, never a double of 1e300 cast to int (undefined behaviour).
  fraction.min_answered = 1e300;
  EXPECT_EQ(fraction.required(5), 5);
  fraction.min_answered = -1e300;
  EXPECT_EQ(fraction.required(5), 0);
}

TEST(Scoring, Ranges) {
  const Questionnaire q = mini_questionnaire();
  EXPECT_EQ(subscale_range(q, 0).low, 1);
  EXPECT_EQ(subscale_range(q, 0).high, 5);
  EXPECT_EQ(subscale_range(q, 1).low, 4);    // 1 + 1 + 2*1
  EXPECT_EQ(subscale_range(q, 1).high, 20);  // 5 + 5 + 2*5
  EXPECT_EQ(total_range(q).low, 1);
  EXPECT_EQ(total_range(q).high, 5);
}

TEST(Explain, ShowsEachStepAndAgreesWithScore) {
  const Questionnaire q = mini_questionnaire();
  const Answers answers = {4, 2, kNone, 3, kNone, 1};
  const Explanation e = explain(q, answers);
  ASSERT_EQ(e.items.size(), 6u);
  EXPECT_EQ(e.items[1].keyed, 4);         // 1 + 5 - 2
  EXPECT_EQ(e.items[5].contribution, 2);  // weight 2 * 1
  EXPECT_FALSE(e.items[2].answer.has_value());
  // b: prorated by 4/3 (weights 1+1+2 over 1+2 answered).
  EXPECT_NEAR(e.subscales[1].prorate_factor, 4.0 / 3, kTol);
  EXPECT_EQ(e.subscales[1].required, 2);
  EXPECT_NEAR(*e.total.result.value, *score(q, answers).total.value, 0);
  const Explanation blocked = explain(q, {kNone, kNone, 1, 5, 5, 5});
  EXPECT_TRUE(blocked.total.subscales_insufficient);
}

}  // namespace
}  // namespace alliance::core
