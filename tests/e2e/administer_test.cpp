// `alliance administer` without a terminal: answers one per line on standard
// input, prompts on standard error, the response file on disk.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "process.hpp"

namespace alliance::testing {
namespace {

// process.hpp's Run, named so that gtest's Test::Run does not hide it inside TEST bodies.
using Outcome = alliance::testing::Run;

namespace fs = std::filesystem;
using nlohmann::json;

constexpr const char* kTwelve = "4\n4\n5\n4\n3\n5\n2\n1\n4\n5\n3\n1\n";
constexpr const char* kTwelveJson =
    R"({"1": 4, "2": 4, "3": 5, "4": 4, "5": 3, "6": 5, "7": 2, "8": 1, "9": 4, "10": 5, "11": 3, "12": 1})";

// Standard input (and the working directory) for a run.
RunOptions given(std::string input, std::string cwd = "") {
  RunOptions options;
  options.input = std::move(input);
  options.cwd = std::move(cwd);
  return options;
}

json read_json(const std::string& path) {
  return json::parse(slurp(path));
}

unsigned mode_of(const std::string& path) {
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0) return 0;
  return info.st_mode & 0777;
}

std::vector<std::string> gtb(const std::string& file, std::vector<std::string> more = {}) {
  std::vector<std::string> args{"administer", "gtb-12", "--respondent", "P01", "--session",
                                "2",          "--lang", "en",           "-o",  file};
  args.insert(args.end(), more.begin(), more.end());
  return args;
}

TEST(Administer, ScriptedSessionIsSavedCompleteAndScored) {
  const std::string dir = make_temp_dir();
  const std::string file = dir + "/r.json";
  const Outcome run = run_alliance(gtb(file), given(kTwelve));
  ASSERT_EQ(run.status, 0) << run.err;
  EXPECT_NE(run.err.find("Question 1 of 12"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("Question 12 of 12"), std::string::npos);
  EXPECT_EQ(run.err.find("Review"), std::string::npos);  // no review without a terminal
  EXPECT_NE(run.err.find("Answers saved in " + file), std::string::npos);
  EXPECT_EQ(run.out.rfind("Scores — ", 0), 0u) << run.out;
  EXPECT_NE(run.out.find("Total"), std::string::npos);
  EXPECT_EQ(mode_of(file), 0600u);

  const json saved = read_json(file);
  EXPECT_EQ(saved["format"], "alliance-response/1");
  EXPECT_EQ(saved["questionnaire"]["id"], "gtb-12");
  EXPECT_EQ(saved["respondent"], "P01");
  EXPECT_EQ(saved["form"], "client");
  EXPECT_EQ(saved["session"], 2);
  EXPECT_EQ(saved["language"], "en");
  EXPECT_EQ(saved["status"], "complete");
  EXPECT_TRUE(saved.contains("started_at") && saved.contains("completed_at"));
  EXPECT_FALSE(saved.contains("updated_at"));
  EXPECT_EQ(saved["answers"], json::parse(kTwelveJson));
  // What administer wrote, `score` reads.
  const Outcome score = run_alliance({"score", "gtb-12", file, "--format", "csv"});
  EXPECT_EQ(score.status, 0) << score.err;
  fs::remove_all(dir);
}

TEST(Administer, EmptyLineSkipsWhereTheDefinitionAllows) {
  const std::string dir = make_temp_dir();
  const std::string file = dir + "/m.json";
  const std::string definition = source_path("tests/data/valid/minimal.json");
  const Outcome run = run_alliance(
      {"administer", definition, "--respondent", "P02", "--lang", "fr", "-o", file}, given("3\n\n2\n1\n"));
  ASSERT_EQ(run.status, 0) << run.err;
  EXPECT_NE(run.err.find("Question 2 sur 4"), std::string::npos) << run.err;
  EXPECT_EQ(read_json(file)["answers"], json::parse(R"({"1": 3, "2": null, "3": 2, "4": 1})"));
  // goals: the mean of the one answer left (3), 1 of 2 items, on 1-3; bond: 2 + 2x1 = 4, on
  // 1x(1-3) + 2x(1-3) = 3-9; total: mean of subscales 3.5, with the range `alliance score` gives it in
  // its column headers (1-9, from the lowest to the highest subscale bound). French decimal commas.
  EXPECT_EQ(run.out,
            "Scores — Minimal\n"
            "  Objectifs  3,00  (1–3)  1 question sur 2\n"
            "  Lien       4,00  (3–9)  2 questions sur 2\n"
            "  Total      3,50  (1–9)  2 sous-échelles sur 2\n");

  // A second empty line in goals would leave it insufficient: refused, the line named.
  const Outcome refused =
      run_alliance({"administer", definition, "--respondent", "P02", "--lang", "en", "-o", dir + "/m2.json"},
                   given("\n\n"));
  EXPECT_EQ(refused.status, 1) << refused.err;
  EXPECT_NE(
      refused.err.find("alliance: line 2: This question cannot be skipped: too many answers would be missing "
                       "for 'Goals'."),
      std::string::npos)
      << refused.err;
  EXPECT_EQ(read_json(dir + "/m2.json")["status"], "in_progress");
  fs::remove_all(dir);
}

TEST(Administer, EndOfInputStopsThenResumeFinishes) {
  const std::string dir = make_temp_dir();
  const std::string file = dir + "/r.json";
  const Outcome first = run_alliance(gtb(file), given("4\n4\n5\n"));
  EXPECT_EQ(first.status, 5) << first.err;
  EXPECT_NE(first.err.find("End of input before the last question."), std::string::npos) << first.err;
  EXPECT_NE(first.err.find("Stopped: 3 of 12 questions answered; the answers are saved in " + file),
            std::string::npos);
  EXPECT_NE(first.err.find("To continue: alliance administer gtb-12 --respondent P01 --session 2 -o " + file +
                           " --resume"),
            std::string::npos)
      << first.err;
  EXPECT_EQ(first.out, "");
  json partial = read_json(file);
  EXPECT_EQ(partial["status"], "in_progress");
  EXPECT_TRUE(partial.contains("updated_at"));
  EXPECT_EQ(partial["answers"], json::parse(R"({"1": 4, "2": 4, "3": 5})"));
  EXPECT_EQ(mode_of(file), 0600u);

  // Nothing at all: stops at once, never waits.
  EXPECT_EQ(run_alliance(gtb(file, {"--resume"})).status, 5);

  const Outcome second = run_alliance(gtb(file, {"--resume"}), given("4\n3\n5\n2\n1\n4\n5\n3\n1\n"));
  ASSERT_EQ(second.status, 0) << second.err;
  EXPECT_NE(second.err.find("Question 4 of 12"), std::string::npos);
  EXPECT_EQ(second.err.find("Question 3 of 12"), std::string::npos);
  const json saved = read_json(file);
  EXPECT_EQ(saved["status"], "complete");
  EXPECT_EQ(saved["started_at"], partial["started_at"]);
  EXPECT_EQ(saved["answers"], json::parse(kTwelveJson));
  fs::remove_all(dir);
}

TEST(Administer, NeverOverwritesWithoutForce) {
  const std::string dir = make_temp_dir();
  const std::string file = dir + "/r.json";
  ASSERT_EQ(run_alliance(gtb(file), given(kTwelve)).status, 0);
  const std::string before = slurp(file);
  const Outcome again = run_alliance(gtb(file), given(kTwelve));
  EXPECT_EQ(again.status, 3);
  EXPECT_EQ(again.err, "alliance: " + file + ": the file exists; will not overwrite it (use --force)\n");
  EXPECT_EQ(slurp(file), before);
  const Outcome resume = run_alliance(gtb(file, {"--resume"}), given(kTwelve));
  EXPECT_EQ(resume.status, 2);
  EXPECT_NE(resume.err.find("this session is complete"), std::string::npos) << resume.err;
  const Outcome forced = run_alliance(gtb(file, {"--force"}), given("1\n1\n1\n1\n1\n1\n1\n1\n1\n1\n1\n1\n"));
  EXPECT_EQ(forced.status, 0) << forced.err;
  EXPECT_EQ(read_json(file)["answers"]["1"], 1);
  EXPECT_EQ(mode_of(file), 0600u);

  // An unfinished file is pointed at --resume.
  ASSERT_EQ(run_alliance(gtb(dir + "/u.json"), given("3\n")).status, 5);
  const Outcome unfinished = run_alliance(gtb(dir + "/u.json"), given(kTwelve));
  EXPECT_EQ(unfinished.status, 3);
  EXPECT_NE(unfinished.err.find("an unfinished session is saved here; continue it with --resume"),
            std::string::npos);
  // No temporary file is left beside the targets.
  for (const auto& entry : fs::directory_iterator(dir))
    EXPECT_NE(entry.path().filename().string().front(), '.') << entry.path();
  fs::remove_all(dir);
}

TEST(Administer, DefaultNameInTheCurrentDirectoryAndResumeFindsIt) {
  const std::string dir = make_temp_dir();
  const Outcome first = run_alliance(
      {"administer", "gtb-12", "--respondent", "P/03", "--session", "4", "--lang", "en"}, given("2\n", dir));
  EXPECT_EQ(first.status, 5) << first.err;
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(dir)) names.push_back(entry.path().filename().string());
  ASSERT_EQ(names.size(), 1u);
  EXPECT_EQ(names[0].rfind("P_03-gtb-12-s4-", 0), 0u) << names[0];
  EXPECT_EQ(names[0].size(), std::string("P_03-gtb-12-s4-2026-01-01.json").size());
  const Outcome second =
      run_alliance({"administer", "gtb-12", "--respondent", "P/03", "--session", "4", "--resume"},
                   given("2\n2\n2\n2\n2\n2\n2\n2\n2\n2\n2\n", dir));
  EXPECT_EQ(second.status, 0) << second.err;
  EXPECT_EQ(read_json(dir + "/" + names[0])["respondent"], "P/03");
  // -o DIR puts the default name there.
  const std::string sub = dir + "/out";
  fs::create_directory(sub);
  EXPECT_EQ(run_alliance({"administer", "gtb-12", "--respondent", "P04", "-o", sub}, given("1\n")).status, 5);
  ASSERT_FALSE(fs::is_empty(sub));
  EXPECT_EQ(fs::directory_iterator(sub)->path().filename().string().rfind("P04-gtb-12-2", 0), 0u);
  // Nothing to resume: said so.
  const Outcome none =
      run_alliance({"administer", "gtb-12", "--respondent", "P09", "--resume"}, given("", dir));
  EXPECT_EQ(none.status, 3);
  EXPECT_NE(none.err.find("no unfinished session to resume"), std::string::npos) << none.err;
  fs::remove_all(dir);
}

TEST(Administer, KeyOnlyDefinitionIsRefusedWithAWayOut) {
  const std::string dir = make_temp_dir();
  const Outcome run =
      run_alliance({"administer", "wai-sr", "--respondent", "P01", "--lang", "en"}, given("", dir));
  EXPECT_EQ(run.status, 2);
  EXPECT_NE(run.err.find("'wai-sr' is a key-only definition"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("\"Supplying licensed item text\""), std::string::npos);
  EXPECT_NE(run.err.find("alliance administer ./my-wai-sr.json --respondent ID"), std::string::npos);
  EXPECT_TRUE(fs::is_empty(dir));  // nothing written
  const Outcome fr =
      run_alliance({"administer", "wai-sr", "--respondent", "P01", "--lang", "fr"}, given("", dir));
  EXPECT_NE(fr.err.find("est une clé de cotation seule"), std::string::npos) << fr.err;
  fs::remove_all(dir);
}

TEST(Administer, HelpAndUsage) {
  const Outcome help = run_alliance({"administer", "--help"});
  EXPECT_EQ(help.status, 0);
  for (const char* text : {"--respondent", "--resume", "--hide-scores", "--plain", "--force",
                           "<respondent>-<questionnaire>[-s<session>]-<YYYY-MM-DD>.json", "130"})
    EXPECT_NE(help.out.find(text), std::string::npos) << text;
  EXPECT_EQ(run_alliance({"administer", "gtb-12"}).status, 2);
  EXPECT_EQ(run_alliance({"administer", "gtb-12", "--respondent", "P1", "--lang", "de"}).status, 2);
}

}  // namespace
}  // namespace alliance::testing
