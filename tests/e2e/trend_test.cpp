// alliance trend end to end: ordering, formats, flags, --latest, --fail-on,
// French table, invalid rows. Expected values are worked out by hand.
//
// tests/data/trend/v-shape.ndjson (SRS, four 0-10 lines, total = their sum):
//   A, sessions given out of order 4,1,2,3,6,5; in order the totals are
//     36 (s1, line 2), 37 (s2, line 3), 37 (s3, line 5), 28 (s4, line 1), 33 (s5, line 7), 37 (s6, line 6).
//   B, dates only, given 10-13 (36), 10-06 (40, every line at 10), 10-20 (35).
// With --sd total=4 --retest-r total=0.8 the RC denominator is 4 * sqrt(2) * sqrt(0.2) = 4 * sqrt(0.4)
// = 2.5298221281347035.
#include <gtest/gtest.h>

#include <cmath>
#include <nlohmann/json.hpp>
#include <sstream>

#include "process.hpp"

namespace alliance::testing {
namespace {

using Outcome = alliance::testing::Run;

const std::string kVShape = "tests/data/trend/v-shape.ndjson";

Outcome trend(std::vector<std::string> extra) {
  std::vector<std::string> args{"trend", "srs", kVShape, "--sd", "total=4", "--retest-r", "total=0.8"};
  args.insert(args.end(), extra.begin(), extra.end());
  return run_alliance(args, {.cwd = source_path("")});
}

TEST(TrendCommand, JsonRecordsInSessionOrderWithFlags) {
  const Outcome run = trend({"--format", "json"});
  ASSERT_EQ(run.status, 0) << run.err;
  const auto doc = nlohmann::json::parse(run.out);
  const auto& records = doc["sessions"];
  ASSERT_EQ(records.size(), 9u);
  // A first (first seen), sessions 1..6; then B by date.
  for (std::size_t i = 0; i < 6; ++i) {
    EXPECT_EQ(records[i]["respondent"], "A");
    EXPECT_EQ(records[i]["session"], i + 1);
    EXPECT_EQ(records[i]["position"], i + 1);
  }
  EXPECT_EQ(records[0]["source"], kVShape + ":2");
  const auto& s4 = records[3];
  EXPECT_EQ(s4["source"], kVShape + ":1");
  const auto& total = s4["scales"]["total"];
  EXPECT_EQ(total["score"], 28);
  EXPECT_EQ(total["change_previous"], -9);  // 28 - 37
  EXPECT_EQ(total["change_first"], -8);     // 28 - 36
  // -9 / 2.5298221281347035 = -3.5575623676894...; -8 / 2.5298... = -3.1622776601683...
  EXPECT_NEAR(total["rc_previous"].get<double>(), -3.5575623676894, 1e-9);
  EXPECT_NEAR(total["rc_first"].get<double>(), -3.1622776601683795, 1e-9);
  // Baseline mean(36, 37, 37) = 36.667; own SD sqrt(1/3) < 4: SD 4; 37 - 28 = 9 >= 4.
  EXPECT_EQ(total["sd"], 4);
  EXPECT_EQ(total["repair_level"], 37);
  EXPECT_EQ(s4["flags"], nlohmann::json({"total:below-band", "total:reliable-drop", "total:rupture"}));
  // Subscales: no reference SD, so no RC and no rupture.
  EXPECT_TRUE(s4["scales"]["relationship"]["rc_previous"].is_null());
  EXPECT_TRUE(s4["scales"]["relationship"]["sd"].is_null());
  EXPECT_EQ(records[4]["flags"], nlohmann::json({"total:below-band"}));  // 33, not yet back to 37
  EXPECT_EQ(records[5]["flags"], nlohmann::json({"total:repair"}));      // 37 >= 37, two sessions on
  // B by date: 10-06 (40: ceiling everywhere), 10-13 (36: 40 - 36 = 4 >= 4, rupture),
  // 10-20 (35: below band; RC from the previous (35 - 36) / 2.5298 = -0.395: no reliable drop, which
  // tests the previous session only; from the first it would be -1.976: trend_parameters_test.cpp).
  EXPECT_EQ(records[6]["date"], "2026-10-06");
  EXPECT_TRUE(records[6]["session"].is_null());
  EXPECT_EQ(records[6]["scales"]["total"]["flags"], nlohmann::json({"ceiling"}));
  EXPECT_EQ(records[7]["date"], "2026-10-13");
  EXPECT_EQ(records[7]["flags"], nlohmann::json({"total:rupture"}));
  EXPECT_EQ(records[8]["flags"], nlohmann::json({"total:below-band"}));
}

TEST(TrendCommand, CsvAndTsvColumns) {
  const Outcome csv = trend({"--format", "csv"});
  ASSERT_EQ(csv.status, 0) << csv.err;
  const auto rows = lines(csv.out);
  ASSERT_EQ(rows.size(), 10u);
  std::string header = "respondent,session,date,position,tied,source";
  for (const char* scale : {"relationship", "goals", "approach", "overall", "total"})
    for (const char* suffix : {"", "_change_previous", "_change_first", "_rc_previous", "_rc_first",
                               "_baseline", "_sd", "_repair_level", "_flags", "_low_items", "_sd_source",
                               "_reference_sd", "_reference_sd_from", "_retest_r", "_retest_r_from"})
      header += std::string(",") + scale + suffix;
  EXPECT_EQ(rows[0], header +
                         ",flags,rupture_k,baseline_sessions,repair_within,reliable_z,reliable_from,low_item,"
                         "norms_file,questionnaire,questionnaire_version,definition_hash,alliance_version");
  // A session 1: relationship 9 ... total 36; no change, baseline or SD yet; no flags, no low item.
  // Each scale's parameters: no SD used yet, the reference SD and r (the total's from the options).
  // Then the run's: k 1, baseline 3, repair within 3, z 1.96, from the previous session, low item 0.
  const std::string provenance = ",1,3,3,1.96,previous,0,NA,srs,1.0.0," + bundled_hash("srs") + ",0.1.0";
  const std::string subscale = "9,NA,NA,NA,NA,NA,NA,NA,,,NA,NA,NA,NA,NA,";
  EXPECT_EQ(rows[1], "A,1,NA,1,FALSE," + kVShape + ":2," + subscale + subscale + subscale + subscale +
                         "36,NA,NA,NA,NA,NA,NA,NA,,,NA,4,option,0.8,option," + provenance);
  // A session 6: relationship 9.5 (from 8: +1.5, from 9: +0.5), ... total 37 (+4, +1),
  // RC (37 - 33) / 2.5298 and (37 - 36) / 2.5298, flag repair.
  EXPECT_TRUE(rows[6].starts_with("A,6,NA,6,FALSE," + kVShape + ":6,9.5,1.5,0.5,NA,NA,")) << rows[6];
  EXPECT_TRUE(rows[6].ends_with(",total:repair" + provenance)) << rows[6];
  EXPECT_NE(rows[6].find(",37,4,1,"), std::string::npos) << rows[6];
  // The RC stands where the unit tests say: 4 / 2.5298 = 1.5811388300841895...
  EXPECT_NE(rows[6].find(",1.581138830084"), std::string::npos) << rows[6];
  // Session 4: the total (28) is in the concern band, so no low item is flagged besides.
  EXPECT_TRUE(
      rows[4].ends_with(",below-band;reliable-drop;rupture,,reference,4,option,0.8,option,total:below-band;"
                        "total:reliable-drop;total:rupture" +
                        provenance))
      << rows[4];

  const Outcome tsv = trend({"--format", "tsv"});
  ASSERT_EQ(tsv.status, 0) << tsv.err;
  EXPECT_TRUE(
      lines(tsv.out)[0].starts_with("respondent\tsession\tdate\tposition\ttied\tsource\trelationship\t"));
}

TEST(TrendCommand, FailOnGivesExitFour) {
  Outcome run = trend({"--format", "csv", "--fail-on", "rupture"});
  EXPECT_EQ(run.status, 4);
  EXPECT_NE(run.err.find(kVShape + ":1: rupture: A session 4: total = 28\n"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find(kVShape + ":4: rupture: B 2026-10-13: total = 36\n"), std::string::npos) << run.err;
  // Nothing listed is raised: 0.
  run = trend({"--format", "csv", "--fail-on", "low-item"});
  EXPECT_EQ(run.status, 0) << run.err;
  // Unknown flag: a usage error with a suggestion.
  run = trend({"--fail-on", "rupture,repairs"});
  EXPECT_EQ(run.status, 2);
  EXPECT_NE(run.err.find("did you mean 'repair'"), std::string::npos) << run.err;
}

TEST(TrendCommand, LatestRestrictsRecordsAndAlerts) {
  // Latest sessions: A s6 (repair), B 10-20 (below band, reliable drop).
  Outcome run = trend({"--format", "ndjson", "--latest", "--fail-on", "rupture"});
  EXPECT_EQ(run.status, 0) << run.err;  // the ruptures were in earlier sessions
  const auto rows = lines(run.out);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(nlohmann::json::parse(rows[0])["session"], 6);
  EXPECT_EQ(nlohmann::json::parse(rows[1])["date"], "2026-10-20");
  run = trend({"--format", "ndjson", "--latest", "--fail-on", "repair,below-band"});
  EXPECT_EQ(run.status, 4);
}

TEST(TrendCommand, ResponsesWithoutAnIdAreLabelledInTheTablesLanguage) {
  const std::string input = "{\"answers\":{\"1\":9,\"2\":9,\"3\":9,\"4\":9}}\n";
  const Outcome fr = run_alliance({"trend", "srs", "--format", "table", "--lang", "fr"}, {.input = input});
  ASSERT_EQ(fr.status, 0) << fr.err;
  EXPECT_EQ(lines(fr.out)[0], "(sans identifiant), 1 séance");
  const Outcome en = run_alliance({"trend", "srs", "--format", "table", "--lang", "en"}, {.input = input});
  EXPECT_EQ(lines(en.out)[0].rfind("(no respondent id), ", 0), 0u) << en.out;
}

TEST(TrendCommand, FrenchTable) {
  const Outcome run = trend({"--format", "table", "--lang", "fr"});
  ASSERT_EQ(run.status, 0) << run.err;
  const auto rows = lines(run.out);
  ASSERT_GE(rows.size(), 8u);
  EXPECT_EQ(rows[0], "A, séances 1–6");
  EXPECT_TRUE(rows[1].starts_with("ÉCHELLE")) << rows[1];
  EXPECT_NE(rows[1].find("SIGNAUX (SÉANCES)"), std::string::npos);
  EXPECT_NE(rows[1].find("MESURE"), std::string::npos) << rows[1];
  // Totals 36 37 37 28 33 37 on the total's range 0..40: x / 40 * 7 rounded =
  // 6.3 -> 6, 6.475 -> 6, 6, 4.9 -> 5, 5.775 -> 6, 6: ▇ ▇ ▇ ▆ ▇ ▇. Latest 37, change +4.
  EXPECT_TRUE(rows[6].starts_with("Total")) << rows[6];
  EXPECT_NE(rows[6].find("somme 0–40  ▇▇▇▆▇▇ "), std::string::npos) << rows[6];
  EXPECT_NE(rows[6].find(" 37,00 "), std::string::npos) << rows[6];
  EXPECT_NE(rows[6].find(" +4,00 "), std::string::npos) << rows[6];
  EXPECT_TRUE(rows[6].ends_with("sous le seuil 4, 5; baisse fiable 4; rupture 4; réparation 6")) << rows[6];
  EXPECT_NE(
      run.out.find("Pas d’indice de changement fiable pour relationship, goals, approach, overall\u00a0: pas "
                   "d’écart-type de référence (--sd)."),
      std::string::npos)
      << run.out;
}

TEST(TrendCommand, InvalidRowIsReportedAndTheRestProcessed) {
  const Outcome run = run_alliance({"trend", "srs", "tests/data/trend/with-invalid.csv", "--format", "csv"},
                                   {.cwd = source_path("")});
  EXPECT_EQ(run.status, 1);
  EXPECT_NE(run.err.find("tests/data/trend/with-invalid.csv:4: item 1 = 12 is outside the scale 0..10"),
            std::string::npos)
      << run.err;
  EXPECT_NE(run.err.find("1 of 4 responses is invalid"), std::string::npos);
  // Neither SD nor r: said, not guessed.
  EXPECT_NE(run.err.find("no reference SD"), std::string::npos);
  const auto rows = lines(run.out);
  ASSERT_EQ(rows.size(), 4u);  // header + sessions 1, 2, 4
  // Session 4 follows session 2: relationship 7 - 9.5 = -2.5, from the first 7 - 9 = -2.
  // No baseline at the third position (3 earlier sessions needed), no SD, no repair level.
  EXPECT_TRUE(
      rows[3].starts_with("A,4,NA,3,FALSE,tests/data/trend/with-invalid.csv:5,7,-2.5,-2,NA,NA,NA,NA,NA,,"))
      << rows[3];
}

TEST(TrendCommand, TiedSessionsWarnAndKeepInputOrder) {
  const Outcome run = run_alliance({"trend", "srs", "tests/data/trend/tie.ndjson", "--format", "csv"},
                                   {.cwd = source_path("")});
  EXPECT_EQ(run.status, 0);
  EXPECT_NE(
      run.err.find("tests/data/trend/tie.ndjson:3: T: same session number as tests/data/trend/tie.ndjson:2"),
      std::string::npos)
      << run.err;
  const auto rows = lines(run.out);
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_NE(rows[3].find(",32,-4,-4,"), std::string::npos) << rows[3];  // 32 after 36
}

TEST(TrendCommand, BadReferenceValuesAreUsageErrors) {
  EXPECT_EQ(trend({"--sd", "total=0"}).status, 2);
  EXPECT_EQ(trend({"--retest-r", "total=1"}).status, 2);
  const Outcome run = trend({"--sd", "bnd=1"});
  EXPECT_EQ(run.status, 2);
  EXPECT_NE(run.err.find("--sd 'bnd=1': srs has no subscale 'bnd'"), std::string::npos) << run.err;
}

TEST(TrendCommand, LatestTableShowsOnlyTheLatestFlags) {
  const Outcome run = trend({"--format", "table", "--lang", "en", "--latest"});
  ASSERT_EQ(run.status, 0) << run.err;
  const auto rows = lines(run.out);
  ASSERT_GE(rows.size(), 7u);
  // A's rupture was at session 4; its latest session (6) only repairs it. The sparkline keeps every session.
  EXPECT_NE(rows[6].find("▇▇▇▆▇▇ "), std::string::npos) << rows[6];
  EXPECT_TRUE(rows[6].ends_with("  repair 6")) << rows[6];
}

// tests/data/trend/normed.json carries (made-up) norms: goals SD 0.5, r 0.75; total SD 0.6,
// r 0.84; none for bond. normed.ndjson: every answer 4, then every answer 3.
TEST(TrendCommand, ReferenceValuesFromTheDefinitionsNormsOrFlags) {
  const std::vector<std::string> base{"trend", "tests/data/trend/normed.json",
                                      "tests/data/trend/normed.ndjson", "--format", "ndjson"};
  Outcome run = run_alliance(base, {.cwd = source_path("")});
  ASSERT_EQ(run.status, 0) << run.err;
  auto last = nlohmann::json::parse(lines(run.out).at(1));
  // goals: (3 - 4) / (0.5 * sqrt(2) * sqrt(0.25)) = -1 / (0.25 * sqrt(2)) = -2 * sqrt(2) =
  // -2.8284271247461903
  EXPECT_NEAR(last["scales"]["goals"]["rc_previous"].get<double>(), -2.8284271247461903, 1e-12);
  // total: -1 / (0.6 * sqrt(2) * 0.4) = -1 / (0.24 * sqrt(2)) = -2.9462782549439482
  EXPECT_NEAR(last["scales"]["total"]["rc_previous"].get<double>(), -2.9462782549439482, 1e-12);
  EXPECT_TRUE(last["scales"]["bond"]["rc_previous"].is_null());
  EXPECT_NE(run.err.find("note: No reliable change index for bond: no reference SD (--sd)."),
            std::string::npos)
      << run.err;
  // A drop of 1 >= 0.5 (goals) and >= 0.6 (total): ruptures; bond has no reference SD: none.
  EXPECT_EQ(last["flags"],
            nlohmann::json({"goals:reliable-drop", "goals:rupture", "total:reliable-drop", "total:rupture"}));
  // --sd wins over the norm: goals (3 - 4) / (1 * sqrt(2) * 0.5) = -sqrt(2) = -1.4142: not reliable,
  // and a drop of 1 >= 1 is still a rupture. --retest-r alone for bond: still no SD.
  std::vector<std::string> args = base;
  for (const char* extra : {"--sd", "goals=1", "--retest-r", "bond=0.9"}) args.emplace_back(extra);
  run = run_alliance(args, {.cwd = source_path("")});
  ASSERT_EQ(run.status, 0) << run.err;
  last = nlohmann::json::parse(lines(run.out).at(1));
  EXPECT_NEAR(last["scales"]["goals"]["rc_previous"].get<double>(), -1.4142135623730951, 1e-12);
  EXPECT_EQ(last["scales"]["goals"]["flags"], nlohmann::json({"rupture"}));
  EXPECT_TRUE(last["scales"]["bond"]["rc_previous"].is_null());
}

}  // namespace
}  // namespace alliance::testing
