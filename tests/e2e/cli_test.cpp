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
  // Issue 18: the version, the revision built (what git says of the source tree, "-dirty" when
  // tracked files had changes) and each bundled definition's hash, as every output's provenance has it.
  const std::vector<std::string> said = lines(version.out);
  ASSERT_GE(said.size(), 3u) << version.out;
  EXPECT_EQ(said[0], "alliance 0.1.0");
  // The commit built is HEAD, or one before it (a commit made since the build).
  const Outcome git = run_program("/bin/sh", {"-c", "git -C \"$0\" rev-parse HEAD", source_path("")});
  if (git.status == 0) {
    ASSERT_TRUE(said[1].starts_with("revision: ") && said[1].ends_with(" (git)")) << said[1];
    std::string commit = said[1].substr(10, said[1].size() - 16);
    if (commit.ends_with("-dirty")) commit.resize(commit.size() - 6);
    EXPECT_EQ(commit.size(), 12u) << said[1];
    const std::string ancestor = "git -C \"$0\" merge-base --is-ancestor \"$1\" HEAD";
    EXPECT_EQ(run_program("/bin/sh", {"-c", ancestor, source_path(""), commit}).status, 0) << said[1];
  } else {
    EXPECT_EQ(said[1], "revision: unknown (not built from a git checkout)");
  }
  for (const char* id : {"gtb-12", "gtb-12-t", "srs", "wai", "wai-s", "wai-sr", "wai-t"}) {
    std::string row = std::string("  ") + id;
    row.resize(10, ' ');
    EXPECT_NE(version.out.find("\n" + row + "  1.0.0  " + bundled_hash(id) + "\n"), std::string::npos) << id;
  }
  EXPECT_EQ(run_alliance({"-V"}).out, version.out);
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
  const Outcome table = run_alliance({"list", "--format", "table"});
  EXPECT_EQ(table.status, 0);
  EXPECT_EQ(table.out.rfind("ID ", 0), 0u);
  for (const char* id : {"gtb-12 ", "gtb-12-t ", "wai ", "wai-t ", "wai-s ", "wai-sr ", "srs "})
    EXPECT_NE(table.out.find(std::string("\n") + id), std::string::npos) << id;
  const Outcome json = run_alliance({"list", "--format", "json"});
  ASSERT_EQ(json.status, 0);
  const auto list = nlohmann::json::parse(json.out);
  bool found = false;
  for (const auto& q : list["questionnaires"]) {
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
  const Outcome flag = run_alliance({"list", "--path", dir, "--format", "table"});
  EXPECT_NE(flag.out.find("\nminimal "), std::string::npos) << flag.out;
  const Outcome env = run_alliance({"list"}, {.env = {{"ALLIANCE_PATH", dir}}});
  EXPECT_NE(env.out.find("\nminimal,"), std::string::npos) << env.out;
  const Outcome show = run_alliance({"show", "minimal", "--lang", "fr", "--format", "table"},
                                    {.env = {{"ALLIANCE_PATH", dir}}});
  EXPECT_EQ(show.status, 0) << show.err;
  EXPECT_NE(show.out.find("Objectifs"), std::string::npos);
  std::filesystem::remove_all(dir);
}

TEST(Cli, ShowInEitherLanguage) {
  const Outcome fr = run_alliance({"show", "gtb-12", "--lang", "fr", "--format", "table"});
  ASSERT_EQ(fr.status, 0) << fr.err;
  EXPECT_NE(fr.out.find("Échelle\u00a0: 1 à 5"), std::string::npos) << fr.out;
  EXPECT_NE(fr.out.find("Jamais"), std::string::npos);
  EXPECT_NE(fr.out.find("Instrument non validé."), std::string::npos);
  const Outcome en = run_alliance({"show", "wai-sr", "--lang", "en", "--format", "text"});  // the old name
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
  const Outcome good =
      run_alliance({"validate", source_path("tests/data/valid/minimal.json"), "--format", "table"});
  EXPECT_EQ(good.status, 0);
  EXPECT_NE(good.out.find("minimal.json: ok (2 examples checked)"), std::string::npos);
  const Outcome bad = run_alliance({"validate", "types.json", "semantic.json", "--format", "table"},
                                   {.cwd = source_path("tests/data/invalid")});
  EXPECT_EQ(bad.status, 1);
  EXPECT_EQ(bad.out, slurp(source_path("tests/data/invalid/types.expected")) +
                         slurp(source_path("tests/data/invalid/semantic.expected")));
  const Outcome missing = run_alliance({"validate", "/nonexistent/q.json", "-f", "table"});
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

// Issue 14: list, show and validate printed their text for people into a
// pipe. A pipe now gets their machine format, as the data commands' does:
// CSV for list, JSON for show and validate; the text only when asked for,
// with the one format name of every command (table; text, the old name of
// show's and validate's, is still accepted).
TEST(Cli, ListShowAndValidateGiveAPipeTheirMachineFormat) {
  const Outcome list = run_alliance({"list"});
  ASSERT_EQ(list.status, 0) << list.err;
  EXPECT_EQ(lines(list.out).at(0),
            "id,origin,found_via,shadowed,valid,version,family,form,title,items,subscales,languages,"
            "administrable,validated,hash");
  EXPECT_NE(list.out.find("\nwai-sr,bundled:wai-sr.json,bundled,FALSE,TRUE,1.0.0,wai-sr,client,"),
            std::string::npos)
      << list.out;
  const Outcome show = run_alliance({"show", "srs"});
  ASSERT_EQ(show.status, 0) << show.err;
  EXPECT_EQ(nlohmann::json::parse(show.out)["id"], "srs");
  const Outcome validate = run_alliance({"validate", source_path("questionnaires/srs.json")});
  ASSERT_EQ(validate.status, 0) << validate.err;
  EXPECT_EQ(nlohmann::json::parse(validate.out)[0]["examples_checked"], 3);
  for (const char* name : {"table", "text"}) {
    EXPECT_EQ(run_alliance({"list", "--format", name}).out.rfind("ID ", 0), 0u) << name;
    EXPECT_EQ(run_alliance({"show", "srs", "--format", name}).out.rfind("srs 1.0.0 — ", 0), 0u) << name;
    EXPECT_NE(
        run_alliance({"validate", source_path("questionnaires/srs.json"), "-f", name}).out.find(": ok (3"),
        std::string::npos)
        << name;
  }
  for (const char* format : {"ndjson", "tsv"})
    EXPECT_EQ(run_alliance({"list", "--format", format}).status, 0) << format;
  EXPECT_EQ(run_alliance({"show", "srs", "--format", "csv"}).status, 2);
}

}  // namespace
}  // namespace alliance::testing
