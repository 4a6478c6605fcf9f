// Every way out of the binary says what happened (issue 12): output that
// cannot be written is exit 3 with a message, for every command and format,
// --help and --version included; a number option given something that is not
// a sensible number is a usage error naming the option and what it expects.
#include <gtest/gtest.h>

#include <sys/stat.h>

#include <filesystem>
#include <fstream>

#include "process.hpp"

namespace alliance::testing {
namespace {

using Outcome = alliance::testing::Run;

std::string shell_quote(const std::string& word) {
  std::string out = "'";
  for (char c : word) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

// Runs alliance with its standard output on /dev/full (every write fails
// with ENOSPC, as on a full disk), from the source directory.
Outcome to_full_disk(const std::vector<std::string>& args, const std::string& input = "") {
  std::string command = shell_quote(ALLIANCE_BIN);
  for (const std::string& arg : args) command += " " + shell_quote(arg);
  return run_program("/bin/sh", {"-c", command + " > /dev/full"}, {.input = input, .cwd = source_path("")});
}

bool have_dev_full() {
  struct stat st {};
  return ::stat("/dev/full", &st) == 0 && S_ISCHR(st.st_mode);
}

const std::vector<std::string> kCompare = {"compare",
                                           "--client",
                                           "gtb-12",
                                           "examples/gtb-12-sessions.ndjson",
                                           "--therapist",
                                           "gtb-12-t",
                                           "examples/gtb-12-t-sessions.csv"};

std::vector<std::string> with(std::vector<std::string> args, const std::vector<std::string>& more) {
  args.insert(args.end(), more.begin(), more.end());
  return args;
}

// main exited 0 for --help and --version into a full disk.
TEST(ExitPaths, EveryOutputToAFullDiskIsExitThreeWithAMessage) {
  if (!have_dev_full()) GTEST_SKIP() << "SKIPPED: /dev/full is not a character device here";
  const std::string ndjson = "examples/gtb-12-sessions.ndjson";
  const std::string batch = "examples/gtb-12-batch.csv";
  const std::string srs = "examples/srs-sessions.ndjson";
  std::vector<std::vector<std::string>> cases = {
      {"--help"},
      {"--version"},
      {"list", "--help"},
      {"score", "--help"},
      {"stats", "--help"},
      {"trend", "--help"},
      {"compare", "--help"},
      {"administer", "--help"},
      {"list"},
      {"list", "--format", "json"},
      {"show", "gtb-12"},
      {"show", "gtb-12", "--format", "json"},
      {"validate", "questionnaires/gtb-12.json"},
      {"validate", "questionnaires/gtb-12.json", "--format", "json"},
      {"score", "gtb-12", ndjson, "--explain"},
      {"score", "gtb-12", ndjson, "--long"},
  };
  for (const char* format : {"table", "csv", "tsv", "json", "ndjson"}) {
    cases.push_back({"score", "gtb-12", ndjson, "--format", format});
    cases.push_back({"trend", "srs", srs, "--format", format});
  }
  for (const char* format : {"table", "csv", "tsv", "json"}) {
    cases.push_back({"stats", "gtb-12", batch, "--format", format});
    cases.push_back({"stats", "gtb-12", batch, "--quality", "--format", format});
    cases.push_back(with(kCompare, {"--format", format}));
    cases.push_back(with(kCompare, {"--format", format, "--section", "agreement"}));
    cases.push_back(with(kCompare, {"--format", format, "--section", "unpaired"}));
  }
  for (const std::vector<std::string>& args : cases) {
    const Outcome run = to_full_disk(args);
    std::string shown;
    for (const std::string& a : args) shown += " " + a;
    EXPECT_EQ(run.status, 3) << shown << "\n" << run.err;
    EXPECT_NE(run.err.find("alliance: cannot write"), std::string::npos) << shown << "\n" << run.err;
  }
}

TEST(ExitPaths, AdministerKeepsTheAnswersWhenItsScoresCannotBeShown) {
  if (!have_dev_full()) GTEST_SKIP() << "SKIPPED: /dev/full is not a character device here";
  const std::string dir = make_temp_dir();
  const Outcome run =
      to_full_disk({"administer", "gtb-12", "--respondent", "P01", "--lang", "en", "-o", dir + "/p01.json"},
                   "4\n4\n5\n4\n3\n5\n2\n1\n4\n5\n3\n1\n");
  EXPECT_EQ(run.status, 3) << run.err;
  EXPECT_NE(run.err.find("alliance: cannot write to standard output"), std::string::npos) << run.err;
  EXPECT_NE(slurp(dir + "/p01.json").find("\"status\": \"complete\""), std::string::npos);
  std::filesystem::remove_all(dir);
}

struct BadValue {
  std::vector<std::string> args;
  std::string message;  // the whole first line of standard error
};

// Each was accepted by main (exit 0, a threshold that never fires, NaN
// compared), taken as something else (0x10 as 16) or refused as "not in range".
TEST(ExitPaths, NonsenseNumbersAreUsageErrorsNamingTheOption) {
  const std::vector<std::string> score = {"score", "gtb-12", "examples/gtb-12-sessions.ndjson"};
  const std::vector<std::string> stats = {"stats", "gtb-12", "examples/gtb-12-batch.csv"};
  const std::vector<std::string> trend = {"trend", "srs", "examples/srs-sessions.ndjson"};
  const std::vector<BadValue> cases = {
      {with(score, {"--precision", "abc"}),
       "alliance: --precision: 'abc' is not a whole number (expected a whole number, 0 to 17)"},
      {with(score, {"--precision", "0x10"}),
       "alliance: --precision: '0x10' is not a whole number (expected a whole number, 0 to 17)"},
      {with(score, {"--precision", ""}),
       "alliance: --precision: no value (expected a whole number, 0 to 17)"},
      {with(score, {"--precision", "18"}),
       "alliance: --precision: '18' is out of range (expected a whole number, 0 to 17)"},
      {with(score, {"--fail-below", "total=nan"}),
       "alliance: --fail-below 'total=nan': 'nan' is not a finite number (expected SCALE=VALUE, as in "
       "bond=3.5)"},
      {with(score, {"--fail-below", "total=inf"}),
       "alliance: --fail-below 'total=inf': 'inf' is not a finite number (expected SCALE=VALUE, as in "
       "bond=3.5)"},
      {with(score, {"--fail-below", "total=-inf"}),
       "alliance: --fail-below 'total=-inf': '-inf' is not a finite number (expected SCALE=VALUE, as in "
       "bond=3.5)"},
      {with(score, {"--fail-below", "total=36"}),
       "alliance: --fail-below 'total=36': gtb-12's total scores run from 1 to 5"},
      {with(score, {"--skip-rows", "-1"}),
       "alliance: --skip-rows: '-1' is out of range (expected a whole number, 0 or more)"},
      {with(score, {"--skip-rows", "1.5"}),
       "alliance: --skip-rows: '1.5' is not a whole number (expected a whole number, 0 or more)"},
      {with(score, {"--threads", "3"}),
       "alliance: --threads: '3' is out of range (expected a whole number, 1 or 2)"},
      {with(stats, {"--floor-ceiling", "nan"}),
       "alliance: --floor-ceiling: 'nan' is not a finite number (expected a number, 0 to 100)"},
      {with(stats, {"--min-complete", "inf"}),
       "alliance: --min-complete: 'inf' is not a whole number (expected a whole number, 0 or more)"},
      {with(stats, {"--run-limit", "0"}),
       "alliance: --run-limit: '0' is out of range (expected a whole number, 1 or more)"},
      {with(trend, {"--low-item", "nan"}),
       "alliance: --low-item: 'nan' is not a finite number (expected a finite number)"},
      {with(trend, {"--low-item", ""}), "alliance: --low-item: no value (expected a finite number)"},
      {with(trend, {"--low-item", "11"}), "alliance: --low-item 11: outside srs's answer scale 0..10"},
      {with(trend, {"--reliable-z", "nan"}),
       "alliance: --reliable-z: 'nan' is not a finite number (expected a number, greater than 0)"},
      {with(trend, {"--sd", "total=inf"}),
       "alliance: --sd 'total=inf': 'inf' is not a finite number (expected SCALE=VALUE, as in bond=3.5)"},
      {with(trend, {"--retest-r", "total=nan"}),
       "alliance: --retest-r 'total=nan': 'nan' is not a finite number (expected SCALE=VALUE, as in "
       "bond=3.5)"},
      {with(trend, {"--baseline", "2.5"}),
       "alliance: --baseline: '2.5' is not a whole number (expected a whole number, 2 to 1000)"},
      {with(trend, {"--repair-within", "nan"}),
       "alliance: --repair-within: 'nan' is not a whole number (expected a whole number, 1 to 1000)"},
      {with(trend, {"--fail-on", ""}),
       "alliance: --fail-on '': not a flag (below-band, reliable-drop, rupture, repair, ceiling, low-item)"},
      {with(trend, {"--fail-on", "rupture,"}),
       "alliance: --fail-on '': not a flag (below-band, reliable-drop, rupture, repair, ceiling, low-item)"},
      {with(kCompare, {"--items", "-1"}),
       "alliance: --items: '-1' is out of range (expected a whole number, 0 to 1000)"},
      {{"administer", "gtb-12", "--respondent", "P01", "--session", "abc"},
       "alliance: --session: 'abc' is not a whole number (expected a whole number, 0 or more)"},
  };
  for (const BadValue& c : cases) {
    const Outcome run = run_alliance(c.args, {.cwd = source_path("")});
    std::string shown;
    for (const std::string& a : c.args) shown += " '" + a + "'";
    EXPECT_EQ(run.status, 2) << shown;
    EXPECT_EQ(lines(run.err).empty() ? "" : lines(run.err)[0], c.message) << shown;
    EXPECT_EQ(run.out, "") << shown;
  }
}

TEST(ExitPaths, AThreadCountInTheEnvironmentIsCheckedToo) {
  const Outcome bad = run_alliance({"score", "gtb-12", "examples/gtb-12-response.json"},
                                   {.env = {{"ALLIANCE_THREADS", "4"}}, .cwd = source_path("")});
  EXPECT_EQ(bad.status, 2);
  EXPECT_EQ(bad.err, "alliance: ALLIANCE_THREADS='4': expected 1 or 2 (or unset it for the default)\n");
  const Outcome empty = run_alliance({"score", "gtb-12", "examples/gtb-12-response.json"},
                                     {.env = {{"ALLIANCE_THREADS", ""}}, .cwd = source_path("")});
  EXPECT_EQ(empty.status, 0) << empty.err;
}

}  // namespace
}  // namespace alliance::testing
