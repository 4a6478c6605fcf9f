// alliance score end to end: files and stdin in, every format out, exit codes.
// Expected scores are worked out by hand in the comments.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "process.hpp"

namespace alliance::testing {
namespace {

using Outcome = alliance::testing::Run;

TEST(Score, OneResponseDocumentAsCsv) {
  const Outcome run = run_alliance({"score", "gtb-12", "examples/gtb-12-response.json", "--format", "csv"},
                                   {.cwd = source_path("")});
  ASSERT_EQ(run.status, 0) << run.err;
  const auto rows = lines(run.out);
  ASSERT_EQ(rows.size(), 2u);
  // goals 4,4,(6-2),5 = 17/4; tasks 4,3,(6-1),3 = 15/4; bond 5,5,4,(6-1) = 19/4; total 51/12.
  // Nothing missing: no possible range (NA NA after each status).
  EXPECT_EQ(
      rows[1].rfind("P017,3,client,2026-11-24,fr,ok,4.25,4,0,ok,NA,NA,3.75,4,0,ok,NA,NA,4.75,4,0,ok,NA,NA,"
                    "4.25,12,0,ok,NA,NA,,examples/gtb-12-response.json:1,gtb-12,1.0.0,fnv1a64:",
                    0),
      0u)
      << rows[1];
  EXPECT_TRUE(rows[1].ends_with(",0.1.0"));
}

TEST(Score, NdjsonFromStdinToNdjson) {
  const std::string input =
      "{\"respondent\":\"A\",\"session\":1,\"answers\":{\"1\":5,\"2\":5,\"3\":5,\"4\":5,\"5\":5,\"6\":5,"
      "\"7\":1,\"8\":1,"
      "\"9\":5,\"10\":5,\"11\":5,\"12\":1}}\n"
      "{\"respondent\":\"B\",\"session\":2,\"answers\":{\"1\":5,\"2\":null,\"5\":3}}\n";
  const Outcome run = run_alliance({"score", "gtb-12", "-", "--format", "ndjson"}, {.input = input});
  ASSERT_EQ(run.status, 0) << run.err;
  const auto rows = lines(run.out);
  ASSERT_EQ(rows.size(), 2u);
  const auto a = nlohmann::json::parse(rows[0]);
  EXPECT_EQ(a["status"], "ok");
  EXPECT_EQ(a["scores"]["total"]["score"], 5);  // every keyed answer is 5
  const auto b = nlohmann::json::parse(rows[1]);
  EXPECT_EQ(b["status"], "insufficient");
  EXPECT_TRUE(b["scores"]["goals"]["score"].is_null());
  EXPECT_EQ(b["scores"]["goals"]["status"], "insufficient");
  EXPECT_EQ(b["scores"]["goals"]["answered"], 1);
  EXPECT_EQ(b["source"], "<stdin>:2");
}

TEST(Score, SurveyExportWithItsOwnColumnNames) {
  const Outcome run = run_alliance({"score", "wai-sr", "examples/qualtrics-wai-sr.csv", "--columns",
                                    "WAI_{id}", "--skip-rows", "2", "--format", "json"},
                                   {.cwd = source_path("")});
  EXPECT_EQ(run.status, 1);  // one row has an answer off the scale
  EXPECT_EQ(run.err,
            "examples/qualtrics-wai-sr.csv:7: item 6 = 6 is outside the scale 1..5\n"
            "alliance: 1 of 4 responses is invalid\n");
  const auto doc = nlohmann::json::parse(run.out)["responses"];
  ASSERT_EQ(doc.size(), 4u);
  // Row 1: goal 4,6,8,11 = 3+4+4+4; task 1,2,10,12 = 4+4+3+4; bond 3,5,7,9 = 5+5+5+5.
  EXPECT_EQ(doc[0]["respondent"], "R_1a2B3c4D5e6F7g8");
  EXPECT_EQ(doc[0]["session"], 4);
  EXPECT_EQ(doc[0]["scores"]["goal"]["score"], 15);
  EXPECT_EQ(doc[0]["scores"]["task"]["score"], 15);
  EXPECT_EQ(doc[0]["scores"]["bond"]["score"], 20);
  EXPECT_EQ(doc[0]["scores"]["total"]["score"], 50);
  // Row 2: items 6 and 11 (both goal) unanswered: goal insufficient, and so the total;
  // task 2+3+2+3 = 10; bond 4+2+4+4... (3: 4, 5: 3, 7: 4, 9: 4) = 15.
  EXPECT_EQ(doc[1]["scores"]["goal"]["status"], "insufficient");
  EXPECT_EQ(doc[1]["scores"]["task"]["score"], 10);
  EXPECT_EQ(doc[1]["scores"]["bond"]["score"], 15);
  EXPECT_TRUE(doc[1]["scores"]["total"]["score"].is_null());
  EXPECT_EQ(doc[3]["status"], "invalid");
  EXPECT_EQ(doc[3]["problems"][0], "examples/qualtrics-wai-sr.csv:7: item 6 = 6 is outside the scale 1..5");
}

TEST(Score, StrictStopsAtTheFirstInvalidResponse) {
  const std::string input = "id,1,2,3,4\nA,9,9,9,9\nB,9,9,9,11\nC,1,1,1,1\n";
  const Outcome run = run_alliance({"score", "srs", "--strict", "--format", "csv"}, {.input = input});
  EXPECT_EQ(run.status, 1);
  EXPECT_EQ(lines(run.out).size(), 3u);  // header, A, B (reported invalid); C never read
  EXPECT_NE(run.err.find("<stdin>:3: item 4 = 11 is outside the scale 0..10"), std::string::npos);
  EXPECT_NE(run.err.find("(--strict: stopped)"), std::string::npos);
}

TEST(Score, FailBelowRaisesTheAlertStatus) {
  // B: 7.5 + 8 + 9 + 9.5 = 34 < 36.
  const std::string input = "id,1,2,3,4\nA,9.2,8.7,9.5,9\nB,7.5,8,9,9.5\n";
  const Outcome run =
      run_alliance({"score", "srs", "--fail-below", "total=36", "--format", "csv"}, {.input = input});
  EXPECT_EQ(run.status, 4);
  EXPECT_EQ(run.err, "<stdin>:3: below threshold: B: total = 34 < 36\n");
  const Outcome typo = run_alliance({"score", "srs", "--fail-below", "totl=36"}, {.input = input});
  EXPECT_EQ(typo.status, 2);
  EXPECT_EQ(typo.err,
            "alliance: --fail-below 'totl=36': srs has no subscale 'totl', did you mean 'total'?\n");
}

// gtb-12 (1-5, means; goals 1 4 7r 10, tasks 2 5 8r 11, bond 3 6 9 12r; total the
// mean of the items): R1 answers 3 everywhere (a reversed 3 keys 3) but item 3
// (bond) and item 10 (goals). goals = (3+3+3)/3 = 3, from (9+1)/4 = 2.5 to
// (9+5)/4 = 3.5; bond the same; tasks 3, complete; total 30/10 = 3, from
// 32/12 = 2.666666667 to 40/12 = 3.333333333. R2 answers 4 everywhere, nothing missing:
// items 7, 8, 12 key 2, so each subscale is (4+4+4+2)/4 = 3.5 and the total 42/12 = 3.5.
const std::string kGtbTwoMissing =
    "id,1,2,3,4,5,6,7,8,9,10,11,12\nR1,3,3,,3,3,3,3,3,3,,3,3\nR2,4,4,4,4,4,4,4,4,4,4,4,4\n";

TEST(Score, FailBelowSaysWhetherTheMissingItemsCouldChangeTheDecision) {
  const Outcome run =
      run_alliance({"score", "gtb-12", "--format", "csv", "--fail-below", "goals=4", "--fail-below",
                    "bond=3.25", "--fail-below", "total=2.9", "--fail-below", "tasks=3.5"},
                   {.input = kGtbTwoMissing});
  EXPECT_EQ(run.status, 4);  // below: goals and bond (settled or not), tasks
  EXPECT_EQ(run.err,
            // 3.5 < 4: below whatever items 3 and 10 would have been.
            "<stdin>:2: below threshold: R1: goals = 3 < 4; settled: with the missing items answered it "
            "would be 2.5 to 3.5, below either way\n"
            // 3.5 is not below 3.25: answering item 3 could lift the alert.
            "<stdin>:2: below threshold: R1: bond = 3 < 3.25; not settled: with the missing items answered "
            "it could be 2.5 to 3.5 (ask them before acting on this alert)\n"
            // 3 is not below 2.9, but 2.666666667 is.
            "<stdin>:2: note: could fall below threshold: R1: total = 3, not below 2.9, but with the "
            "missing items answered it could be 2.666666667 to 3.333333333 (not an alert: ask them)\n"
            // Nothing missing in tasks: the alert as before; nor in R2.
            "<stdin>:2: below threshold: R1: tasks = 3 < 3.5\n"
            "<stdin>:3: below threshold: R2: goals = 3.5 < 4\n");
  // The output is the same with or without thresholds: no column is added.
  const Outcome plain = run_alliance({"score", "gtb-12", "--format", "csv"}, {.input = kGtbTwoMissing});
  EXPECT_EQ(run.out, plain.out);

  // A note alone is not an alert: the exit status stays 0.
  const Outcome note = run_alliance({"score", "gtb-12", "--format", "csv", "--fail-below", "total=2.9"},
                                    {.input = kGtbTwoMissing});
  EXPECT_EQ(note.status, 0) << note.err;
  EXPECT_NE(note.err.find("note: could fall below threshold: R1: total = 3"), std::string::npos) << note.err;
  // 2.666666667 is not below 2.5: settled above, nothing said.
  const Outcome quiet = run_alliance({"score", "gtb-12", "--format", "csv", "--fail-below", "total=2.5"},
                                     {.input = kGtbTwoMissing});
  EXPECT_EQ(quiet.status, 0);
  EXPECT_EQ(quiet.err, "");

  const Outcome french =
      run_alliance({"score", "gtb-12", "--format", "csv", "--fail-below", "bond=3.25", "--lang", "fr"},
                   {.input = kGtbTwoMissing});
  EXPECT_EQ(french.status, 4);
  EXPECT_EQ(
      french.err,
      "<stdin>:2\u00a0: sous le seuil\u00a0: R1\u00a0: bond = 3 < 3,25\u00a0; décision non acquise\u00a0: "
      "avec les items manquants, le score pourrait aller de 2,5 à 3,5 (faites-les compléter avant "
      "d’agir sur cette alerte)\n");
}

TEST(Score, ExplainShowsTheThresholdDecision) {
  const Outcome run = run_alliance({"score", "gtb-12", "--explain", "--lang", "en", "--fail-below", "goals=4",
                                    "--fail-below", "bond=3.25", "--fail-below", "tasks=2"},
                                   {.input = kGtbTwoMissing});
  EXPECT_EQ(run.status, 4);
  EXPECT_NE(
      run.out.find("  --fail-below 4: 3 < 4, an alert; settled: the same with the missing items answered\n"),
      std::string::npos)
      << run.out;
  EXPECT_NE(
      run.out.find("  --fail-below 3.25: 3 < 3.25, an alert; not settled: the missing items answered could "
                   "change it (ask them before acting on it)\n"),
      std::string::npos)
      << run.out;
  // tasks is complete: the decision alone; R2 has nothing missing either.
  EXPECT_NE(run.out.find("  --fail-below 2: 3 is not below 2, no alert\n"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("  --fail-below 4: 3.5 < 4, an alert\n"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("  --fail-below 3.25: 3.5 is not below 3.25, no alert\n"), std::string::npos)
      << run.out;
  const Outcome french =
      run_alliance({"score", "gtb-12", "--explain", "--lang", "fr", "--fail-below", "bond=3.25"},
                   {.input = kGtbTwoMissing});
  EXPECT_NE(french.out.find(
                "  --fail-below 3,25\u00a0: 3 < 3,25, une alerte\u00a0; décision non acquise\u00a0: les "
                "items manquants pourraient la changer (faites-les compléter avant d’agir)\n"),
            std::string::npos)
      << french.out;
}

TEST(Score, CsvOutputNeverStartsAFormula) {
  const std::string input = "id,1,2,3,4\n\"=HYPERLINK(\"\"x\"\")\",9,9,9,9\n";
  const Outcome run = run_alliance({"score", "srs", "--format", "csv"}, {.input = input});
  ASSERT_EQ(run.status, 0) << run.err;
  EXPECT_EQ(lines(run.out)[1].rfind("\"'=HYPERLINK(\"\"x\"\")\",", 0), 0u) << run.out;
}

TEST(Score, LongFormatHasOneRowPerScale) {
  const std::string input = "id,1,2,3,4\nA,9.2,8.7,9.5,9\n";
  const Outcome run = run_alliance({"score", "srs", "--long", "--format", "tsv"}, {.input = input});
  ASSERT_EQ(run.status, 0) << run.err;
  const auto rows = lines(run.out);
  ASSERT_EQ(rows.size(), 6u);  // header + 4 subscales + total
  EXPECT_EQ(rows[0].rfind("respondent\tsession\tform\tdate\tlanguage\tscale\tscore\t", 0), 0u);
  // No session, form, date or language given: NA, as every missing value; no norms: no z, T, percentile.
  // Nothing missing: no possible range, the band settled.
  EXPECT_EQ(rows[5].rfind(
                "A\tNA\tNA\tNA\tNA\ttotal\t36.4\t4\t0\tok\tNA\tNA\tGood alliance\tTRUE\tNA\tNA\tNA\t\t", 0),
            0u)
      << rows[5];
}

TEST(Score, ExplainShowsTheWorking) {
  // wai-sr with item 6 unanswered: goal = (4 + 4 + 2) * 4/3.
  const std::string input = "id,1,2,3,4,5,6,7,8,9,10,11,12\nA,5,4,3,4,5,,3,4,5,1,2,3\n";
  const Outcome run = run_alliance({"score", "wai-sr", "--explain", "--lang", "en"}, {.input = input});
  ASSERT_EQ(run.status, 0) << run.err;
  EXPECT_NE(run.out.find("goal (Goal): 3 of 4 answered (at least 3 needed); prorated sum = 10 × 4 / 3 = "
                         "13.333333333333334"),
            std::string::npos)
      << run.out;
  EXPECT_NE(run.out.find("6     goal      not answered"), std::string::npos) << run.out;
}

// WAI-SR (sums; goal 4,6,8,11; task 1,2,10,12; bond 3,5,7,9; one item of
// four may be missing, prorated; the total needs every subscale).
// A: goal 2+5+3+5 = 15, task 5+4+1+4 = 14, bond 3+1+4+2 = 10, total 39.
// B: item 6 missing: goal 9 × 4/3 = 12, task 12, bond 12, total 33 × 12/11 = 36.
// C: items 4 and 6 missing: goal insufficient (NA), and so the total; task 8, bond 8.
const char* const kWaiInput =
    "id,1,2,3,4,5,6,7,8,9,10,11,12\n"
    "A,5,4,3,2,1,5,4,3,2,1,5,4\n"
    "B,3,3,3,3,3,,3,3,3,3,3,3\n"
    "C,2,2,2,,2,,2,2,2,2,2,2\n";

TEST(Score, OutputColumnsChosenAndOrdered) {
  // No --format: a pipe gets CSV.
  const Outcome run = run_alliance({"score", "wai-sr", "--output-columns", "respondent,goal,task,bond,total"},
                                   {.input = kWaiInput});
  ASSERT_EQ(run.status, 0) << run.err;
  EXPECT_EQ(run.out,
            "respondent,goal,task,bond,total\n"
            "A,15,14,10,39\n"
            "B,12,12,12,36\n"
            "C,NA,8,8,NA\n");
  const Outcome tsv = run_alliance(
      {"score", "wai-sr", "--format", "tsv", "--output-columns", "total,goal_missing,status,respondent"},
      {.input = kWaiInput});
  ASSERT_EQ(tsv.status, 0) << tsv.err;
  EXPECT_EQ(tsv.out,
            "total\tgoal_missing\tstatus\trespondent\n"
            "39\t0\tok\tA\n"
            "36\t1\tok\tB\n"
            "NA\t2\tinsufficient\tC\n");
}

TEST(Score, OutputColumnsInTheLongLayout) {
  const Outcome run = run_alliance(
      {"score", "wai-sr", "--long", "--output-columns", "respondent,scale,score"}, {.input = kWaiInput});
  ASSERT_EQ(run.status, 0) << run.err;
  EXPECT_EQ(run.out,
            "respondent,scale,score\n"
            "A,goal,15\nA,task,14\nA,bond,10\nA,total,39\n"
            "B,goal,12\nB,task,12\nB,bond,12\nB,total,36\n"
            "C,goal,NA\nC,task,8\nC,bond,8\nC,total,NA\n");
}

TEST(Score, OutputColumnsKeepTheChecks) {
  // total is not written, but --fail-below still looks at it: B's 36 < 37.
  const Outcome run =
      run_alliance({"score", "wai-sr", "--output-columns", "respondent,bond", "--fail-below", "total=37"},
                   {.input = kWaiInput});
  EXPECT_EQ(run.status, 4);
  EXPECT_EQ(run.out, "respondent,bond\nA,10\nB,12\nC,8\n");
  // B misses item 6: 33 x 12/11 = 36, from 33 + 1 = 34 to 33 + 5 = 38, which is not below 37.
  EXPECT_EQ(run.err,
            "<stdin>:3: below threshold: B: total = 36 < 37; not settled: with the missing items answered "
            "it could be 34 to 38 (ask them before acting on this alert)\n");
  // An invalid row is reported and still exits 1; its problems need not be a column.
  const Outcome invalid =
      run_alliance({"score", "wai-sr", "--output-columns", "respondent,goal,status"},
                   {.input = "id,1,2,3,4,5,6,7,8,9,10,11,12\nD,9,1,1,1,1,1,1,1,1,1,1,1\n"});
  EXPECT_EQ(invalid.status, 1);
  EXPECT_EQ(invalid.out, "respondent,goal,status\nD,NA,invalid\n");
  EXPECT_EQ(invalid.err,
            "<stdin>:2: item 1 = 9 is outside the scale 1..5\nalliance: 1 of 1 response is invalid\n");
}

TEST(Score, OutputColumnsUsageErrors) {
  const std::string wide =
      "respondent,session,form,date,language,status,goal,goal_answered,goal_missing,goal_status,"
      "goal_possible_low,goal_possible_high,task,task_answered,task_missing,task_status,task_possible_low,"
      "task_possible_high,bond,bond_answered,bond_missing,bond_status,bond_possible_low,bond_possible_high,"
      "total,total_answered,total_missing,total_status,total_possible_low,total_possible_high,problems,"
      "source,"
      "questionnaire,questionnaire_version,definition_hash,alliance_version";
  const Outcome unknown =
      run_alliance({"score", "wai-sr", "--output-columns", "respondent,totl"}, {.input = kWaiInput});
  EXPECT_EQ(unknown.status, 2);
  EXPECT_EQ(unknown.out, "");
  EXPECT_EQ(unknown.err,
            "alliance: --output-columns: unknown column 'totl' (did you mean 'total'?); wai-sr's "
            "wide layout has: " +
                wide + "\n");
  const Outcome json = run_alliance({"score", "wai-sr", "--format", "json", "--output-columns", "respondent"},
                                    {.input = kWaiInput});
  EXPECT_EQ(json.status, 2);
  EXPECT_EQ(json.out, "");
  EXPECT_NE(json.err.find("--output-columns applies to csv and tsv output only"), std::string::npos)
      << json.err;
  EXPECT_NE(json.err.find("jq"), std::string::npos) << json.err;
  EXPECT_EQ(
      run_alliance({"score", "wai-sr", "-f", "ndjson", "--output-columns", "total"}, {.input = kWaiInput})
          .status,
      2);
  const Outcome twice =
      run_alliance({"score", "wai-sr", "--output-columns", "goal,total,goal"}, {.input = kWaiInput});
  EXPECT_EQ(twice.status, 2);
  EXPECT_EQ(
      twice.err,
      "alliance: --output-columns: column 'goal' is named twice (R's read.csv and pandas would rename the "
      "second)\n");
  const Outcome empty = run_alliance({"score", "wai-sr", "--output-columns", ""}, {.input = kWaiInput});
  EXPECT_EQ(empty.status, 2);
  EXPECT_EQ(empty.err, "alliance: --output-columns: empty list; wai-sr's wide layout has: " + wide + "\n");
  // --explain prints text: an option shaping the score output is refused, not ignored.
  for (const std::vector<std::string>& shaping : {std::vector<std::string>{"--output-columns", "total"},
                                                  {"--format", "json"},
                                                  {"--long"},
                                                  {"--precision", "2"}}) {
    std::vector<std::string> args = {"score", "wai-sr", "--explain"};
    args.insert(args.end(), shaping.begin(), shaping.end());
    const Outcome refused = run_alliance(args, {.input = kWaiInput});
    EXPECT_EQ(refused.status, 2) << shaping[0];
    EXPECT_EQ(refused.err,
              "alliance: " + shaping[0] +
                  " does not apply to --explain, which prints each response's working as text\n");
    EXPECT_EQ(refused.out, "");
  }
  // Checked before any input is read: a missing file would have exited 3.
  EXPECT_EQ(run_alliance({"score", "wai-sr", "/nonexistent.csv", "--output-columns", "score"}).status, 2);
}

TEST(Score, InputAndUsageFailures) {
  EXPECT_EQ(run_alliance({"score", "gtb-12", "/nonexistent.csv"}).status, 3);
  EXPECT_EQ(run_alliance({"score", "gtb-12", "--format", "xml"}, {.input = "x"}).status, 2);
  const Outcome empty = run_alliance({"score", "gtb-12", "-"}, {.input = ""});
  EXPECT_EQ(empty.status, 1);
  EXPECT_EQ(empty.err, "alliance: <stdin>: empty input, expected responses\n");
}

}  // namespace
}  // namespace alliance::testing
