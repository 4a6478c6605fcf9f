// SPSS, Stata and SAS files as a user gives them (tests/data/stat-files, made
// by make-stat-files.R with R's haven): each scores as answers.csv, the
// numeric CSV of the same answers; user-missing and Stata's .a/.b are
// missing answers; a damaged file is a located error. And score's .sav and
// .dta output: written atomically, mode 0600; what it holds is read back in
// tests/io/stat_file_writer_test.cpp (ReadStat) and by R's haven
// (tests/e2e/haven_roundtrip.R).
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <string>
#include <vector>

#include "process.hpp"

namespace alliance::testing {
namespace {

const std::string kStatDir = "tests/data/stat-files/";

std::vector<std::string> stat_split(const std::string& line) {
  std::vector<std::string> out;
  std::string cell;
  bool quoted = false;
  for (char c : line) {
    if (c == '"') {
      quoted = !quoted;
    } else if (c == ',' && !quoted) {
      out.push_back(cell);
      cell.clear();
    } else {
      cell.push_back(c);
    }
  }
  out.push_back(cell);
  return out;
}

// score's CSV rows, from `first` column up to (not including) "problems":
// the scores, their counts and statuses.
std::vector<std::vector<std::string>> score_cells(const std::string& csv, std::size_t first) {
  std::vector<std::vector<std::string>> rows;
  const std::vector<std::string> all = lines(csv);
  if (all.empty()) return rows;
  const std::vector<std::string> header = stat_split(all[0]);
  const std::size_t problems =
      static_cast<std::size_t>(std::find(header.begin(), header.end(), "problems") - header.begin());
  for (std::size_t i = 0; i < all.size(); ++i) {
    const std::vector<std::string> cells = stat_split(all[i]);
    rows.emplace_back(cells.begin() + static_cast<long>(first),
                      cells.begin() + static_cast<long>(std::min(problems, cells.size())));
  }
  return rows;
}

Run stat_score(const std::vector<std::string>& args) {
  std::vector<std::string> all = {"score", "gtb-12"};
  all.insert(all.end(), args.begin(), args.end());
  return run_alliance(all);
}

TEST(StatFiles, EachFileScoresAsTheNumericCsvOfTheSameAnswers) {
  const auto csv = stat_score({source_path(kStatDir + "answers.csv"), "--format", "csv"});
  ASSERT_EQ(csv.status, 1) << csv.err;  // row 6 answers 7 on a 1..5 scale
  for (const char* file : {"gtb-12-study.sav", "gtb-12-study.zsav", "gtb-12-study.dta",
                           "gtb-12-study.sas7bdat", "gtb-12-study.xpt"}) {
    SCOPED_TRACE(file);
    const auto run = stat_score({source_path(kStatDir + file), "--format", "csv"});
    EXPECT_EQ(run.status, 1) << run.err;
    // From the session on: the SAS files spell Zoé P05 (their encoding is not UTF-8).
    EXPECT_EQ(score_cells(run.out, 1), score_cells(csv.out, 1));
    EXPECT_NE(run.err.find(std::string(file) + ":6: item 1 = 7 is outside the scale 1..5"), std::string::npos)
        << run.err;
  }
}

// Values worked out by hand, so that the CSV reader is not the only judge.
TEST(StatFiles, LabelsCodesAndMissingValuesAsSpssAndStataMeanThem) {
  for (const char* file : {"gtb-12-study.sav", "gtb-12-study.dta"}) {
    SCOPED_TRACE(file);
    const auto run =
        stat_score({source_path(kStatDir + file), "--format", "csv", "--output-columns",
                    "respondent,session,date,tasks_answered,tasks_missing,total,total_answered"});
    const std::vector<std::string> rows = lines(run.out);
    ASSERT_EQ(rows.size(), 7u) << run.out << run.err;
    // Every answer "Never" (code 1): the three reverse-keyed items count 5, (9 + 15) / 12.
    EXPECT_EQ(rows[5], "Zoé,1,2026-03-03,4,0,2,12");
    // Row 3 answers item 2 "Refused" (SPSS: 9, declared missing; Stata: .b): missing.
    EXPECT_EQ(rows[3].substr(0, 20), "P03,1,2026-03-02,3,1");
    // Row 4: item 3 "Don't know" (8 / .a) and item 11 system-missing; item 12 a string "3".
    EXPECT_EQ(rows[4].substr(0, 17), "P04,3,2026-03-16,");
    EXPECT_EQ(rows[4].substr(rows[4].rfind(',') + 1), "10");
  }
}

TEST(StatFiles, InputFormatOptionReadsAFileWhoseNameSaysNothing) {
  const std::string dir = make_temp_dir();
  std::filesystem::copy_file(source_path(kStatDir + "gtb-12-study.dta"), dir + "/export.bin");
  const auto run = stat_score({dir + "/export.bin", "--input-format", "dta", "--format", "csv"});
  EXPECT_EQ(run.status, 1) << run.err;
  EXPECT_EQ(lines(run.out).size(), 7u);
}

TEST(StatFiles, ColumnOptionsWorkAsForCsv) {
  const auto run = stat_score({source_path(kStatDir + "gtb-12-study.sav"), "--format", "csv", "--id-column",
                               "comment", "--output-columns", "respondent"});
  ASSERT_EQ(run.status, 1) << run.err;
  const std::vector<std::string> rows = lines(run.out);
  ASSERT_GE(rows.size(), 4u);
  EXPECT_EQ(rows[2], "felt heard");
  // A line break kept, the cell quoted.
  EXPECT_NE(run.out.find("\n\"long day,\nlate\"\n"), std::string::npos) << run.out;
  const auto unknown = stat_score({source_path(kStatDir + "gtb-12-study.sav"), "--id-column", "patient"});
  EXPECT_EQ(unknown.status, 2);
  EXPECT_NE(unknown.err.find("patient"), std::string::npos) << unknown.err;
}

TEST(StatFiles, DamagedFilesAreLocatedErrorsNotCrashes) {
  const auto truncated = stat_score({source_path(kStatDir + "truncated.sav"), "--format", "csv"});
  EXPECT_EQ(truncated.status, 1);
  EXPECT_NE(truncated.err.find("truncated.sav: cannot be read in the SPSS format"), std::string::npos)
      << truncated.err;
  const auto text = stat_score({source_path(kStatDir + "not-stata.dta"), "--format", "csv"});
  EXPECT_EQ(text.status, 1);
  EXPECT_NE(text.err.find("not-stata.dta: cannot be read in the Stata format"), std::string::npos)
      << text.err;
  // Cut in its rows: the whole rows before the cut are scored, then the error.
  const auto cut = stat_score({source_path(kStatDir + "cut-rows.sav"), "--format", "csv"});
  EXPECT_EQ(cut.status, 1);
  EXPECT_NE(cut.err.find("cut-rows.sav: cannot be read in the SPSS format after row 5"), std::string::npos)
      << cut.err;
  const auto french =
      run_alliance({"score", "gtb-12", source_path(kStatDir + "truncated.sav"), "--lang", "fr"});
  EXPECT_NE(french.err.find("illisible au format SPSS"), std::string::npos) << french.err;
  const auto missing = stat_score({source_path(kStatDir + "nothing-here.sav")});
  EXPECT_EQ(missing.status, 3);
  EXPECT_NE(missing.err.find("nothing-here.sav"), std::string::npos) << missing.err;
}

TEST(StatFiles, StandardInputAndSkipRowsAreRefusedWithTheWayOut) {
  const auto in = run_alliance({"score", "gtb-12", "--input-format", "sav"},
                               {.input = slurp(source_path(kStatDir + "gtb-12-study.sav"))});
  EXPECT_EQ(in.status, 2);
  EXPECT_NE(in.err.find("SPSS files are read from a named file"), std::string::npos) << in.err;
  const auto skip = stat_score({source_path(kStatDir + "gtb-12-study.sav"), "--skip-rows", "2"});
  EXPECT_EQ(skip.status, 2);
  EXPECT_NE(skip.err.find("--skip-rows is for CSV rows"), std::string::npos) << skip.err;
  // --where filters CSV rows only: refused, not silently ignored (every row would be scored).
  const auto where = stat_score({source_path(kStatDir + "gtb-12-study.sav"), "--where", "session=1"});
  EXPECT_EQ(where.status, 2);
  EXPECT_EQ(where.out, "");
  EXPECT_NE(where.err.find("--where filters CSV rows for now"), std::string::npos) << where.err;
}

// Answers exported as labels (SPSS's "values as labels"): string variables
// holding "Often", "souvent", "RAREMENT" are read as the CSV reader reads
// them, so they score as the numbers of answers.csv do (make-label-answers.R).
TEST(StatFiles, StringAnswersAreReadAsTheScaleLabels) {
  const auto labels = stat_score({source_path(kStatDir + "label-answers.sav"), "--format", "csv",
                                  "--output-columns", "respondent,goals,tasks,bond,total"});
  ASSERT_EQ(labels.status, 0) << labels.err;
  const auto numbers = stat_score({source_path(kStatDir + "answers.csv"), "--format", "csv",
                                   "--output-columns", "respondent,goals,tasks,bond,total"});
  const std::size_t third_line =
      numbers.out.find('\n', numbers.out.find('\n', numbers.out.find('\n') + 1) + 1);
  EXPECT_EQ(labels.out, numbers.out.substr(0, third_line + 1));
}

TEST(StatFiles, ScoresAreWrittenToSavAndDtaAtomicallyOwnerOnly) {
  const std::string dir = make_temp_dir();
  for (const char* name : {"scores.sav", "scores.dta"}) {
    SCOPED_TRACE(name);
    const std::string out = dir + "/" + name;
    const auto run = stat_score({source_path("examples/gtb-12-batch.csv"), "-o", out});
    ASSERT_EQ(run.status, 0) << run.err;
    EXPECT_EQ(run.out, "");
    EXPECT_NE(run.err.find(out + ": 40 responses scored and written"), std::string::npos) << run.err;
    struct stat info {};
    ASSERT_EQ(::stat(out.c_str(), &info), 0);
    EXPECT_EQ(info.st_mode & 0777, 0600u);
    const std::string bytes = slurp(out);
    EXPECT_EQ(bytes.substr(0, 4), std::string(name).ends_with(".sav") ? "$FL2" : "<sta");
    // Read back by alliance's own reader as a response file it is not: the
    // scores have no item columns, and the error says so, naming the file.
    const auto back = stat_score({out});
    EXPECT_EQ(back.status, 1) << back.err;
    EXPECT_NE(back.err.find(out), std::string::npos) << back.err;
  }
  // No file left behind by the atomic write, and nothing else written.
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) names.push_back(entry.path().filename());
  std::sort(names.begin(), names.end());
  EXPECT_EQ(names, (std::vector<std::string>{"scores.dta", "scores.sav"}));
}

TEST(StatFiles, BinaryFormatsAreNotWrittenToATerminalAndNamesMustAgree) {
  const std::string dir = make_temp_dir();
  const auto conflict =
      stat_score({source_path("examples/gtb-12-batch.csv"), "-o", dir + "/s.sav", "--format", "dta"});
  EXPECT_EQ(conflict.status, 2);
  EXPECT_NE(conflict.err.find("the name says another format than --format dta"), std::string::npos)
      << conflict.err;
  EXPECT_FALSE(std::filesystem::exists(dir + "/s.sav"));
  // In a pipe, --format sav writes the file's bytes (for `> scores.sav`).
  const auto piped = stat_score({source_path("examples/gtb-12-batch.csv"), "--format", "sav"});
  EXPECT_EQ(piped.status, 0) << piped.err;
  EXPECT_EQ(piped.out.substr(0, 4), "$FL2");
  // -o with another extension than a format's: CSV, the machine default.
  const auto csv = stat_score({source_path("examples/gtb-12-batch.csv"), "-o", dir + "/scores.txt"});
  EXPECT_EQ(csv.status, 0) << csv.err;
  EXPECT_EQ(slurp(dir + "/scores.txt").substr(0, 19), "respondent,session,");
}

}  // namespace
}  // namespace alliance::testing
