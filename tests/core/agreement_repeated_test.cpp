// core::agreement with several pairs per dyad, its intervals and the six
// ICCs, against R (tests/reference/compare/make_repeated_reference.R:
// psych::ICC with its bounds; Bland & Altman's 2007 limits, their MOVER
// intervals and Lin's CCC written out by hand in R), to 1e-9. The scores
// going in are R's (expected_scores.csv) or plain numbers (small.csv).
#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <string>
#include <vector>

#include "../common/reference_table.hpp"
#include "alliance/core/agreement.hpp"
#include "alliance/core/agreement_methods.hpp"

namespace alliance::core {
namespace {

using RepeatedRow = testing::ReferenceRow;

std::vector<RepeatedRow> repeated_reference(const std::string& name) {
  return testing::read_reference_rows(std::string(ALLIANCE_SOURCE_DIR) + "/tests/reference/compare/" + name);
}

// Every statistic of the agreement table by its column name (docs/compare.md).
std::map<std::string, std::optional<double>> columns_of(const AgreementStats& a) {
  std::map<std::string, std::optional<double>> out = {{"mean_1", a.mean_first},
                                                      {"mean_2", a.mean_second},
                                                      {"mean_difference", a.mean_difference},
                                                      {"mean_difference_ci_lower", a.mean_difference_lower},
                                                      {"mean_difference_ci_upper", a.mean_difference_upper},
                                                      {"sd_difference", a.sd_difference},
                                                      {"sd_between", a.sd_between},
                                                      {"sd_within", a.sd_within},
                                                      {"loa_lower", a.loa_lower},
                                                      {"loa_lower_ci_lower", a.loa_lower_interval.lower},
                                                      {"loa_lower_ci_upper", a.loa_lower_interval.upper},
                                                      {"loa_upper", a.loa_upper},
                                                      {"loa_upper_ci_lower", a.loa_upper_interval.lower},
                                                      {"loa_upper_ci_upper", a.loa_upper_interval.upper},
                                                      {"pearson_r", a.pearson_r},
                                                      {"ccc", a.ccc.value},
                                                      {"ccc_ci_lower", a.ccc.lower},
                                                      {"ccc_ci_upper", a.ccc.upper}};
  for (std::size_t f = 0; f < kIccForms; ++f) {
    const std::string name = to_string(static_cast<IccForm>(f));
    out[name] = a.icc_forms[f].value;
    out[name + "_ci_lower"] = a.icc_forms[f].lower;
    out[name + "_ci_upper"] = a.icc_forms[f].upper;
  }
  return out;
}

void expect_matches(const AgreementStats& a, const RepeatedRow& e) {
  EXPECT_EQ(to_string(a.method), e.at("method"));
  EXPECT_EQ(a.n, std::stoul(e.at("n")));
  EXPECT_EQ(a.dyads, std::stoul(e.at("dyads")));
  for (const auto& [name, value] : columns_of(a)) {
    SCOPED_TRACE(name);
    const std::string& want = e.at(name);
    if (want == "NA") {
      EXPECT_FALSE(value) << *value;
      continue;
    }
    ASSERT_TRUE(value);
    EXPECT_NEAR(*value, std::stod(want), 1e-9);
  }
  EXPECT_EQ(a.icc, a.icc_forms[1].value);
}

std::vector<RepeatedRow> rows_of(const std::vector<RepeatedRow>& all, const std::string& dataset,
                                 const std::string& method) {
  std::vector<RepeatedRow> out;
  for (const RepeatedRow& r : all)
    if (r.at("dataset") == dataset && r.at("method") == method) out.push_back(r);
  return out;
}

TEST(AgreementRepeated, SixtyPairsOfThirtyDyadsMatchR) {
  const std::vector<RepeatedRow> scores = repeated_reference("expected_scores.csv");
  const std::vector<RepeatedRow> all = repeated_reference("expected_repeated.csv");
  for (const std::string method : {"repeated", "pairs"}) {
    const std::vector<RepeatedRow> expected = rows_of(all, "compare", method);
    ASSERT_EQ(expected.size(), 4u) << method;
    for (const RepeatedRow& e : expected) {
      SCOPED_TRACE(method + " " + e.at("scale"));
      std::vector<double> x;
      std::vector<double> y;
      std::vector<std::size_t> dyad;
      std::map<std::string, std::size_t> labels;
      for (const RepeatedRow& s : scores) {
        if (s.at("scale") != e.at("scale") || s.at("client") == "NA" || s.at("therapist") == "NA") continue;
        x.push_back(std::stod(s.at("client")));
        y.push_back(std::stod(s.at("therapist")));
        dyad.push_back(labels.try_emplace(s.at("respondent"), labels.size()).first->second);
      }
      expect_matches(method == "pairs" ? agreement(x, y) : agreement(x, y, dyad), e);
    }
  }
}

TEST(AgreementRepeated, WithinDyadSpreadAndNegativeIccsMatchR) {
  const std::vector<RepeatedRow> small = repeated_reference("small.csv");
  const std::vector<RepeatedRow> all = repeated_reference("expected_repeated.csv");
  std::vector<double> x;
  std::vector<double> y;
  std::vector<std::size_t> dyad;
  std::map<std::string, std::size_t> labels;
  for (const RepeatedRow& r : small) {
    x.push_back(std::stod(r.at("x")));
    y.push_back(std::stod(r.at("y")));
    dyad.push_back(labels.try_emplace(r.at("dyad"), labels.size()).first->second);
  }
  const AgreementStats repeated = agreement(x, y, dyad);
  expect_matches(repeated, rows_of(all, "small", "repeated").at(0));
  // The between-dyad variance is negative, so set to 0: the SD is the within-dyad one.
  EXPECT_EQ(*repeated.sd_between, 0.0);
  EXPECT_EQ(*repeated.sd_difference, *repeated.sd_within);
  EXPECT_NE(std::find(repeated.notes.begin(), repeated.notes.end(), AgreementNote::negative_icc),
            repeated.notes.end());
  expect_matches(agreement(x, y), rows_of(all, "small", "pairs").at(0));
}

TEST(AgreementRepeated, OneDyadIsPairsAndOnePairPerDyadIsPairs) {
  const std::vector<double> x = {3, 4, 2.5, 3.5};
  const std::vector<double> y = {2.5, 4, 3, 3};
  const std::vector<std::size_t> one_dyad = {0, 0, 0, 0};
  const std::vector<std::size_t> own = {0, 1, 2, 3};
  const AgreementStats plain = agreement(x, y);
  for (const auto* labels : {&one_dyad, &own}) {
    const AgreementStats a = agreement(x, y, *labels);
    EXPECT_EQ(a.method, AgreementMethod::pairs);
    EXPECT_EQ(a.loa_lower, plain.loa_lower);
    EXPECT_EQ(a.icc, plain.icc);
    EXPECT_FALSE(a.sd_between);
  }
  EXPECT_EQ(agreement(x, y, one_dyad).dyads, 1u);
}

TEST(AgreementRepeated, TwoDyadsGetTheirNote) {
  const std::vector<double> x = {3, 4, 2.5, 3.5};
  const std::vector<double> y = {2.5, 4, 3, 3};
  const std::vector<std::size_t> dyad = {0, 0, 1, 1};
  const AgreementStats a = agreement(x, y, dyad);
  EXPECT_EQ(a.method, AgreementMethod::repeated);
  EXPECT_EQ(a.dyads, 2u);
  EXPECT_NE(std::find(a.notes.begin(), a.notes.end(), AgreementNote::two_dyads), a.notes.end());
  // Over the two dyads' means (3.5, 3) and (3.25, 3): r is 1 whatever they are.
  EXPECT_EQ(*a.pearson_r, 1.0);
}

// Quantiles against R (qchisq, qt), printed with 17 digits.
TEST(AgreementRepeated, QuantilesMatchR) {
  EXPECT_NEAR(chi_square_quantile(0.975, 1), 5.0238861873148846, 1e-12);
  EXPECT_NEAR(chi_square_quantile(0.025, 1), 9.8206911717525617e-04, 1e-15);
  EXPECT_NEAR(chi_square_quantile(0.025, 29), 16.047071695364888, 1e-11);
  EXPECT_NEAR(chi_square_quantile(0.975, 26), 41.923170096353907, 1e-11);
  EXPECT_NEAR(chi_square_quantile(0.5, 1000), 999.33341240338098, 1e-9);
  EXPECT_NEAR(t_quantile(0.975, 1), 12.706204736174694, 1e-10);
  EXPECT_NEAR(t_quantile(0.975, 29), 2.0452296421327034, 1e-12);
  EXPECT_NEAR(t_quantile(0.025, 11), -2.2009851600916397, 1e-12);
  EXPECT_TRUE(std::isnan(chi_square_quantile(1, 3)));
}

// A constant form: the ICC(2,·) and ICC(3,·) are exactly 0 (MS_R = MS_E),
// and the CCC is 0 with no interval (r undefined).
TEST(AgreementRepeated, ConstantFormGivesExactZeros) {
  const std::vector<double> x = {11.0 / 3, 11.0 / 3, 11.0 / 3, 11.0 / 3};
  const std::vector<double> y = {3, 4, 2.5, 3.5};
  const IccSet icc = intraclass(x, y);
  for (IccForm f : {IccForm::icc_2_1, IccForm::icc_3_1, IccForm::icc_2_k, IccForm::icc_3_k})
    EXPECT_EQ(*icc[static_cast<std::size_t>(f)].value, 0.0) << to_string(f);
  const Estimate ccc = concordance(x, y);
  EXPECT_EQ(*ccc.value, 0.0);
  EXPECT_FALSE(ccc.lower);
}

}  // namespace
}  // namespace alliance::core

namespace alliance::core {
namespace {

// Issue 16: without session numbers, responses pair by date (they were one
// key, so every session after the first was a duplicate); with a number, the
// date does not count.
TEST(AgreementRepeated, ResponsesWithoutSessionNumbersPairByDate) {
  const std::vector<std::vector<PairKey>> keys = {
      {pair_key("A", std::nullopt, "2026-03-02"), pair_key("A", std::nullopt, "2026-03-09"),
       pair_key("A", 4, "2026-03-16")},
      {pair_key("A", std::nullopt, "2026-03-09"), pair_key("A", std::nullopt, "2026-03-02"),
       pair_key("A", 4, "2026-03-17")}};
  const Matching m = match_responses(keys);
  ASSERT_EQ(m.groups.size(), 3u);
  EXPECT_TRUE(m.unpaired.empty());
  for (const Matching::Group& g : m.groups) {
    ASSERT_TRUE(g.members[0] && g.members[1]);
    EXPECT_EQ(keys[0][*g.members[0]], keys[1][*g.members[1]]);
  }
  EXPECT_EQ(pair_key("A", 4, "2026-03-16").date, "");
}

}  // namespace
}  // namespace alliance::core
