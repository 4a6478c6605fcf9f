// alliance trend's core on hand-built series; every expectation is worked
// out by hand in the comments.
#include "alliance/core/trend.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "fixtures.hpp"

namespace alliance::core {
namespace {

using testing::srs_like_questionnaire;

constexpr std::size_t kTotal = 4;  // scale index of the total in srs_like_questionnaire()

SessionScores session(const Questionnaire& q, std::optional<int> number, std::vector<double> answers,
                      std::string date = "") {
  SessionScores out;
  out.session = number;
  out.date = std::move(date);
  for (double a : answers) out.answers.emplace_back(a);
  out.sheet = score(q, out.answers);
  return out;
}

// Reference SD 4 and r 0.8 for the total only (the subscales have none).
TrendSettings total_reference(const Questionnaire& q) {
  TrendSettings settings = settings_from_norms(q);
  settings.reference_sd[kTotal] = 4;
  settings.retest_r[kTotal] = 0.8;
  return settings;
}

// Denominator of the RC with SD 4, r 0.8: 4 * sqrt(2) * sqrt(0.2) = 4 * sqrt(0.4) = 2.5298221281...
const double kRcDenominator = 4 * std::sqrt(0.4);

TEST(Trend, ReliableChangeArithmetic) {
  // (36 - 30) / (5 * sqrt(2) * sqrt(1 - 0.8)) = 6 / (5 * sqrt(0.4)) = 6 / sqrt(10) = 1.8973665961...
  EXPECT_NEAR(reliable_change(30, 36, 5, 0.8), 1.8973665961010275, 1e-12);
  // r = 0: (10 - 12) / (2 * sqrt(2)) = -1 / sqrt(2) = -0.7071067811865475
  EXPECT_NEAR(reliable_change(12, 10, 2, 0), -0.7071067811865475, 1e-12);
}

TEST(Trend, ChangesAreExactDifferences) {
  const Questionnaire q = srs_like_questionnaire();
  // Totals 8.6 + 9.7 + 9.9 + 7.8 = 36, then 36, then 9.5 + 9.2 + 9.1 + 9.4 = 37.2
  // (as doubles 35.99999999999999 and 37.199999999999996, changes 7.1e-15 and 1.1999999999999957).
  const std::vector<SessionScores> sessions{session(q, 1, {8.6, 9.7, 9.9, 7.8}), session(q, 2, {9, 9, 9, 9}),
                                            session(q, 3, {9.5, 9.2, 9.1, 9.4})};
  const auto points = analyse_trend(q, sessions, settings_from_norms(q));
  EXPECT_FALSE(points[0].scales[kTotal].has(TrendFlag::below_band));  // 36 is not below 36
  EXPECT_EQ(*points[1].scales[kTotal].change_previous, 0.0);
  EXPECT_EQ(*points[2].scales[kTotal].change_previous, 1.2);
  EXPECT_EQ(*points[2].scales[kTotal].change_first, 1.2);
  // Relationship: 9 - 8.6 = 0.4 (as doubles 0.40000000000000036).
  EXPECT_EQ(*points[1].scales[0].change_previous, 0.4);
}

TEST(Trend, ReliableChangeOfExactlyMinusZIsNotADrop) {
  const Questionnaire q = srs_like_questionnaire();
  TrendSettings settings = settings_from_norms(q);
  settings.reference_sd[kTotal] = 5;
  settings.retest_r[kTotal] = 0.875;
  // 29.7 then 24.8: RC = -4.9 / (5 sqrt(2) sqrt(0.125)) = -4.9 / (5 * 0.5) = -1.96, not below -1.96
  // (as doubles: -1.960000000000002, a reliable drop).
  const std::vector<SessionScores> tie{session(q, 1, {9.5, 6.3, 5.0, 8.9}),
                                       session(q, 2, {1.0, 5.8, 9.9, 8.1})};
  const auto at = analyse_trend(q, tie, settings);
  EXPECT_EQ(*at[1].scales[kTotal].rc_previous, -1.96);
  EXPECT_FALSE(at[1].scales[kTotal].has(TrendFlag::reliable_drop));
  // One tenth lower: -5 / 2.5 = -2, a reliable drop.
  const std::vector<SessionScores> lower{session(q, 1, {9.5, 6.3, 5.0, 8.9}),
                                         session(q, 2, {1.0, 5.8, 9.9, 8.0})};
  const auto below = analyse_trend(q, lower, settings);
  EXPECT_EQ(*below[1].scales[kTotal].rc_previous, -2.0);
  EXPECT_TRUE(below[1].scales[kTotal].has(TrendFlag::reliable_drop));
}

TEST(Trend, RuptureOfExactlyOneOwnSdFromTenths) {
  const Questionnaire q = srs_like_questionnaire();
  TrendSettings settings = settings_from_norms(q);
  settings.reference_sd[kTotal] = 0.1;
  // Baseline totals 36.1, 36.3, 36.5: mean 36.3, own SD sqrt((0.04 + 0 + 0.04) / 2) = 0.2 > 0.1.
  // Then 36.3: a drop of 0.2 from the previous, exactly one own SD: a rupture; from the baseline 0.
  const std::vector<SessionScores> sessions{session(q, 1, {9, 9, 9, 9.1}), session(q, 2, {9, 9, 9, 9.3}),
                                            session(q, 3, {9, 9, 9, 9.5}), session(q, 4, {9, 9, 9, 9.3})};
  const auto points = analyse_trend(q, sessions, settings);
  const ScalePoint& last = points[3].scales[kTotal];
  EXPECT_EQ(*last.baseline, 36.3);
  EXPECT_EQ(*last.rupture_sd, 0.2);
  EXPECT_EQ(*last.change_previous, -0.2);
  EXPECT_TRUE(last.has(TrendFlag::rupture));
  EXPECT_EQ(*last.repair_level, 36.5);
}

TEST(Trend, VShapedRuptureAndRepair) {
  const Questionnaire q = srs_like_questionnaire();
  // Totals 36, 37, 37, 28, 33, 37.
  const std::vector<SessionScores> sessions{
      session(q, 1, {9, 9, 9, 9}), session(q, 2, {9.5, 9, 9.5, 9}), session(q, 3, {9, 9.5, 9, 9.5}),
      session(q, 4, {7, 7, 7, 7}), session(q, 5, {8, 8, 8.5, 8.5}), session(q, 6, {9.5, 9.5, 9, 9}),
  };
  const std::vector<TrendPoint> trend = analyse_trend(q, sessions, total_reference(q));
  ASSERT_EQ(trend.size(), 6u);
  const ScalePoint& s3 = trend[2].scales[kTotal];
  EXPECT_EQ(s3.flags, 0u);
  EXPECT_FALSE(s3.baseline);  // two earlier sessions: too few for a baseline of 3

  // Session 4: 28, previous 37. Baseline = mean(36, 37, 37) = 36.667; own SD =
  // sqrt(((-2/3)^2 + (1/3)^2 + (1/3)^2) / 2) = sqrt(1/3) = 0.577 < reference 4,
  // so SD = 4. Drop 37 - 28 = 9 >= 1 * 4: rupture, pre-drop level 37.
  // RC from previous = (28 - 37) / (4 sqrt(0.4)) = -3.5576; from first = -8 / 2.5298 = -3.1623.
  const ScalePoint& s4 = trend[3].scales[kTotal];
  EXPECT_EQ(*s4.score, 28);
  EXPECT_EQ(*s4.change_previous, -9);
  EXPECT_EQ(*s4.change_first, -8);
  EXPECT_NEAR(*s4.baseline, 110.0 / 3, 1e-12);
  EXPECT_EQ(*s4.rupture_sd, 4);
  EXPECT_EQ(*s4.repair_level, 37);
  EXPECT_NEAR(*s4.rc_previous, -9 / kRcDenominator, 1e-12);
  EXPECT_NEAR(*s4.rc_previous, -3.557562367689425, 1e-9);
  EXPECT_NEAR(*s4.rc_first, -8 / kRcDenominator, 1e-12);
  EXPECT_TRUE(s4.has(TrendFlag::rupture));
  EXPECT_TRUE(s4.has(TrendFlag::reliable_drop));
  EXPECT_TRUE(s4.has(TrendFlag::below_band));  // 28 < 36
  EXPECT_FALSE(s4.has(TrendFlag::repair));

  // Session 5: 33. Baseline = mean(37, 37, 28) = 34; the own SD leaves out session 4 (a
  // rupture): SD of (37, 37) = 0 < 4, so SD = 4 (with 28 it would be sqrt(27) = 5.196);
  // 34 - 33 = 1 < 4: no new rupture. 33 < 37: not yet repaired.
  // RC from previous = (33 - 28) / 2.5298 > 0: not a drop.
  const ScalePoint& s5 = trend[4].scales[kTotal];
  EXPECT_EQ(*s5.rupture_sd, 4);
  EXPECT_FALSE(s5.own_sd);
  EXPECT_EQ(s5.flags, static_cast<unsigned>(TrendFlag::below_band));

  // Session 6: 37 >= 37, two sessions after the rupture (within 3): repair.
  const ScalePoint& s6 = trend[5].scales[kTotal];
  EXPECT_EQ(s6.flags, static_cast<unsigned>(TrendFlag::repair));

  // Subscale r has no reference SD: no RC, and no rupture is claimed even though
  // 9 -> 7 is a drop of 2 and its own SD is only sqrt(1/12) = 0.29.
  const ScalePoint& r4 = trend[3].scales[0];
  EXPECT_FALSE(r4.rc_previous);
  EXPECT_FALSE(r4.rupture_sd);
  EXPECT_FALSE(r4.has(TrendFlag::rupture));
  EXPECT_EQ(*r4.change_previous, -2);
}

TEST(Trend, ASecondRuptureIsNotMaskedByTheFirst) {
  const Questionnaire q = srs_like_questionnaire();
  TrendSettings settings = settings_from_norms(q);
  settings.reference_sd[kTotal] = 2;
  settings.rupture_sds = 2;  // strict: a drop of 2 x 2 = 4
  // Totals 30, 30, 30, 24, 30, 25.
  const std::vector<SessionScores> sessions{
      session(q, 1, {7.5, 7.5, 7.5, 7.5}), session(q, 2, {7.5, 7.5, 7.5, 7.5}),
      session(q, 3, {7.5, 7.5, 7.5, 7.5}), session(q, 4, {6, 6, 6, 6}),
      session(q, 5, {7.5, 7.5, 7.5, 7.5}), session(q, 6, {6.5, 6.5, 6, 6})};
  const std::vector<TrendPoint> trend = analyse_trend(q, sessions, settings);
  // Session 4: 30 - 24 = 6 >= 4: rupture. Session 5: 30 >= 30: repair.
  EXPECT_TRUE(trend[3].scales[kTotal].has(TrendFlag::rupture));
  EXPECT_TRUE(trend[4].scales[kTotal].has(TrendFlag::repair));
  // Session 6: window (30, 24, 30), mean 28. With session 4 in it the own SD would be
  // sqrt((4 + 16 + 4) / 2) = sqrt(12) = 3.46, 2 SD = 6.93 > the drop of 5: masked. Without
  // it, SD of (30, 30) = 0 < 2: the reference SD, 2 SD = 4 <= 30 - 25 = 5: a rupture.
  const ScalePoint& s6 = trend[5].scales[kTotal];
  EXPECT_EQ(*s6.rupture_sd, 2);
  EXPECT_FALSE(s6.own_sd);
  EXPECT_EQ(*s6.baseline, 28);
  EXPECT_TRUE(s6.has(TrendFlag::rupture));
  EXPECT_EQ(*s6.repair_level, 30);
}

TEST(Trend, ReliableDropIsOneTestUnlessAsked) {
  const Questionnaire q = srs_like_questionnaire();
  // Totals 38, 36, 33 with SD 4, r 0.8 (denominator 2.5298). Session 3: from the
  // previous -3 / 2.5298 = -1.186, from the first -5 / 2.5298 = -1.976 < -1.96.
  const std::vector<SessionScores> sessions{session(q, 1, {9.5, 9.5, 9.5, 9.5}), session(q, 2, {9, 9, 9, 9}),
                                            session(q, 3, {8, 8, 8.5, 8.5})};
  TrendSettings settings = total_reference(q);
  EXPECT_EQ(settings.reliable_from, ReliableFrom::previous);
  EXPECT_FALSE(analyse_trend(q, sessions, settings)[2].scales[kTotal].has(TrendFlag::reliable_drop));
  settings.reliable_from = ReliableFrom::first;
  EXPECT_TRUE(analyse_trend(q, sessions, settings)[2].scales[kTotal].has(TrendFlag::reliable_drop));
  settings.reliable_from = ReliableFrom::both;
  EXPECT_TRUE(analyse_trend(q, sessions, settings)[2].scales[kTotal].has(TrendFlag::reliable_drop));
  EXPECT_STREQ(to_string(ReliableFrom::previous), "previous");
}

TEST(Trend, ScoreStepOnTheScalesMetric) {
  const Questionnaire srs = srs_like_questionnaire();
  // One item recorded to 0.1, summed: 0.1; the total sums them: 0.1.
  EXPECT_DOUBLE_EQ(score_step(srs, 0), 0.1);
  EXPECT_DOUBLE_EQ(score_step(srs, kTotal), 0.1);
  const Questionnaire mini = testing::mini_questionnaire();
  // a: mean of 3 items on 1..5: 1/3. b: sum, lightest weight 1: 1. Total: mean of the six
  // items, weights 1,1,1,1,1,2 (7): 1/7.
  EXPECT_DOUBLE_EQ(score_step(mini, 0), 1.0 / 3);
  EXPECT_DOUBLE_EQ(score_step(mini, 1), 1.0);
  EXPECT_DOUBLE_EQ(score_step(mini, 2), 1.0 / 7);
}

TEST(Trend, ImplausibleReferenceSd) {
  const Questionnaire mini = testing::mini_questionnaire();
  // b is a sum on 4..20 (weights 1, 1, 2): a step is 1, half the range 8.
  EXPECT_EQ(implausible_sd(mini, 1, 0.8), SdProblem::below_step);
  EXPECT_EQ(implausible_sd(mini, 1, 1), std::nullopt);
  EXPECT_EQ(implausible_sd(mini, 1, 8), std::nullopt);
  EXPECT_EQ(implausible_sd(mini, 1, 8.5), SdProblem::above_half_range);
  // a is a mean on 1..5: 0.8 is plausible, 0.3 < 1/3 is not, 2.5 > 2 is not.
  EXPECT_EQ(implausible_sd(mini, 0, 0.8), std::nullopt);
  EXPECT_EQ(implausible_sd(mini, 0, 0.3), SdProblem::below_step);
  EXPECT_EQ(implausible_sd(mini, 0, 2.5), SdProblem::above_half_range);
}

TEST(Trend, OwnSdIsUsedWhenStricter) {
  const Questionnaire q = srs_like_questionnaire();
  // Totals 33, 39, 37, 33: no rupture before session 4 (39 -> 37 drops 2 < 3).
  // Session 4: baseline = mean(33, 39, 37) = 109/3, own SD = sqrt(((-10/3)^2 + (8/3)^2 +
  // (2/3)^2) / 2) = sqrt(28/3) = 3.055 > the reference 3: the SD is the own one.
  // Drop from the previous 37 - 33 = 4 >= 3.055: rupture; strict needs 6.11: none.
  const std::vector<SessionScores> sessions{
      session(q, 1, {8.3, 8.2, 8.3, 8.2}), session(q, 2, {9.8, 9.7, 9.8, 9.7}),
      session(q, 3, {9.3, 9.2, 9.3, 9.2}), session(q, 4, {8.3, 8.2, 8.3, 8.2})};
  TrendSettings settings = total_reference(q);
  settings.reference_sd[kTotal] = 3;
  std::vector<TrendPoint> trend = analyse_trend(q, sessions, settings);
  for (std::size_t p = 0; p < 3; ++p) EXPECT_FALSE(trend[p].scales[kTotal].has(TrendFlag::rupture)) << p;
  EXPECT_NEAR(*trend[3].scales[kTotal].rupture_sd, std::sqrt(28.0 / 3), 1e-12);
  EXPECT_TRUE(trend[3].scales[kTotal].own_sd);
  EXPECT_NEAR(*trend[3].scales[kTotal].baseline, 109.0 / 3, 1e-12);
  EXPECT_TRUE(trend[3].scales[kTotal].has(TrendFlag::rupture));
  settings.rupture_sds = 2;
  trend = analyse_trend(q, sessions, settings);
  EXPECT_FALSE(trend[3].scales[kTotal].has(TrendFlag::rupture));
}

TEST(Trend, StrictNeedsTwoSdsAndRepairExpires) {
  const Questionnaire q = srs_like_questionnaire();
  // Totals 38, 38, 38, 32, 33, 34, 35, 38.
  std::vector<SessionScores> sessions{
      session(q, 1, {9.5, 9.5, 9.5, 9.5}), session(q, 2, {9.5, 9.5, 9.5, 9.5}),
      session(q, 3, {9.5, 9.5, 9.5, 9.5}), session(q, 4, {8, 8, 8, 8}),
      session(q, 5, {8, 8, 8.5, 8.5}),     session(q, 6, {8.5, 8.5, 8.5, 8.5}),
      session(q, 7, {9, 9, 8.5, 8.5}),     session(q, 8, {9.5, 9.5, 9.5, 9.5})};
  TrendSettings settings = total_reference(q);
  // Session 4: drop 38 - 32 = 6; own SD 0, SD = 4. Lenient (1 SD = 4): rupture, level 38.
  // Sessions 5-7 stay below 38; session 8 is 4 sessions later, beyond --repair-within 3: no repair.
  std::vector<TrendPoint> trend = analyse_trend(q, sessions, settings);
  EXPECT_TRUE(trend[3].scales[kTotal].has(TrendFlag::rupture));
  for (std::size_t p = 4; p < 8; ++p) EXPECT_FALSE(trend[p].scales[kTotal].has(TrendFlag::repair)) << p;
  // With --repair-within 4 session 8 repairs it.
  settings.repair_within = 4;
  trend = analyse_trend(q, sessions, settings);
  EXPECT_TRUE(trend[7].scales[kTotal].has(TrendFlag::repair));
  // Strict (2 SD = 8): a drop of 6 is no rupture.
  settings.rupture_sds = 2;
  trend = analyse_trend(q, sessions, settings);
  EXPECT_FALSE(trend[3].scales[kTotal].has(TrendFlag::rupture));
  EXPECT_FALSE(trend[7].scales[kTotal].has(TrendFlag::repair));
}

TEST(Trend, SlowDeclineIsAReliableDropButNoRupture) {
  const Questionnaire q = srs_like_questionnaire();
  // Totals 38, 37, 36, 35, 34, 33: one point a session.
  const std::vector<SessionScores> sessions{
      session(q, 1, {9.5, 9.5, 9.5, 9.5}), session(q, 2, {9.5, 9.5, 9, 9}),
      session(q, 3, {9, 9, 9, 9}),         session(q, 4, {9, 9, 8.5, 8.5}),
      session(q, 5, {8.5, 8.5, 8.5, 8.5}), session(q, 6, {8.5, 8.5, 8, 8}),
  };
  const std::vector<TrendPoint> trend = analyse_trend(q, sessions, total_reference(q));
  // Each step drops 1 < 4; the baseline (mean of the last 3) is 1 above the
  // previous, so at most 2 above: never >= 4. No rupture anywhere.
  for (const TrendPoint& point : trend) EXPECT_FALSE(point.scales[kTotal].has(TrendFlag::rupture));
  // Session 6: 33 - 38 = -5; RC = -5 / 2.5298 = -1.9764 < -1.96: a reliable drop from the
  // first session, tested only when asked (the default tests the previous session: -1 / 2.5298).
  // Session 5: -4 / 2.5298 = -1.581: not yet.
  EXPECT_NEAR(*trend[5].scales[kTotal].rc_first, -1.9764235376052372, 1e-9);
  EXPECT_FALSE(trend[5].scales[kTotal].has(TrendFlag::reliable_drop));
  TrendSettings from_first = total_reference(q);
  from_first.reliable_from = ReliableFrom::first;
  const std::vector<TrendPoint> first = analyse_trend(q, sessions, from_first);
  EXPECT_TRUE(first[5].scales[kTotal].has(TrendFlag::reliable_drop));
  EXPECT_FALSE(first[4].scales[kTotal].has(TrendFlag::reliable_drop));
  // Below the band (< 36) from session 4 on; 36 itself is in the good band.
  EXPECT_FALSE(trend[2].scales[kTotal].has(TrendFlag::below_band));
  for (std::size_t p = 3; p < 6; ++p) EXPECT_TRUE(trend[p].scales[kTotal].has(TrendFlag::below_band)) << p;
}

TEST(Trend, NoiseBelowTheThresholdRaisesNothing) {
  const Questionnaire q = srs_like_questionnaire();
  // Totals 37, 38, 36.5, 37.5, 36, 37.5; subscales move by at most 0.5.
  const std::vector<SessionScores> sessions{
      session(q, 1, {9.5, 9, 9.5, 9}), session(q, 2, {9.5, 9.5, 9.5, 9.5}),
      session(q, 3, {9, 9, 9.5, 9}),   session(q, 4, {9.5, 9.5, 9, 9.5}),
      session(q, 5, {9, 9, 9, 9}),     session(q, 6, {9.5, 9.5, 9.5, 9}),
  };
  TrendSettings settings = total_reference(q);
  for (std::size_t s = 0; s < kTotal; ++s) {
    settings.reference_sd[s] = 1;
    settings.retest_r[s] = 0.7;
  }
  // Largest total drop 38 -> 36.5 = 1.5 < 4; largest subscale drop 0.5 < 1; own SDs
  // are smaller than the reference ones. RC from first at its lowest: (36 - 37) / 2.5298 = -0.395.
  const std::vector<TrendPoint> trend = analyse_trend(q, sessions, settings);
  for (const TrendPoint& point : trend)
    for (const ScalePoint& scale : point.scales) EXPECT_EQ(scale.flags, 0u);
  EXPECT_NEAR(*trend[4].scales[kTotal].rc_first, -1 / kRcDenominator, 1e-12);
}

TEST(Trend, TooShortForABaseline) {
  const Questionnaire q = srs_like_questionnaire();
  // Totals 37, 37, 28: only two earlier sessions, no baseline, no own SD.
  const std::vector<SessionScores> sessions{session(q, 1, {9.5, 9, 9.5, 9}), session(q, 2, {9.5, 9, 9.5, 9}),
                                            session(q, 3, {7, 7, 7, 7})};
  // No reference SD either: no SD to measure the drop in, so no rupture is claimed.
  std::vector<TrendPoint> trend = analyse_trend(q, sessions, settings_from_norms(q));
  const ScalePoint& last = trend[2].scales[kTotal];
  EXPECT_FALSE(last.baseline);
  EXPECT_FALSE(last.rupture_sd);
  EXPECT_FALSE(last.rc_previous);
  EXPECT_FALSE(last.has(TrendFlag::rupture));
  EXPECT_TRUE(last.has(TrendFlag::below_band));
  EXPECT_EQ(*last.change_previous, -9);
  // With a reference SD of 4 the previous-session rule applies: 37 - 28 = 9 >= 4.
  trend = analyse_trend(q, sessions, total_reference(q));
  EXPECT_TRUE(trend[2].scales[kTotal].has(TrendFlag::rupture));
  EXPECT_FALSE(trend[2].scales[kTotal].baseline);
}

TEST(Trend, FirstSessionHasNoChange) {
  const Questionnaire q = srs_like_questionnaire();
  const std::vector<TrendPoint> trend = analyse_trend(q, {session(q, 1, {9, 9, 9, 9})}, total_reference(q));
  ASSERT_EQ(trend.size(), 1u);
  EXPECT_EQ(*trend[0].scales[kTotal].score, 36);
  EXPECT_FALSE(trend[0].scales[kTotal].change_previous);
  EXPECT_FALSE(trend[0].scales[kTotal].rc_first);
}

TEST(Trend, OrderBySessionElseDateTiesKeepInputOrder) {
  const Questionnaire q = srs_like_questionnaire();
  const std::vector<double> a{9, 9, 9, 9};
  // Every session numbered: by number (dates ignored).
  EXPECT_EQ(session_order({session(q, 3, a, "2026-01-01"), session(q, 1, a, "2026-03-01"), session(q, 2, a)}),
            (std::vector<std::size_t>{1, 2, 0}));
  // One without a number: by date.
  EXPECT_EQ(session_order({session(q, 3, a, "2026-10-20"), session(q, std::nullopt, a, "2026-10-06"),
                           session(q, 2, a, "2026-10-13")}),
            (std::vector<std::size_t>{1, 2, 0}));
  // Neither: as given.
  EXPECT_EQ(session_order({session(q, 3, a), session(q, std::nullopt, a, "2026-10-06")}),
            (std::vector<std::size_t>{0, 1}));
  // Two sessions numbered 2: input order kept, the second marked tied.
  const std::vector<SessionScores> tied{session(q, 2, {9, 9, 9, 9}), session(q, 1, a),
                                        session(q, 2, {8, 8, 8, 8})};
  EXPECT_EQ(session_order(tied), (std::vector<std::size_t>{1, 0, 2}));
  const std::vector<TrendPoint> trend = analyse_trend(q, tied, total_reference(q));
  EXPECT_EQ(trend[1].input, 0u);
  EXPECT_EQ(trend[2].input, 2u);
  EXPECT_FALSE(trend[1].tied);
  EXPECT_TRUE(trend[2].tied);
  EXPECT_EQ(*trend[2].scales[kTotal].change_previous, -4);  // 32 after 36
}

TEST(Trend, CeilingAndLowItem) {
  const Questionnaire q = srs_like_questionnaire();
  TrendSettings settings = total_reference(q);
  settings.low_item = 6;
  // All four lines at 10: ceiling on every subscale and the total.
  std::vector<TrendPoint> trend = analyse_trend(q, {session(q, 1, {10, 10, 10, 10})}, settings);
  for (const ScalePoint& scale : trend[0].scales) EXPECT_TRUE(scale.has(TrendFlag::ceiling));
  // 10 + 10 + 10 + 6 = 36, not in the concern band, with line 4 at 6 <= 6: low item on
  // subscale "o" and on the total, naming item 4 (index 3).
  trend = analyse_trend(q, {session(q, 1, {10, 10, 10, 6})}, settings);
  EXPECT_FALSE(trend[0].scales[kTotal].has(TrendFlag::ceiling));
  EXPECT_TRUE(trend[0].scales[3].has(TrendFlag::low_item));
  EXPECT_TRUE(trend[0].scales[kTotal].has(TrendFlag::low_item));
  EXPECT_EQ(trend[0].scales[kTotal].low_items, (std::vector<std::size_t>{3}));
  EXPECT_FALSE(trend[0].scales[0].has(TrendFlag::low_item));
  // 10 + 10 + 9 + 6 = 35 < 36: the total does not look fine, so no low-item flag (below-band instead).
  trend = analyse_trend(q, {session(q, 1, {10, 10, 9, 6})}, settings);
  EXPECT_FALSE(trend[0].scales[3].has(TrendFlag::low_item));
  EXPECT_TRUE(trend[0].scales[3].low_items.empty());  // the items behind the flag: none
  EXPECT_TRUE(trend[0].scales[kTotal].has(TrendFlag::below_band));
}

// Issue 12: main listed low_items while the low-item flag was absent, when
// the total could not be scored. A total without a score does not hide a low
// answer: the flag is raised, and low_items names what raised it.
TEST(Trend, LowItemsAndTheFlagAgree) {
  const Questionnaire q = testing::mini_questionnaire();
  SessionScores s;
  s.session = 1;
  s.answers = {1, 3, 4, 4, std::nullopt, std::nullopt};  // a1 = 1 is low; b has 2 missing: insufficient
  s.sheet = score(q, s.answers);
  ASSERT_EQ(s.sheet.total.status, Status::insufficient);
  const std::vector<TrendPoint> trend = analyse_trend(q, {s}, settings_from_norms(q));
  EXPECT_TRUE(trend[0].scales[0].has(TrendFlag::low_item));
  EXPECT_EQ(trend[0].scales[0].low_items, (std::vector<std::size_t>{0}));
  for (const TrendPoint& point : trend)
    for (const ScalePoint& scale : point.scales)
      EXPECT_EQ(scale.has(TrendFlag::low_item), !scale.low_items.empty());
}

// A norm may give a test-retest r of 1: no measurement error, no RC (main
// divided by 0 and printed -inf).
TEST(Trend, NoReliableChangeWithAPerfectRetestR) {
  const Questionnaire q = srs_like_questionnaire();
  TrendSettings settings = total_reference(q);
  settings.retest_r[kTotal] = 1;
  const std::vector<TrendPoint> trend =
      analyse_trend(q, {session(q, 1, {9, 9, 9, 9}), session(q, 2, {8, 8, 8, 8})}, settings);
  EXPECT_EQ(*trend[1].scales[kTotal].change_previous, -4);
  EXPECT_FALSE(trend[1].scales[kTotal].rc_previous);
  EXPECT_FALSE(trend[1].scales[kTotal].rc_first);
  EXPECT_FALSE(trend[1].scales[kTotal].has(TrendFlag::reliable_drop));
}

TEST(Trend, LowItemUsesTheKeyedAnswer) {
  // mini: 1..5, a2 reverse-keyed; no bands; default low-item = the scale minimum (1).
  const Questionnaire q = testing::mini_questionnaire();
  SessionScores s;
  s.session = 1;
  s.answers = {4, 5, 4, 4, 4, 4};  // a2 = 5 keys as 1 + 5 - 5 = 1
  s.sheet = score(q, s.answers);
  const std::vector<TrendPoint> trend = analyse_trend(q, {s}, settings_from_norms(q));
  EXPECT_TRUE(trend[0].scales[0].has(TrendFlag::low_item));
  EXPECT_EQ(trend[0].scales[0].low_items, (std::vector<std::size_t>{1}));
  EXPECT_FALSE(trend[0].scales[1].has(TrendFlag::low_item));
}

TEST(Trend, FlagNames) {
  for (TrendFlag flag : all_trend_flags()) EXPECT_EQ(parse_trend_flag(to_string(flag)), flag);
  EXPECT_FALSE(parse_trend_flag("ruptures"));
}

}  // namespace
}  // namespace alliance::core
