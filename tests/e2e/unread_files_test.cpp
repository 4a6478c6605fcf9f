// Several response files, one of which cannot be read, or not as responses
// (missing, a directory, empty, a header naming no item, a .sav file ReadStat
// refuses): it is said with its reason, the other files are still read and
// scored in order, the exit status says so (3 over 1), a closing summary
// names the files left out; --strict stops at it. Every command that reads
// responses: score, stats, trend, compare, norms, report. A single file that
// cannot be read keeps the output and exit status it always had.
//
// The expected scores are worked out by hand from the answers (GTB-12: items
// 1, 4, 7R, 10 goals; 2, 5, 8R, 11 tasks; 3, 6, 9, 12R bond; means of 1-5,
// a reversed item counting 6 - x).
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "process.hpp"

namespace alliance::testing::unread_files_e2e {
namespace {

using Outcome = alliance::testing::Run;

// R1 answers 4 4 5 4 3 5 2 1 4 5 3 1: goals (4 + 4 + (6-2) + 5) / 4 = 4.25, tasks (4 + 3 + (6-1) + 3) / 4
// = 3.75, bond (5 + 5 + 4 + (6-1)) / 4 = 4.75, total 51 / 12 = 4.25. R2 answers 3 to everything: 3.
// R3 answers 2, and 4 to the reversed items: 2 everywhere.
constexpr const char* kHeader = "respondent,1,2,3,4,5,6,7,8,9,10,11,12\n";
constexpr const char* kFirst = "R1,4,4,5,4,3,5,2,1,4,5,3,1\nR2,3,3,3,3,3,3,3,3,3,3,3,3\n";
constexpr const char* kLast = "R3,2,2,2,2,2,2,4,4,2,2,2,4\n";
constexpr const char* kColumns = "respondent,goals,tasks,bond,total";
const std::string kFirstScores = "R1,4.25,3.75,4.75,4.25\nR2,3,3,3,3\n";
const std::string kLastScores = "R3,2,2,2,2\n";

void write(const std::string& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

// One kind of file-level failure: the file's name in the working directory,
// how to make it, the message alliance gives for it (after "alliance: "), and the exit status.
struct Kind {
  const char* name;
  const char* file;
  const char* message;  // the start of the message
  int status;
};

const Kind kKinds[] = {
    {"Missing", "nonexist.csv", "nonexist.csv: cannot open: No such file or directory", 3},
    {"Directory", "folder", "folder: cannot read: Is a directory", 3},
    {"Empty", "empty.csv", "empty.csv: empty input, expected a header row", 1},
    {"NoItemColumn", "bad.csv",
     "bad.csv:1: no column holds an item of gtb-12 (item columns are named by '{id}'; use --columns "
     "'PATTERN' with {id}, or --map COLUMN=ITEM)",
     1},
    {"SavReadStatRefuses", "bad.sav", "bad.sav: cannot be read in the SPSS format: ", 1},
};

void PrintTo(const Kind& kind, std::ostream* out) {
  *out << kind.name;
}

// A directory holding a.csv, c.csv and every kind of bad file but the missing one.
std::string batch_dir() {
  const std::string dir = make_temp_dir();
  write(dir + "/a.csv", std::string(kHeader) + kFirst);
  write(dir + "/c.csv", std::string(kHeader) + kLast);
  write(dir + "/t.csv", std::string(kHeader) + "R1,4,4,5,4,3,5,2,1,4,5,3,1\n");
  ::mkdir((dir + "/folder").c_str(), 0700);
  write(dir + "/empty.csv", "");
  write(dir + "/bad.csv", "x,y\n1,2\n");
  write(dir + "/bad.sav", "this is not an SPSS file\n");
  return dir;
}

std::string lines_starting(const std::string& text, const std::string& start) {
  std::string out;
  for (const std::string& line : lines(text))
    if (line.rfind(start, 0) == 0) out += line + "\n";
  return out;
}

class UnreadFile : public ::testing::TestWithParam<Kind> {
 protected:
  std::string dir_ = batch_dir();
  Outcome run(const std::vector<std::string>& args, const std::string& input = "",
              const std::string& threads = "1") {
    return run_alliance(args, {.input = input, .env = {{"ALLIANCE_THREADS", threads}}, .cwd = dir_});
  }
  std::string error_line() const { return std::string("alliance: ") + GetParam().message; }
};

TEST_P(UnreadFile, TheOtherFilesAreScoredInOrder) {
  for (const std::string threads : {"1", "2"}) {
    SCOPED_TRACE("threads " + threads);
    const Outcome r = run({"score", "gtb-12", "a.csv", GetParam().file, "c.csv", "--format", "csv",
                           "--output-columns", kColumns},
                          "", threads);
    EXPECT_EQ(r.out, std::string(kColumns) + "\n" + kFirstScores + kLastScores);
    EXPECT_EQ(r.status, GetParam().status);
    const std::vector<std::string> err = lines(r.err);
    ASSERT_EQ(err.size(), 2u) << r.err;
    EXPECT_EQ(err[0].rfind(error_line(), 0), 0u) << err[0];
    EXPECT_EQ(err[1], std::string("alliance: 1 of 3 files could not be read: ") + GetParam().file);
  }
}

TEST_P(UnreadFile, StrictStopsThereAndWritesWhatCameBefore) {
  const Outcome r = run({"score", "gtb-12", "a.csv", GetParam().file, "c.csv", "a.csv", "--strict",
                         "--format", "csv", "--output-columns", kColumns});
  EXPECT_EQ(r.out, std::string(kColumns) + "\n" + kFirstScores);
  EXPECT_EQ(r.status, GetParam().status);
  const std::vector<std::string> err = lines(r.err);
  ASSERT_EQ(err.size(), 2u) << r.err;
  EXPECT_EQ(err[0].rfind(error_line(), 0), 0u) << err[0];
  EXPECT_EQ(err[1], std::string("alliance: --strict: stopped at ") + GetParam().file +
                        "; not read after it: c.csv, a.csv");
}

TEST_P(UnreadFile, StrictWritesTheFileOfWhatCameBefore) {
  const Outcome r = run({"score", "gtb-12", "a.csv", GetParam().file, "c.csv", "--strict", "-o", "out.csv",
                         "--output-columns", kColumns});
  EXPECT_EQ(r.status, GetParam().status);
  EXPECT_EQ(slurp(dir_ + "/out.csv"), std::string(kColumns) + "\n" + kFirstScores);
  struct stat st {};
  ASSERT_EQ(::stat((dir_ + "/out.csv").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
}

// As it always was: the error alone, nothing on standard output, the same status.
TEST_P(UnreadFile, AloneItIsTheErrorItAlwaysWas) {
  for (const std::vector<std::string>& command : {std::vector<std::string>{"score", "gtb-12"},
                                                  {"score", "gtb-12", "--strict"},
                                                  {"stats", "gtb-12"},
                                                  {"stats", "gtb-12", "--quality"},
                                                  {"trend", "gtb-12"},
                                                  {"norms", "gtb-12", "-o", "n.json"},
                                                  {"report", "gtb-12", "-o", "r.html"}}) {
    std::vector<std::string> args = command;
    args.push_back(GetParam().file);
    SCOPED_TRACE(args[0]);
    const Outcome r = run(args);
    EXPECT_EQ(r.out, "");
    EXPECT_EQ(r.status, GetParam().status);
    ASSERT_EQ(lines(r.err).size(), 1u) << r.err;
    EXPECT_EQ(r.err.rfind(error_line(), 0), 0u) << r.err;
  }
  // compare, one file a form
  const Outcome r =
      run({"compare", "--client", "gtb-12", GetParam().file, "--therapist", "gtb-12-t", "t.csv"});
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.status, GetParam().status);
  EXPECT_EQ(lines(r.err).size(), 1u) << r.err;
}

TEST_P(UnreadFile, StatsLeavesItOutAndSaysSo) {
  const Outcome r = run({"stats", "gtb-12", "a.csv", GetParam().file, "c.csv", "--format", "csv"});
  EXPECT_EQ(r.status, GetParam().status);
  // The total of R1, R2 and R3: n 3, mean (4.25 + 3 + 2) / 3.
  const std::vector<std::string> rows = lines(r.out);
  ASSERT_GE(rows.size(), 5u) << r.out;
  EXPECT_EQ(rows[0].rfind("scale,items,n,complete,incomplete,insufficient,mean,", 0), 0u);
  std::vector<std::string> total;
  std::stringstream cells(rows[4]);
  for (std::string cell; std::getline(cells, cell, ',');) total.push_back(cell);
  ASSERT_GE(total.size(), 7u);
  EXPECT_EQ(total[0], "total");
  EXPECT_EQ(total[2], "3");
  EXPECT_NEAR(std::strtod(total[6].c_str(), nullptr), (4.25 + 3 + 2) / 3, 1e-12);
  EXPECT_EQ(lines_starting(r.err, "alliance: "),
            lines_starting(r.err, error_line()) + "alliance: 1 of 3 files could not be read: " +
                GetParam().file + "; the results are those of the other files\n");
}

TEST_P(UnreadFile, TrendGoesOnWithTheOthers) {
  const Outcome r = run({"trend", "gtb-12", "a.csv", GetParam().file, "c.csv", "--format", "csv"});
  EXPECT_EQ(r.status, GetParam().status);
  const std::vector<std::string> rows = lines(r.out);
  ASSERT_EQ(rows.size(), 4u) << r.out;
  EXPECT_EQ(rows[1].rfind("R1,NA,NA,1,FALSE,a.csv:2,4.25,", 0), 0u) << rows[1];
  EXPECT_EQ(rows[2].rfind("R2,NA,NA,1,FALSE,a.csv:3,3,", 0), 0u) << rows[2];
  EXPECT_EQ(rows[3].rfind("R3,NA,NA,1,FALSE,c.csv:2,2,", 0), 0u) << rows[3];
  EXPECT_NE(r.err.find(std::string("alliance: 1 of 3 files could not be read: ") + GetParam().file +
                       "; the results are those of the other files\n"),
            std::string::npos)
      << r.err;
}

TEST_P(UnreadFile, CompareGoesOnWithTheOthers) {
  const Outcome r = run({"compare", "--client", "gtb-12", GetParam().file, "a.csv", "--therapist", "gtb-12-t",
                         "t.csv", "--format", "csv"});
  EXPECT_EQ(r.status, GetParam().status);
  const std::vector<std::string> rows = lines(r.out);
  ASSERT_EQ(rows.size(), 2u) << r.out;
  // R1's answers on both forms: the same scores, no difference.
  EXPECT_EQ(rows[1].rfind("client-therapist,R1,NA,NA,4.25,4.25,0,ok,ok,3.75,3.75,0,", 0), 0u) << rows[1];
  EXPECT_NE(r.err.find(std::string("alliance: 1 of 3 files could not be read: ") + GetParam().file),
            std::string::npos)
      << r.err;
}

TEST_P(UnreadFile, NormsNameItInTheirProvenance) {
  const Outcome r = run({"norms", "gtb-12", "a.csv", GetParam().file, "c.csv", "-o", "-", "--min-n", "2"});
  EXPECT_EQ(r.status, GetParam().status);
  // Three totals, 4.25, 3 and 2: their mean.
  EXPECT_NE(r.out.find("\"mean\": 3.08333333333,"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\"n\": 3,"), std::string::npos);
  const std::string entry = std::string("\"path\": \"") + GetParam().file + "\",";
  const std::size_t at = r.out.find(entry);
  ASSERT_NE(at, std::string::npos) << r.out;
  const std::size_t error = r.out.find("\"error\": \"" + std::string(GetParam().message), at);
  EXPECT_NE(error, std::string::npos) << r.out;
  EXPECT_LT(error, r.out.find("\"path\": \"c.csv\""));
  EXPECT_EQ(r.out.find("\"error\"", r.out.find("\"path\": \"c.csv\"")), std::string::npos);
  EXPECT_NE(r.err.find("; the results are those of the other files"), std::string::npos) << r.err;
}

TEST_P(UnreadFile, TheReportNamesItAmongItsInputs) {
  const Outcome r = run({"report", "gtb-12", "a.csv", GetParam().file, "c.csv", "-o", "r.html"});
  EXPECT_EQ(r.status, GetParam().status);
  const std::string page = slurp(dir_ + "/r.html");
  EXPECT_NE(page.find(std::string("a.csv, ") + GetParam().file + " (could not be read: left out), c.csv"),
            std::string::npos);
  EXPECT_NE(page.find(">R3<"), std::string::npos);
  EXPECT_NE(r.err.find(std::string("alliance: 1 of 3 files could not be read: ") + GetParam().file),
            std::string::npos)
      << r.err;
}

INSTANTIATE_TEST_SUITE_P(Kinds, UnreadFile, ::testing::ValuesIn(kKinds),
                         [](const ::testing::TestParamInfo<Kind>& kind) { return kind.param.name; });

class UnreadFiles : public ::testing::Test {
 protected:
  std::string dir_ = batch_dir();
  Outcome run(const std::vector<std::string>& args, const std::string& input = "") {
    return run_alliance(args, {.input = input, .cwd = dir_});
  }
};

// A file that cannot be read (3) and one that is not responses (1): 3, as for the output.
TEST_F(UnreadFiles, ThreeTakesPrecedenceAndTheSummaryNamesEach) {
  const Outcome r = run({"score", "gtb-12", "bad.csv", "a.csv", "nonexist.csv", "c.csv", "--format", "csv",
                         "--output-columns", kColumns});
  EXPECT_EQ(r.out, std::string(kColumns) + "\n" + kFirstScores + kLastScores);
  EXPECT_EQ(r.status, 3);
  EXPECT_EQ(lines(r.err).back(), "alliance: 2 of 4 files could not be read: bad.csv, nonexist.csv");
}

// An invalid row, and a file that is not responses: 1; --fail-below met as well: 4, as for rows.
TEST_F(UnreadFiles, WithRowsAndThresholds) {
  write(dir_ + "/row.csv", std::string(kHeader) + "R9,9,3,3,3,3,3,3,3,3,3,3,3\n");
  Outcome r = run({"score", "gtb-12", "row.csv", "bad.csv", "c.csv", "--format", "csv"});
  EXPECT_EQ(r.status, 1);
  r = run({"score", "gtb-12", "a.csv", "bad.csv", "c.csv", "--fail-below", "total=2.5", "--format", "csv"});
  EXPECT_EQ(r.status, 4);
  r = run({"score", "gtb-12", "a.csv", "folder", "c.csv", "--fail-below", "total=2.5", "--format", "csv"});
  EXPECT_EQ(r.status, 3);
}

TEST_F(UnreadFiles, StandardInputAmongThemWorksTheSameWay) {
  Outcome r = run({"score", "gtb-12", "a.csv", "-", "c.csv", "--format", "csv", "--output-columns", kColumns},
                  "x,y\n1,2\n");
  EXPECT_EQ(r.out, std::string(kColumns) + "\n" + kFirstScores + kLastScores);
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(lines(r.err).back(), "alliance: 1 of 3 files could not be read: <stdin>");
  r = run({"score", "gtb-12", "a.csv", "nonexist.csv", "-", "--format", "csv", "--output-columns", kColumns},
          std::string(kHeader) + kLast);
  EXPECT_EQ(r.out, std::string(kColumns) + "\n" + kFirstScores + kLastScores);
  EXPECT_EQ(r.status, 3);
}

TEST_F(UnreadFiles, EveryFileUnreadWritesNothing) {
  const Outcome r = run({"score", "gtb-12", "bad.csv", "nonexist.csv", "--format", "csv"});
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.status, 3);
  EXPECT_EQ(lines(r.err).size(), 2u) << r.err;
}

TEST_F(UnreadFiles, InFrench) {
  const Outcome r = run({"score", "gtb-12", "a.csv", "nonexist.csv", "c.csv", "bad.csv", "--lang", "fr",
                         "--format", "csv", "--output-columns", kColumns});
  EXPECT_EQ(r.out, std::string(kColumns) + "\n" + kFirstScores + kLastScores);
  EXPECT_EQ(r.status, 3);
  const std::vector<std::string> err = lines(r.err);
  ASSERT_EQ(err.size(), 3u) << r.err;
  EXPECT_EQ(err[0], "alliance\u00a0: nonexist.csv\u00a0: lecture impossible\u00a0: le fichier n’existe pas");
  EXPECT_EQ(err[2], "alliance\u00a0: 2 fichiers sur 4 n’ont pas pu être lus\u00a0: nonexist.csv, bad.csv");
  const Outcome s =
      run({"stats", "gtb-12", "a.csv", "nonexist.csv", "c.csv", "--lang", "fr", "--format", "csv"});
  EXPECT_EQ(
      lines(s.err).back(),
      "alliance\u00a0: 1 fichier sur 3 n’a pas pu être lu\u00a0: nonexist.csv\u00a0; les résultats sont "
      "ceux des autres fichiers");
  const Outcome t = run({"score", "gtb-12", "a.csv", "nonexist.csv", "c.csv", "--strict", "--lang", "fr"});
  EXPECT_EQ(
      lines(t.err).back(),
      "alliance\u00a0: --strict\u00a0: arrêt à nonexist.csv\u00a0; fichiers suivants non lus\u00a0: c.csv");
}

// A usage error a file's header makes (an option naming a column it lacks) stops the run, as
// every usage error does: the command line is to be fixed.
TEST_F(UnreadFiles, AUsageErrorStillStops) {
  const Outcome r = run({"score", "gtb-12", "a.csv", "c.csv", "--id-column", "pid"});
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.out, "");
}

}  // namespace
}  // namespace alliance::testing::unread_files_e2e
