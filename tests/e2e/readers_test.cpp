// The CSV and TSV output as R's read.csv and pandas.read_csv read it (issue
// 12): counts as integers, booleans as logical, numbers as numbers. R and
// pandas come from Debian's r-base-core and python3-pandas (scripts/setup.sh);
// without them these tests print SKIPPED and why. The text itself is checked
// without them (CsvTextIsWhatBothReadersRecognise).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>

#include "process.hpp"

namespace alliance::testing {
namespace {

using Outcome = alliance::testing::Run;
using Types = std::map<std::string, std::string>;

// R3 answers 3 everywhere (straight-lining); R1 keys to 1 everywhere (no
// variance); R6 varies (not flagged, so not listed).
const std::string kBatch =
    "respondent,session,1,2,3,4,5,6,7,8,9,10,11,12\n"
    "R1,1,1,1,1,1,1,1,5,5,1,1,1,5\n"
    "R3,2,3,3,3,3,3,3,3,3,3,3,3,3\n"
    "R6,1,2,4,3,5,1,4,2,3,5,4,2,1\n";

struct Reader {
  std::string program;  // "" when missing
  std::vector<std::string> args;
  std::string missing;  // why, when missing
};

Reader find_r() {
  for (const char* candidate : {"/usr/bin/Rscript", "/usr/local/bin/Rscript"})
    if (std::filesystem::exists(candidate))
      return {candidate, {source_path("tests/readers/column_types.R")}, ""};
  return {"", {}, "Rscript is not installed (scripts/setup.sh installs Debian's r-base-core)"};
}

Reader find_pandas() {
  for (const char* candidate : {"/usr/bin/python3", "/usr/local/bin/python3"}) {
    if (!std::filesystem::exists(candidate)) continue;
    if (run_program(candidate, {"-c", "import pandas"}).status == 0)
      return {candidate, {source_path("tests/readers/column_types.py")}, ""};
  }
  const Outcome any = run_program("/bin/sh", {"-c", "python3 -c 'import pandas' && command -v python3"});
  if (any.status == 0) return {lines(any.out).at(0), {source_path("tests/readers/column_types.py")}, ""};
  return {"", {}, "pandas is not installed (scripts/setup.sh installs Debian's python3-pandas)"};
}

// The columns of `text` (written to a file) as `reader` types them.
Types column_types(const Reader& reader, const std::string& text, bool tsv = false) {
  const std::string dir = make_temp_dir();
  const std::string file = dir + (tsv ? "/out.tsv" : "/out.csv");
  std::ofstream(file) << text;
  std::vector<std::string> args = reader.args;
  args.push_back(file);
  if (tsv) args.emplace_back("tsv");
  const Outcome run = run_program(reader.program, args);
  EXPECT_EQ(run.status, 0) << run.err;
  Types out;
  for (const std::string& line : lines(run.out)) {
    const auto colon = line.rfind(':');
    if (colon != std::string::npos) out[line.substr(0, colon)] = line.substr(colon + 1);
  }
  std::filesystem::remove_all(dir);
  return out;
}

std::string output_of(const std::vector<std::string>& args, const std::string& input = "") {
  const Outcome run = run_alliance(args, {.input = input, .cwd = source_path("")});
  EXPECT_TRUE(run.status == 0 || run.status == 1) << run.err;
  return run.out;
}

void expect_types(const Types& actual, const Types& expected, const std::string& what) {
  for (const auto& [column, type] : expected) {
    const auto it = actual.find(column);
    ASSERT_NE(it, actual.end()) << what << ": no column " << column;
    EXPECT_EQ(it->second, type) << what << ": " << column;
  }
}

TEST(Readers, RReadsBooleansAsLogicalAndCountsAsIntegers) {
  const Reader r = find_r();
  if (r.program.empty()) GTEST_SKIP() << "SKIPPED: " << r.missing;
  for (const char* format : {"csv", "tsv"}) {
    const bool tsv = std::string(format) == "tsv";
    // main wrote true/false, which read.csv reads as text ("character").
    expect_types(column_types(r, output_of({"stats", "gtb-12", "-", "--quality", "-f", format}, kBatch), tsv),
                 {{"straightline", "logical"},
                  {"zero_variance", "logical"},
                  {"long_run", "logical"},
                  {"answered", "integer"},
                  {"longest_run", "integer"},
                  {"session", "integer"}},
                 std::string("stats --quality ") + format);
    expect_types(column_types(r, output_of({"score", "gtb-12", "-", "-f", format}, kBatch), tsv),
                 {{"session", "integer"},
                  {"goals", "numeric"},
                  {"goals_answered", "integer"},
                  {"total_missing", "integer"},
                  {"status", "character"}},
                 std::string("score ") + format);
  }
  expect_types(column_types(r, output_of({"score", "gtb-12", "-", "--long"}, kBatch)),
               {{"score", "numeric"}, {"answered", "integer"}, {"missing", "integer"}}, "score --long");
  expect_types(column_types(r, output_of({"trend", "srs", "examples/srs-sessions.ndjson", "-f", "csv"})),
               {{"session", "integer"},
                {"position", "integer"},
                {"total", "numeric"},
                {"total_change_first", "numeric"}},
               "trend");
  expect_types(column_types(r, output_of({"compare", "--client", "gtb-12", "examples/gtb-12-sessions.ndjson",
                                          "--therapist", "gtb-12-t", "examples/gtb-12-t-sessions.csv",
                                          "--section", "agreement", "-f", "csv"})),
               {{"n", "integer"}, {"excluded", "integer"}, {"pearson_r", "numeric"}, {"icc_2_1", "numeric"}},
               "compare");
}

TEST(Readers, PandasReadsBooleansAsBoolAndCountsAsIntegers) {
  const Reader pandas = find_pandas();
  if (pandas.program.empty()) GTEST_SKIP() << "SKIPPED: " << pandas.missing;
  for (const char* format : {"csv", "tsv"}) {
    const bool tsv = std::string(format) == "tsv";
    expect_types(
        column_types(pandas, output_of({"stats", "gtb-12", "-", "--quality", "-f", format}, kBatch), tsv),
        {{"straightline", "bool"},
         {"zero_variance", "bool"},
         {"long_run", "bool"},
         {"answered", "int64"},
         {"longest_run", "int64"}},
        std::string("stats --quality ") + format);
    expect_types(
        column_types(pandas, output_of({"score", "gtb-12", "-", "-f", format}, kBatch), tsv),
        {{"session", "int64"}, {"goals", "float64"}, {"goals_answered", "int64"}, {"status", "object"}},
        std::string("score ") + format);
  }
  expect_types(
      column_types(pandas, output_of({"compare", "--client", "gtb-12", "examples/gtb-12-sessions.ndjson",
                                      "--therapist", "gtb-12-t", "examples/gtb-12-t-sessions.csv",
                                      "--section", "agreement", "-f", "csv"})),
      {{"n", "int64"}, {"excluded", "int64"}, {"pearson_r", "float64"}}, "compare");
}

// Without R or pandas: the text both recognise. Both read TRUE/FALSE as
// logical; R 4.2's read.csv reads true/false as text; a count written 1e+05
// is a double to both.
TEST(Readers, CsvTextIsWhatBothReadersRecognise) {
  const std::vector<std::string> quality =
      lines(output_of({"stats", "gtb-12", "-", "--quality", "-f", "csv"}, kBatch));
  ASSERT_EQ(quality.size(), 3u);
  EXPECT_EQ(quality[1], "R1,1,<stdin>:2,12,FALSE,TRUE,6,FALSE");
  EXPECT_EQ(quality[2], "R3,2,<stdin>:3,12,TRUE,TRUE,12,TRUE");
  std::string big = "respondent,1,2,3,4,5,6,7,8,9,10,11,12\n";
  for (int r = 0; r < 200000; ++r)
    big += (r % 2 ? "A,1,2,3,4,5,1,2,3,4,5,1,2\n" : "B,3,3,4,4,2,2,5,5,1,1,3,4\n");
  for (const std::string& line : lines(output_of({"stats", "gtb-12", "-", "-f", "csv"}, big)))
    EXPECT_EQ(line.find("e+"), std::string::npos) << line;
}

}  // namespace
}  // namespace alliance::testing
