// alliance trend, what issue 16 asked of it end to end: the parameters each
// output records and where they came from, warnings for an SD off the scale's
// metric, ruptures that stay visible, the reliable drop as one test, an honest
// table (the scale's own range, gaps, duplicates, input order, the metric),
// streaming with --hold, and the progress line (tests/e2e/pty_test.cpp has it
// on a terminal). Expected values are worked out by hand in the comments.
//
// tests/data/trend/edges.ndjson (SRS: four 0-10 lines summed, total 0-40, concern below 36):
//   M: session 2 (36), no number (36), session 1 (28): in input order.
//   D: sessions 1, 2, 2, every total 30.       G: sessions 1, 2, 5, 10, every total 36.
//   F: sessions 1, 2, both 20.                 H: sessions 1 (36), 2 (20).
// On 0-40 a glyph is round(total / 40 * 7) of ▁▂▃▄▅▆▇█: 36 -> 6.3 -> ▇, 30 -> 5.25 -> ▆,
// 28 -> 4.9 -> ▆, 20 -> 3.5 -> ▅ (halves round up).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "process.hpp"

namespace alliance::testing {
namespace {

using Outcome = alliance::testing::Run;

const std::string kEdges = "tests/data/trend/edges.ndjson";
const std::string kVShapeData = "tests/data/trend/v-shape.ndjson";

Outcome trend_of(const std::string& file, std::vector<std::string> extra, RunOptions options = {}) {
  std::vector<std::string> args{"trend", "srs", file};
  args.insert(args.end(), extra.begin(), extra.end());
  options.cwd = source_path("");
  return run_alliance(args, options);
}

// The table row of `scale` in `respondent`'s block.
std::string table_row(const std::string& table, const std::string& respondent, const std::string& scale) {
  const std::vector<std::string> rows = lines(table);
  bool in_block = false;
  for (const std::string& row : rows) {
    if (row.rfind(respondent + ", ", 0) == 0)
      in_block = true;
    else if (in_block && row.rfind(scale, 0) == 0)
      return row;
  }
  return "";
}

TEST(TrendParameters, JsonRecordsTheParametersAndWhereTheyCameFrom) {
  const Outcome run =
      trend_of(kVShapeData, {"--sd", "total=4", "--retest-r", "total=0.8", "--format", "json"});
  ASSERT_EQ(run.status, 0) << run.err;
  const auto doc = nlohmann::json::parse(run.out);
  const auto& s4 = doc["sessions"][3];  // A session 4: a rupture measured in the reference SD 4
  const auto& total = s4["scales"]["total"];
  EXPECT_EQ(total["reference_sd"], 4);
  EXPECT_EQ(total["reference_sd_from"], "option");
  EXPECT_EQ(total["retest_r"], 0.8);
  EXPECT_EQ(total["retest_r_from"], "option");
  EXPECT_EQ(total["sd_source"], "reference");
  const auto& relationship = s4["scales"]["relationship"];
  EXPECT_TRUE(relationship["reference_sd"].is_null());
  EXPECT_TRUE(relationship["reference_sd_from"].is_null());
  EXPECT_TRUE(relationship["sd_source"].is_null());
  EXPECT_EQ(s4["parameters"], nlohmann::json::parse(R"({"rupture_k": 1, "baseline_sessions": 3,
      "repair_within": 3, "reliable_z": 1.96, "reliable_from": "previous", "low_item": 0, "norms_file": null})"));
}

TEST(TrendParameters, NormsAreNamedWithTheirFile) {
  const std::vector<std::string> args{"trend",
                                      "tests/data/trend/normed.json",
                                      "tests/data/trend/normed.ndjson",
                                      "--format",
                                      "ndjson",
                                      "--sd",
                                      "goals=1",
                                      "--rupture",
                                      "strict"};
  const Outcome run = run_alliance(args, {.cwd = source_path("")});
  ASSERT_EQ(run.status, 0) << run.err;
  const auto last = nlohmann::json::parse(lines(run.out).at(1));
  EXPECT_EQ(last["scales"]["goals"]["reference_sd"], 1);
  EXPECT_EQ(last["scales"]["goals"]["reference_sd_from"], "option");
  EXPECT_EQ(last["scales"]["goals"]["retest_r"], 0.75);
  EXPECT_EQ(last["scales"]["goals"]["retest_r_from"], "norms");
  EXPECT_EQ(last["scales"]["total"]["reference_sd"], 0.6);
  EXPECT_EQ(last["scales"]["total"]["reference_sd_from"], "norms");
  EXPECT_TRUE(last["scales"]["bond"]["reference_sd_from"].is_null());
  EXPECT_EQ(last["parameters"]["norms_file"], "tests/data/trend/normed.json");
  EXPECT_EQ(last["parameters"]["rupture_k"], 2);
}

TEST(TrendParameters, CsvColumnsAndTableFooter) {
  const Outcome csv = trend_of(kVShapeData, {"--sd", "total=4", "--retest-r", "total=0.8", "--format", "csv",
                                             "--reliable-from", "both", "--baseline", "4"});
  ASSERT_EQ(csv.status, 0) << csv.err;
  const auto rows = lines(csv.out);
  EXPECT_NE(rows[0].find(",total_low_items,total_sd_source,total_reference_sd,total_reference_sd_from,"
                         "total_retest_r,total_retest_r_from,flags,rupture_k,baseline_sessions,repair_within,"
                         "reliable_z,reliable_from,low_item,norms_file,questionnaire,"),
            std::string::npos)
      << rows[0];
  // A session 1: no SD used yet (no earlier session), the reference values from the options.
  EXPECT_NE(rows[1].find(",36,NA,NA,NA,NA,NA,NA,NA,,,NA,4,option,0.8,option,,1,4,3,1.96,both,0,NA,srs,"),
            std::string::npos)
      << rows[1];

  const Outcome table = trend_of(
      kVShapeData, {"--sd", "total=4", "--retest-r", "total=0.8", "--format", "table", "--lang", "en"});
  ASSERT_EQ(table.status, 0) << table.err;
  EXPECT_NE(
      table.out.find("\nParameters: rupture = a drop of 1 SD from the previous session or the mean of the "
                     "last 3; repair = back within 3 sessions; reliable drop = RC below −1.96 from the "
                     "previous session.\n"),
      std::string::npos)
      << table.out;
  EXPECT_NE(table.out.find("\n  relationship (sum 0–10): reference SD none; test-retest r none\n"),
            std::string::npos)
      << table.out;
  EXPECT_NE(table.out.find("\n  total (sum 0–40): reference SD 4 (--sd total=4); test-retest r 0.8 "
                           "(--retest-r total=0.8)\n"),
            std::string::npos)
      << table.out;
}

TEST(TrendParameters, FrenchTableFooterAgrees) {
  const Outcome run =
      trend_of(kVShapeData, {"--sd", "total=4", "--rupture", "strict", "--format", "table", "--lang", "fr"});
  ASSERT_EQ(run.status, 0) << run.err;
  EXPECT_NE(run.out.find("\nParamètres\u00a0: rupture = une baisse de 2 écarts-types depuis la séance "
                         "précédente ou la moyenne des 3 dernières\u00a0;"),
            std::string::npos)
      << run.out;
  EXPECT_NE(run.out.find("\n  total (somme 0–40)\u00a0: écart-type de référence 4 (--sd total=4)\u00a0; "
                         "fidélité test-retest (aucune valeur)\n"),
            std::string::npos)
      << run.out;
}

TEST(TrendParameters, ImplausibleSdIsWarnedAboutNamingTheOption) {
  // One step of an SRS total is 0.1 (one line moved by 0.1); half its range 0-40 is 20.
  Outcome run = trend_of(kVShapeData, {"--sd", "total=0.05", "--format", "csv", "--lang", "en"});
  EXPECT_EQ(run.status, 0) << run.err;
  EXPECT_NE(
      run.err.find("warning: --sd total=0.05: an SD of 0.05 for total is less than one step (0.1) of its "
                   "score, a sum 0–40: every change of one step would count as a rupture. Is the SD on "
                   "this metric?\n"),
      std::string::npos)
      << run.err;
  run = trend_of(kVShapeData, {"--sd", "total=25", "--format", "csv", "--lang", "fr"});
  EXPECT_NE(run.err.find("--sd total=25\u00a0: un écart-type de 25 pour total dépasse la moitié de l’étendue "
                         "(20) de son score, une somme 0–40"),
            std::string::npos)
      << run.err;
  // 4 is plausible on 0-40: no warning.
  run = trend_of(kVShapeData, {"--sd", "total=4", "--format", "csv"});
  EXPECT_EQ(run.err.find("Is the SD on this metric"), std::string::npos) << run.err;
}

TEST(TrendParameters, ImplausibleSdFromNormsNamesTheFile) {
  // goals is the mean of two items on 1..5: one step is 0.5; a norm SD of 0.3 is less.
  const std::string dir = make_temp_dir();
  std::string definition = slurp(source_path("tests/data/trend/normed.json"));
  const std::string from = "\"sd\": 0.5";
  ASSERT_NE(definition.find(from), std::string::npos);
  definition.replace(definition.find(from), from.size(), "\"sd\": 0.3");
  const std::string path = dir + "/normed.json";
  std::ofstream(path) << definition;
  const Outcome run = run_alliance(
      {"trend", path, source_path("tests/data/trend/normed.ndjson"), "--format", "csv", "--lang", "en"});
  EXPECT_EQ(run.status, 0) << run.err;
  EXPECT_NE(run.err.find("warning: norms in " + path +
                         ": an SD of 0.3 for goals is less than one step (0.5) of its score, a mean 1–5"),
            std::string::npos)
      << run.err;
  std::filesystem::remove_all(dir);
}

TEST(TrendParameters, ASecondRuptureStaysVisible) {
  // Totals 30, 30, 30, 24, 30, 25; SD 2, strict (a drop of 4). Session 6: the window
  // (30, 24, 30) without session 4 (a rupture) has an own SD of 0, so the reference 2:
  // 30 - 25 = 5 >= 4. With 24 in the spread it would be sqrt(12) = 3.46 and 5 < 6.93.
  const Outcome run = trend_of("tests/data/trend/second-rupture.ndjson",
                               {"--sd", "total=2", "--rupture", "strict", "--format", "ndjson"});
  ASSERT_EQ(run.status, 0) << run.err;
  const auto rows = lines(run.out);
  ASSERT_EQ(rows.size(), 6u);
  const auto last = nlohmann::json::parse(rows[5]);
  EXPECT_EQ(last["scales"]["total"]["sd"], 2);
  EXPECT_EQ(last["scales"]["total"]["sd_source"], "reference");
  EXPECT_EQ(last["flags"], nlohmann::json({"total:below-band", "total:rupture"}));
}

TEST(TrendParameters, ReliableDropIsOneTestUnlessAsked) {
  // B by date: 40, 36, 35. The last: from the previous (35 - 36) / 2.5298 = -0.395; from the
  // first (35 - 40) / 2.5298 = -1.976 < -1.96. The default tests the previous session only.
  const std::vector<std::string> base{"--sd", "total=4", "--retest-r", "total=0.8", "--format", "ndjson"};
  Outcome run = trend_of(kVShapeData, base);
  ASSERT_EQ(run.status, 0) << run.err;
  EXPECT_EQ(nlohmann::json::parse(lines(run.out).at(8))["flags"], nlohmann::json({"total:below-band"}));
  for (const char* from : {"first", "both"}) {
    std::vector<std::string> args = base;
    args.insert(args.end(), {"--reliable-from", from});
    run = trend_of(kVShapeData, args);
    ASSERT_EQ(run.status, 0) << run.err;
    EXPECT_EQ(nlohmann::json::parse(lines(run.out).at(8))["flags"],
              nlohmann::json({"total:below-band", "total:reliable-drop"}))
        << from;
  }
}

TEST(TrendTable, InputOrderSeriesIsLabelledAndNamesPositions) {
  const Outcome run = trend_of(kEdges, {"--format", "table", "--lang", "en"});
  ASSERT_EQ(run.status, 0) << run.err;
  EXPECT_NE(run.out.find("M, 3 sessions in input order, no session numbers (#n = position)\n"),
            std::string::npos)
      << run.out;
  EXPECT_EQ(run.out.find("sessions 2–1"), std::string::npos) << run.out;
  // The third (session 1, total 28) is below the band: named by its position.
  const std::string total = table_row(run.out, "M", "Total");
  EXPECT_TRUE(total.ends_with("below band #3")) << total;
  EXPECT_NE(total.find("▇▇▆"), std::string::npos) << total;
}

TEST(TrendTable, DuplicatedSessionListedOnceGapsShownMetricSaid) {
  const Outcome run = trend_of(kEdges, {"--format", "table", "--lang", "en"});
  ASSERT_EQ(run.status, 0) << run.err;
  EXPECT_NE(run.out.find("\nD, sessions 1–2 (3 responses)\n"), std::string::npos) << run.out;
  const std::string d = table_row(run.out, "D", "Total");
  EXPECT_TRUE(d.ends_with("below band 1, 2")) << d;
  EXPECT_NE(d.find("sum 0–40  ▆▆ "), std::string::npos) << d;
  EXPECT_NE(run.err.find("D: same session number as"), std::string::npos) << run.err;
  // G: sessions 1, 2, 5, 10: two missing numbers as two blanks, four as one ….
  EXPECT_NE(run.out.find("\nG, sessions 1–10 (4 responses)\n"), std::string::npos) << run.out;
  EXPECT_NE(table_row(run.out, "G", "Total").find("▇▇  ▇…▇"), std::string::npos) << run.out;
  // Subscales are sums of one 0-10 line.
  EXPECT_NE(table_row(run.out, "G", "Relationship").find("sum 0–10"), std::string::npos) << run.out;
}

TEST(TrendTable, SameValueSameGlyphOnTheScalesRange) {
  const Outcome run = trend_of(kEdges, {"--format", "table", "--lang", "en"});
  ASSERT_EQ(run.status, 0) << run.err;
  // F flat at 20, H 36 then 20, G flat at 36: 20 is ▅ and 36 is ▇ wherever they are.
  EXPECT_NE(table_row(run.out, "F", "Total").find("▅▅ "), std::string::npos) << run.out;
  EXPECT_NE(table_row(run.out, "H", "Total").find("▇▅ "), std::string::npos) << run.out;
  EXPECT_NE(table_row(run.out, "G", "Total").find("▇▇  ▇"), std::string::npos) << run.out;
}

TEST(TrendStreaming, GroupedInputStreamsWithTheSameOutput) {
  // edges.ndjson is grouped by respondent: holding one session or the default gives the same bytes.
  const Outcome held = trend_of(kEdges, {"--format", "csv"});
  const Outcome streamed = trend_of(kEdges, {"--format", "csv", "--hold", "1"});
  ASSERT_EQ(held.status, 0) << held.err;
  ASSERT_EQ(streamed.status, 0) << streamed.err;
  EXPECT_EQ(streamed.out, held.out);
  EXPECT_EQ(lines(streamed.out).size(), 15u);  // header + 14 responses
}

TEST(TrendStreaming, UngroupedInputBeyondHoldIsRefusedWithAWayOut) {
  // v-shape.ndjson: A (lines 1-3), B (line 4), A again (line 5). With --hold 2 trend streams
  // from line 3 on, has written A when B starts, and cannot take A back at line 5.
  const Outcome run = trend_of(kVShapeData, {"--format", "csv", "--hold", "2", "--lang", "en"});
  EXPECT_EQ(run.status, 1);
  EXPECT_NE(run.err.find(kVShapeData +
                         ":5: A's responses start again here after other respondents', and there are more "
                         "than 2 sessions to hold to put them back together: sort the lines by respondent, "
                         "or raise --hold"),
            std::string::npos)
      << run.err;
  // Within the default hold the same input is put together: 9 sessions.
  const Outcome held = trend_of(kVShapeData, {"--format", "csv"});
  EXPECT_EQ(held.status, 0) << held.err;
  EXPECT_EQ(lines(held.out).size(), 10u);
}

TEST(TrendStreaming, NoProgressLineInAPipe) {
  std::string input;
  for (int i = 1; i <= 3000; ++i)
    input += "{\"respondent\":\"P\",\"session\":" + std::to_string(i) +
             ",\"answers\":{\"1\":9,\"2\":9,\"3\":9,\"4\":9}}\n";
  const Outcome run = run_alliance({"trend", "srs", "--format", "csv", "--latest"},
                                   {.input = input, .env = {{"ALLIANCE_PROGRESS_AFTER", "0"}}});
  ASSERT_EQ(run.status, 0) << run.err;
  EXPECT_EQ(run.err.find("read…"), std::string::npos) << run.err;
  EXPECT_EQ(run.err.find('\r'), std::string::npos) << run.err;
}

}  // namespace
}  // namespace alliance::testing
