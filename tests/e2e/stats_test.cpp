// alliance stats end to end: formats, --missing, --quality, bad rows and exit
// codes. Coefficients are checked against psych's (tests/reference/stats),
// the rest worked out by hand in the comments.
#include <gtest/gtest.h>

#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "process.hpp"

namespace alliance::testing {
namespace {

using CsvRow = std::map<std::string, std::string>;

// The cells of one CSV line (RFC 4180 quotes undone).
std::vector<std::string> csv_cells(const std::string& line) {
  std::vector<std::string> out(1);
  bool quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (c == '"' && quoted && i + 1 < line.size() && line[i + 1] == '"')
      out.back() += line[++i];
    else if (c == '"')
      quoted = !quoted;
    else if (c == ',' && !quoted)
      out.emplace_back();
    else
      out.back() += c;
  }
  return out;
}

// The rows of a CSV table, each by column name.
std::vector<CsvRow> csv_rows(const std::string& csv) {
  const std::vector<std::string> all = lines(csv);
  std::vector<CsvRow> out;
  if (all.empty()) return out;
  const std::vector<std::string> header = csv_cells(all[0]);
  for (std::size_t r = 1; r < all.size(); ++r) {
    const std::vector<std::string> cells = csv_cells(all[r]);
    EXPECT_EQ(cells.size(), header.size()) << all[r];
    CsvRow row;
    for (std::size_t c = 0; c < header.size() && c < cells.size(); ++c) row[header[c]] = cells[c];
    out.push_back(std::move(row));
  }
  return out;
}

// The cell `column` of the row whose cells match `where`.
std::string csv_value(const std::string& csv, const CsvRow& where, const std::string& column) {
  for (const CsvRow& row : csv_rows(csv)) {
    bool match = true;
    for (const auto& [key, value] : where) match = match && row.count(key) && row.at(key) == value;
    if (match && row.count(column)) return row.at(column);
  }
  ADD_FAILURE() << "no row with " << column << " in " << csv.substr(0, 400);
  return "";
}

Run stats_in(const std::vector<std::string>& args, const std::string& input = "") {
  std::vector<std::string> all = {"stats", "gtb-12"};
  all.insert(all.end(), args.begin(), args.end());
  return run_alliance(all, {.input = input, .cwd = source_path("")});
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
  const Outcome run = stats_in({kData, "--format", "csv"});
  ASSERT_EQ(run.status, 0) << run.err;
  // The scales' table by default: one typed row per scale, the provenance last.
  EXPECT_EQ(
      lines(run.out).at(0),
      "scale,items,n,complete,incomplete,insufficient,mean,sd,min,max,floor_pct,ceiling_pct,alpha_n,"
      "min_pair_n,alpha,alpha_lower,alpha_upper,std_alpha,average_r,questionnaire,questionnaire_version,"
      "definition_hash,alliance_version");
  // Columns of alpha.csv: 4 raw_alpha, 7 feldt_lower.
  EXPECT_NEAR(std::stod(csv_value(run.out, {{"scale", "goals"}}, "alpha")),
              reference_alpha("gtb-12,pairwise,goals,", 4), 1e-9);
  EXPECT_NEAR(std::stod(csv_value(run.out, {{"scale", "total"}}, "alpha_lower")),
              reference_alpha("gtb-12,pairwise,total,", 7), 1e-9);
  EXPECT_EQ(csv_value(run.out, {{"scale", "goals"}}, "alpha_n"), "300");
  EXPECT_EQ(csv_value(run.out, {{"scale", "goals"}}, "items"), "4");
  EXPECT_EQ(csv_value(run.out, {{"scale", "goals"}}, "questionnaire"), "gtb-12");

  const Outcome summary = stats_in({kData, "--format", "csv", "--section", "summary"});
  ASSERT_EQ(summary.status, 0) << summary.err;
  EXPECT_EQ(csv_value(summary.out, {}, "missing"), "pairwise");
  EXPECT_EQ(csv_value(summary.out, {}, "responses"), "300");
  const Outcome items = stats_in({kData, "--format", "csv", "--section", "items"});
  EXPECT_NE(csv_value(items.out, {{"scale", "goals"}, {"item", "7"}}, "r_drop"), "NA");
  EXPECT_EQ(csv_value(items.out, {{"scale", "goals"}, {"item", "7"}}, "reverse"), "TRUE");
  const Outcome correlations = stats_in({kData, "--format", "csv", "--section", "correlations"});
  EXPECT_NE(csv_value(correlations.out, {{"scale_1", "goals"}, {"scale_2", "tasks"}}, "r"), "NA");
}

TEST(Stats, ListwiseJson) {
  const Outcome run = stats_in({kData, "--format", "json", "--missing", "listwise"});
  ASSERT_EQ(run.status, 0) << run.err;
  const auto doc = nlohmann::json::parse(run.out);
  EXPECT_EQ(doc["summary"]["missing"], "listwise");
  EXPECT_EQ(doc["summary"]["responses"], 300);
  EXPECT_EQ(doc["summary"]["invalid"], 0);
  ASSERT_EQ(doc["scales"].size(), 4u);
  const auto& goals = doc["scales"][0];
  EXPECT_EQ(goals["scale"], "goals");
  EXPECT_EQ(goals["items"], 4);
  // Listwise alpha is over the complete responses: psych's n_obs for them.
  EXPECT_EQ(goals["alpha_n"].get<double>(), reference_alpha("gtb-12,listwise,goals,", 3));
  EXPECT_EQ(goals["alpha_n"], goals["complete"]);
  EXPECT_NEAR(goals["alpha"].get<double>(), reference_alpha("gtb-12,listwise,goals,", 4), 1e-9);
  EXPECT_NEAR(goals["std_alpha"].get<double>(), reference_alpha("gtb-12,listwise,goals,", 5), 1e-9);
  std::vector<std::string> goal_items;
  for (const auto& item : doc["items"])
    if (item["scale"] == "goals") goal_items.push_back(item["item"]);
  EXPECT_EQ(goal_items, (std::vector<std::string>{"1", "4", "7", "10"}));
  EXPECT_EQ(doc["correlations"].size(), 3u);
  EXPECT_TRUE(doc["warnings"].is_array());
  EXPECT_EQ(doc["summary"]["run_limit"], 7);  // 12 items / 2 + 1
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
  const auto& scores = doc["scales"][0];
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
  EXPECT_EQ(doc["summary"]["straightline"], 2);
  EXPECT_EQ(doc["summary"]["zero_variance"], 4);  // R1-R4: every keyed value equal
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
  EXPECT_EQ(
      rows[0],
      "respondent,session,source,answered,straightline,zero_variance,longest_run,long_run,questionnaire,"
      "questionnaire_version,definition_hash,alliance_version");
  // R1: answers 1 1 1 1 1 1 5 5 1 1 1 5: runs of 6, 2, 2, 1 -> longest 6 (< 7); keyed all 1.
  // No session given: NA.
  EXPECT_EQ(rows[1].rfind("R1,NA,<stdin>:2,12,FALSE,TRUE,6,FALSE,gtb-12,1.0.0,fnv1a64:", 0), 0u) << rows[1];
  EXPECT_EQ(rows[5].rfind("R5,NA,<stdin>:6,12,TRUE,FALSE,12,TRUE,gtb-12,1.0.0,fnv1a64:", 0), 0u) << rows[5];
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
  EXPECT_EQ(csv_value(run.out, {{"scale", "goals"}}, "n"), "5");
  const Outcome summary =
      run_alliance({"stats", "gtb-12", "-", "--format", "csv", "--section", "summary"}, {.input = csv});
  EXPECT_EQ(csv_value(summary.out, {}, "responses"), "5");
  EXPECT_EQ(csv_value(summary.out, {}, "invalid"), "1");
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
  EXPECT_EQ(doc["summary"]["responses"], 0);
  EXPECT_TRUE(doc["scales"][0]["alpha"].is_null());
  EXPECT_TRUE(doc["scales"][0]["mean"].is_null());
}

// Issue 12: counts were written through the number path: 1e+05 for 100 000
// responses (R and pandas read that as a double), 40.000 with --precision 3.
TEST(Stats, CountsAreWholeNumbersInEveryFormat) {
  std::string csv = "respondent,1,2,3,4,5,6,7,8,9,10,11,12\n";
  const std::string rows[] = {"1,2,3,4,5,1,2,3,4,5,1,2", "5,4,3,2,1,5,4,3,2,1,5,4",
                              "3,3,4,4,2,2,5,5,1,1,3,4"};
  for (int r = 0; r < 100000; ++r) csv += "R" + std::to_string(r) + "," + rows[r % 3] + "\n";
  const auto section = [&](const char* name) {
    const Outcome run =
        run_alliance({"stats", "gtb-12", "-", "--format", "csv", "--section", name}, {.input = csv});
    EXPECT_EQ(run.status, 0) << run.err;
    return run.out;
  };
  EXPECT_EQ(csv_value(section("summary"), {}, "responses"), "100000");
  const std::string scales = section("scales");
  for (const char* column : {"n", "complete", "alpha_n", "min_pair_n"})
    EXPECT_EQ(csv_value(scales, {{"scale", "goals"}}, column), "100000") << column;
  const std::string items = section("items");
  for (const char* column : {"answered", "n"})
    EXPECT_EQ(csv_value(items, {{"scale", "goals"}, {"item", "1"}}, column), "100000") << column;
  EXPECT_EQ(csv_value(section("correlations"), {{"scale_1", "goals"}, {"scale_2", "tasks"}}, "n"), "100000");

  const Outcome json = run_alliance({"stats", "gtb-12", "-", "--format", "json"}, {.input = csv});
  ASSERT_EQ(json.status, 0) << json.err;
  EXPECT_EQ(json.out.find("e+"), std::string::npos) << json.out.substr(0, 400);
  EXPECT_NE(json.out.find("\"alpha_n\":100000,\"min_pair_n\":100000,"), std::string::npos);

  const auto fixed = [&](const char* name) {
    const Outcome run =
        run_alliance({"stats", "gtb-12", "-", "--format", "csv", "--precision", "3", "--section", name},
                     {.input = five_rows()});
    EXPECT_EQ(run.status, 0) << run.err;
    return run.out;
  };
  const std::string fixed_scales = fixed("scales");
  EXPECT_EQ(csv_value(fixed_scales, {{"scale", "goals"}}, "alpha_n"), "5");
  EXPECT_EQ(csv_value(fixed("items"), {{"scale", "goals"}, {"item", "1"}}, "n"), "5");
  EXPECT_EQ(csv_value(fixed("warnings"), {{"code", "few_complete"}, {"scale", "goals"}}, "value"), "5");
  EXPECT_EQ(csv_value(fixed_scales, {{"scale", "goals"}}, "mean"),
            "2.800");  // a statistic keeps its decimals
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
    EXPECT_EQ(csv_value(run.out, {{"scale", "total"}}, "sd"), "0") << missing;
    EXPECT_EQ(csv_value(run.out, {{"scale", "total"}}, "alpha"), "NA") << missing;
    EXPECT_EQ(csv_value(run.out, {{"scale", "total"}}, "alpha_lower"), "NA") << missing;
    // The scales' table has no place for the warnings: they are said on standard error.
    EXPECT_NE(
        run.err.find("warning: total: every score is 3.666666667: no variance, so alpha is not computed\n"),
        std::string::npos)
        << run.err;
    const Outcome warnings = run_alliance(
        {"stats", "gtb-12", "-", "--format", "csv", "--missing", missing, "--section", "warnings"},
        {.input = csv});
    EXPECT_EQ(csv_value(warnings.out, {{"code", "score_no_variance"}, {"scale", "total"}}, "value"),
              "3.6666666666666665")
        << missing;
    EXPECT_EQ(warnings.err.find("warning:"), std::string::npos) << warnings.err;
  }
  const Outcome table = run_alliance({"stats", "gtb-12", "-", "--format", "table"}, {.input = csv});
  EXPECT_NE(
      table.out.find("warning: total: every score is 3.666666667: no variance, so alpha is not computed\n"),
      std::string::npos)
      << table.out;
}

// Issue 14: stats refused ndjson, and its CSV was one long table whose
// `value` column mixed text and numbers. Every table is now there in every
// machine format: one per CSV, TSV or NDJSON output (--section), all of them
// in one JSON document; each record carries the provenance.
TEST(Stats, EveryTableInEveryMachineFormat) {
  const std::map<std::string, std::size_t> rows = {
      {"summary", 1}, {"scales", 4}, {"items", 24}, {"correlations", 3}};  // 12 items twice: subscale, total
  for (const auto& [section, count] : rows) {
    SCOPED_TRACE(section);
    const Outcome ndjson = stats_in({kData, "--format", "ndjson", "--section", section});
    ASSERT_EQ(ndjson.status, 0) << ndjson.err;
    const std::vector<std::string> records = lines(ndjson.out);
    ASSERT_EQ(records.size(), count);
    for (const std::string& line : records)
      EXPECT_EQ(nlohmann::json::parse(line)["provenance"]["questionnaire"], "gtb-12");
    const Outcome tsv = stats_in({kData, "--format", "tsv", "--section", section});
    EXPECT_EQ(lines(tsv.out).size(), count + 1);
    const auto doc = nlohmann::json::parse(stats_in({kData, "--format", "json", "--section", section}).out);
    EXPECT_EQ(doc.size(), 2u) << doc.dump().substr(0, 300);  // the provenance and the table
    EXPECT_TRUE(doc.contains(section));
  }
  // Without --section: the scales in NDJSON, every table in JSON.
  EXPECT_EQ(lines(stats_in({kData, "-f", "ndjson"}).out).size(), 4u);
  const auto doc = nlohmann::json::parse(stats_in({kData, "-f", "json"}).out);
  for (const char* table : {"provenance", "summary", "scales", "items", "correlations", "warnings"})
    EXPECT_TRUE(doc.contains(table)) << table;
  EXPECT_EQ(stats_in({kData, "--section", "pairs"}).status, 2);
}

}  // namespace
}  // namespace alliance::testing
