// Survey-tool exports and French Excel, end to end (docs/data-sources.md):
// each export in tests/data/sources holds the answers of the plain numeric
// CSV beside it (tests/data/sources/make_sources.py writes both), so scoring
// it with its profile must give the numeric CSV's scores, row for row. A
// label or code that matches nothing is a located error; the other rows are
// still scored. The CSV written for French Excel is checked against scores
// worked out by hand.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>

#include "process.hpp"

namespace alliance::testing {
namespace {

using Outcome = alliance::testing::Run;  // testing::Test has a Run() of its own

std::string source_data(const std::string& name) {
  return source_path("tests/data/sources/" + name);
}

// The columns compared: the scores and statuses (an export's respondent ids
// are the tool's own: Qualtrics' R_…, LimeSurvey's response numbers).
const std::string kSourceScoreColumns = "session,status,goals,tasks,bond,total,goals_status,total_status";

Outcome score_export(std::vector<std::string> args, const std::string& columns = kSourceScoreColumns) {
  args.insert(args.begin(), "score");
  args.insert(args.end(), {"--format", "csv", "--output-columns", columns});
  return run_alliance(args, {.env = {{"LC_ALL", "C.UTF-8"}}});
}

std::string reference_source_scores(const std::string& columns = kSourceScoreColumns) {
  const Outcome run = score_export({"gtb-12", source_data("gtb-12-numeric.csv")}, columns);
  EXPECT_EQ(run.status, 0) << run.err;
  EXPECT_EQ(lines(run.out).size(), 8u);  // a header, seven responses
  return run.out;
}

void expect_scores_as_numeric(const std::vector<std::string>& args,
                              const std::string& columns = kSourceScoreColumns) {
  const Outcome run = score_export(args, columns);
  EXPECT_EQ(run.status, 0) << run.err;
  EXPECT_EQ(run.err.find("warning"), std::string::npos) << run.err;  // only the count of lines read
  EXPECT_EQ(run.out, reference_source_scores(columns)) << args[1];
}

TEST(Sources, TheNumericReferenceScoresAsWorkedOutByHand) {
  // C001 session 1: goals items 1,4,7r,10 = 4,5,(6-2)=4,4 → 17/4 = 4.25.
  const Outcome run = score_export({"gtb-12", source_data("gtb-12-numeric.csv")}, "respondent,session,goals");
  EXPECT_EQ(lines(run.out).at(1), "C001,1,4.25");
}

TEST(Sources, QualtricsNumericAndLabelsScoreAsTheNumericCsv) {
  expect_scores_as_numeric({"gtb-12", source_data("qualtrics-numeric.csv"), "--from", "qualtrics"});
  expect_scores_as_numeric({"gtb-12", source_data("qualtrics-labels.csv"), "--from", "qualtrics"});
}

TEST(Sources, RedcapRawAndLabelsKeepOneEventAndItsInstances) {
  const std::string columns = "respondent," + kSourceScoreColumns;
  expect_scores_as_numeric({"gtb-12", source_data("redcap-raw.csv"), "--from", "redcap", "--where",
                            "redcap_event_name=treatment_arm_1"},
                           columns);
  expect_scores_as_numeric({"gtb-12", source_data("redcap-labels.csv"), "--from", "redcap", "--where",
                            "redcap_event_name=Treatment (Arm 1: Main)"},
                           columns);
  // Without --where, the follow-up event's response comes too; the baseline rows,
  // which hold no answer of this instrument, never do.
  const Outcome all = score_export({"gtb-12", source_data("redcap-raw.csv"), "--from", "redcap"}, columns);
  EXPECT_EQ(all.status, 0) << all.err;
  EXPECT_EQ(lines(all.out).size(), 9u);
}

TEST(Sources, LimeSurveyCodesAndAnswerTextScoreAsTheNumericCsv) {
  expect_scores_as_numeric({"gtb-12", source_data("limesurvey-codes.csv"), "--from", "limesurvey"});
  // French answer text, in capitals, lower case, with spaces around.
  expect_scores_as_numeric({"gtb-12", source_data("limesurvey-text.csv"), "--from", "limesurvey"});
}

TEST(Sources, FrenchExcelIsReadWithNoOption) {
  // ';', decimal commas, CRLF, Windows-1252 ("Zoé", a column "séance").
  const std::string columns = "respondent,session,relationship,goals,approach,overall,total,status";
  const Outcome excel = score_export({"srs", source_data("excel-fr-srs.csv")}, columns);
  const Outcome numeric = score_export({"srs", source_data("srs-numeric.csv")}, columns);
  EXPECT_EQ(excel.status, 0) << excel.err;
  EXPECT_EQ(numeric.status, 0) << numeric.err;
  EXPECT_EQ(excel.out, numeric.out);
  EXPECT_EQ(lines(excel.out).at(1), "Zoé,1,7.5,8,6.2,7,28.7,ok");  // 7.5+8.0+6.2+7.0
  EXPECT_EQ(
      excel.err,
      "warning: " + source_data("excel-fr-srs.csv") +
          ": read as Windows-1252 (its first bytes are not UTF-8, as in a CSV saved by Excel on Windows); "
          "if that is wrong, name the encoding with --encoding\n");
}

TEST(Sources, ScoresForFrenchExcel) {
  const Outcome run = run_alliance({"score", "srs", source_data("srs-numeric.csv"), "--csv-dialect",
                                    "excel-fr", "--output-columns", "respondent,session,total,status"});
  EXPECT_EQ(run.status, 0) << run.err;
  // A byte-order mark, ';' between fields, decimal commas; text stays UTF-8.
  EXPECT_EQ(run.out,
            "\xEF\xBB\xBFrespondent;session;total;status\n"
            "Zoé;1;28,7;ok\n"
            "Zoé;2;32,2;ok\n"     // 8.1+8.4+7.7+8.0
            "Hélène;1;37,1;ok\n"  // 9.0+9.5+9.2+9.4
            "Hélène;2;NA;insufficient\n"
            "Loïc;1;24,2;ok\n");  // 10.0+9.9+0.0+4.3
  const Outcome json = run_alliance(
      {"score", "srs", source_data("srs-numeric.csv"), "--csv-dialect", "excel-fr", "--format", "json"});
  EXPECT_EQ(json.status, 2);
  EXPECT_EQ(json.err, "alliance: --csv-dialect excel-fr is for CSV output, not --format json\n");
}

// A copy of an export with one cell changed, in a fresh directory.
std::string export_with_cell(const std::string& source, const std::string& from, const std::string& to,
                             int row) {
  std::vector<std::string> rows = lines(slurp(source_data(source)));
  std::string& line = rows.at(static_cast<std::size_t>(row - 1));
  const auto at = line.find(from);
  EXPECT_NE(at, std::string::npos) << line;
  line.replace(at, from.size(), to);
  const std::string path = make_temp_dir() + "/" + source;
  std::ofstream out(path, std::ios::binary);
  for (const std::string& l : rows) out << l << '\n';
  return path;
}

TEST(Sources, AnUnmatchedLabelIsLocatedAndTheRestScored) {
  // Line 5 of the Qualtrics labels export: C001's first session; its first cell "Often" mistyped.
  const std::string path = export_with_cell("qualtrics-labels.csv", ",Often,", ",Oftn,", 5);
  const Outcome run = score_export({"gtb-12", path, "--from", "qualtrics"});
  EXPECT_EQ(run.status, 1);
  EXPECT_EQ(lines(run.out).size(), 8u);
  EXPECT_EQ(lines(run.out).at(1), "1,invalid,NA,NA,NA,NA,invalid,invalid");
  EXPECT_EQ(
      lines(run.err).at(0),
      path +
          ":5: item 1 (column \"Q2_1\") = \"Oftn\" is not an answer of the scale, did you mean \"Often\"? "
          "(expected a number from 1 to 5 or one of: Never, Rarely, Sometimes, Often, Always; Jamais, "
          "Rarement, Parfois, Souvent, Toujours)");
  const Outcome fr =
      run_alliance({"score", "gtb-12", path, "--from", "qualtrics", "--lang", "fr", "-f", "csv"});
  EXPECT_EQ(
      lines(fr.err).at(0),
      path +
          ":5\u00a0: item 1 (colonne «\u00a0Q2_1\u00a0») = «\u00a0Oftn\u00a0»\u00a0: pas une réponse de "
          "l’échelle\u00a0; vouliez-vous dire «\u00a0Often\u00a0»\u00a0? (attendu\u00a0: un nombre de 1 à 5 "
          "ou l’un de ceux-ci\u00a0: Never, Rarely, Sometimes, Often, Always; Jamais, Rarement, Parfois, "
          "Souvent, Toujours)");
}

TEST(Sources, AnUnknownCodeIsLocated) {
  // Line 2 of the LimeSurvey export: its third answer, "A3", made "A9" (5 points: no such code).
  const std::string path = export_with_cell("limesurvey-codes.csv", "\"A3\"", "\"A9\"", 2);
  const Outcome run = score_export({"gtb-12", path, "--from", "limesurvey"});
  EXPECT_EQ(run.status, 1);
  EXPECT_EQ(
      lines(run.err).at(0),
      path +
          ":2: item 3 (column \"GTB[SQ003]\") = \"A9\" is not an answer of the scale: expected a number "
          "from 1 to 5 or one of: Never, Rarely, Sometimes, Often, Always; Jamais, Rarement, Parfois, "
          "Souvent, Toujours; A1…A5 (case and accents do not count; --recode CODE=VALUE names other codes)");
}

TEST(Sources, RecodeReadsLabelsAKeyOnlyDefinitionHasNot) {
  // WAI-SR's key has no labels: the Qualtrics labels export is read with --recode.
  const std::string recode = "Never=1,Rarely=2,Sometimes=3,Often=4,Always=5";
  const Outcome labels = run_alliance({"score", "wai-sr", source_data("qualtrics-labels.csv"), "--from",
                                       "qualtrics", "--columns", "Q2_{id}", "--recode", recode, "-f", "csv",
                                       "--output-columns", "status,goal,task,bond,total"});
  const Outcome numbers =
      run_alliance({"score", "wai-sr", source_data("qualtrics-numeric.csv"), "--from", "qualtrics",
                    "--columns", "Q2_{id}", "-f", "csv", "--output-columns", "status,goal,task,bond,total"});
  EXPECT_EQ(labels.status, 0) << labels.err;
  EXPECT_EQ(labels.out, numbers.out);
  const Outcome bad =
      run_alliance({"score", "wai-sr", source_data("qualtrics-labels.csv"), "--recode", "Never"});
  EXPECT_EQ(bad.status, 2);
  EXPECT_EQ(
      bad.err,
      "alliance: --recode: 'Never' is not CODE=VALUE (e.g. --recode 'A1=1,A2=2'; quote a code holding a "
      "comma: '\"1, never\"=1')\n");
}

}  // namespace
}  // namespace alliance::testing
