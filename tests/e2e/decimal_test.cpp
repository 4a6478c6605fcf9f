// Exact decimals end to end (docs/definition-format.md, "Exact decimals"):
// a score that is mathematically 36 is 36 in every output, decision and exit
// code. Expected values are worked out by hand in the comments; on main's
// binary (doubles added in turn) each of these tests fails.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>

#include "process.hpp"

namespace alliance::testing {
namespace {

using Outcome = alliance::testing::Run;  // gtest's Test::Run would hide the name

// SRS totals: 8.6 + 9.7 + 9.9 + 7.8 = 360 tenths = 36, exactly the cut-off
// (added as doubles: 35.99999999999999); 9.5 + 9.2 + 9.1 + 9.4 = 372 tenths
// = 37.2 (as doubles: 37.199999999999996).
const std::string kSrs = "respondent,1,2,3,4\nA,8.6,9.7,9.9,7.8\nB,9.5,9.2,9.1,9.4\n";

TEST(Decimal, ScoresPrintAsTheDecimalTheyAre) {
  const Outcome run =
      run_alliance({"score", "srs", "-", "--output-columns", "respondent,total,total_band"}, {.input = kSrs});
  ASSERT_EQ(run.status, 0) << run.err;
  EXPECT_EQ(run.out, "respondent,total,total_band\nA,36,Good alliance\nB,37.2,Good alliance\n");
  const Outcome json = run_alliance({"score", "srs", "-", "--format", "ndjson"}, {.input = kSrs});
  ASSERT_EQ(json.status, 0) << json.err;
  const auto rows = lines(json.out);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_NE(
      rows[0].find(
          R"("total":{"score":36,"answered":4,"missing":0,"status":"ok","possible_low":null,"possible_high":null,"band":"Good alliance","band_settled":true})"),
      std::string::npos)
      << rows[0];
  EXPECT_NE(rows[1].find(R"("total":{"score":37.2,)"), std::string::npos) << rows[1];
}

TEST(Decimal, TheCutOffIsNotCrossedByRoundingError) {
  // --fail-below total=36: 36 is not below 36, so no alert and exit 0.
  const Outcome at = run_alliance({"score", "srs", "-", "--fail-below", "total=36"}, {.input = kSrs});
  EXPECT_EQ(at.status, 0);
  EXPECT_EQ(at.err, "");
  // Just above the score: an alert that prints the exact score.
  const Outcome above = run_alliance(
      {"score", "srs", "-", "--fail-below", "total=36.1", "--output-columns", "total"}, {.input = kSrs});
  EXPECT_EQ(above.status, 4);
  EXPECT_EQ(above.err, "<stdin>:2: below threshold: A: total = 36 < 36.1\n");
  // The table and its band agree with the machine output.
  const Outcome table = run_alliance({"score", "srs", "-", "--format", "table"}, {.input = kSrs});
  ASSERT_EQ(table.status, 0) << table.err;
  EXPECT_NE(table.out.find("7.80            36.00 Good alliance\n"), std::string::npos) << table.out;
}

// --precision rounds each score from its exact value, in every format.
// examples/gtb-12-batch.csv's first row, C001: 4,4,3,5,4,3,–,2,2,4,4,– for
// items 1-12. goals (items 1, 4, 7, 10) = (4 + 5 + 4) / 3 = 13/3; bond (3, 6,
// 9, 12) = (3 + 3 + 2) / 3 = 8/3; total = the mean of the 10 answers, item 8
// reverse keyed (2 -> 4): 37/10. On main: 4.33333333333333304,
// 2.66666666666666652, 3.70000000000000018 — the binary values.
TEST(Decimal, PrecisionRoundsTheExactScore) {
  const std::string exact[] = {"4.33333333333333333", "2.66666666666666667", "3.70000000000000000"};
  for (const char* format : {"table", "csv", "tsv", "ndjson", "json"}) {
    const Outcome run = run_alliance({"score", "gtb-12", source_path("examples/gtb-12-batch.csv"),
                                      "--precision", "17", "--format", format});
    ASSERT_EQ(run.status, 0) << format << ": " << run.err;
    for (const std::string& value : exact)
      EXPECT_NE(run.out.find(value), std::string::npos) << format << run.out;
    EXPECT_EQ(run.out.find("00018"), std::string::npos) << format << run.out;
  }
  // The SRS total 36 at 3 decimals, and 37.2 at 17.
  const Outcome srs = run_alliance(
      {"score", "srs", "-", "--output-columns", "respondent,total", "--precision", "17"}, {.input = kSrs});
  ASSERT_EQ(srs.status, 0) << srs.err;
  EXPECT_EQ(srs.out, "respondent,total\nA,36.00000000000000000\nB,37.20000000000000000\n");
}

TEST(Decimal, ExplainPrintsTheExactSum) {
  const Outcome run = run_alliance({"score", "srs", "-", "--explain"}, {.input = kSrs});
  ASSERT_EQ(run.status, 0) << run.err;
  EXPECT_NE(run.out.find("total, of items: 4 of 4 answered (at least 4 needed); sum = 36\n"),
            std::string::npos)
      << run.out;
  EXPECT_NE(run.out.find("sum = 37.2\n"), std::string::npos) << run.out;
}

TEST(Decimal, TrendChangesAndDecisionsAreExact) {
  // Totals 36 (8.6 9.7 9.9 7.8), 36 (9 9 9 9), 37.2 (9.5 9.2 9.1 9.4):
  // changes from the previous 0 and 1.2 (as doubles: 7.105427357601002e-15 and 1.1999999999999957);
  // no session is below the band (as doubles, session 1 was: exit 4 with --fail-on below-band).
  const std::string input =
      "respondent,session,1,2,3,4\nA,1,8.6,9.7,9.9,7.8\nA,2,9,9,9,9\nA,3,9.5,9.2,9.1,9.4\n";
  const Outcome csv =
      run_alliance({"trend", "srs", "-", "--format", "csv", "--fail-on", "below-band"}, {.input = input});
  EXPECT_EQ(csv.status, 0) << csv.err;
  const auto rows = lines(csv.out);
  ASSERT_EQ(rows.size(), 4u);
  auto cells = [](const std::string& row) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (true) {
      const std::size_t comma = row.find(',', start);
      out.push_back(row.substr(start, comma - start));
      if (comma == std::string::npos) return out;
      start = comma + 1;
    }
  };
  const auto header = cells(rows[0]);
  const auto column = [&](const std::string& name) {
    const auto at = std::find(header.begin(), header.end(), name);
    EXPECT_NE(at, header.end()) << name;
    return static_cast<std::size_t>(at - header.begin());
  };
  const std::size_t total = column("total"), previous = column("total_change_previous"),
                    first_change = column("total_change_first"), flags = column("total_flags");
  const auto first = cells(rows[1]);
  const auto second = cells(rows[2]);
  const auto third = cells(rows[3]);
  EXPECT_EQ(first[total], "36");
  EXPECT_EQ(first[flags], "");  // total_flags: not below-band
  EXPECT_EQ(second[previous], "0");
  EXPECT_EQ(second[first_change], "0");
  EXPECT_EQ(third[total], "37.2");
  EXPECT_EQ(third[previous], "1.2");
  EXPECT_EQ(third[first_change], "1.2");
}

TEST(Decimal, AReliableChangeOfExactlyMinusZIsNotADrop) {
  // Totals 29.7 (9.5 6.3 5.0 8.9) then 24.8 (1.0 5.8 9.9 8.1): a change of -4.9.
  // With SD 5 and r 0.875: RC = -4.9 / (5 sqrt(2) sqrt(0.125)) = -4.9 / 2.5 = -1.96 exactly,
  // not below -1.96 (as doubles: -1.960000000000002, a reliable drop, exit 4).
  const std::string input = "respondent,session,1,2,3,4\nA,1,9.5,6.3,5.0,8.9\nA,2,1.0,5.8,9.9,8.1\n";
  const Outcome run = run_alliance({"trend", "srs", "-", "--sd", "total=5", "--retest-r", "total=0.875",
                                    "--fail-on", "reliable-drop", "--format", "json"},
                                   {.input = input});
  EXPECT_EQ(run.status, 0) << run.err;
  const auto doc = nlohmann::json::parse(run.out)["sessions"];
  ASSERT_EQ(doc.size(), 2u);
  const auto& total = doc[1]["scales"]["total"];
  EXPECT_EQ(total["change_previous"], -4.9) << total;
  EXPECT_EQ(total["rc_previous"], -1.96) << total;
  EXPECT_EQ(total["flags"], nlohmann::json::array({"below-band"})) << total;
}

TEST(Decimal, AnAnswerBetweenTheStepsIsRefusedWithItsLocation) {
  const Outcome run = run_alliance({"score", "srs", "-", "--output-columns", "respondent,status,total"},
                                   {.input = "respondent,1,2,3,4\nA,8.65,9.7,9.9,7.8\nB,9,9,9,9\n"});
  EXPECT_EQ(run.status, 1);
  EXPECT_EQ(run.out, "respondent,status,total\nA,invalid,NA\nB,ok,36\n");
  EXPECT_EQ(
      run.err,
      "<stdin>:2: item 1 = 8.65 is not a step of the scale 0..10, which records answers to 0.1 (round the "
      "answer, or use a definition with a finer precision)\n"
      "alliance: 1 of 2 responses is invalid\n");
}

// A made-up definition: three items on 1..5 with weights 0.1, 0.2 and 0.7, a weighted mean.
std::string weighted_definition(const std::string& third_weight) {
  return R"({"format": "alliance/1", "id": "weighted", "version": "1.0.0", "family": "weighted",
  "form": "client", "languages": [], "title": {"en": "Weighted"},
  "source": {"citation": "Test data", "licence": "CC0", "validated": false},
  "scale": {"type": "integer", "min": 1, "max": 5},
  "subscales": [{"id": "s", "title": {"en": "S"}, "method": "mean"}],
  "items": [{"id": "1", "subscale": "s", "weight": 0.1}, {"id": "2", "subscale": "s", "weight": 0.2},
            {"id": "3", "subscale": "s", "weight": )" +
         third_weight + R"(}],
  "total": null})";
}

TEST(Decimal, DecimalWeightsFromAFile) {
  const std::string dir = make_temp_dir();
  std::ofstream(dir + "/weighted.json") << weighted_definition("0.7");
  // (0.1 * 1 + 0.2 * 4 + 0.7 * 4) / (0.1 + 0.2 + 0.7) = (0.1 + 0.8 + 2.8) / 1 = 3.7
  // (as doubles: 3.6999999999999997).
  const Outcome run = run_alliance({"score", dir + "/weighted.json", "-", "--output-columns", "respondent,s"},
                                   {.input = "respondent,1,2,3\nA,1,4,4\n"});
  ASSERT_EQ(run.status, 0) << run.err;
  EXPECT_EQ(run.out, "respondent,s\nA,3.7\n");
  // A weight with more decimals than exact scoring holds is refused where it is written.
  std::ofstream(dir + "/third.json") << weighted_definition("0.3333333333333333");
  const Outcome third = run_alliance({"validate", dir + "/third.json", "--format", "table"});
  EXPECT_EQ(third.status, 1);
  EXPECT_NE(
      third.out.find("/items/2/weight: expected at most 6 decimal places, got 0.3333333333333333 (scores are "
                     "computed in exact decimals: round it)"),
      std::string::npos)
      << third.out << third.err;
}

}  // namespace
}  // namespace alliance::testing
