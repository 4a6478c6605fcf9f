// The binary as a user runs it: list, show, validate, help, version, exit codes.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "process.hpp"

namespace alliance::testing {
namespace {

// process.hpp's Run, renamed: gtest's Test::Run hides it inside TEST bodies.
using Outcome = alliance::testing::Run;

TEST(Cli, VersionAndHelp) {
  const Outcome version = run_alliance({"--version"});
  EXPECT_EQ(version.status, 0);
  EXPECT_EQ(version.out, "alliance 0.1.0\n");
  const Outcome help = run_alliance({"--help"});
  EXPECT_EQ(help.status, 0);
  for (const char* command : {"list", "show", "validate", "score"})
    EXPECT_NE(help.out.find(command), std::string::npos) << command;
  EXPECT_NE(help.out.find("Exit status"), std::string::npos);
  const Outcome score_help = run_alliance({"score", "--help"});
  EXPECT_EQ(score_help.status, 0);
  EXPECT_NE(score_help.out.find("--fail-below"), std::string::npos);
}

TEST(Cli, UsageErrorsExitTwo) {
  EXPECT_EQ(run_alliance({}).status, 2);
  const Outcome unknown = run_alliance({"frobnicate"});
  EXPECT_EQ(unknown.status, 2);
  EXPECT_NE(unknown.err.find("alliance: "), std::string::npos);
  EXPECT_EQ(run_alliance({"list", "--format", "xml"}).status, 2);
  EXPECT_EQ(run_alliance({"show"}).status, 2);
}

TEST(Cli, UnknownQuestionnaireSuggestsTheClosest) {
  const Outcome run = run_alliance({"show", "wai-rs"});
  EXPECT_EQ(run.status, 2);
  EXPECT_EQ(run.err,
            "alliance: unknown questionnaire 'wai-rs', did you mean 'wai-sr'? (run 'alliance list' to see "
            "them all)\n");
  EXPECT_EQ(run.out, "");
}

TEST(Cli, ListShowsBundledQuestionnaires) {
  const Outcome table = run_alliance({"list"});
  EXPECT_EQ(table.status, 0);
  EXPECT_EQ(table.out.rfind("ID ", 0), 0u);
  for (const char* id : {"gtb-12 ", "gtb-12-t ", "wai ", "wai-t ", "wai-s ", "wai-sr ", "srs "})
    EXPECT_NE(table.out.find(std::string("\n") + id), std::string::npos) << id;
  const Outcome json = run_alliance({"list", "--format", "json"});
  ASSERT_EQ(json.status, 0);
  const auto list = nlohmann::json::parse(json.out);
  bool found = false;
  for (const auto& q : list) {
    if (q["id"] != "wai-sr") continue;
    found = true;
    EXPECT_EQ(q["items"], 12);
    EXPECT_EQ(q["administrable"], false);
    EXPECT_EQ(q["subscales"], (nlohmann::json{"goal", "task", "bond"}));
  }
  EXPECT_TRUE(found);
}

TEST(Cli, BundledQuestionnairesNeedNoSourceTree) {
  const std::string dir = make_temp_dir();
  const Outcome run = run_alliance({"show", "srs"}, {.cwd = dir});
  EXPECT_EQ(run.status, 0) << run.err;
  EXPECT_NE(run.out.find("Duncan"), std::string::npos);
  std::filesystem::remove_all(dir);
}

TEST(Cli, ListIncludesTheUsersDirectories) {
  const std::string dir = make_temp_dir();
  std::filesystem::copy_file(source_path("tests/data/valid/minimal.json"), dir + "/minimal.json");
  const Outcome flag = run_alliance({"list", "--path", dir});
  EXPECT_NE(flag.out.find("\nminimal "), std::string::npos) << flag.out;
  const Outcome env = run_alliance({"list"}, {.env = {{"ALLIANCE_PATH", dir}}});
  EXPECT_NE(env.out.find("\nminimal "), std::string::npos) << env.out;
  const Outcome show = run_alliance({"show", "minimal", "--lang", "fr"}, {.env = {{"ALLIANCE_PATH", dir}}});
  EXPECT_EQ(show.status, 0) << show.err;
  EXPECT_NE(show.out.find("Objectifs"), std::string::npos);
  std::filesystem::remove_all(dir);
}

TEST(Cli, ShowInEitherLanguage) {
  const Outcome fr = run_alliance({"show", "gtb-12", "--lang", "fr"});
  ASSERT_EQ(fr.status, 0) << fr.err;
  EXPECT_NE(fr.out.find("Échelle : 1..5"), std::string::npos) << fr.out;
  EXPECT_NE(fr.out.find("Jamais"), std::string::npos);
  EXPECT_NE(fr.out.find("Instrument non validé."), std::string::npos);
  const Outcome en = run_alliance({"show", "wai-sr", "--lang", "en"});
  ASSERT_EQ(en.status, 0) << en.err;
  EXPECT_NE(en.out.find("Scale: 1..5"), std::string::npos);
  EXPECT_NE(en.out.find("Hatcher"), std::string::npos);
  EXPECT_NE(en.out.find("key only"), std::string::npos);
}

TEST(Cli, ShowJsonIsTheNormalisedDefinition) {
  const Outcome run = run_alliance({"show", "wai-s", "--format", "json"});
  ASSERT_EQ(run.status, 0);
  const auto doc = nlohmann::json::parse(run.out);
  EXPECT_EQ(doc["id"], "wai-s");
  EXPECT_EQ(doc["items"][3]["reverse"], true);  // item 4
  EXPECT_EQ(doc["subscales"][0]["items"], (nlohmann::json{"4", "6", "10", "11"}));
}

// -f is --format in show as in every other command.
TEST(Cli, ShowTakesFLikeTheOtherCommands) {
  const Outcome run = run_alliance({"show", "wai-s", "-f", "json"});
  ASSERT_EQ(run.status, 0) << run.err;
  EXPECT_EQ(nlohmann::json::parse(run.out)["id"], "wai-s");
}

TEST(Cli, ValidateReportsEveryProblemAndExitsOne) {
  const Outcome good = run_alliance({"validate", source_path("tests/data/valid/minimal.json")});
  EXPECT_EQ(good.status, 0);
  EXPECT_NE(good.out.find("minimal.json: ok (2 examples checked)"), std::string::npos);
  const Outcome bad =
      run_alliance({"validate", "types.json", "semantic.json"}, {.cwd = source_path("tests/data/invalid")});
  EXPECT_EQ(bad.status, 1);
  EXPECT_EQ(bad.out, slurp(source_path("tests/data/invalid/types.expected")) +
                         slurp(source_path("tests/data/invalid/semantic.expected")));
  const Outcome missing = run_alliance({"validate", "/nonexistent/q.json"});
  EXPECT_EQ(missing.status, 3);
  EXPECT_NE(missing.out.find("/nonexistent/q.json: cannot open"), std::string::npos);
}

TEST(Cli, ValidateJsonReport) {
  const Outcome run = run_alliance({"validate", "--format", "json", "unknown_key.json"},
                                   {.cwd = source_path("tests/data/invalid")});
  EXPECT_EQ(run.status, 1);
  const auto report = nlohmann::json::parse(run.out);
  EXPECT_EQ(report[0]["valid"], false);
  EXPECT_EQ(report[0]["problems"][0]["pointer"], "/items/0/reversed");
  EXPECT_EQ(report[0]["problems"][0]["line"], 13);
}

}  // namespace
}  // namespace alliance::testing
