// The statistics of `alliance stats` against R: psych::alpha (2.2.9) and cor
// on the data sets of tests/reference/stats/ (made by make_reference.R there),
// under pairwise and listwise handling of missing answers, to 1e-9.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <sstream>

#include "../common/reference_table.hpp"
#include "alliance/core/stats.hpp"
#include "alliance/io/catalog.hpp"
#include "alliance/io/response_reader.hpp"

namespace alliance::core {
namespace {

constexpr double kTolerance = 1e-9;

std::string reference_path(const std::string& name) {
  return std::string(ALLIANCE_SOURCE_DIR) + "/tests/reference/stats/" + name;
}

using Row = testing::ReferenceRow;

std::vector<Row> read_rows(const std::string& name) {
  std::vector<Row> rows = testing::read_reference_rows(reference_path(name));
  EXPECT_FALSE(rows.empty()) << name;
  return rows;
}

double number(const Row& row, const std::string& key) {
  return std::stod(row.at(key));
}

StatsReport run(const Questionnaire& q, const std::string& id, MissingHandling missing) {
  StatsOptions options;
  options.missing = missing;
  StatsAccumulator stats(q, options);
  auto reader = io::open_response_reader(reference_path("data-" + id + ".csv"), q, {});
  io::ResponseRecord record;
  long rows = 0;
  while (reader->next(record)) {
    EXPECT_TRUE(record.valid()) << record.location;
    stats.add(record.response.answers);
    ++rows;
  }
  EXPECT_EQ(rows, 300);
  return stats.report();
}

std::size_t scale_index(const Questionnaire& q, const std::string& name) {
  return name == "total" ? q.subscales.size() : *q.find_subscale(name);
}

class StatsReference : public ::testing::TestWithParam<std::tuple<std::string, MissingHandling>> {};

TEST_P(StatsReference, AgreesWithPsychAndCor) {
  const auto& [id, missing] = GetParam();
  const io::LoadedQuestionnaire loaded = io::Catalog({}).load(id);
  const Questionnaire& q = loaded.questionnaire;
  const StatsReport report = run(q, id, missing);
  ASSERT_EQ(report.scales.size(), q.subscales.size() + 1);
  int checked = 0;
  for (const Row& row : read_rows("alpha.csv")) {
    if (row.at("questionnaire") != id || row.at("missing") != to_string(missing)) continue;
    SCOPED_TRACE(row.at("scale"));
    const ScaleStats& s = report.scales[scale_index(q, row.at("scale"))];
    EXPECT_EQ(s.n_used, number(row, "n_obs"));
    ASSERT_TRUE(s.alpha && s.std_alpha && s.average_r && s.alpha_lower && s.alpha_upper);
    EXPECT_NEAR(*s.alpha, number(row, "raw_alpha"), kTolerance);
    EXPECT_NEAR(*s.std_alpha, number(row, "std_alpha"), kTolerance);
    EXPECT_NEAR(*s.average_r, number(row, "average_r"), kTolerance);
    EXPECT_NEAR(*s.alpha_lower, number(row, "feldt_lower"), kTolerance);
    EXPECT_NEAR(*s.alpha_upper, number(row, "feldt_upper"), kTolerance);
    ++checked;
  }
  EXPECT_EQ(checked, 4);
  checked = 0;
  for (const Row& row : read_rows("items.csv")) {
    if (row.at("questionnaire") != id || row.at("missing") != to_string(missing)) continue;
    SCOPED_TRACE(row.at("scale") + " item " + row.at("item"));
    const ScaleStats& s = report.scales[scale_index(q, row.at("scale"))];
    const std::size_t item = *q.find_item(row.at("item"));
    const auto found =
        std::find_if(s.items.begin(), s.items.end(), [&](const ItemStats& i) { return i.item == item; });
    ASSERT_NE(found, s.items.end());
    ASSERT_TRUE(found->mean && found->sd && found->r_drop && found->alpha_if_dropped);
    EXPECT_NEAR(*found->mean, number(row, "mean"), kTolerance);
    EXPECT_NEAR(*found->sd, number(row, "sd"), kTolerance);
    EXPECT_NEAR(*found->r_drop, number(row, "r_drop"), kTolerance);
    EXPECT_NEAR(*found->alpha_if_dropped, number(row, "alpha_drop"), kTolerance);
    EXPECT_NEAR(*found->std_alpha_if_dropped, number(row, "std_alpha_drop"), kTolerance);
    EXPECT_NEAR(*found->average_r_if_dropped, number(row, "average_r_drop"), kTolerance);
    ++checked;
  }
  EXPECT_EQ(checked, 24);
  checked = 0;
  for (const Row& row : read_rows("correlations.csv")) {
    if (row.at("questionnaire") != id || row.at("missing") != to_string(missing)) continue;
    const std::size_t a = scale_index(q, row.at("a")), b = scale_index(q, row.at("b"));
    const auto found = std::find_if(report.correlations.begin(), report.correlations.end(),
                                    [&](const Correlation& c) { return c.a == a && c.b == b; });
    ASSERT_NE(found, report.correlations.end());
    EXPECT_EQ(found->n, number(row, "n"));
    ASSERT_TRUE(found->r);
    EXPECT_NEAR(*found->r, number(row, "r"), kTolerance) << row.at("a") << " " << row.at("b");
    ++checked;
  }
  EXPECT_EQ(checked, 3);
  checked = 0;
  for (const Row& row : read_rows("scores.csv")) {
    if (row.at("questionnaire") != id) continue;
    const ScaleStats& s = report.scales[scale_index(q, row.at("scale"))];
    EXPECT_EQ(static_cast<double>(s.scored), number(row, "n"));
    ASSERT_TRUE(s.mean && s.sd && s.min && s.max);
    EXPECT_NEAR(*s.mean, number(row, "mean"), kTolerance);
    EXPECT_NEAR(*s.sd, number(row, "sd"), kTolerance);
    EXPECT_NEAR(*s.min, number(row, "min"), kTolerance);
    EXPECT_NEAR(*s.max, number(row, "max"), kTolerance);
    ++checked;
  }
  EXPECT_EQ(checked, 3);
}

INSTANTIATE_TEST_SUITE_P(Psych, StatsReference,
                         ::testing::Combine(::testing::Values("gtb-12", "wai-sr"),
                                            ::testing::Values(MissingHandling::pairwise,
                                                              MissingHandling::listwise)),
                         [](const auto& param_info) {
                           std::string name =
                               std::get<0>(param_info.param) + "_" + to_string(std::get<1>(param_info.param));
                           std::replace(name.begin(), name.end(), '-', '_');
                           return name;
                         });

}  // namespace
}  // namespace alliance::core
