// The statistics core on tiny data sets, every expected value worked out by
// hand in the comments (R agreement on realistic data: stats_reference_test).
#include "alliance/core/stats.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "fixtures.hpp"

namespace alliance::core {
namespace {

constexpr double kEps = 1e-12;
const double kNaN = std::nan("");

// x = 1, 2, 3, 4; y = 2, (missing), 6, 8: what both CoMoments and
// PointCounts must give.
template <class Moments>
void expect_hand_worked_pairs(const Moments& m) {
  // x alone: n 4, mean 2.5, M2 = 2.25 + 0.25 + 0.25 + 2.25 = 5.
  const CoMoments::Pair xx = m.pair(0, 0);
  EXPECT_EQ(xx.n, 4);
  EXPECT_NEAR(xx.mean_i, 2.5, kEps);
  EXPECT_NEAR(xx.m2_i, 5, kEps);
  // x with y: rows 1, 3, 4. Means 8/3 and 16/3; deviations -5/3, 1/3, 4/3 and
  // -10/3, 2/3, 8/3: M2 42/9 and 168/9, co-moment (50 + 2 + 32) / 9 = 28/3.
  const CoMoments::Pair xy = m.pair(0, 1);
  EXPECT_EQ(xy.n, 3);
  EXPECT_NEAR(xy.mean_i, 8.0 / 3, kEps);
  EXPECT_NEAR(xy.mean_j, 16.0 / 3, kEps);
  EXPECT_NEAR(xy.m2_i, 42.0 / 9, kEps);
  EXPECT_NEAR(xy.m2_j, 168.0 / 9, kEps);
  EXPECT_NEAR(xy.c, 28.0 / 3, kEps);
  // The same pair, seen from y.
  const CoMoments::Pair yx = m.pair(1, 0);
  EXPECT_NEAR(yx.mean_i, 16.0 / 3, kEps);
  EXPECT_NEAR(yx.m2_i, 168.0 / 9, kEps);
  EXPECT_NEAR(yx.c, 28.0 / 3, kEps);
  // y alone: 2, 6, 8: mean 16/3, M2 168/9.
  EXPECT_EQ(m.pair(1, 1).n, 3);
  EXPECT_NEAR(m.pair(1, 1).m2_i, 168.0 / 9, kEps);
}

TEST(CoMoments, PairsUseTheRowsWhereBothArePresent) {
  CoMoments m({3, 5});
  const double rows[4][2] = {{1, 2}, {2, kNaN}, {3, 6}, {4, 8}};
  const double present[4][2] = {{1, 1}, {1, 0}, {1, 1}, {1, 1}};
  for (int r = 0; r < 4; ++r) m.add(rows[r], present[r]);
  expect_hand_worked_pairs(m);
}

TEST(PointCounts, PairsUseTheRowsWhereBothArePresent) {
  // The same data as points: x on points 0..3 standing for 1..4, y on
  // points 0..3 standing for 2, 4, 6, 8.
  PointCounts m({{1, 2, 3, 4}, {2, 4, 6, 8}});
  const unsigned char rows[4][2] = {{1, 1}, {2, 0}, {3, 3}, {4, 4}};  // point + 1, 0 = missing
  for (const auto& row : rows) m.add(row);
  expect_hand_worked_pairs(m);
  // Asking does not disturb adding: a fifth row, x = 4 with y missing.
  const unsigned char fifth[2] = {4, 0};
  m.add(fifth);
  EXPECT_EQ(m.pair(0, 0).n, 5);
  EXPECT_NEAR(m.pair(0, 0).mean_i, 14.0 / 5, kEps);
  EXPECT_EQ(m.pair(0, 1).n, 3);
}

// Appending: the hand-worked rows split between two accumulators give the
// same pairs as all four added to one.
TEST(CoMoments, AppendedRowsCountAsAddedAfter) {
  const double rows[4][2] = {{1, 2}, {2, kNaN}, {3, 6}, {4, 8}};
  const double present[4][2] = {{1, 1}, {1, 0}, {1, 1}, {1, 1}};
  for (int split = 0; split <= 4; ++split) {
    // Different shifts on each side: `later` is brought into the first's frame.
    CoMoments first({3, 5});
    CoMoments later({0, 4});
    for (int r = 0; r < 4; ++r) (r < split ? first : later).add(rows[r], present[r]);
    first.append(later);
    SCOPED_TRACE(split);
    expect_hand_worked_pairs(first);
  }
}

TEST(PointCounts, AppendedCountsAreAdded) {
  const unsigned char rows[4][2] = {{1, 1}, {2, 0}, {3, 3}, {4, 4}};
  for (int split = 0; split <= 4; ++split) {
    PointCounts first({{1, 2, 3, 4}, {2, 4, 6, 8}});
    PointCounts later({{1, 2, 3, 4}, {2, 4, 6, 8}});
    for (int r = 0; r < 4; ++r) (r < split ? first : later).add(rows[r]);
    first.append(later);
    SCOPED_TRACE(split);
    expect_hand_worked_pairs(first);
  }
}

TEST(CoMoments, BlocksMergeToTheTwoPassResult) {
  // 10 000 rows (many blocks), y missing on every 7th row; compared with the
  // textbook two-pass formulas over the same rows.
  CoMoments m({0, 0});
  std::vector<double> xs, ys;
  for (int r = 0; r < 10000; ++r) {
    const double x = 1000.5 + (r * 37 % 11) * 0.1;  // far from the shift: the merge must not lose precision
    const double y = (r * 13 % 5) + 1;
    const double row[2] = {x, y};
    const double present[2] = {1, r % 7 == 0 ? 0.0 : 1.0};
    m.add(row, present);
    if (r % 7 != 0) {
      xs.push_back(x);
      ys.push_back(y);
    }
  }
  double mx = 0, my = 0;
  for (std::size_t i = 0; i < xs.size(); ++i) mx += xs[i], my += ys[i];
  mx /= static_cast<double>(xs.size());
  my /= static_cast<double>(ys.size());
  double sxx = 0, syy = 0, sxy = 0;
  for (std::size_t i = 0; i < xs.size(); ++i) {
    sxx += (xs[i] - mx) * (xs[i] - mx);
    syy += (ys[i] - my) * (ys[i] - my);
    sxy += (xs[i] - mx) * (ys[i] - my);
  }
  const CoMoments::Pair p = m.pair(0, 1);
  EXPECT_EQ(p.n, static_cast<double>(xs.size()));
  EXPECT_NEAR(p.mean_i, mx, 1e-9);
  EXPECT_NEAR(p.mean_j, my, 1e-12);
  EXPECT_NEAR(p.m2_i, sxx, 1e-6);
  EXPECT_NEAR(p.m2_j, syy, 1e-9);
  EXPECT_NEAR(p.c, sxy, 1e-6);
}

TEST(Alpha, EqualCovariances) {
  // Three items, variances 1, covariances 0.5: sum C = 3 + 6 x 0.5 = 6, tr C = 3,
  // alpha = (1 - 3/6) x 3/2 = 0.75; R = C so std alpha 0.75, average r = (6 - 3)/6 = 0.5.
  const std::vector<double> c = {1, 0.5, 0.5, 0.5, 1, 0.5, 0.5, 0.5, 1};
  const Alpha a = cronbach_alpha(c, 3);
  EXPECT_NEAR(a.raw, 0.75, kEps);
  EXPECT_NEAR(a.standardised, 0.75, kEps);
  EXPECT_NEAR(a.average_r, 0.5, kEps);
  // Item-rest: (column sum 2 - 1) / sqrt(1 x sum of the other 2x2 block 3) = 1/sqrt(3).
  // Dropped: 2x2 block, tr 2, sum 3: (1 - 2/3) x 2 = 2/3; average r 0.5.
  for (const AlphaItem& item : a.items) {
    EXPECT_NEAR(item.r_drop, 1 / std::sqrt(3.0), kEps);
    EXPECT_NEAR(*item.alpha_if_dropped, 2.0 / 3, kEps);
    EXPECT_NEAR(*item.std_alpha_if_dropped, 2.0 / 3, kEps);
    EXPECT_NEAR(*item.average_r_if_dropped, 0.5, kEps);
  }
}

TEST(Alpha, TwoItemsHaveNoAlphaIfDropped) {
  const Alpha a = cronbach_alpha({2, 1, 1, 2}, 2);
  // (1 - 4/6) x 2 = 2/3.
  EXPECT_NEAR(a.raw, 2.0 / 3, kEps);
  EXPECT_FALSE(a.items[0].alpha_if_dropped);
}

TEST(FQuantile, MatchesR) {
  // qf(0.5, 2, 2) = 1 exactly (F(2,2) has CDF x/(1+x)); the others from R 4.2.2's qf.
  EXPECT_NEAR(f_quantile(0.5, 2, 2), 1, 1e-13);
  EXPECT_NEAR(f_quantile(0.95, 1, 1), 161.44763879758818, 1e-8);
  EXPECT_NEAR(f_quantile(0.975, 299, 897), 1.1984429503304381, 1e-12);
  EXPECT_NEAR(f_quantile(0.025, 9, 18), 0.27016213936232081, 1e-12);
  // Large df: R's qf switches to qchisq(p, df1)/df1 (1.0027737 here), so check
  // ours through R's pbeta instead: pbeta(x, a, b) at our quantile's x is
  // 0.97499999999395615 in R 4.2.2, with x = df1 F / (df1 F + df2).
  const double f = f_quantile(0.975, 999999, 2999997);
  EXPECT_NEAR(999999 * f / (999999 * f + 2999997), 0.2506003507997856, 1e-15);
  EXPECT_NEAR(incomplete_beta(0.3, 2.5, 4), 0.35219758590676714, 1e-14);
  EXPECT_TRUE(std::isnan(f_quantile(0, 2, 2)));
}

TEST(Feldt, IntervalAroundAlpha) {
  // n 300, k 4, alpha 0.7: lower 1 - 0.3 qf(0.975, 299, 897) = 1 - 0.3 x 1.19844295033 = 0.64046711490.
  const Interval ci = feldt_interval(0.7, 300, 4);
  EXPECT_NEAR(ci.lower, 1 - 0.3 * 1.1984429503304381, 1e-12);
  EXPECT_GT(ci.upper, 0.7);
  EXPECT_LT(ci.upper, 0.76);
}

TEST(Quality, StraightLiningRunsAndZeroVariance) {
  const Questionnaire q = testing::mini_questionnaire();  // a1 a2(rev) a3 b1 b2 b3(weight 2)
  // All 4: straight-lining, a run of 6; keyed a2 = 1 + 5 - 4 = 2, so not zero variance.
  ResponseQuality r = assess_quality(q, {4.0, 4.0, 4.0, 4.0, 4.0, 4.0}, default_run_limit(q));
  EXPECT_TRUE(r.straightline);
  EXPECT_EQ(r.longest_run, 6);
  EXPECT_FALSE(r.zero_variance);
  EXPECT_TRUE(r.long_run);  // limit 6/2 + 1 = 4
  EXPECT_TRUE(r.flagged());
  // 5 1 5 5 5 (b3 missing): keyed 5 5 5 5 5: zero variance; runs 1, 1, 3.
  r = assess_quality(q, {5.0, 1.0, 5.0, 5.0, 5.0, std::nullopt}, 4);
  EXPECT_FALSE(r.straightline);
  EXPECT_TRUE(r.zero_variance);
  EXPECT_EQ(r.longest_run, 3);
  EXPECT_FALSE(r.long_run);
  EXPECT_EQ(r.answered, 5);
  // A missing answer ends a run: 2 2 - 2 2 2 gives 3.
  r = assess_quality(q, {2.0, 2.0, std::nullopt, 2.0, 2.0, 1.0}, 4);
  EXPECT_EQ(r.longest_run, 2);
  EXPECT_FALSE(r.straightline);
  EXPECT_FALSE(r.flagged());
}

TEST(StatsAccumulator, ListwiseByHand) {
  const Questionnaire q = testing::mini_questionnaire();
  StatsOptions options;
  options.missing = MissingHandling::listwise;
  StatsAccumulator stats(q, options);
  // Subscale a (a2 reversed: keyed 6 - answer). b answered 3 3 3 except in the last row.
  stats.add({1.0, 5.0, 1.0, 3.0, 3.0, 3.0});  // keyed a: 1 1 1 -> 1 (the floor)
  stats.add({3.0, 3.0, 2.0, 3.0, 3.0, 3.0});  // 3 3 2 -> 8/3
  stats.add({5.0, 1.0, 4.0, 3.0, 3.0, 3.0});  // 5 5 4 -> 14/3
  stats.add(
      {2.0, std::nullopt, 3.0, std::nullopt, std::nullopt, std::nullopt});  // 2 - 3 -> 2.5; b insufficient
  const StatsReport report = stats.report();
  ASSERT_EQ(report.scales.size(), 3u);
  const ScaleStats& a = report.scales[0];
  EXPECT_EQ(a.scored, 4);
  EXPECT_EQ(a.complete, 3);
  EXPECT_EQ(a.incomplete, 1);
  EXPECT_EQ(a.insufficient, 0);
  // Mean (1 + 8/3 + 14/3 + 2.5) / 4 = 65/24; min 1, max 14/3; 1 of 4 at the floor.
  EXPECT_NEAR(*a.mean, 65.0 / 24, kEps);
  EXPECT_EQ(*a.min, 1);
  EXPECT_NEAR(*a.max, 14.0 / 3, kEps);
  EXPECT_EQ(a.floor_pct, 25);
  EXPECT_EQ(a.ceiling_pct, 0);
  // Complete rows: a1 1 3 5 (var 4), a2 keyed 1 3 5 (var 4), a3 1 2 4 (mean 7/3, var 7/3);
  // cov(a1, a2) = 8/2 = 4, cov(a1, a3) = cov(a2, a3) = (8/3 + 10/3)/2 = 3.
  // sum C = 28 + 7/3 = 91/3, tr C = 31/3: alpha = (1 - 31/91) x 3/2 = 90/91.
  EXPECT_EQ(a.n_used, 3);
  EXPECT_NEAR(*a.alpha, 90.0 / 91, kEps);
  // a3 item-rest: (3 + 3) / sqrt(7/3 x 16); without a3, C = [[4,4],[4,4]]: alpha (1 - 8/16) x 2 = 1.
  EXPECT_NEAR(*a.items[2].r_drop, 6 / std::sqrt(7.0 / 3 * 16), kEps);
  EXPECT_NEAR(*a.items[2].alpha_if_dropped, 1, kEps);
  EXPECT_NEAR(*a.items[1].mean, 3, kEps);  // keyed
  EXPECT_EQ(a.items[1].missing_pct, 25);
  // Warnings: fewer than 30 complete, 25 % at the floor > 15 %; b and the total likewise few.
  bool floor = false, few = false;
  for (const StatsWarning& w : report.warnings) {
    if (w.scale != 0) continue;
    floor = floor || (w.kind == WarningKind::floor && w.value == 25);
    few = few || (w.kind == WarningKind::few_complete && w.value == 3);
  }
  EXPECT_TRUE(floor);
  EXPECT_TRUE(few);
  // b: every scored answer is 3 -> no variance in any item, no alpha.
  EXPECT_FALSE(report.scales[1].alpha);
  EXPECT_EQ(report.scales[1].insufficient, 1);
  // Quality: rows 1 and 3 are not straight-lining (1 5 1 3 3 3) and no row has
  // at least 3 answers all alike except... none: 3 3 2 3 3 3 has a run of 3 only.
  EXPECT_EQ(report.quality.straightline, 0);
  EXPECT_EQ(report.quality.run_limit, 4);
}

// Two accumulators, the second appended to the first, give the report of
// one that saw every response: counts exactly, moments to rounding. Over
// 3 000 varied responses (missing answers, reversed and weighted items), in
// both missing-data modes and on a scale too wide for point counts.
TEST(StatsAccumulator, AppendedEqualsAddedInOne) {
  Questionnaire wide = testing::mini_questionnaire();
  wide.scale.max = 20;  // 20 points: co-moments rather than point counts
  for (const Questionnaire& q : {testing::mini_questionnaire(), wide}) {
    for (MissingHandling missing : {MissingHandling::pairwise, MissingHandling::listwise}) {
      StatsOptions options;
      options.missing = missing;
      StatsAccumulator one(q, options), first(q, options), later(q, options);
      unsigned state = 12345;
      const auto next = [&state] { return (state = state * 1103515245u + 12345u) >> 16; };
      const int points = static_cast<int>(q.scale.max - q.scale.min) + 1;
      for (int r = 0; r < 3000; ++r) {
        const int base = static_cast<int>(next() % static_cast<unsigned>(points));
        Answers answers(q.items.size());
        for (auto& answer : answers) {
          if (next() % 10 == 0) continue;  // missing
          const int drift = static_cast<int>(next() % 3) - 1;
          answer = q.scale.min + std::clamp(base + drift, 0, points - 1);
        }
        one.add(answers);
        (r < 1234 ? first : later).add(answers);
      }
      first.append(later);
      const StatsReport a = one.report(), b = first.report();
      SCOPED_TRACE(std::string(to_string(missing)) + " on " + std::to_string(points) + " points");
      EXPECT_EQ(b.responses, a.responses);
      EXPECT_EQ(b.quality.flagged, a.quality.flagged);
      EXPECT_EQ(b.quality.long_run, a.quality.long_run);
      ASSERT_EQ(b.scales.size(), a.scales.size());
      const auto near = [](const std::optional<double>& x, const std::optional<double>& y) {
        ASSERT_EQ(x.has_value(), y.has_value());
        if (x) {
          EXPECT_NEAR(*x, *y, 1e-12 * std::max(1.0, std::fabs(*y)));
        }
      };
      for (std::size_t s = 0; s < a.scales.size(); ++s) {
        const ScaleStats &x = b.scales[s], &y = a.scales[s];
        EXPECT_EQ(x.scored, y.scored);
        EXPECT_EQ(x.complete, y.complete);
        EXPECT_EQ(x.insufficient, y.insufficient);
        EXPECT_EQ(x.min, y.min);
        EXPECT_EQ(x.max, y.max);
        EXPECT_EQ(x.floor_pct, y.floor_pct);
        EXPECT_EQ(x.n_used, y.n_used);
        EXPECT_EQ(x.min_pair_n, y.min_pair_n);
        near(x.mean, y.mean);
        near(x.sd, y.sd);
        near(x.alpha, y.alpha);
        near(x.std_alpha, y.std_alpha);
        near(x.alpha_lower, y.alpha_lower);
        ASSERT_EQ(x.items.size(), y.items.size());
        for (std::size_t i = 0; i < x.items.size(); ++i) {
          EXPECT_EQ(x.items[i].answered, y.items[i].answered);
          near(x.items[i].mean, y.items[i].mean);
          near(x.items[i].sd, y.items[i].sd);
          near(x.items[i].r_drop, y.items[i].r_drop);
          near(x.items[i].alpha_if_dropped, y.items[i].alpha_if_dropped);
        }
      }
      ASSERT_EQ(b.correlations.size(), a.correlations.size());
      for (std::size_t c = 0; c < a.correlations.size(); ++c) {
        EXPECT_EQ(b.correlations[c].n, a.correlations[c].n);
        near(b.correlations[c].r, a.correlations[c].r);
      }
      EXPECT_EQ(b.warnings.size(), a.warnings.size());
    }
  }
}

// The hand-worked listwise rows, split between two accumulators.
TEST(StatsAccumulator, AppendedListwiseByHand) {
  const Questionnaire q = testing::mini_questionnaire();
  StatsOptions options;
  options.missing = MissingHandling::listwise;
  StatsAccumulator first(q, options), later(q, options);
  first.add({1.0, 5.0, 1.0, 3.0, 3.0, 3.0});
  first.add({3.0, 3.0, 2.0, 3.0, 3.0, 3.0});
  later.add({5.0, 1.0, 4.0, 3.0, 3.0, 3.0});
  later.add({2.0, std::nullopt, 3.0, std::nullopt, std::nullopt, std::nullopt});
  first.append(later);
  const ScaleStats a = first.report().scales[0];
  EXPECT_EQ(a.scored, 4);
  EXPECT_EQ(a.complete, 3);
  EXPECT_NEAR(*a.mean, 65.0 / 24, kEps);  // as in ListwiseByHand
  EXPECT_EQ(*a.min, 1);
  EXPECT_NEAR(*a.max, 14.0 / 3, kEps);
  EXPECT_EQ(a.floor_pct, 25);
  EXPECT_NEAR(*a.alpha, 90.0 / 91, kEps);
  EXPECT_NEAR(*a.items[2].r_drop, 6 / std::sqrt(7.0 / 3 * 16), kEps);
}

TEST(StatsAccumulator, NegativeItemRestIsWarned) {
  const Questionnaire q = testing::mini_questionnaire();
  StatsAccumulator stats(q, {});
  // a1 and a3 rise together; a2 keyed (6 - answer) falls: a2 was answered as if not reversed.
  for (double v : {1.0, 2.0, 3.0, 4.0, 5.0}) stats.add({v, v, v, v, v, v});
  const StatsReport report = stats.report();
  bool warned = false;
  for (const StatsWarning& w : report.warnings)
    warned = warned || (w.kind == WarningKind::negative_item_rest && w.item == std::size_t{1});
  EXPECT_TRUE(warned);
  EXPECT_LT(*report.scales[0].items[1].r_drop, 0);
  // Each row is straight-lining (same answer six times).
  EXPECT_EQ(report.quality.straightline, 5);
}

// Issue 12: "no variance" is every value equal, compared as values. The mean
// of 11/3 added seven times is not exactly 11/3, and the sum of squared
// deviations from it is rounding noise, not 0.
TEST(CoMoments, OnlyValueComparesTheValuesNotTheVariance) {
  CoMoments m({3, 3});
  const double present[2] = {1, 1};
  for (int r = 0; r < 7; ++r) {
    const double row[2] = {11.0 / 3, static_cast<double>(r)};
    m.add(row, present);
  }
  EXPECT_EQ(m.only_value(0), 11.0 / 3);
  EXPECT_FALSE(m.only_value(1));
  CoMoments later({3, 3});
  const double row[2] = {4, 1};
  later.add(row, present);
  m.append(later);
  EXPECT_FALSE(m.only_value(0));
}

TEST(PointCounts, OnlyValueFromTheCounts) {
  // Variable 0: points 0 and 2 both score 11/3 (option scores); variable 1 varies.
  PointCounts m({{11.0 / 3, 4, 11.0 / 3}, {1, 2, 3}});
  const unsigned char rows[3][2] = {{1, 1}, {3, 2}, {0, 3}};  // point + 1, 0 = missing
  for (const auto& row : rows) m.add(row);
  EXPECT_EQ(m.only_value(0), 11.0 / 3);
  EXPECT_FALSE(m.only_value(1));
  const unsigned char other[2] = {2, 1};
  m.add(other);
  EXPECT_FALSE(m.only_value(0));
}

// A 1-20 scale (too wide for point counts: co-moments) and item a1 weighted
// 1/3 and answered 7 every time: its keyed value is 7/3 in every response.
// Its sum of squared deviations comes out 3.6e-15, not 0: main warned
// nothing, gave a1 an SD of 2.4e-08 and alpha from it.
TEST(StatsAccumulator, ItemOfOneNonBinaryValueHasNoVariance) {
  Questionnaire q = testing::mini_questionnaire();
  q.scale.max = 20;
  q.items[0].weight = 1.0 / 3;
  for (MissingHandling missing : {MissingHandling::pairwise, MissingHandling::listwise}) {
    StatsOptions options;
    options.missing = missing;
    StatsAccumulator stats(q, options);
    for (int r = 0; r < 7; ++r) {
      const double v = 1 + r % 17;
      stats.add({7.0, 21 - v, v / 2 + 3, v, 20 - v, 7.0});
    }
    const StatsReport report = stats.report();
    const ScaleStats& a = report.scales[0];
    EXPECT_EQ(*a.items[0].sd, 0.0) << to_string(missing);
    EXPECT_EQ(*a.items[0].mean, 1.0 / 3 * 7) << to_string(missing);  // weight x answer, as scored
    EXPECT_FALSE(a.alpha) << to_string(missing);
    EXPECT_FALSE(a.std_alpha) << to_string(missing);
    EXPECT_FALSE(a.items[1].r_drop) << to_string(missing);
    bool warned = false;
    for (const StatsWarning& w : report.warnings)
      warned = warned || (w.kind == WarningKind::no_variance && w.scale == 0 && w.item == std::size_t{0});
    EXPECT_TRUE(warned) << to_string(missing);
  }
}

// Subscale a's score is 11/3 in every response (keyed 4 4 3, 5 3 3, 3 4 4):
// its SD is 0, its mean 11/3 exactly, and its correlation with b undefined,
// where main gave the noise's square root (NaN when negative) and an r from it.
TEST(StatsAccumulator, ConstantScoresHaveSdZeroAndNoCorrelation) {
  const Questionnaire q = testing::mini_questionnaire();
  for (MissingHandling missing : {MissingHandling::pairwise, MissingHandling::listwise}) {
    StatsOptions options;
    options.missing = missing;
    StatsAccumulator stats(q, options);
    for (int r = 0; r < 7; ++r) {
      stats.add({4.0, 2.0, 3.0, 1.0 + r % 5, 2.0, 3.0});  // a2 reversed: 6 - 2 = 4
      stats.add({5.0, 3.0, 3.0, 2.0, 1.0 + r % 4, 4.0});
      stats.add({3.0, 2.0, 4.0, 5.0, 4.0, 1.0 + r % 3});
    }
    const StatsReport report = stats.report();
    const ScaleStats& a = report.scales[0];
    EXPECT_EQ(*a.sd, 0.0) << to_string(missing);
    EXPECT_EQ(*a.mean, 11.0 / 3) << to_string(missing);
    ASSERT_EQ(report.correlations.size(), 1u);
    EXPECT_FALSE(report.correlations[0].r) << to_string(missing);
    bool warned = false;
    for (const StatsWarning& w : report.warnings)
      warned = warned || (w.kind == WarningKind::score_no_variance && w.scale == 0 && w.value == 11.0 / 3);
    EXPECT_TRUE(warned) << to_string(missing);
  }
}

TEST(Alpha, CoefficientsStayWithinTheirBoundsAndUndefinedWhereTheSumHasNoVariance) {
  // Two items that always add up to 6: sum C = 0, so alpha's denominator is 0.
  const std::vector<double> opposite = {2, -2, -2, 2};
  const Alpha a = cronbach_alpha(opposite, 2);
  EXPECT_TRUE(std::isnan(a.raw));
  EXPECT_EQ(a.items[0].r_drop, -1.0);  // the rest is the other item: (0 - 2) / sqrt(2 x 2)
  // Identical items of variance 1/3: alpha 1, every r 1, however C rounds.
  const double v = 1.0 / 3;
  const std::vector<double> same = {v, v, v, v, v, v, v, v, v};
  const Alpha b = cronbach_alpha(same, 3);
  EXPECT_LE(b.raw, 1.0);
  EXPECT_LE(b.standardised, 1.0);
  EXPECT_LE(b.average_r, 1.0);
  for (const AlphaItem& item : b.items) EXPECT_LE(item.r_drop, 1.0);
}

}  // namespace
}  // namespace alliance::core
