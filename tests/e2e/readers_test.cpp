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

// Python's csv module: the text of each column, typed without pandas.
Reader find_python_csv() {
  for (const char* candidate : {"/usr/bin/python3", "/usr/local/bin/python3"})
    if (std::filesystem::exists(candidate))
      return {candidate, {source_path("tests/readers/csv_types.py")}, ""};
  return {"", {}, "python3 is not installed (scripts/setup.sh installs it)"};
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

// Issue 14: the column types of stats' tables, in a reader's names for an
// integer, a number, a logical and text. main wrote one `value` column of
// text and numbers mixed, which every reader took as text.
std::vector<std::pair<std::string, Types>> stats_types(const std::string& integer, const std::string& number,
                                                       const std::string& logical, const std::string& text) {
  return {
      {"summary", {{"responses", integer}, {"invalid", integer}, {"missing", text}, {"flagged", integer}}},
      {"scales",
       {{"scale", text},
        {"items", integer},
        {"n", integer},
        {"mean", number},
        {"sd", number},
        {"ceiling_pct", number},
        {"alpha_n", integer},
        {"alpha", number},
        {"alpha_lower", number},
        {"average_r", number},
        {"definition_hash", text}}},
      {"items",
       {{"scale", text},
        {"reverse", logical},
        {"answered", integer},
        {"missing_pct", number},
        {"mean", number},
        {"r_drop", number},
        {"alpha_if_dropped", number}}},
      {"correlations", {{"scale_1", text}, {"n", integer}, {"r", number}}}};
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
                {"tied", "logical"},
                {"total", "numeric"},
                {"total_change_first", "numeric"},
                {"total_baseline", "numeric"}},
               "trend");
  for (const auto& [section, types] : stats_types("integer", "numeric", "logical", "character"))
    expect_types(
        column_types(r, output_of({"stats", "gtb-12", "examples/gtb-12-batch.csv", "--section", section})),
        types, "stats " + section);
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
  for (const auto& [section, types] : stats_types("int64", "float64", "bool", "object"))
    expect_types(column_types(pandas, output_of({"stats", "gtb-12", "examples/gtb-12-batch.csv", "--section",
                                                 section})),
                 types, "stats " + section);
}

// Without R or pandas: the text both recognise. Both read TRUE/FALSE as
// logical; R 4.2's read.csv reads true/false as text; a count written 1e+05
// is a double to both.
TEST(Readers, CsvTextIsWhatBothReadersRecognise) {
  const std::vector<std::string> quality =
      lines(output_of({"stats", "gtb-12", "-", "--quality", "-f", "csv"}, kBatch));
  ASSERT_EQ(quality.size(), 3u);
  const std::string provenance = ",gtb-12,1.0.0," + bundled_hash("gtb-12") + ",0.1.0";
  EXPECT_EQ(quality[1], "R1,1,<stdin>:2,12,FALSE,TRUE,6,FALSE" + provenance);
  EXPECT_EQ(quality[2], "R3,2,<stdin>:3,12,TRUE,TRUE,12,TRUE" + provenance);
  std::string big = "respondent,1,2,3,4,5,6,7,8,9,10,11,12\n";
  for (int r = 0; r < 200000; ++r)
    big += (r % 2 ? "A,1,2,3,4,5,1,2,3,4,5,1,2\n" : "B,3,3,4,4,2,2,5,5,1,1,3,4\n");
  for (const char* section : {"summary", "scales", "items", "correlations", "warnings"})
    for (const std::string& line :
         lines(output_of({"stats", "gtb-12", "-", "-f", "csv", "--section", section}, big)))
      EXPECT_EQ(line.find("e+"), std::string::npos) << line;
}

// Without R or pandas: Python's csv module reads each column of stats' tables
// (and of every data command) as one type, numbers where numbers are meant.
TEST(Readers, EveryColumnHoldsOneType) {
  const Reader python = find_python_csv();
  if (python.program.empty()) GTEST_SKIP() << "SKIPPED: " << python.missing;
  for (const char* format : {"csv", "tsv"}) {
    const bool tsv = std::string(format) == "tsv";
    for (const auto& [section, types] : stats_types("integer", "number", "logical", "text"))
      expect_types(column_types(python,
                                output_of({"stats", "gtb-12", "examples/gtb-12-batch.csv", "--section",
                                           section, "-f", format}),
                                tsv),
                   types, "stats " + section);
    // The example batch warns of nothing; three responses warn of few and of floors.
    expect_types(
        column_types(python,
                     output_of({"stats", "gtb-12", "-", "--section", "warnings", "-f", format}, kBatch), tsv),
        {{"code", "text"}, {"value", "number"}, {"message", "text"}}, "stats warnings");
  }
  // Every column of the other commands' CSV holds one type too: no column mixes numbers and text.
  const std::vector<std::vector<std::string>> commands = {
      {"score", "gtb-12", "examples/gtb-12-sessions.ndjson"},
      {"score", "gtb-12", "examples/gtb-12-sessions.ndjson", "--long"},
      {"trend", "srs", "examples/srs-sessions.ndjson", "--sd", "total=4", "--retest-r", "total=0.8"},
      {"compare", "--client", "gtb-12", "examples/gtb-12-sessions.ndjson", "--therapist", "gtb-12-t",
       "examples/gtb-12-t-sessions.csv", "--section", "agreement"},
      {"stats", "gtb-12", "examples/gtb-12-batch.csv", "--quality"}};
  for (const std::vector<std::string>& args : commands) {
    const Types types = column_types(python, output_of(args));
    for (const auto& [column, type] : types)
      EXPECT_TRUE(type == "integer" || type == "number" || type == "logical" || type == "text" ||
                  type.empty())
          << args[0] << ": " << column << ":" << type;
    EXPECT_EQ(types.at("alliance_version"), "text") << args[0];
  }
  expect_types(column_types(python, output_of({"score", "gtb-12", "examples/gtb-12-sessions.ndjson"})),
               {{"session", "integer"}, {"goals", "number"}, {"total_answered", "integer"}, {"form", ""}},
               "score");
}

}  // namespace
}  // namespace alliance::testing
