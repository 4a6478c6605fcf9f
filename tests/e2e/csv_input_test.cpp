// CSV input as researchers' exports have it, run through the binary: nothing
// lost silently (a stray quote), no silent guess about columns (options
// naming no column, item columns, identifiers, header rows under the
// header). Issue 12, parts 2 and 4; each test failed on the main of then.
#include <gtest/gtest.h>

#include <fstream>

#include "process.hpp"

namespace alliance::testing {
namespace {

using Outcome = Run;

// Writes `files` (name -> content) into a fresh directory and runs
// alliance there, so that messages name the files as given.
Outcome run_in_dir(const std::vector<std::string>& args, const std::map<std::string, std::string>& files) {
  const std::string dir = make_temp_dir();
  for (const auto& [name, content] : files) std::ofstream(dir + "/" + name, std::ios::binary) << content;
  return run_alliance(args, {.cwd = dir});
}

// "P1,1,2,3,4\n" — a row of SRS answers; total = the sum.
std::string row(const std::string& id, int a, int b, int c, int d, const std::string& tail = "") {
  return id + "," + std::to_string(a) + "," + std::to_string(b) + "," + std::to_string(c) + "," +
         std::to_string(d) + tail + "\n";
}

const std::vector<std::string> kScore = {
    "score", "srs", "x.csv", "--format", "csv", "--output-columns", "respondent,total,source"};

// The report: one stray quote (line 2) and another 1 000 rows later made one
// record of 1 000 lines, and the summary said "1 of 2 responses is invalid".
TEST(CsvInput, AStrayQuoteSwallowsNoRows) {
  std::string csv = "respondent,1,2,3,4,comment\n";
  csv += "P1,1,2,3,\"4,ok\n";  // the stray quote opens item 4's field
  for (int r = 2; r <= 1001; ++r) csv += row("P" + std::to_string(r), 1, 1, 1, r % 8, ",fine");
  csv += "P1002,2,2,2,2\",x\n";  // a quote in an unquoted field is text: item 4 = 2"
  csv += row("P1003", 9, 9, 9, 9, ",last");
  const Outcome run = run_in_dir(kScore, {{"x.csv", csv}});
  EXPECT_EQ(run.status, 1);
  EXPECT_EQ(
      run.err,
      "x.csv:2-1003: the quote opening column \"4\" (item 4) on the first of these lines would close on the "
      "last, putting line breaks in that column, where only free text, which alliance does not read, may "
      "have them: taken as a stray quote, the first line is an invalid row and the lines after it are read "
      "as rows\n"
      "x.csv:2: item 4 = \"\"4\" is not a number\n"
      "x.csv:1003: item 4 = \"2\"\" is not a number\n"
      "alliance: 2 of 1003 responses are invalid\n");
  const std::vector<std::string> out = lines(run.out);
  ASSERT_EQ(out.size(), 1u + 1003);
  EXPECT_EQ(out[1], "P1,NA,x.csv:2");
  EXPECT_EQ(out[2], "P2,5,x.csv:3");           // 1 + 1 + 1 + 2 % 8
  EXPECT_EQ(out[1000], "P1000,3,x.csv:1001");  // 1 + 1 + 1 + 1000 % 8
  EXPECT_EQ(out[1002], "P1002,NA,x.csv:1003");
  EXPECT_EQ(out[1003], "P1003,36,x.csv:1004");
}

// The second quote closing the field at the end of a line, the row would
// have the wrong number of fields: the same, located with the line range.
TEST(CsvInput, AStrayQuoteGivingTheWrongFieldsIsNamedWithItsLines) {
  const std::string csv = "respondent,1,2,3,4,comment\n" + row("P1", 1, 1, 1, 1, ",\"oops") +
                          row("P2", 2, 2, 2, 2, ",fine") + row("P3", 3, 3, 3, 3, ",said \"no\"") +
                          row("P4", 4, 4, 4, 4, ",end");
  const Outcome run = run_in_dir(kScore, {{"x.csv", csv}});
  EXPECT_EQ(run.status, 1);
  EXPECT_EQ(
      run.err,
      "x.csv:2-4: the quote opening column \"comment\" on the first of these lines would close on the last, "
      "but text follows the closing quote there: taken as a stray quote, the first line is an invalid row "
      "and the lines after it are read as rows\n"
      "alliance: 1 of 4 responses is invalid\n");
  EXPECT_EQ(run.out, "respondent,total,source\nP1,NA,x.csv:2\nP2,8,x.csv:3\nP3,12,x.csv:4\nP4,16,x.csv:5\n");

  const std::string fields = "respondent,1,2,3,4,comment\nP1,1,1,\"1,1,ok\n" +
                             row("P2", 2, 2, 2, 2, ",fine\"") + row("P3", 3, 3, 3, 3, ",end");
  const Outcome wrong = run_in_dir(kScore, {{"x.csv", fields}});
  EXPECT_EQ(
      wrong.err,
      "x.csv:2-3: the quote opening column \"3\" (item 3) on the first of these lines would close on the "
      "last, making a row of 4 fields, not 6 as in the header: taken as a stray quote, the first line is an "
      "invalid row and the lines after it are read as rows\n"
      "x.csv:2: item 3 = \"\"1\" is not a number\n"
      "alliance: 1 of 3 responses is invalid\n");
  EXPECT_EQ(wrong.out, "respondent,total,source\nP1,NA,x.csv:2\nP2,8,x.csv:3\nP3,12,x.csv:4\n");
}

// Quoted line breaks in a free-text column (Qualtrics, REDCap and LimeSurvey
// write them) are read as written, and the summary says how many lines the
// responses took, in every command that reads responses.
TEST(CsvInput, QuotedLineBreaksInFreeTextAreKeptAndCounted) {
  const std::string csv = "respondent,1,2,3,4,comment\n" +
                          row("P1", 1, 2, 3, 4, ",\"first line\nsecond, line\"") +
                          row("P2", 5, 5, 5, 5, ",\"one\r\ntwo\r\nthree\"") + row("P3", 9, 9, 9, 9, ",");
  const std::string summary =
      "alliance: 3 responses were read from 6 lines: 2 took several lines (a quoted field holding line "
      "breaks), "
      "the first at x.csv:2 (2 lines)\n";
  const Outcome score = run_in_dir(kScore, {{"x.csv", csv}});
  EXPECT_EQ(score.status, 0) << score.err;
  EXPECT_EQ(score.out, "respondent,total,source\nP1,10,x.csv:2\nP2,20,x.csv:4\nP3,36,x.csv:7\n");
  EXPECT_EQ(score.err, summary);
  // A stray quote at the start of the last column, closed at the end of a
  // later line, makes a record of that shape too: the summary shows it.
  const std::string swallowed = "respondent,1,2,3,4,comment\n" + row("P1", 1, 1, 1, 1, ",\"oops") +
                                row("P2", 2, 2, 2, 2, ",fine\"") + row("P3", 3, 3, 3, 3, ",end");
  const Outcome seen = run_in_dir(kScore, {{"x.csv", swallowed}});
  EXPECT_EQ(seen.status, 0);
  EXPECT_EQ(seen.out, "respondent,total,source\nP1,4,x.csv:2\nP3,12,x.csv:4\n");
  EXPECT_EQ(seen.err,
            "alliance: 2 responses were read from 3 lines: 1 took several lines (a quoted field holding line "
            "breaks), the first at x.csv:2 (2 lines)\n");
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"stats", "srs", "x.csv", "--format", "json"},
        std::vector<std::string>{"trend", "srs", "x.csv", "--format", "csv"}}) {
    SCOPED_TRACE(args[0]);
    const Outcome run = run_in_dir(args, {{"x.csv", csv}});
    EXPECT_EQ(run.status, 0) << run.err;
    EXPECT_NE(run.err.find(summary), std::string::npos) << run.err;
  }
}

TEST(CsvInput, AQuoteInsideAnUnquotedFieldIsText) {
  const std::string csv =
      "respondent,1,2,3,4,comment\n" + row("P\"1", 1, 1, 1, 1, ",5\" tall") + row("P2", 2, 2, 2, 2, ",");
  const Outcome run = run_in_dir(kScore, {{"x.csv", csv}});
  EXPECT_EQ(run.status, 0) << run.err;
  EXPECT_EQ(run.out, "respondent,total,source\n\"P\"\"1\",4,x.csv:2\nP2,8,x.csv:3\n");
}

TEST(CsvInput, ColumnsNamedInOptionsMustBeInTheHeader) {
  const std::string csv = "Subject_ID,Visit,1,2,3,4\n" + row("S1,3", 1, 1, 1, 1);
  const std::map<std::string, std::string> files = {{"x.csv", csv}};
  const auto with = [&](std::vector<std::string> extra) {
    std::vector<std::string> args = kScore;
    args.insert(args.end(), extra.begin(), extra.end());
    return run_in_dir(args, files);
  };
  const Outcome cased = with({"--id-column", "subject_id"});
  EXPECT_EQ(cased.status, 2);
  EXPECT_EQ(cased.err,
            "alliance: x.csv:1: --id-column: the header has no column \"subject_id\", did you mean "
            "'Subject_ID'?\n");
  EXPECT_EQ(cased.out, "");
  const Outcome spelt = with({"--id-column", "SubjectID"});
  EXPECT_EQ(spelt.err,
            "alliance: x.csv:1: --id-column: the header has no column \"SubjectID\", did you mean "
            "'Subject_ID'?\n");
  const Outcome typo = with({"--session-column", "Vist"});
  EXPECT_EQ(typo.status, 2);
  EXPECT_EQ(typo.err,
            "alliance: x.csv:1: --session-column: the header has no column \"Vist\", did you mean "
            "'Visit'?\n");
  const Outcome map = with({"--map", "Q4=4"});
  EXPECT_EQ(map.status, 2);
  EXPECT_EQ(
      map.err,
      "alliance: x.csv:1: --map Q4=4: the header has no column \"Q4\" (its columns: Subject_ID, Visit, 1, 2, "
      "3, 4)\n");
  const Outcome right = with({"--id-column", "Subject_ID"});
  EXPECT_EQ(right.status, 0) << right.err;
  EXPECT_EQ(right.out, "respondent,total,source\nS1,4,x.csv:2\n");
}

// A JSON response names its own fields: column options given with one are
// said to be unused (they were ignored without a word), and the CSV beside it
// still uses them.
TEST(CsvInput, ColumnOptionsGivenForJsonInputAreSaidUnused) {
  const std::string csv = "Subject_ID,1,2,3,4\n" + row("S1", 1, 1, 1, 1);
  const std::string ndjson = R"({"respondent": "P1", "answers": {"1": 2, "2": 2, "3": 2, "4": 2}})"
                             "\n";
  std::vector<std::string> args = kScore;
  args.insert(args.end(), {"y.ndjson", "--id-column", "Subject_ID"});
  const Outcome run = run_in_dir(args, {{"x.csv", csv}, {"y.ndjson", ndjson}});
  EXPECT_EQ(run.status, 0) << run.err;
  EXPECT_EQ(run.out, "respondent,total,source\nS1,4,x.csv:2\nP1,8,y.ndjson:1\n");
  EXPECT_EQ(run.err,
            "warning: y.ndjson: --id-column: for CSV/TSV columns; not used for this NDJSON input, whose "
            "responses name their own fields\n");
}

TEST(CsvInput, AColumnOrAnItemMappedTwiceIsRefused) {
  const std::string csv = "id,a,b,c,d\n" + row("P1", 1, 2, 3, 4);
  const std::vector<std::string> args = {"score", "srs", "x.csv", "--map", "a=1",   "--map", "b=2",
                                         "--map", "c=3", "--map", "d=4",   "--map", "a=2"};
  const Outcome twice = run_in_dir(args, {{"x.csv", csv}});
  EXPECT_EQ(twice.status, 2);
  EXPECT_EQ(twice.err, "alliance: --map a=2: column a is already mapped (--map a=1); map each column once\n");
  const Outcome item =
      run_in_dir({"score", "srs", "x.csv", "--map", "a=1", "--map", "b=1", "--map", "c=3", "--map", "d=4"},
                 {{"x.csv", csv}});
  EXPECT_EQ(item.status, 2);
  EXPECT_EQ(item.err,
            "alliance: --map b=1: item 1 is already mapped (--map a=1); one column holds one item\n");
}

// R's write.csv writes row names in a first column named "", pandas' to_csv
// its index in a first column with no name.
TEST(CsvInput, AnUnnamedFirstColumnIsTheRespondent) {
  const std::string r = "\"\",\"1\",\"2\",\"3\",\"4\"\n\"S01\",1,2,3,4\n\"S02\",2,2,2,2\n";
  const Outcome from_r = run_in_dir(kScore, {{"x.csv", r}});
  EXPECT_EQ(from_r.status, 0) << from_r.err;
  EXPECT_EQ(from_r.err, "");
  EXPECT_EQ(from_r.out, "respondent,total,source\nS01,10,x.csv:2\nS02,8,x.csv:3\n");
  const std::string pandas = ",respondent,1,2,3,4\n0,P1,1,1,1,1\n";  // a named id wins over the index
  const Outcome from_pandas = run_in_dir(kScore, {{"x.csv", pandas}});
  EXPECT_EQ(from_pandas.out, "respondent,total,source\nP1,4,x.csv:2\n");
}

TEST(CsvInput, AnIdColumnNotRecognisedIsSaid) {
  const std::string csv = "subj,age,1,2,3,4\nS1,34,1,1,1,1\n";
  const Outcome run = run_in_dir(kScore, {{"x.csv", csv}});
  EXPECT_EQ(run.status, 0);
  EXPECT_EQ(
      run.err,
      "warning: x.csv:1: no column is recognised as the respondent id (columns not read: subj, age); name it "
      "with --id-column, or the responses have none\n");
  EXPECT_EQ(run.out, "respondent,total,source\nNA,4,x.csv:2\n");
  const std::string two = "record_id,participant_id,1,2,3,4\nR1,P1,1,1,1,1\n";
  const Outcome both = run_in_dir(kScore, {{"x.csv", two}});
  EXPECT_EQ(both.err,
            "warning: x.csv:1: columns \"record_id\" and \"participant_id\" could each be the respondent id: "
            "\"record_id\" is used; choose with --id-column\n");
  // A column named by the option wins over one recognised by name, silently.
  const Outcome chosen = run_in_dir({"score", "srs", "x.csv", "--format", "csv", "--output-columns",
                                     "respondent,session", "--session-column", "wk"},
                                    {{"x.csv", "id,session,wk,1,2,3,4\nA,1,7,1,1,1,1\n"}});
  EXPECT_EQ(chosen.err, "");
  EXPECT_EQ(chosen.out, "respondent,session\nA,7\n");
}

// Qualtrics' default names: the items of question 1 as Q1_1 … Q1_4, then
// questions Q2 (the session) and Q3 (a comment). Q{id} names Q2 and Q3.
TEST(CsvInput, ItemColumnsAreThoseOfOnePatternNamingEveryItem) {
  const std::string qualtrics = "ResponseId,Q1_1,Q1_2,Q1_3,Q1_4,Q2,Q3\nR_1,1,2,3,4,2,3\n";
  const Outcome q = run_in_dir(kScore, {{"x.csv", qualtrics}});
  EXPECT_EQ(q.status, 0) << q.err;
  EXPECT_EQ(q.out, "respondent,total,source\nR_1,10,x.csv:2\n");
  // LimeSurvey's subquestion codes, zero-padded.
  const std::string lime =
      "id,submitdate,WAI[SQ001],WAI[SQ002],WAI[SQ003],WAI[SQ004]\n7,2026-01-02,1,1,2,2\n";
  const Outcome l = run_in_dir(kScore, {{"x.csv", lime}});
  EXPECT_EQ(l.status, 0) << l.err;
  EXPECT_EQ(l.out, "respondent,total,source\n7,6,x.csv:2\n");
  // Two patterns naming every item: which is meant is asked, not guessed.
  const std::string two = "id,1,2,3,4,Q1,Q2,Q3,Q4\nA,1,1,1,1,2,2,2,2\n";
  const Outcome ambiguous = run_in_dir(kScore, {{"x.csv", two}});
  EXPECT_EQ(ambiguous.status, 1);
  EXPECT_EQ(
      ambiguous.err,
      "alliance: x.csv:1: 2 patterns of column names cover every item of srs: 'Q{id}' names all 4 (Q1, Q2, "
      "Q3, Q4); '{id}' names all 4 (1, 2, 3, 4); choose one with --columns 'PATTERN'\n");
  EXPECT_EQ(ambiguous.out, "");
  // Only some items under any pattern: refused, naming the candidates.
  const std::string some = "id,Q1,Q3,Q4,Q5_1,Q5_2\nA,1,2,3,4,5\n";
  const Outcome partial = run_in_dir(kScore, {{"x.csv", some}});
  EXPECT_EQ(partial.status, 1);
  EXPECT_EQ(
      partial.err,
      "alliance: x.csv:1: no one pattern of column names covers every item of srs: 'Q{id}' names 3 of the 4 "
      "(Q1, Q3, Q4; no column for item 2); 'Q5_{id}' names 2 of the 4 (Q5_1, Q5_2; no column for items 3, "
      "4); to read one anyway, --columns 'PATTERN' (an item without a column is then unanswered in every "
      "row), or --map COLUMN=ITEM\n");
  const Outcome chosen = run_in_dir({"score", "srs", "x.csv", "--format", "csv", "--output-columns",
                                     "respondent,total", "--columns", "Q{id}", "--map", "Q5_2=2"},
                                    {{"x.csv", some}});
  EXPECT_EQ(chosen.status, 0) << chosen.err;
  EXPECT_EQ(chosen.out, "respondent,total\nA,11\n");  // 1 + 5 + 2 + 3
}

// Qualtrics exports carry two rows under the header: the question text and
// {"ImportId":…}. Forgetting --skip-rows 2 gave two phantom respondents.
TEST(CsvInput, HeaderRowsUnderTheHeaderAreNotRespondents) {
  const std::string example = source_path("examples/qualtrics-wai-sr.csv");
  const Outcome forgot = run_alliance({"score", "wai-sr", example});
  EXPECT_EQ(forgot.status, 1);
  EXPECT_EQ(forgot.err,
            "alliance: " + example +
                ":2: these 2 rows hold header text, not answers (line 2: item 1 is \"As a result of "
                "these sessions, …\", not a number; line 3: {\"ImportId\":…} cells, as Qualtrics "
                "writes): skip them with --skip-rows 2\n");
  EXPECT_EQ(forgot.out, "");
  const Outcome one = run_alliance({"score", "wai-sr", example, "--skip-rows", "1"});
  EXPECT_EQ(one.status, 1);
  EXPECT_EQ(one.err, "alliance: " + example +
                         ":3: this row holds header text, not answers ({\"ImportId\":…} cells, as Qualtrics "
                         "writes): skip it with --skip-rows 2\n");
  const Outcome three = run_alliance({"score", "wai-sr", example, "--skip-rows", "3", "--format", "csv"});
  EXPECT_EQ(three.status, 1);  // the invalid row 7
  EXPECT_EQ(
      three.err.rfind("warning: " + example +
                          ":4: --skip-rows 3 skips this row, but it holds answers (item 1 = 4): check the "
                          "number of rows to skip\n",
                      0),
      0u)
      << three.err;
  EXPECT_EQ(lines(three.out).size(), 1u + 3);
  // Answers exported as labels look the same in every row: said as such.
  const std::string labels =
      "id,1,2,3,4\nA,Agree,Agree,Disagree,Agree\nB,Agree,Agree,Agree,Agree\nC,Agree,x,y,z\n"
      "D,Agree,x,y,z\nE,Agree,x,y,z\n";
  const Outcome text = run_in_dir(kScore, {{"x.csv", labels}});
  EXPECT_EQ(text.status, 1);
  EXPECT_EQ(
      text.err,
      "alliance: x.csv:2: the first 5 rows hold text in every item column (item 1 is \"Agree\", not a "
      "number): are the answers exported as labels that the definition does not have? name them with "
      "--recode 'LABEL=VALUE,…' (docs/data-sources.md), or export numbers; --skip-rows N skips rows under "
      "the header\n");
  const Outcome two = run_in_dir(kScore, {{"x.csv", "id,1,2,3,4\nA,Agree,x,y,z\n\nB,Agree,x,y,z\n"}});
  EXPECT_EQ(two.status, 1);
  EXPECT_EQ(
      two.err.rfind("alliance: x.csv:2: the 2 rows hold text in every item column (item 1 is \"Agree\"", 0),
      0u)
      << two.err;
}

}  // namespace
}  // namespace alliance::testing
