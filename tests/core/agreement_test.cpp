// core/agreement: pairing forms and responses, one pair side by side, and the
// agreement statistics, on data small enough to work out by hand.
#include "alliance/core/agreement.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "fixtures.hpp"

namespace alliance::core {
namespace {

using testing::mini_questionnaire;

TEST(Agreement, FivePairsByHand) {
  const std::vector<double> x = {1, 2, 3, 4, 5};
  const std::vector<double> y = {1, 3, 3, 5, 4};
  const AgreementStats a = agreement(x, y);
  EXPECT_EQ(a.n, 5u);
  EXPECT_DOUBLE_EQ(*a.mean_first, 3.0);   // 15 / 5
  EXPECT_DOUBLE_EQ(*a.mean_second, 3.2);  // 16 / 5
  // d = 0, -1, 0, -1, 1; mean -0.2; centred .2, -.8, .2, -.8, 1.2; squares sum 2.8.
  EXPECT_DOUBLE_EQ(*a.mean_difference, -0.2);
  EXPECT_NEAR(*a.sd_difference, std::sqrt(2.8 / 4), 1e-15);
  EXPECT_NEAR(*a.loa_lower, -0.2 - 1.96 * std::sqrt(0.7), 1e-15);
  EXPECT_NEAR(*a.loa_upper, -0.2 + 1.96 * std::sqrt(0.7), 1e-15);
  // Sxx = 10; y centred -2.2, -.2, -.2, 1.8, .8 -> Syy = 8.8; Sxy = 4.4 + .2 + 0 + 1.8 + 1.6 = 8.
  EXPECT_NEAR(*a.pearson_r, 8 / std::sqrt(10 * 8.8), 1e-15);
  // Row means 1, 2.5, 3, 4.5, 4.5, grand 3.1: SSR = 2 * 8.7, MSR = 17.4 / 4 = 4.35;
  // MSC = 5 * (3 - 3.2)^2 / 2 = 0.1; SSE = 2.8 / 2, MSE = 1.4 / 4 = 0.35;
  // ICC(2,1) = (4.35 - .35) / (4.35 + .35 + 2 (.1 - .35) / 5) = 4 / 4.6 (psych::ICC: 0.8695652).
  EXPECT_NEAR(*a.icc, 4 / 4.6, 1e-15);
}

TEST(Agreement, PerfectAgreementAndConstantOffset) {
  const std::vector<double> x = {2, 3, 4};
  const AgreementStats same = agreement(x, x);
  EXPECT_DOUBLE_EQ(*same.icc, 1.0);
  EXPECT_DOUBLE_EQ(*same.pearson_r, 1.0);
  EXPECT_DOUBLE_EQ(*same.sd_difference, 0.0);
  // y = x + 1: r is 1 but absolute agreement is not. MSR = 2 * (1 + 0 + 1) / 2 = 2 (row means
  // 2.5, 3.5, 4.5 about 3.5); MSC = 3 * 1 / 2 = 1.5; MSE = 0; ICC = 2 / (2 + 2 * 1.5 / 3) = 2 / 3.
  const std::vector<double> y = {3, 4, 5};
  const AgreementStats offset = agreement(x, y);
  EXPECT_DOUBLE_EQ(*offset.pearson_r, 1.0);
  EXPECT_DOUBLE_EQ(*offset.mean_difference, -1.0);
  EXPECT_NEAR(*offset.icc, 2.0 / 3.0, 1e-15);
}

TEST(Agreement, UndefinedWhereTooFewOrNoVariance) {
  const AgreementStats none = agreement({}, {});
  EXPECT_EQ(none.n, 0u);
  EXPECT_FALSE(none.mean_difference);
  const std::vector<double> one_x = {3};
  const std::vector<double> one_y = {4};
  const AgreementStats one = agreement(one_x, one_y);
  EXPECT_DOUBLE_EQ(*one.mean_difference, -1.0);
  EXPECT_FALSE(one.sd_difference);
  EXPECT_FALSE(one.loa_lower);
  EXPECT_FALSE(one.pearson_r);
  EXPECT_FALSE(one.icc);
  // Every score the same on both sides: r undefined (no variance), ICC 0/0 undefined.
  const std::vector<double> flat = {3, 3, 3};
  const AgreementStats f = agreement(flat, flat);
  EXPECT_FALSE(f.pearson_r);
  EXPECT_FALSE(f.icc);
  EXPECT_DOUBLE_EQ(*f.sd_difference, 0.0);
}

// 11/3 (a GTB-12 total of 44 / 12) seven times: summed and divided, its mean
// is 3.666666666666667, one ulp off, and the deviations from that mean are
// noise of about 1e-31 that main turned into r = 1 and ICC = 1 (issue 12).
TEST(Agreement, SameNonBinaryValueEverywhereIsUndefinedNotOne) {
  const std::vector<double> x(7, 44.0 / 12);
  const AgreementStats a = agreement(x, x);
  EXPECT_FALSE(a.pearson_r);
  EXPECT_FALSE(a.icc);
  EXPECT_EQ(*a.mean_first, 44.0 / 12);  // the value itself, not a noisy mean
  EXPECT_EQ(*a.mean_second, 44.0 / 12);
  EXPECT_EQ(*a.mean_difference, 0.0);
  EXPECT_EQ(*a.sd_difference, 0.0);
  EXPECT_EQ(a.notes, (std::vector<AgreementNote>{AgreementNote::no_variance_first,
                                                 AgreementNote::no_variance_second}));
}

TEST(Agreement, OneConstantFormHasNoRAndAnIccOfExactlyZero) {
  // x constant at 11/3: MSR = MSE = sum (y - ybar)^2 / (2 (n - 1)), so the ICC is 0 exactly.
  const std::vector<double> x(4, 44.0 / 12);
  const std::vector<double> y = {3.25, 4.5, 2.75, 4.0};
  const AgreementStats a = agreement(x, y);
  EXPECT_FALSE(a.pearson_r);
  ASSERT_TRUE(a.icc);
  EXPECT_EQ(*a.icc, 0.0);
  EXPECT_EQ(a.notes, std::vector<AgreementNote>{AgreementNote::no_variance_first});
  // Both constant at different values: r undefined; MSR = MSE = 0 < MSC, ICC 0.
  const std::vector<double> z(4, 3.0);
  const AgreementStats b = agreement(x, z);
  EXPECT_FALSE(b.pearson_r);
  EXPECT_EQ(*b.icc, 0.0);
  EXPECT_EQ(*b.sd_difference, 0.0);
}

TEST(Agreement, TwoPairsAreNotedAndRStaysWithinOne) {
  // Totals 12/12, 17/12 against 12/12, 19/12: r is 1 exactly; computed as
  // Sxy / sqrt(Sxx Syy) it came out 1.0000000000000002 (issue 12).
  const std::vector<double> x = {12.0 / 12, 17.0 / 12};
  const std::vector<double> y = {12.0 / 12, 19.0 / 12};
  const AgreementStats a = agreement(x, y);
  ASSERT_TRUE(a.pearson_r);
  EXPECT_EQ(*a.pearson_r, 1.0);
  ASSERT_TRUE(a.icc);
  EXPECT_LE(*a.icc, 1.0);
  EXPECT_EQ(a.notes, std::vector<AgreementNote>{AgreementNote::two_pairs});
  const std::vector<double> down = {19.0 / 12, 12.0 / 12};
  EXPECT_EQ(*agreement(x, down).pearson_r, -1.0);
  // x = (a, b), y = (b, a): MSR = MSC = 0, the ICC's denominator is 0.
  const std::vector<double> p = {3.5, 4.25};
  const std::vector<double> q = {4.25, 3.5};
  const AgreementStats crossed = agreement(p, q);
  EXPECT_EQ(*crossed.pearson_r, -1.0);
  EXPECT_FALSE(crossed.icc);
}

TEST(Agreement, CoefficientsNeverLeaveTheirRange) {
  // Many near-collinear sets of pairs: r within [-1, 1] and the ICC at most 1, always.
  for (int n = 2; n < 40; ++n) {
    std::vector<double> x, y;
    for (int i = 0; i < n; ++i) {
      x.push_back((12.0 + (i * 7) % 49) / 12);
      y.push_back(x.back() * 3 / 7 + 0.1);
    }
    const AgreementStats a = agreement(x, y);
    ASSERT_TRUE(a.pearson_r) << n;
    EXPECT_LE(*a.pearson_r, 1.0) << n;
    EXPECT_GE(*a.pearson_r, -1.0) << n;
    EXPECT_LE(*a.icc, 1.0) << n;
    const AgreementStats same = agreement(x, x);
    EXPECT_LE(*same.pearson_r, 1.0) << n;
    EXPECT_LE(*same.icc, 1.0) << n;
  }
}

TEST(MatchResponses, PairsByRespondentAndSessionAndListsTheRest) {
  const std::vector<std::vector<PairKey>> keys = {
      {{"P2", 1}, {"P1", 1}, {"P1", 2}, {"", 1}, {"P1", 1}},    // client
      {{"P1", 1}, {"P3", 1}, {"P2", 1}, {"P1", std::nullopt}},  // therapist
  };
  const Matching m = match_responses(keys);
  ASSERT_EQ(m.groups.size(), 2u);  // ordered by key: P1/1, then P2/1
  EXPECT_EQ(m.groups[0].key.respondent, "P1");
  EXPECT_EQ(m.groups[0].members[0], 1u);  // the first P1/1 client response is kept
  EXPECT_EQ(m.groups[0].members[1], 0u);
  EXPECT_EQ(m.groups[1].key.respondent, "P2");
  EXPECT_EQ(m.groups[1].members[0], 0u);
  EXPECT_EQ(m.groups[1].members[1], 2u);
  ASSERT_EQ(m.unpaired.size(), 5u);    // by form, then index
  EXPECT_EQ(m.unpaired[0].index, 2u);  // client P1/2: no therapist P1/2
  EXPECT_EQ(m.unpaired[0].reason, UnpairedReason::no_partner);
  EXPECT_EQ(m.unpaired[1].index, 3u);
  EXPECT_EQ(m.unpaired[1].reason, UnpairedReason::no_respondent);
  EXPECT_EQ(m.unpaired[2].index, 4u);
  EXPECT_EQ(m.unpaired[2].reason, UnpairedReason::duplicate);
  EXPECT_EQ(m.unpaired[3].form, 1u);
  EXPECT_EQ(m.unpaired[3].index, 1u);  // P3
  EXPECT_EQ(m.unpaired[4].index, 3u);  // P1 without a session does not match P1 session 1
}

TEST(Forms, ComparableOnlyWithinOneFamilyAndSubscales) {
  const Questionnaire client = mini_questionnaire();
  Questionnaire therapist = mini_questionnaire();
  therapist.id = "mini-t";
  therapist.form = Form::therapist;
  EXPECT_EQ(comparability_problem(client, therapist), "");
  Questionnaire other = therapist;
  other.family = "other";
  EXPECT_EQ(comparability_problem(client, other),
            "mini and mini-t are not forms of one family (family 'mini' and 'other')");
  Questionnaire renamed = therapist;
  renamed.subscales[1].id = "c";
  EXPECT_EQ(comparability_problem(client, renamed), "mini and mini-t have different subscales (a,b and a,c)");
  Questionnaire wider = therapist;
  wider.scale.max = 7;
  EXPECT_NE(comparability_problem(client, wider), "");
}

TEST(Forms, ItemsPairedByIdThenByPosition) {
  const Questionnaire client = mini_questionnaire();
  Questionnaire therapist = mini_questionnaire();
  std::swap(therapist.items[0], therapist.items[2]);  // same ids, another order
  FormPairing p = pair_forms(client, therapist);
  EXPECT_EQ(p.items, ItemPairing::by_id);
  EXPECT_EQ(p.item_pairs[0], std::make_pair(std::size_t{0}, std::size_t{2}));
  therapist.items[0].id = "x";
  p = pair_forms(client, therapist);
  EXPECT_EQ(p.items, ItemPairing::by_position);
  EXPECT_EQ(p.item_pairs[0], std::make_pair(std::size_t{0}, std::size_t{0}));
  therapist.items.pop_back();
  EXPECT_EQ(pair_forms(client, therapist).items, ItemPairing::none);
}

TEST(ComparePair, ScoresSideBySideAndLargestItemDisagreements) {
  const Questionnaire q = mini_questionnaire();
  const FormPairing pairing = pair_forms(q, q);
  // Client: a1 5, a2 1 (keyed 5), a3 4 -> a = 14/3; b 3, 3, 3 -> (3 + 3 + 2*3) = 12.
  const Answers client = {5, 1, 4, 3, 3, 3};
  // Therapist: a1 3, a2 2 (keyed 4), a3 4 -> a = 11/3; b1 4, b2 and b3 missing -> b insufficient.
  const Answers therapist = {3, 2, 4, 4, std::nullopt, std::nullopt};
  const PairComparison c =
      compare_pair(q, q, pairing, &client, score(q, client), &therapist, score(q, therapist), 2);
  ASSERT_EQ(c.scales.size(), 3u);  // a, b, total
  EXPECT_DOUBLE_EQ(*c.scales[0].first, 14.0 / 3);
  EXPECT_DOUBLE_EQ(*c.scales[0].second, 11.0 / 3);
  EXPECT_DOUBLE_EQ(*c.scales[0].difference, 1.0);
  EXPECT_EQ(c.scales[1].second_status, Status::insufficient);
  EXPECT_FALSE(c.scales[1].difference);
  EXPECT_FALSE(c.scales[2].difference);  // the total needs every subscale
  // Keyed differences: a1 5-3 = +2, a2 5-4 = +1, a3 0 (dropped), b1 3-4 = -1; b2, b3 unanswered.
  // Largest two: a1 (+2), then a2 (+1) before b1 (-1), ties in item order.
  ASSERT_EQ(c.items.size(), 2u);
  EXPECT_EQ(c.items[0].first_item, 0u);
  EXPECT_DOUBLE_EQ(c.items[0].difference, 2);
  EXPECT_EQ(c.items[1].first_item, 1u);
  EXPECT_DOUBLE_EQ(c.items[1].first, 5);  // keyed, not the raw answer 1
  EXPECT_DOUBLE_EQ(c.items[1].second, 4);
}

TEST(ComparePair, DifferencesOfDecimalAnswersAreExact) {
  Questionnaire q = mini_questionnaire();
  q.scale.kind = ScaleKind::continuous;
  q.scale.min = 0;
  q.scale.max = 10;
  q.scale.precision = 0.1;
  const FormPairing pairing = pair_forms(q, q);
  // a (mean): client 9.3, 7.3 reversed to 2.7, 5 -> 17/3; therapist 9.1, 7.5 reversed to 2.5, 5 -> 16.6/3 =
  // 83/15.
  const Answers client = {9.3, 7.3, 5, 1, 1, 1};
  const Answers therapist = {9.1, 7.5, 5, 1, 1, 1};
  const PairComparison c =
      compare_pair(q, q, pairing, &client, score(q, client), &therapist, score(q, therapist), 2);
  // 17/3 - 83/15 = 85/15 - 83/15 = 2/15 (as doubles: 0.13333333333333286).
  EXPECT_EQ(*c.scales[0].difference, 2.0 / 15);
  // Keyed item differences: a1 9.3 - 9.1 = 0.2 (as doubles 0.20000000000000107), a2 2.7 - 2.5 = 0.2.
  ASSERT_EQ(c.items.size(), 2u);
  EXPECT_EQ(c.items[0].difference, 0.2);
  EXPECT_EQ(c.items[1].first, 2.7);
  EXPECT_EQ(c.items[1].difference, 0.2);
}

TEST(ComparePair, InvalidResponseHasNoScoresAndNoItems) {
  const Questionnaire q = mini_questionnaire();
  const Answers client = {5, 1, 4, 3, 3, 3};
  const PairComparison c =
      compare_pair(q, q, pair_forms(q, q), &client, score(q, client), nullptr, invalid_sheet(q), 3);
  EXPECT_EQ(c.scales[0].second_status, Status::invalid);
  EXPECT_TRUE(c.scales[0].first);
  EXPECT_FALSE(c.scales[0].difference);
  EXPECT_TRUE(c.items.empty());
}

// ---- Every pair of forms ----------------------------------------------------

TEST(CompareForms, EveryPairOfFormsMatchedScoredAndSummed) {
  const Questionnaire q = mini_questionnaire();
  const Answers threes = {3, 3, 3, 3, 3, 3};
  const Answers client_p2 = {5, 1, 4, 3, 3, 3};
  const Answers twos = {2, 2, 2, 2, 2, 2};
  const Answers therapist_p2 = {3, 2, 4, 4, 4, 4};
  auto form = [&q](std::vector<const Answers*> answers, std::vector<PairKey> keys) {
    FormResponses f;
    f.questionnaire = &q;
    for (const Answers* a : answers) f.sheets.push_back(a ? score(q, *a) : invalid_sheet(q));
    f.answers = std::move(answers);
    f.keys = std::move(keys);
    return f;
  };
  const std::vector<FormResponses> forms = {
      form({&threes, &client_p2, nullptr}, {{"P1", 1}, {"P2", 1}, {"P3", 1}}),   // client; P3 unreadable
      form({&therapist_p2, &twos, &threes}, {{"P2", 1}, {"P1", 1}, {"P3", 1}}),  // therapist
      form({&threes, &threes}, {{"P1", 1}, {"P4", 1}}),                          // observer
  };
  const Comparisons c = compare_forms(forms, q, 3);
  ASSERT_EQ(c.comparisons.size(), 3u);
  // a is the mean of a1, 6 - a2, a3: threes 3, client P2 (5 + 5 + 4) / 3 = 14/3, twos (2 + 4 + 2) / 3 = 8/3,
  // therapist P2 (3 + 4 + 4) / 3 = 11/3. b is b1 + b2 + 2 b3: threes 12, twos 8, therapist P2 16.
  const Comparison& ct = c.comparisons[0];  // client - therapist, pairs in key order P1, P2, P3
  EXPECT_EQ(ct.first, 0u);
  EXPECT_EQ(ct.second, 1u);
  ASSERT_EQ(ct.pairs.size(), 3u);
  EXPECT_EQ(ct.pairs[0].key, (PairKey{"P1", 1}));
  EXPECT_EQ(ct.pairs[0].first_record, 0u);
  EXPECT_EQ(ct.pairs[0].second_record, 1u);
  EXPECT_EQ(ct.pairs[1].first_record, 1u);
  EXPECT_EQ(ct.pairs[1].second_record, 0u);
  EXPECT_DOUBLE_EQ(*ct.pairs[1].comparison.scales[0].difference, 1.0);  // 14/3 - 11/3
  EXPECT_FALSE(ct.pairs[2].comparison.scales[0].difference);            // P3's client response unreadable
  ASSERT_EQ(ct.stats.size(), 3u);                                       // a, b, total
  EXPECT_EQ(ct.stats[0].n, 2u);
  EXPECT_EQ(ct.excluded, (std::vector<std::size_t>{1, 1, 1}));
  EXPECT_DOUBLE_EQ(*ct.stats[0].mean_difference, 2.0 / 3);  // (3 - 8/3 + 14/3 - 11/3) / 2
  EXPECT_DOUBLE_EQ(*ct.stats[1].mean_difference, 0.0);      // (12 - 8 + 12 - 16) / 2
  EXPECT_DOUBLE_EQ(*ct.stats[1].mean_first, 12.0);
  const Comparison& co = c.comparisons[1];  // client - observer: P1 alone
  EXPECT_EQ(co.first, 0u);
  EXPECT_EQ(co.second, 2u);
  ASSERT_EQ(co.pairs.size(), 1u);
  EXPECT_EQ(co.stats[0].n, 1u);
  EXPECT_DOUBLE_EQ(*co.stats[0].mean_difference, 0.0);
  const Comparison& to = c.comparisons[2];  // therapist - observer
  EXPECT_EQ(to.first, 1u);
  EXPECT_EQ(to.second, 2u);
  ASSERT_EQ(to.pairs.size(), 1u);
  EXPECT_EQ(to.pairs[0].first_record, 1u);
  EXPECT_DOUBLE_EQ(*to.stats[0].mean_difference, 8.0 / 3 - 3);
  EXPECT_DOUBLE_EQ(*to.stats[1].mean_difference, -4.0);
  // P4 has only an observer response.
  ASSERT_EQ(c.unpaired.size(), 1u);
  EXPECT_EQ(c.unpaired[0].form, 2u);
  EXPECT_EQ(c.unpaired[0].index, 1u);
  EXPECT_EQ(c.unpaired[0].reason, UnpairedReason::no_partner);
}

}  // namespace
}  // namespace alliance::core
