// Issue 14: the data commands (score, stats, trend, compare) write through one
// record model: every machine format, the same provenance, the same missing
// value (docs/output-format.md). On main, stats and compare refused ndjson,
// score nested {id, version, hash} under "questionnaire", stats wrote flat
// keys, trend had no hash and no tool version, trend and compare CSV carried
// none, and a missing session was empty in score's CSV but NA in trend's.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "process.hpp"

namespace alliance::testing {
namespace {

using Outcome = alliance::testing::Run;

struct Command {
  std::vector<std::string> args;
  std::vector<std::string> ids;  // the definitions the output rests on
};

std::vector<Command> data_commands() {
  return {{{"score", "gtb-12", "examples/gtb-12-sessions.ndjson"}, {"gtb-12"}},
          {{"stats", "gtb-12", "examples/gtb-12-batch.csv"}, {"gtb-12"}},
          {{"stats", "gtb-12", "examples/gtb-12-batch.csv", "--quality"}, {"gtb-12"}},
          {{"trend", "srs", "examples/srs-sessions.ndjson"}, {"srs"}},
          {{"compare", "--client", "gtb-12", "examples/gtb-12-sessions.ndjson", "--therapist", "gtb-12-t",
            "examples/gtb-12-t-sessions.csv"},
           {"gtb-12", "gtb-12-t"}}};
}

// The provenance object, built here from `alliance list`'s hashes: several
// definitions are listed in order, separated by ';'.
nlohmann::ordered_json expected_provenance(const std::vector<std::string>& ids) {
  std::string id, version, hash;
  for (const std::string& one : ids) {
    const std::string sep = id.empty() ? "" : ";";
    id += sep + one;
    version += sep + "1.0.0";
    hash += sep + bundled_hash(one);
  }
  nlohmann::ordered_json p;
  p["questionnaire"] = id;
  p["questionnaire_version"] = version;
  p["definition_hash"] = hash;
  p["alliance_version"] = "0.1.0";  // as `alliance --version` says (cli_test)
  return p;
}

Outcome run_in_source(std::vector<std::string> args, const std::string& format) {
  args.insert(args.end(), {"--format", format});
  return run_alliance(args, {.cwd = source_path("")});
}

std::string join(const std::vector<std::string>& args) {
  std::string out;
  for (const std::string& a : args) out += (out.empty() ? "" : " ") + a;
  return out;
}

TEST(OutputModel, EveryDataCommandWritesEveryFormat) {
  for (const Command& command : data_commands())
    for (const char* format : {"table", "csv", "tsv", "json", "ndjson"}) {
      const Outcome run = run_in_source(command.args, format);
      EXPECT_EQ(run.status, 0) << join(command.args) << " -f " << format << ": " << run.err;
      EXPECT_FALSE(run.out.empty()) << join(command.args) << " -f " << format;
    }
}

// docs/output-format.md: "jsonl is accepted too" — the same bytes as ndjson.
TEST(OutputModel, JsonlIsNdjson) {
  for (const Command& command : data_commands()) {
    const Outcome ndjson = run_in_source(command.args, "ndjson");
    const Outcome jsonl = run_in_source(command.args, "jsonl");
    EXPECT_EQ(jsonl.status, 0) << join(command.args) << ": " << jsonl.err;
    EXPECT_EQ(jsonl.out, ndjson.out) << join(command.args);
  }
}

TEST(OutputModel, NdjsonCarriesTheProvenanceInEveryRecord) {
  for (const Command& command : data_commands()) {
    const nlohmann::ordered_json expected = expected_provenance(command.ids);
    const Outcome run = run_in_source(command.args, "ndjson");
    ASSERT_EQ(run.status, 0) << run.err;
    const std::vector<std::string> records = lines(run.out);
    ASSERT_FALSE(records.empty()) << join(command.args);
    for (const std::string& line : records) {
      const auto record = nlohmann::ordered_json::parse(line);
      EXPECT_EQ(record.at("provenance"), expected) << join(command.args) << ": " << line;
      EXPECT_NE(record.items().begin().key(), "provenance");  // the record's own fields come first
    }
  }
}

TEST(OutputModel, JsonDocumentOpensWithTheProvenance) {
  for (const Command& command : data_commands()) {
    const Outcome run = run_in_source(command.args, "json");
    ASSERT_EQ(run.status, 0) << run.err;
    const auto document = nlohmann::ordered_json::parse(run.out);
    ASSERT_TRUE(document.is_object()) << join(command.args);
    EXPECT_EQ(document.items().begin().key(), "provenance") << join(command.args);
    EXPECT_EQ(document.at("provenance"), expected_provenance(command.ids)) << join(command.args);
  }
}

TEST(OutputModel, CsvAndTsvEndEveryRowWithTheProvenanceColumns) {
  for (const Command& command : data_commands()) {
    const nlohmann::ordered_json p = expected_provenance(command.ids);
    for (const std::string sep : {",", "\t"}) {
      const Outcome run = run_in_source(command.args, sep == "," ? "csv" : "tsv");
      ASSERT_EQ(run.status, 0) << run.err;
      const std::vector<std::string> rows = lines(run.out);
      ASSERT_GE(rows.size(), 2u) << join(command.args);
      const std::string names = sep + "questionnaire" + sep + "questionnaire_version" + sep +
                                "definition_hash" + sep + "alliance_version";
      EXPECT_TRUE(rows[0].ends_with(names)) << join(command.args) << ": " << rows[0];
      const std::string values =
          sep + p["questionnaire"].get<std::string>() + sep + p["questionnaire_version"].get<std::string>() +
          sep + p["definition_hash"].get<std::string>() + sep + p["alliance_version"].get<std::string>();
      for (std::size_t i = 1; i < rows.size(); ++i)
        EXPECT_TRUE(rows[i].ends_with(values)) << join(command.args) << ": " << rows[i];
    }
  }
}

// Two sessions of one respondent that say neither a session number nor a
// date, nor a form: score and trend write those cells the same way.
const std::string kNoSession =
    R"({"respondent":"A","answers":{"1":4,"2":4,"3":4,"4":4,"5":4,"6":4,"7":4,"8":4,"9":4,"10":4,"11":4,"12":4}})"
    "\n"
    R"({"respondent":"A","answers":{"1":2,"2":4,"3":4,"4":4,"5":4,"6":4,"7":4,"8":4,"9":4,"10":4,"11":4,"12":4}})"
    "\n";

TEST(OutputModel, AMissingValueIsNAInCsvAndNullInJson) {
  for (const char* command : {"score", "trend"}) {
    const Outcome csv = run_alliance({command, "gtb-12", "-", "-f", "csv"}, {.input = kNoSession});
    ASSERT_EQ(csv.status, 0) << csv.err;
    const std::vector<std::string> rows = lines(csv.out);
    ASSERT_EQ(rows.size(), 3u) << csv.out;
    // respondent, session (then form for score, date for trend): A,NA,NA
    for (std::size_t i = 1; i < rows.size(); ++i)
      EXPECT_EQ(rows[i].rfind("A,NA,NA,", 0), 0u) << command << ": " << rows[i];
    const Outcome ndjson = run_alliance({command, "gtb-12", "-", "-f", "ndjson"}, {.input = kNoSession});
    ASSERT_EQ(ndjson.status, 0) << ndjson.err;
    for (const std::string& line : lines(ndjson.out)) {
      const auto record = nlohmann::json::parse(line);
      EXPECT_TRUE(record.at("session").is_null()) << command << ": " << line;
    }
  }
}

}  // namespace
}  // namespace alliance::testing
