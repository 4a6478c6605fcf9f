// Local norms on a tiny data set, every expected value worked out by hand in
// the comments (psych::alpha and R's quantile on the examples' data:
// tests/reference/norms, checked end to end in tests/e2e/norms_test.cpp).
#include "alliance/core/norms.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace alliance::core {
namespace {

constexpr double kNormEps = 1e-12;

// Scale 1..5; subscale "x": items x1, x2, summed; the total: mean of the items.
Questionnaire two_item_norm_questionnaire() {
  Questionnaire q;
  q.id = "two";
  q.scale.min = 1;
  q.scale.max = 5;
  Subscale x;
  x.id = "x";
  x.method = Method::sum;
  x.missing.max_missing = 0;
  x.items = {0, 1};
  q.subscales = {x};
  Item x1;
  x1.id = "x1";
  Item x2 = x1;
  x2.id = "x2";
  q.items = {x1, x2};
  return q;
}

NormResponse norm_response(const Questionnaire& q, const std::string& who, std::optional<int> session,
                           const std::string& date, double a, double b) {
  NormResponse r{who, session, date, {a, b}, {}};
  r.sheet = score(q, r.answers);
  return r;
}

// Sessions 1 and 2 of four respondents; D's listed second session first.
//   A (1,2) (2,2)   sums 3, 4   dates 7 days apart
//   B (2,3) (3,3)        5, 6         14
//   C (4,4) (4,5)        8, 9          7
//   D (3,5) (5,5)        8, 10         7
std::vector<NormResponse> norm_four_people(const Questionnaire& q) {
  return {norm_response(q, "A", 1, "2026-01-05", 1, 2), norm_response(q, "B", 1, "2026-01-06", 2, 3),
          norm_response(q, "C", 1, "2026-01-07", 4, 4), norm_response(q, "D", 2, "2026-01-15", 5, 5),
          norm_response(q, "D", 1, "2026-01-08", 3, 5), norm_response(q, "A", 2, "2026-01-12", 2, 2),
          norm_response(q, "B", 2, "2026-01-20", 3, 3), norm_response(q, "C", 2, "2026-01-14", 4, 5)};
}

TEST(Norms, FirstSessionOfEachRespondent) {
  const Questionnaire q = two_item_norm_questionnaire();
  const NormsReport report = compute_norms(q, norm_four_people(q), NormSample::first);
  EXPECT_EQ(report.responses, 8);
  EXPECT_EQ(report.respondents, 4);
  EXPECT_EQ(report.sampled, 4);
  EXPECT_EQ(report.first_date, "2026-01-05");
  EXPECT_EQ(report.last_date, "2026-01-20");
  ASSERT_EQ(report.scales.size(), 2u);
  const ScaleNorm& x = report.scales[0];
  // Sums 3, 5, 8, 8: mean 6, deviations -3 -1 2 2, sum of squares 18, SD sqrt(18 / 3).
  EXPECT_EQ(x.n, 4);
  EXPECT_NEAR(x.mean, 6, kNormEps);
  EXPECT_NEAR(x.sd, std::sqrt(6.0), kNormEps);
  EXPECT_EQ(x.min, 3);
  EXPECT_EQ(x.max, 8);
  // Type 7: h = 3p; 5 %: 3 + 0.15 x 2; 25 %: 3 + 0.75 x 2; 50 %: 5 + 0.5 x 3; 75 % and up: 8.
  ASSERT_EQ(x.percentiles.size(), 7u);
  EXPECT_NEAR(x.percentiles[0], 3.3, kNormEps);
  EXPECT_NEAR(x.percentiles[1], 3.6, kNormEps);
  EXPECT_NEAR(x.percentiles[2], 4.5, kNormEps);
  EXPECT_NEAR(x.percentiles[3], 6.5, kNormEps);
  EXPECT_NEAR(x.percentiles[4], 8, kNormEps);
  EXPECT_NEAR(x.percentiles[6], 8, kNormEps);
  // x1 = 1 2 4 3, x2 = 2 3 4 5: variances 5/3 and 5/3, covariance 4/3, sum of
  // the matrix 6: alpha = (1 - (10/3) / 6) x 2 / 1 = 8/9.
  ASSERT_TRUE(x.alpha);
  EXPECT_NEAR(*x.alpha, 8.0 / 9, kNormEps);
  EXPECT_EQ(x.alpha_n, 4);
  // Pairs (3,4) (5,6) (8,9) (8,10), D's in session order although listed
  // backwards: co-deviations 9.75 + 1.25 + 3.5 + 5.5 = 20, squares 18 and
  // 22.75: r = 20 / sqrt(18 x 22.75). One session apart; (7 + 14 + 7 + 7) / 4 days.
  EXPECT_EQ(x.retest.pairs, 4);
  ASSERT_TRUE(x.retest.r);
  EXPECT_NEAR(*x.retest.r, 20 / std::sqrt(18 * 22.75), kNormEps);
  EXPECT_NEAR(*x.retest.mean_sessions, 1, kNormEps);
  EXPECT_NEAR(*x.retest.mean_days, 8.75, kNormEps);
  // The total is the mean of the two items, x / 2: mean 3, SD sqrt(6) / 2, the same r and alpha.
  const ScaleNorm& total = report.scales[1];
  EXPECT_NEAR(total.mean, 3, kNormEps);
  EXPECT_NEAR(total.sd, std::sqrt(6.0) / 2, kNormEps);
  EXPECT_NEAR(*total.retest.r, 20 / std::sqrt(18 * 22.75), kNormEps);
  EXPECT_NEAR(*total.alpha, 8.0 / 9, kNormEps);
  // Four scores: below the default minimum of 30, for both scales; nothing else.
  ASSERT_EQ(report.warnings.size(), 2u);
  EXPECT_EQ(report.warnings[0].kind, NormWarningKind::small_sample);
  EXPECT_EQ(report.warnings[0].scale, 0u);
  EXPECT_EQ(report.warnings[0].value, 4);
  EXPECT_EQ(report.warnings[0].limit, 30);
  EXPECT_EQ(report.warnings[1].scale, 1u);
}

TEST(Norms, LastAndAllSessions) {
  const Questionnaire q = two_item_norm_questionnaire();
  // Last: 4, 6, 9, 10: mean 7.25, squares 10.5625 + 1.5625 + 3.0625 + 7.5625 = 22.75.
  const NormsReport last = compute_norms(q, norm_four_people(q), NormSample::last, 4);
  EXPECT_EQ(last.sampled, 4);
  EXPECT_NEAR(last.scales[0].mean, 7.25, kNormEps);
  EXPECT_NEAR(last.scales[0].sd, std::sqrt(22.75 / 3), kNormEps);
  EXPECT_TRUE(last.warnings.empty());  // n 4 is not below a minimum of 4
  // All: 3 5 8 8 4 6 9 10, sum 53.
  const NormsReport all = compute_norms(q, norm_four_people(q), NormSample::all, 4);
  EXPECT_EQ(all.sampled, 8);
  EXPECT_EQ(all.scales[0].n, 8);
  EXPECT_NEAR(all.scales[0].mean, 53.0 / 8, kNormEps);
  // The retest pairs do not depend on the sample.
  EXPECT_EQ(all.scales[0].retest.pairs, 4);
}

TEST(Norms, WarnsOfAnSdBelowOneStepAndOfTooFewPairs) {
  const Questionnaire q = two_item_norm_questionnaire();
  // Sums 6 6 7 6: mean 6.25, squares 3 x 0.0625 + 0.5625 = 0.75, SD sqrt(0.25) = 0.5,
  // below the sum's step of 1. The total (mean of 2 items) steps by 0.5: its SD 0.25 too.
  // Dates only: the days, no session interval; one pair only: no r.
  const std::vector<NormResponse> data = {norm_response(q, "A", std::nullopt, "2026-02-01", 3, 3),
                                          norm_response(q, "B", std::nullopt, "2026-02-01", 3, 3),
                                          norm_response(q, "C", std::nullopt, "2026-02-02", 3, 4),
                                          norm_response(q, "D", std::nullopt, "2026-02-03", 2, 4),
                                          norm_response(q, "A", std::nullopt, "2026-03-01", 4, 4)};
  const NormsReport report = compute_norms(q, data, NormSample::first, 2);
  const ScaleNorm& x = report.scales[0];
  EXPECT_NEAR(x.sd, 0.5, kNormEps);
  EXPECT_EQ(x.retest.pairs, 1);
  EXPECT_FALSE(x.retest.r);
  EXPECT_FALSE(x.retest.mean_sessions);
  EXPECT_NEAR(*x.retest.mean_days, 28, kNormEps);
  ASSERT_EQ(report.warnings.size(), 4u);
  EXPECT_EQ(report.warnings[0].kind, NormWarningKind::sd_below_step);
  EXPECT_NEAR(report.warnings[0].value, 0.5, kNormEps);
  EXPECT_EQ(report.warnings[0].limit, 1);
  EXPECT_EQ(report.warnings[1].kind, NormWarningKind::retest_missing);
  EXPECT_EQ(report.warnings[2].kind, NormWarningKind::sd_below_step);
  EXPECT_EQ(report.warnings[2].limit, 0.5);
  // x1 = 3 3 3 2 and x2 = 3 3 4 4 both vary: alpha, from the 4 first sessions.
  EXPECT_EQ(x.alpha_n, 4);
}

TEST(Norms, NoNormWithoutVariance) {
  const Questionnaire q = two_item_norm_questionnaire();
  const std::vector<NormResponse> data = {norm_response(q, "A", 1, "", 3, 3),
                                          norm_response(q, "B", 1, "", 3, 3)};
  const NormsReport report = compute_norms(q, data, NormSample::first);
  EXPECT_FALSE(writable(report.scales[0]));
  EXPECT_FALSE(report.scales[0].alpha);  // no item varies
  EXPECT_EQ(report.warnings[0].kind, NormWarningKind::no_sd);
  EXPECT_EQ(report.first_date, "");
}

TEST(Norms, Helpers) {
  EXPECT_EQ(*days_from_iso_date("2026-03-01") - *days_from_iso_date("2026-02-01"), 28);
  EXPECT_EQ(*days_from_iso_date("2024-03-01") - *days_from_iso_date("2024-02-01"), 29);
  EXPECT_EQ(*days_from_iso_date("1970-01-01T10:00:00Z"), 0);
  EXPECT_FALSE(days_from_iso_date("2026/03/01"));
  EXPECT_FALSE(days_from_iso_date("yesterday"));
  // x 1 2 3, y 2 4 7: co-deviations 7/3 + 8/3 = 5, squares 2 and 114/9.
  EXPECT_NEAR(*pearson_r({1, 2, 3}, {2, 4, 7}), 5 / std::sqrt(2 * 114.0 / 9), kNormEps);
  EXPECT_FALSE(pearson_r({1, 1, 1}, {2, 4, 7}));
  EXPECT_NEAR(quantile_type7({1, 2, 3, 4}, 0.25), 1.75, kNormEps);
  EXPECT_NEAR(quantile_type7({7}, 0.9), 7, kNormEps);
  // Steps: a sum of 1..5 items moves by 1, the mean of two by 0.5.
  const Questionnaire q = two_item_norm_questionnaire();
  EXPECT_EQ(score_step(q, 0), 1);
  EXPECT_EQ(score_step(q, 1), 0.5);
}

}  // namespace
}  // namespace alliance::core
