// core::agreement against R: the per-pair scores R computed
// (tests/reference/compare/expected_scores.csv) in, the statistics R computed
// with mean, sd, cor and psych::ICC (expected_agreement.csv) out, to 1e-9.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "../common/reference_table.hpp"
#include "alliance/core/agreement.hpp"

namespace alliance::core {
namespace {

using Row = testing::ReferenceRow;

std::vector<Row> read_csv(const std::string& name) {
  return testing::read_reference_rows(std::string(ALLIANCE_SOURCE_DIR) + "/tests/reference/compare/" + name);
}

TEST(AgreementReference, MatchesRToOneInABillion) {
  const std::vector<Row> scores = read_csv("expected_scores.csv");
  const std::vector<Row> expected = read_csv("expected_agreement.csv");
  ASSERT_FALSE(scores.empty());
  ASSERT_EQ(expected.size(), 4u);
  for (const Row& e : expected) {
    SCOPED_TRACE(e.at("scale"));
    std::vector<double> x;
    std::vector<double> y;
    std::size_t excluded = 0;
    for (const Row& s : scores) {
      if (s.at("scale") != e.at("scale")) continue;
      if (s.at("client") == "NA" || s.at("therapist") == "NA") {
        ++excluded;
        continue;
      }
      x.push_back(std::stod(s.at("client")));
      y.push_back(std::stod(s.at("therapist")));
    }
    const AgreementStats a = agreement(x, y);
    EXPECT_EQ(a.n, std::stoul(e.at("n")));
    EXPECT_EQ(excluded, std::stoul(e.at("excluded")));
    EXPECT_NEAR(*a.mean_first, std::stod(e.at("mean_client")), 1e-9);
    EXPECT_NEAR(*a.mean_second, std::stod(e.at("mean_therapist")), 1e-9);
    EXPECT_NEAR(*a.mean_difference, std::stod(e.at("mean_difference")), 1e-9);
    EXPECT_NEAR(*a.sd_difference, std::stod(e.at("sd_difference")), 1e-9);
    EXPECT_NEAR(*a.loa_lower, std::stod(e.at("loa_lower")), 1e-9);
    EXPECT_NEAR(*a.loa_upper, std::stod(e.at("loa_upper")), 1e-9);
    EXPECT_NEAR(*a.pearson_r, std::stod(e.at("pearson_r")), 1e-9);
    EXPECT_NEAR(*a.icc, std::stod(e.at("icc_2_1")), 1e-9);
  }
}

}  // namespace
}  // namespace alliance::core
