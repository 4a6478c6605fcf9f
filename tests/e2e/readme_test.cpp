// Runs every example in README.md (and docs/data-sources.md) and checks that the tool prints what the
// README says it prints. A ```console block holds commands ("$ " lines) each
// followed by its expected standard output; the commands of one block run in
// one shell, in a fresh directory that holds examples/ and questionnaires/,
// with the built alliance first on PATH. Standard error is not compared
// unless the command redirects it ("2>&1").
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "process.hpp"

namespace {

using Outcome = alliance::testing::Run;
namespace fs = std::filesystem;

struct Step {
  std::string command;
  std::string expected;
};

struct Block {
  int line = 0;  // of the opening fence, for messages
  std::vector<Step> steps;
};

std::vector<Block> console_blocks(const std::string& markdown) {
  std::vector<Block> blocks;
  std::istringstream in(markdown);
  std::string line;
  bool inside = false;
  for (int number = 1; std::getline(in, line); ++number) {
    if (!inside && line == "```console") {
      inside = true;
      blocks.push_back({number, {}});
    } else if (inside && line == "```") {
      inside = false;
    } else if (inside && line.rfind("$ ", 0) == 0) {
      blocks.back().steps.push_back({line.substr(2), ""});
    } else if (inside && !blocks.back().steps.empty()) {
      blocks.back().steps.back().expected += line + "\n";
    }
  }
  return blocks;
}

// Marks where each command's output starts, so one shell can run a block.
std::string marker(std::size_t step) {
  return "@@readme-step-" + std::to_string(step) + "@@";
}

std::string script_for(const Block& block) {
  std::string script = "exec 2>/dev/null\n";  // stderr only where a command redirects it
  for (std::size_t i = 0; i < block.steps.size(); ++i)
    script += "s=$?; echo '" + marker(i) + "'; (exit $s)\n" + block.steps[i].command +
              "\n";  // keeps $? for echo $?
  return script;
}

std::vector<std::string> split_outputs(const std::string& out, std::size_t steps) {
  std::vector<std::string> outputs(steps);
  for (std::size_t i = 0; i < steps; ++i) {
    const std::string start = marker(i) + "\n";
    const auto from = out.find(start);
    if (from == std::string::npos) break;
    const auto begin = from + start.size();
    const auto end = i + 1 < steps ? out.find(marker(i + 1), begin) : std::string::npos;
    outputs[i] = out.substr(begin, end == std::string::npos ? std::string::npos : end - begin);
  }
  return outputs;
}

std::string page(const std::string& relative) {
  return alliance::testing::slurp(alliance::testing::source_path(relative));
}

std::string readme() {
  return page("README.md");
}

// Runs every console block of `relative` (README.md, docs/data-sources.md),
// comparing each command's output with what the page shows.
void run_page_examples(const std::string& relative) {
  const fs::path bin_dir = fs::path(ALLIANCE_BIN).parent_path();
  const std::string path =
      bin_dir.string() + ":" + (std::getenv("PATH") ? std::getenv("PATH") : "/usr/bin:/bin");
  for (const Block& block : console_blocks(page(relative))) {
    const std::string dir = alliance::testing::make_temp_dir();
    for (const char* shared : {"examples", "questionnaires"})
      fs::create_directory_symlink(alliance::testing::source_path(shared), fs::path(dir) / shared);
    const Outcome run = alliance::testing::run_program(
        "/bin/sh", {"-c", script_for(block)},
        {.input = {},
         .env = {{"PATH", path}, {"LANG", "C.UTF-8"}, {"LC_ALL", ""}, {"NO_COLOR", "1"}},
         .cwd = dir});
    const std::vector<std::string> outputs = split_outputs(run.out, block.steps.size());
    for (std::size_t i = 0; i < block.steps.size(); ++i)
      EXPECT_EQ(outputs[i], block.steps[i].expected)
          << relative << ":" << block.line << ": $ " << block.steps[i].command;
    fs::remove_all(dir);
  }
}

TEST(Readme, HasExamplesToRun) {
  const std::vector<Block> blocks = console_blocks(readme());
  EXPECT_GE(blocks.size(), 8u);
  for (const Block& block : blocks) EXPECT_FALSE(block.steps.empty()) << "README.md:" << block.line;
}

TEST(Readme, EveryExamplePrintsWhatTheReadmeShows) {
  run_page_examples("README.md");
}

// docs/data-sources.md: one worked example per source (Qualtrics, REDCap,
// LimeSurvey, French Excel), run as the README's are.
TEST(DataSourcesPage, EveryExamplePrintsWhatThePageShows) {
  const std::vector<Block> blocks = console_blocks(page("docs/data-sources.md"));
  EXPECT_GE(blocks.size(), 6u);
  for (const Block& block : blocks)
    EXPECT_FALSE(block.steps.empty()) << "docs/data-sources.md:" << block.line;
  run_page_examples("docs/data-sources.md");
}

// The worked example of local norms (docs/norms.md): norms, then trend and score using them.
TEST(Readme, TheNormsExamplePrintsWhatItShows) {
  EXPECT_FALSE(console_blocks(page("docs/norms.md")).empty());
  run_page_examples("docs/norms.md");
}

}  // namespace
