// alliance stats end to end: formats, --missing, --quality, bad rows and exit
// codes. Coefficients are checked against psych's (tests/reference/stats),
// the rest worked out by hand in the comments.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "process.hpp"

namespace alliance::testing {
namespace {

// The value column of the long CSV row section,scale,part,statistic.
std::string csv_value(const std::string& csv, const std::string& key) {
  for (const std::string& line : lines(csv))
    if (line.rfind(key + ",", 0) == 0) return line.substr(key.size() + 1);
  ADD_FAILURE() << "no row " << key;
  return "";
}

// A reference cell from tests/reference/stats/alpha.csv.
double reference_alpha(const std::string& prefix, std::size_t column) {
  for (const std::string& line : lines(slurp(source_path("tests/reference/stats/alpha.csv")))) {
    if (line.rfind(prefix, 0) != 0) continue;
    std::vector<std::string> cells;
    std::stringstream split(line);
    for (std::string cell; std::getline(split, cell, ',');) cells.push_back(cell);
    return std::stod(cells.at(column));
  }
  ADD_FAILURE() << prefix;
  return 0;
}

using Outcome = alliance::testing::Run;

const std::string kData = "tests/reference/stats/data-gtb-12.csv";

TEST(Stats, CsvAgreesWithPsychPairwiseByDefault) {
  const Outcome run = run_alliance({"stats", "gtb-12", kData, "--format", "csv"}, {.cwd = source_path("")});
  ASSERT_EQ(run.status, 0) << run.err;
  EXPECT_EQ(lines(run.out).at(0), "section,scale,part,statistic,value");
  EXPECT_EQ(csv_value(run.out, "meta,,,missing"), "pairwise");
  EXPECT_EQ(csv_value(run.out, "meta,,,responses"), "300");
  EXPECT_EQ(csv_value(run.out, "meta,,,questionnaire"), "gtb-12");
  // Columns of alpha.csv: 4 raw_alpha, 7 feldt_lower.
  EXPECT_NEAR(std::stod(csv_value(run.out, "scale,goals,,alpha")),
              reference_alpha("gtb-12,pairwise,goals,", 4), 1e-9);
  EXPECT_NEAR(std::stod(csv_value(run.out, "scale,total,,alpha_lower")),
              reference_alpha("gtb-12,pairwise,total,", 7), 1e-9);
  EXPECT_EQ(csv_value(run.out, "scale,goals,,alpha_n"), "300");
  EXPECT_EQ(csv_value(run.out, "scale,goals,,items"), "4");
  EXPECT_FALSE(csv_value(run.out, "item,goals,7,r_drop").empty());
  EXPECT_FALSE(csv_value(run.out, "correlation,goals,tasks,r").empty());
}

TEST(Stats, ListwiseJson) {
  const Outcome run = run_alliance({"stats", "gtb-12", kData, "--format", "json", "--missing", "listwise"},
                                   {.cwd = source_path("")});
  ASSERT_EQ(run.status, 0) << run.err;
  const auto doc = nlohmann::json::parse(run.out);
  EXPECT_EQ(doc["missing"], "listwise");
  EXPECT_EQ(doc["responses"], 300);
  EXPECT_EQ(doc["invalid"], 0);
  ASSERT_EQ(doc["scales"].size(), 4u);
  const auto& goals = doc["scales"][0];
  EXPECT_EQ(goals["scale"], "goals");
  EXPECT_EQ(goals["items"], nlohmann::json::array({"1", "4", "7", "10"}));
  // Listwise alpha is over the complete responses: psych's n_obs for them.
  EXPECT_EQ(goals["reliability"]["n"].get<double>(), reference_alpha("gtb-12,listwise,goals,", 3));
  EXPECT_EQ(goals["reliability"]["n"], goals["scores"]["complete"]);
  EXPECT_NEAR(goals["reliability"]["alpha"].get<double>(), reference_alpha("gtb-12,listwise,goals,", 4),
              1e-9);
  EXPECT_NEAR(goals["reliability"]["std_alpha"].get<double>(), reference_alpha("gtb-12,listwise,goals,", 5),
              1e-9);
  EXPECT_EQ(goals["item_stats"].size(), 4u);
  EXPECT_EQ(doc["correlations"].size(), 3u);
  EXPECT_TRUE(doc["warnings"].is_array());
  EXPECT_EQ(doc["quality"]["run_limit"], 7);  // 12 items / 2 + 1
}

// Five responses on a 1-5 scale, from stdin: the hand-worked data set.
// goals items 1 4 7(R) 10; rows 1-4 answer every item v = 1, 2, 3, 4 except the
// reverse-keyed ones, answered 6 - v, so keyed values all equal v.
std::string five_rows() {
  std::string csv = "respondent,1,2,3,4,5,6,7,8,9,10,11,12\n";
  for (int v = 1; v <= 4; ++v) {
    std::string row = "R" + std::to_string(v);
    for (int item = 1; item <= 12; ++item) {
      const bool reverse = item == 7 || item == 8 || item == 12;
      row += "," + std::to_string(reverse ? 6 - v : v);
    }
    csv += row + "\n";
  }
  // R5 straight-lines: 5 everywhere (keyed 1 on 7, 8, 12).
  csv += "R5,5,5,5,5,5,5,5,5,5,5,5,5\n";
  return csv;
}

TEST(Stats, WarningsForFewResponsesAndFloor) {
  const Outcome run = run_alliance({"stats", "gtb-12", "-", "--format", "json"}, {.input = five_rows()});
  ASSERT_EQ(run.status, 0) << run.err;
  const auto doc = nlohmann::json::parse(run.out);
  // goals scores: 1, 2, 3, 4 and R5 (5 + 5 + 1 + 5) / 4 = 4: mean 14/5 = 2.8; min 1, max 4.
  const auto& scores = doc["scales"][0]["scores"];
  EXPECT_EQ(scores["n"], 5);
  EXPECT_DOUBLE_EQ(scores["mean"].get<double>(), 2.8);
  EXPECT_EQ(scores["min"], 1);
  EXPECT_EQ(scores["max"], 4);
  // 1 of 5 at the floor (20 % > 15 %).
  EXPECT_EQ(scores["floor_pct"], 20);
  std::set<std::string> codes;
  for (const auto& w : doc["warnings"])
    codes.insert(w["code"].get<std::string>() + ":" + w["scale"].get<std::string>());
  EXPECT_TRUE(codes.count("few_complete:goals"));  // 5 < 30
  EXPECT_TRUE(codes.count("floor:goals"));
  // R3 answers 3 everywhere (6 - 3 = 3 on the reversed items) and R5 5 everywhere.
  EXPECT_EQ(doc["quality"]["straightline"], 2);
  EXPECT_EQ(doc["quality"]["zero_variance"], 4);  // R1-R4: every keyed value equal
}

TEST(Stats, NegativeItemRestIsReported) {
  // Item 7 answered as if it were not reverse-keyed: keyed 6 - v falls while the rest rises.
  std::string csv = "respondent,1,2,3,4,5,6,7,8,9,10,11,12\n";
  for (int v = 1; v <= 5; ++v) {
    csv += "R" + std::to_string(v);
    for (int item = 1; item <= 12; ++item) {
      const bool reverse = item == 8 || item == 12;
      const int answer = reverse ? 6 - v : v;
      csv += "," + std::to_string(item == 1 ? (v * 2) % 5 + 1 : answer);  // item 1 varies differently
    }
    csv += "\n";
  }
  const Outcome run = run_alliance({"stats", "gtb-12", "-", "--format", "json"}, {.input = csv});
  ASSERT_EQ(run.status, 0) << run.err;
  const auto doc = nlohmann::json::parse(run.out);
  bool found = false;
  for (const auto& w : doc["warnings"])
    if (w["code"] == "negative_item_rest" && w["item"] == "7") {
      found = true;
      EXPECT_LT(w["value"].get<double>(), 0);
      EXPECT_NE(w["message"].get<std::string>().find("possibly not reverse-keyed"), std::string::npos);
    }
  EXPECT_TRUE(found) << run.out;
}

TEST(Stats, QualityListsFlaggedResponses) {
  const Outcome run =
      run_alliance({"stats", "gtb-12", "-", "--quality", "--format", "csv"}, {.input = five_rows()});
  ASSERT_EQ(run.status, 0) << run.err;
  const auto rows = lines(run.out);
  ASSERT_EQ(rows.size(), 6u) << run.out;  // header + every row: R1-R4 zero variance, R5 straight-lining
  EXPECT_EQ(rows[0], "respondent,session,source,answered,straightline,zero_variance,longest_run,long_run");
  // R1: answers 1 1 1 1 1 1 5 5 1 1 1 5: runs of 6, 2, 2, 1 -> longest 6 (< 7); keyed all 1.
  EXPECT_EQ(rows[1], "R1,,<stdin>:2,12,FALSE,TRUE,6,FALSE");
  EXPECT_EQ(rows[5], "R5,,<stdin>:6,12,TRUE,FALSE,12,TRUE");
}

TEST(Stats, QualityTableInFrench) {
  const Outcome run = run_alliance({"stats", "gtb-12", "-", "--quality", "--format", "table", "--lang", "fr"},
                                   {.input = five_rows()});
  ASSERT_EQ(run.status, 0) << run.err;
  EXPECT_NE(run.out.find("RÉPONDANT"), std::string::npos);
  EXPECT_NE(run.out.find("5 réponses signalées sur 5"), std::string::npos) << run.out;
}

TEST(Stats, TableInBothLanguages) {
  const Outcome en =
      run_alliance({"stats", "gtb-12", kData, "--format", "table", "--lang", "en"}, {.cwd = source_path("")});
  ASSERT_EQ(en.status, 0) << en.err;
  EXPECT_NE(en.out.find("RELIABILITY"), std::string::npos);
  EXPECT_NE(en.out.find("missing answers: pairwise"), std::string::npos);
  const Outcome fr =
      run_alliance({"stats", "gtb-12", kData, "--format", "table", "--lang", "fr", "--missing", "listwise"},
                   {.cwd = source_path("")});
  ASSERT_EQ(fr.status, 0) << fr.err;
  EXPECT_NE(fr.out.find("FIDÉLITÉ"), std::string::npos);
  EXPECT_NE(fr.out.find("listwise"), std::string::npos);
}

TEST(Stats, BadRowsAreReportedAndTheRestUsed) {
  std::string csv = five_rows();
  csv += "R6,1,2,3,4,9,1,1,1,1,1,1,1\n";  // 9 is outside 1..5
  const Outcome run = run_alliance({"stats", "gtb-12", "-", "--format", "csv"}, {.input = csv});
  EXPECT_EQ(run.status, 1);
  EXPECT_NE(run.err.find("<stdin>:7"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("1 of 6 responses is invalid"), std::string::npos) << run.err;
  EXPECT_EQ(csv_value(run.out, "meta,,,responses"), "5");
  EXPECT_EQ(csv_value(run.out, "meta,,,invalid"), "1");
  EXPECT_EQ(csv_value(run.out, "scale,goals,,n"), "5");
}

TEST(Stats, UsageErrors) {
  EXPECT_EQ(run_alliance({"stats", "no-such-questionnaire", "-"}, {.input = ""}).status, 2);
  EXPECT_EQ(run_alliance({"stats", "gtb-12", "-", "--missing", "sometimes"}, {.input = ""}).status, 2);
  EXPECT_EQ(run_alliance({"stats", "gtb-12", "/no/such/file.csv"}).status, 3);
}

TEST(Stats, EmptyInputGivesEmptyStatistics) {
  const Outcome run = run_alliance({"stats", "gtb-12", "-", "--format", "json", "--columns", "{id}"},
                                   {.input = "respondent,1,2,3\n"});
  ASSERT_EQ(run.status, 0) << run.err;
  const auto doc = nlohmann::json::parse(run.out);
  EXPECT_EQ(doc["responses"], 0);
  EXPECT_TRUE(doc["scales"][0]["reliability"]["alpha"].is_null());
  EXPECT_TRUE(doc["scales"][0]["scores"]["mean"].is_null());
}

// Issue 12: counts were written through the number path: 1e+05 for 100 000
// responses (R and pandas read that as a double), 40.000 with --precision 3.
TEST(Stats, CountsAreWholeNumbersInEveryFormat) {
  std::string csv = "respondent,1,2,3,4,5,6,7,8,9,10,11,12\n";
  const std::string rows[] = {"1,2,3,4,5,1,2,3,4,5,1,2", "5,4,3,2,1,5,4,3,2,1,5,4",
                              "3,3,4,4,2,2,5,5,1,1,3,4"};
  for (int r = 0; r < 100000; ++r) csv += "R" + std::to_string(r) + "," + rows[r % 3] + "\n";
  const Outcome run = run_alliance({"stats", "gtb-12", "-", "--format", "csv"}, {.input = csv});
  ASSERT_EQ(run.status, 0) << run.err;
  for (const char* key :
       {"meta,,,responses", "scale,goals,,n", "scale,goals,,complete", "scale,goals,,alpha_n",
        "scale,goals,,min_pair_n", "item,goals,1,answered", "item,goals,1,n", "correlation,goals,tasks,n"})
    EXPECT_EQ(csv_value(run.out, key), "100000") << key;

  const Outcome json = run_alliance({"stats", "gtb-12", "-", "--format", "json"}, {.input = csv});
  ASSERT_EQ(json.status, 0) << json.err;
  EXPECT_EQ(json.out.find("e+"), std::string::npos) << json.out.substr(0, 400);
  EXPECT_NE(json.out.find("\"reliability\":{\"n\":100000,\"min_pair_n\":100000,"), std::string::npos);

  const Outcome fixed =
      run_alliance({"stats", "gtb-12", "-", "--format", "csv", "--precision", "3"}, {.input = five_rows()});
  ASSERT_EQ(fixed.status, 0) << fixed.err;
  EXPECT_EQ(csv_value(fixed.out, "scale,goals,,alpha_n"), "5");
  EXPECT_EQ(csv_value(fixed.out, "item,goals,1,n"), "5");
  EXPECT_EQ(csv_value(fixed.out, "warning,goals,,few_complete"), "5");
  EXPECT_EQ(csv_value(fixed.out, "scale,goals,,mean"), "2.800");  // a statistic keeps its decimals
}

// Every GTB-12 total is 44 / 12 (keyed answers summing to 44, spread
// differently). main printed the total's SD as -nan and alpha as
// 44352582903677408 (the quotient of two rounding errors).
TEST(Stats, ConstantTotalHasSdZeroAndNoAlpha) {
  std::string csv = "respondent,1,2,3,4,5,6,7,8,9,10,11,12\n";
  const int keyed[12] = {4, 4, 4, 4, 4, 4, 4, 4, 3, 3, 3, 3};
  for (int r = 0; r < 40; ++r) {
    csv += "R" + std::to_string(r);
    for (int item = 1; item <= 12; ++item) {
      const int v = keyed[(item + r * 5) % 12];
      const bool reversed = item == 7 || item == 8 || item == 12;
      csv += "," + std::to_string(reversed ? 6 - v : v);
    }
    csv += "\n";
  }
  for (const char* missing : {"pairwise", "listwise"}) {
    const Outcome run =
        run_alliance({"stats", "gtb-12", "-", "--format", "csv", "--missing", missing}, {.input = csv});
    ASSERT_EQ(run.status, 0) << run.err;
    EXPECT_EQ(csv_value(run.out, "scale,total,,sd"), "0") << missing;
    EXPECT_EQ(csv_value(run.out, "scale,total,,alpha"), "NA") << missing;
    EXPECT_EQ(csv_value(run.out, "scale,total,,alpha_lower"), "NA") << missing;
    EXPECT_EQ(csv_value(run.out, "warning,total,,score_no_variance"), "3.6666666666666665") << missing;
  }
  const Outcome table = run_alliance({"stats", "gtb-12", "-", "--format", "table"}, {.input = csv});
  EXPECT_NE(
      table.out.find("warning: total: every score is 3.666666667: no variance, so alpha is not computed\n"),
      std::string::npos)
      << table.out;
}

}  // namespace
}  // namespace alliance::testing
