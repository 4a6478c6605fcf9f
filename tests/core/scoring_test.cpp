// Expected values are worked out by hand in the comments beside each case.
#include "alliance/core/scoring.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "alliance/core/check.hpp"
#include "alliance/core/explain.hpp"
#include "alliance/core/text.hpp"
#include "fixtures.hpp"

namespace alliance::core {
namespace {

using testing::mini_questionnaire;
using testing::srs_like_questionnaire;
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
  const ScoreRanges all = score_ranges(q);  // the same, every scale at once
  ASSERT_EQ(all.subscales.size(), 2u);
  EXPECT_EQ(all.subscales[0].low, 1);
  EXPECT_EQ(all.subscales[0].high, 5);
  EXPECT_EQ(all.subscales[1].low, 4);
  EXPECT_EQ(all.subscales[1].high, 20);
  EXPECT_EQ(all.total.low, 1);
  EXPECT_EQ(all.total.high, 5);
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

// ---------------------------------------------------------------- exact decimals
// docs/definition-format.md, "Exact decimals": each score is the double nearest
// to its exact value, so the expectations below are compared with EXPECT_EQ,
// against a decimal literal or one division of whole numbers (one rounding).

TEST(DecimalExact, SumOfTenthsIsExactAndFallsOnTheBandEdge) {
  const Questionnaire q = srs_like_questionnaire();
  // 8.6 + 9.7 + 9.9 + 7.8 = 86/10 + 97/10 + 99/10 + 78/10 = 360/10 = 36
  // (added as doubles: 35.99999999999999, in the concern band).
  const ScaleScore total = score(q, {8.6, 9.7, 9.9, 7.8}).total;
  EXPECT_EQ(*total.value, 36.0);
  ASSERT_TRUE(total.exact);
  EXPECT_EQ(compare(*total.exact, Fraction{36, 1}), 0);
  EXPECT_EQ(total.band, 1u);  // [36, 40]: 36 is not below the cut-off
  // 35.9 just below the edge: 86 + 97 + 99 + 77 = 359 tenths.
  EXPECT_EQ(score(q, {8.6, 9.7, 9.9, 7.7}).total.band, 0u);
  // 9.5 + 9.2 + 9.1 + 9.4 = 372/10 = 37.2 (as doubles: 37.199999999999996).
  const ScaleScore high = score(q, {9.5, 9.2, 9.1, 9.4}).total;
  EXPECT_EQ(*high.value, 37.2);
  EXPECT_EQ(format_number(*high.value), "37.2");
}

TEST(DecimalExact, ProratedSumOfTenths) {
  Questionnaire q = srs_like_questionnaire();
  q.total.prorate = true;
  q.total.missing.max_missing = 1;
  q.total.requires_all_subscales = false;
  // 6.2 + 0.3 + 4.9 = 114/10 over 3 of 4 lines: 114/10 * 4/3 = 456/30 = 15.2
  // (as doubles, 11.4 * 4 / 3 = 15.200000000000001).
  EXPECT_EQ(*score(q, {6.2, 0.3, kNone, 4.9}).total.value, 15.2);
}

TEST(DecimalExact, DecimalWeightsAndOptionScores) {
  Questionnaire q = mini_questionnaire();
  q.items[0].weight = 0.1;  // a1
  q.items[2].weight = 0.2;  // a3 (a2 stays at 1)
  // a, weighted mean of a1 = 1 and a3 = 4 (a2 unanswered):
  // (0.1 * 1 + 0.2 * 4) / (0.1 + 0.2) = 0.9 / 0.3 = 3 (as doubles: 2.9999999999999996).
  EXPECT_EQ(*score(q, {1, kNone, 4, 1, 1, 1}).subscales[0].value, 3.0);
  // The range of a sum with weights 0.1 and 0.2 on 1..5: 0.1 + 0.2 = 0.3 to 0.5 + 1 = 1.5.
  q.subscales[0].method = Method::sum;
  q.subscales[0].items = {0, 2};
  EXPECT_EQ(subscale_range(q, 0).low, 0.3);
  EXPECT_EQ(subscale_range(q, 0).high, 1.5);

  Questionnaire options = mini_questionnaire();
  options.scale.scores = {0, 0.1, 0.2, 0.3, 0.4};
  // b (sum): b1 = 2 -> 0.1, b2 = 2 -> 0.1, b3 = 2 -> 0.1 weighted 2 -> 0.2: 0.4 (as doubles 0.1 + 0.1 + 0.2
  // = 0.4 by luck); a (mean of a1 = 2, a2 = 4 reversed to 2, a3 = 2) = 0.3 / 3 = 0.1;
  // total (mean of all, weights 1 1 1 1 1 2): (0.1 * 5 + 0.2) / 7 = 0.7 / 7 = 0.1.
  const ScoreSheet sheet = score(options, {2, 4, 2, 2, 2, 2});
  EXPECT_EQ(*sheet.subscales[0].value, 0.1);
  EXPECT_EQ(*sheet.subscales[1].value, 0.4);
  EXPECT_EQ(*sheet.total.value, 0.1);
  // Three items at 0.1 summed: 0.3, where 0.1 + 0.1 + 0.1 = 0.30000000000000004.
  options.subscales[0].method = Method::sum;
  EXPECT_EQ(*score(options, {2, 4, 2, 2, 2, 2}).subscales[0].value, 0.3);
  EXPECT_EQ(contribution(options, 0, 2), 0.1);
  // weight 0.1 times the item score 3: 0.3, where 0.1 * 3 = 0.30000000000000004.
  EXPECT_EQ(contribution(q, 0, 3), 0.3);
}

TEST(DecimalExact, TotalOfSubscaleMeans) {
  Questionnaire q = mini_questionnaire();
  q.total.of = TotalOf::subscales;
  q.total.missing.max_missing = 0;
  // All ones: a = (1 + 5 + 1) / 3 = 7/3; b = 1 + 1 + 2 = 4.
  // Mean: (7/3 + 4) / 2 = 19/6 = 3.1666666666666665 (as doubles: 3.166666666666667).
  EXPECT_EQ(*score(q, {1, 1, 1, 1, 1, 1}).total.value, 19.0 / 6);
  // Sum: 7/3 + 4 = 19/3 = 6.333333333333333 (as doubles: 6.333333333333334).
  q.total.method = Method::sum;
  EXPECT_EQ(*score(q, {1, 1, 1, 1, 1, 1}).total.value, 19.0 / 3);
  // Prorated sum, b insufficient (two of its three items missing, one allowed): a = 7/3 alone,
  // over 1 of 2 parts: 7/3 * 2 / 1 = 14/3.
  q.total.prorate = true;
  q.total.missing.max_missing = 1;
  EXPECT_EQ(*score(q, {1, 1, 1, kNone, kNone, 1}).total.value, 14.0 / 3);
}

TEST(DecimalExact, ValuesThatNeedTheirDigitsKeepThem) {
  Questionnaire q = mini_questionnaire();
  q.scale.max = 20;
  // a = (13 + (1 + 20 - 7) + 14) / 3 = 41/3 = 13.666666666666666 (shortest round trip).
  const ScaleScore a = score(q, {13, 7, 14, 1, 1, 1}).subscales[0];
  EXPECT_EQ(*a.value, 41.0 / 3);
  EXPECT_EQ(format_number(*a.value), "13.666666666666666");
}

TEST(DecimalExact, NormsGiveExactZAndT) {
  Questionnaire q = srs_like_questionnaire();
  q.subscales[0].norms = {Norm{"test", 8.2, 0.7, 50, std::nullopt, "x"}};
  // z = (8.9 - 8.2) / 0.7 = 0.7 / 0.7 = 1, T = 60 (as doubles: 1.0000000000000016 and 60.000000000000014).
  const ScaleScore r = score(q, {8.9, 9, 9, 9}).subscales[0];
  EXPECT_EQ(*r.z, 1.0);
  EXPECT_EQ(*r.t, 60.0);
  EXPECT_NEAR(*r.percentile, 84.13447460685429, 1e-9);  // Φ(1)
}

TEST(DecimalExact, AnswersOffTheStepsAreRefusedNotChanged) {
  const Questionnaire q = srs_like_questionnaire();
  EXPECT_EQ(check_answer(q, 7.3), AnswerProblem::none);
  EXPECT_EQ(check_answer(q, 10), AnswerProblem::none);
  EXPECT_EQ(check_answer(q, 7.25), AnswerProblem::not_a_scale_point);
  EXPECT_EQ(check_answer(q, 7.300000000000001), AnswerProblem::not_a_scale_point);
  EXPECT_EQ(describe(AnswerProblem::not_a_scale_point, q.scale),
            "is not a step of the scale 0..10, which records answers to 0.1 (round the answer, or use a "
            "definition with a finer precision)");
  Questionnaire halves = srs_like_questionnaire();
  halves.scale.precision = 0.5;
  EXPECT_EQ(check_answer(halves, 2.5), AnswerProblem::none);
  EXPECT_EQ(check_answer(halves, 2.3), AnswerProblem::not_a_scale_point);
  // A scale whose max is not on its steps (0 + k * 0.3 never reaches 10) is refused.
  Questionnaire thirds = srs_like_questionnaire();
  thirds.version = "1.0.0";
  thirds.family = "thirds";
  thirds.title = {{"en", "T"}};
  thirds.source.citation = "x";
  for (Subscale& s : thirds.subscales) s.title = {{"en", s.id}};
  thirds.total.title = {{"en", "Total"}};
  thirds.total.bands.reset();
  std::vector<std::string> messages;
  for (const Diagnostic& d : check_questionnaire(thirds)) messages.push_back(format(d));
  EXPECT_EQ(messages, std::vector<std::string>{});
  thirds.scale.precision = 0.3;
  messages.clear();
  for (const Diagnostic& d : check_questionnaire(thirds)) messages.push_back(format(d));
  EXPECT_EQ(messages,
            std::vector<std::string>{"/scale/max: expected min plus a whole number of precision steps, "
                                     "got 10 with min 0 and precision 0.3 (an answer of 10 would be "
                                     "refused)"});
}

TEST(DecimalExact, ExplainShowsTheExactWorking) {
  Questionnaire q = srs_like_questionnaire();
  q.items[1].reverse = true;
  q.items[2].weight = 0.1;
  const Explanation e = explain(q, {8.6, 7.3, 9.9, 7.8});
  EXPECT_EQ(e.items[1].keyed, 2.7);          // 0 + 10 - 7.3
  EXPECT_EQ(e.items[2].contribution, 0.99);  // 0.1 * 9.9
  EXPECT_EQ(e.total.sum, 20.09);             // 8.6 + 2.7 + 0.99 + 7.8
  EXPECT_EQ(e.total.answered_weight, 3.1);   // 1 + 1 + 0.1 + 1
  EXPECT_EQ(*e.total.result.value, 20.09);
  EXPECT_EQ(*e.subscales[2].result.value, 0.99);
}

TEST(DecimalExact, DefinitionsBeyondTheLimitsScoreInDoublesAndAreRefused) {
  Questionnaire q = mini_questionnaire();
  q.items[0].weight = 1.0 / 3;
  EXPECT_FALSE(Scorer(q).exact());
  EXPECT_TRUE(Scorer(mini_questionnaire()).exact());
  // Still scored (plain doubles): a = (1/3 * 3 + 3 + 3) / (1/3 + 2).
  EXPECT_NEAR(*score(q, {3, 3, 3, 1, 1, 1}).subscales[0].value, 3, kTol);
  EXPECT_FALSE(score(q, {3, 3, 3, 1, 1, 1}).subscales[0].exact);
  std::vector<std::string> messages;
  for (const Diagnostic& d : check_questionnaire(q)) messages.push_back(format(d));
  EXPECT_EQ(messages, std::vector<std::string>{"/items/0/weight: expected at most 6 decimal places, got "
                                               "0.3333333333333333 (scores are computed in exact decimals: "
                                               "round it)"});
  Questionnaire huge = mini_questionnaire();
  huge.items[0].weight = 1e15;
  messages.clear();
  for (const Diagnostic& d : check_questionnaire(huge)) messages.push_back(format(d));
  EXPECT_EQ(messages, std::vector<std::string>{
                          "/items: the weights and the scale allow sums too large to compute exactly (beyond "
                          "2^53 units of their smallest decimal place): use smaller weights, scores or fewer "
                          "decimal places"});
}

}  // namespace
}  // namespace alliance::core

namespace alliance::core {
namespace {

// The list every output walks: the subscales in definition order, then the
// total; its position is the sheet's index.
TEST(ScaleList, SubscalesThenTheTotal) {
  Questionnaire q = testing::mini_questionnaire();
  q.total.title.clear();
  std::vector<ScaleRef> scales = scale_list(q);
  ASSERT_EQ(scales.size(), 3u);
  EXPECT_EQ(scales[0].id, "a");
  EXPECT_EQ(scales[0].subscale, std::optional<std::size_t>(0));
  EXPECT_EQ(scales[0].title, &q.subscales[0].title);
  EXPECT_EQ(scales[1].id, "b");
  EXPECT_EQ(scales[2].id, "total");
  EXPECT_FALSE(scales[2].subscale.has_value());
  EXPECT_EQ(pick_text(*scales[2].title, "fr"), "Total");  // a total without a title
  EXPECT_EQ(scales[2].bands, &q.total.bands);
  EXPECT_EQ(scales[2].norms, &q.total.norms);
  q.total.present = false;
  scales = scale_list(q);
  ASSERT_EQ(scales.size(), 2u);
  EXPECT_EQ(scales[1].id, "b");
}

// What the missing answers could change: each missing item answered at the
// point that keys lowest, then highest.
TEST(PossibleScores, MissingItemsAtTheirLowestAndHighestPoints) {
  Questionnaire q = mini_questionnaire();
  Band concern;
  concern.max = 3;
  concern.concern = true;
  Band good;
  good.min = 3;
  q.subscales[0].bands = Bands{{concern, good}, "test"};
  // a1 4, a2 (reversed) missing, a3 2: a = (4 + 2) / 2 = 3, in "good". a2 keys
  // lowest answered 5 (6 - 5 = 1), highest answered 1 (5): a from (4+1+2)/3 = 7/3
  // (concern) to (4+5+2)/3 = 11/3 (good): the band is not settled.
  // b1 3, b2 4, b3 (weight 2) missing: b = 7 x 4 / 2 = 14, from 3+4+2x1 = 9 to 3+4+2x5 = 17.
  // Total, the weighted mean of the items: (4+1+2+3+4+2)/7 = 16/7 to (4+5+2+3+4+10)/7 = 4.
  const ScoreSheet sheet = score(q, {4, kNone, 2, 3, 4, kNone});
  const ScaleScore& a = sheet.subscales[0];
  EXPECT_NEAR(*a.value, 3, kTol);
  ASSERT_TRUE(a.possible);
  EXPECT_NEAR(a.possible->low, 7.0 / 3, kTol);
  EXPECT_NEAR(a.possible->high, 11.0 / 3, kTol);
  EXPECT_FALSE(a.possible->band_settled);
  EXPECT_EQ(band_settled(a, true), false);
  const ScaleScore& b = sheet.subscales[1];
  EXPECT_NEAR(*b.value, 14, kTol);
  ASSERT_TRUE(b.possible);
  EXPECT_NEAR(b.possible->low, 9, kTol);
  EXPECT_NEAR(b.possible->high, 17, kTol);
  EXPECT_FALSE(band_settled(b, false));  // b has no bands
  ASSERT_TRUE(sheet.total.possible);
  EXPECT_NEAR(sheet.total.possible->low, 16.0 / 7, kTol);
  EXPECT_NEAR(sheet.total.possible->high, 4, kTol);

  // a1 5, a2 missing, a3 5: a = 5, from (5+1+5)/3 = 11/3 to 5: in "good" either way.
  const ScoreSheet settled = score(q, {5, kNone, 5, 3, 4, 5});
  ASSERT_TRUE(settled.subscales[0].possible);
  EXPECT_NEAR(settled.subscales[0].possible->low, 11.0 / 3, kTol);
  EXPECT_NEAR(settled.subscales[0].possible->high, 5, kTol);
  EXPECT_EQ(band_settled(settled.subscales[0], true), true);
  // Nothing missing in b: no range; the band of a complete score is settled.
  EXPECT_FALSE(settled.subscales[1].possible);
  const ScoreSheet complete = score(q, {1, 5, 1, 3, 4, 5});
  EXPECT_FALSE(complete.subscales[0].possible);
  EXPECT_EQ(band_settled(complete.subscales[0], true), true);
  // No score (a has two missing): no range and no band decision.
  const ScoreSheet insufficient = score(q, {kNone, kNone, 1, 3, 4, 5});
  EXPECT_FALSE(insufficient.subscales[0].possible);
  EXPECT_FALSE(band_settled(insufficient.subscales[0], true));
}

TEST(PossibleScores, AScorerWithoutThemGivesTheSameScores) {
  const Questionnaire q = mini_questionnaire();
  const Answers answers{4, kNone, 2, 3, 4, kNone};
  ScoreSheet with, without;
  Scorer(q).score_into(answers, with);
  Scorer(q, false).score_into(answers, without);
  for (std::size_t s = 0; s < 2; ++s) {
    EXPECT_EQ(without.subscales[s].value, with.subscales[s].value);
    EXPECT_TRUE(with.subscales[s].possible);
    EXPECT_FALSE(without.subscales[s].possible);
  }
  EXPECT_EQ(without.total.value, with.total.value);
  EXPECT_FALSE(without.total.possible);
}

TEST(CutoffDecision, SettledWhenEveryPossibleScoreDecidesTheSameWay) {
  const Questionnaire q = mini_questionnaire();
  // As above: a1 4, a2 (reversed) missing, a3 2: a = 3, from 7/3 (a2 answered 5)
  // to 11/3 (answered 1); b1 3, b2 4, b3 (weight 2) missing: b = 14, from 9 to 17.
  const ScoreSheet sheet = score(q, {4, kNone, 2, 3, 4, kNone});
  const ScaleScore& a = sheet.subscales[0];
  // 3 < 4 and 11/3 < 4: below whatever a2 would have been.
  std::optional<CutoffDecision> d = cutoff_decision(a, 4);
  ASSERT_TRUE(d);
  EXPECT_TRUE(d->below);
  EXPECT_TRUE(d->settled);
  // 3 < 3.5, but 11/3 is not: an alert a2 could lift.
  d = cutoff_decision(a, 3.5);
  EXPECT_TRUE(d->below);
  EXPECT_FALSE(d->settled);
  // 3 is not below 2.5, but 7/3 is: no alert, and a2 could make one.
  d = cutoff_decision(a, 2.5);
  EXPECT_FALSE(d->below);
  EXPECT_FALSE(d->settled);
  // 7/3 is not below 2: no alert whatever a2 would have been.
  d = cutoff_decision(a, 2);
  EXPECT_FALSE(d->below);
  EXPECT_TRUE(d->settled);
  // At the edge: b's highest possible 17 is not below 17, so the alert 14 < 17 is not settled;
  // its lowest 9 equals 9, not below it, so 9 settles "not below".
  const ScaleScore& b = sheet.subscales[1];
  EXPECT_TRUE(cutoff_decision(b, 17)->below);
  EXPECT_FALSE(cutoff_decision(b, 17)->settled);
  EXPECT_FALSE(cutoff_decision(b, 9)->below);
  EXPECT_TRUE(cutoff_decision(b, 9)->settled);
  // Nothing missing: settled either way; no score: no decision.
  const ScoreSheet complete = score(q, {1, 5, 1, 3, 4, 5});
  EXPECT_TRUE(cutoff_decision(complete.subscales[0], 4)->below);
  EXPECT_TRUE(cutoff_decision(complete.subscales[0], 4)->settled);
  const ScoreSheet insufficient = score(q, {kNone, kNone, 1, 3, 4, 5});
  EXPECT_FALSE(cutoff_decision(insufficient.subscales[0], 4));
}

TEST(PossibleScores, ATotalOfSubscalesMovesWithItsSubscales) {
  // Total = sum of the subscale scores, none missing: but b3 is, so b (and the
  // total) could move: b 14 from 9 to 17 (above); a = (4 + 4 + 2) / 3 = 10/3
  // complete; total 10/3 + 14, from 10/3 + 9 to 10/3 + 17.
  Questionnaire q = mini_questionnaire();
  q.total.of = TotalOf::subscales;
  q.total.method = Method::sum;
  q.total.missing.max_missing = 0;
  const ScoreSheet sheet = score(q, {4, 2, 2, 3, 4, kNone});
  EXPECT_EQ(sheet.total.missing, 0);
  EXPECT_NEAR(*sheet.total.value, 10.0 / 3 + 14, kTol);
  ASSERT_TRUE(sheet.total.possible);
  EXPECT_NEAR(sheet.total.possible->low, 10.0 / 3 + 9, kTol);
  EXPECT_NEAR(sheet.total.possible->high, 10.0 / 3 + 17, kTol);
  EXPECT_FALSE(sheet.subscales[0].possible);  // a misses nothing
  // A prorated total of subscales that may miss one: a has no score (two items
  // missing); b = 3 + 4 + 2 x 1 = 9; the total 9 x 2 / 1 = 18. Answered, a would
  // be 1 to 5, the total 10 to 14: the estimate can lie outside what the
  // answers would have given, and the range says so.
  q.total.missing.max_missing = 1;
  q.total.prorate = true;
  const ScoreSheet one_missing = score(q, {kNone, kNone, 2, 3, 4, 1});
  EXPECT_EQ(one_missing.subscales[0].status, Status::insufficient);
  ASSERT_TRUE(one_missing.total.value);
  EXPECT_NEAR(*one_missing.total.value, 18, kTol);
  ASSERT_TRUE(one_missing.total.possible);
  EXPECT_NEAR(one_missing.total.possible->low, 10, kTol);
  EXPECT_NEAR(one_missing.total.possible->high, 14, kTol);
}

TEST(PossibleScores, ContinuousScaleAndReuseOfTheSheet) {
  // SRS-like: four 0-10 lines, each its own sum subscale; the total their sum,
  // here scored with one line missing (not prorated): 9.5 + 9 + 8.5 = 27, from
  // 27 (the line at 0) to 37 (at 10): concern below 36, good from 36: not settled.
  Questionnaire q = srs_like_questionnaire();
  q.total.requires_all_subscales = false;
  q.total.missing.max_missing = 1;
  const Scorer scorer(q);
  ScoreSheet sheet;
  scorer.score_into({9.5, kNone, 9, 8.5}, sheet);
  EXPECT_NEAR(*sheet.total.value, 27, kTol);
  ASSERT_TRUE(sheet.total.possible);
  EXPECT_NEAR(sheet.total.possible->low, 27, kTol);
  EXPECT_NEAR(sheet.total.possible->high, 37, kTol);
  EXPECT_FALSE(sheet.total.possible->band_settled);
  // The same sheet reused for a complete response: no range left behind.
  scorer.score_into({9.5, 9, 9, 8.5}, sheet);
  EXPECT_FALSE(sheet.total.possible);
  EXPECT_EQ(band_settled(sheet.total, true), true);
}

}  // namespace
}  // namespace alliance::core
