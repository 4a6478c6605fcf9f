// The examples at the end of each command's --help (issue 18) run as shown, from a directory
// holding the project's examples/ and questionnaires/, with the built alliance first on PATH.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "process.hpp"

namespace alliance::testing {
namespace {

namespace fs = std::filesystem;
using Outcome = alliance::testing::Run;

// The example commands of a --help: the lines after "Examples:" indented by two spaces.
std::vector<std::string> examples_in(const std::string& help) {
  std::vector<std::string> out;
  bool inside = false;
  for (const std::string& line : lines(help)) {
    if (line == "Examples:")
      inside = true;
    else if (inside && line.starts_with("  ") && !line.starts_with("    "))
      out.push_back(line.substr(2));
  }
  return out;
}

TEST(HelpExamples, EveryCommandsExamplesRunAsShown) {
  const std::string path = fs::path(ALLIANCE_BIN).parent_path().string() + ":" +
                           (std::getenv("PATH") ? std::getenv("PATH") : "/usr/bin:/bin");
  const std::string dir = make_temp_dir();
  for (const char* shared : {"examples", "questionnaires"})
    fs::create_directory_symlink(source_path(shared), fs::path(dir) / shared);
  // Without a terminal and without answers on standard input, administer stops at once: 5,
  // the answers (none) kept for --resume.
  const std::map<std::string, int> status = {
      {"alliance administer gtb-12 --respondent P017 --session 3 --lang fr", 5},
      {"alliance administer gtb-12 --respondent P017 --session 3 --resume", 5},
  };
  std::size_t ran = 0;
  for (const char* command : {"", "list", "show", "validate", "score", "stats", "trend", "compare",
                              "administer", "report", "norms", "help"}) {
    // (In English whatever the tester's locale: the examples are under "Examples:".)
    const Outcome help = run_alliance(
        *command ? std::vector<std::string>{command, "--help"} : std::vector<std::string>{"--help"},
        {.env = {{"LANGUAGE", ""}, {"LC_ALL", "C.UTF-8"}}});
    const std::vector<std::string> examples = examples_in(help.out);
    EXPECT_GE(examples.size(), 2u) << "alliance " << command << " --help";
    for (const std::string& example : examples) {
      const Outcome run =
          run_program("/bin/sh", {"-c", example},
                      {.input = {}, .env = {{"PATH", path}, {"LC_ALL", "C.UTF-8"}}, .cwd = dir});
      const auto expected = status.find(example);
      EXPECT_EQ(run.status, expected == status.end() ? 0 : expected->second) << example << "\n" << run.err;
      // Each shows something, or writes the file it names with -o (report, norms).
      const std::size_t output = example.find(" -o ");
      if (output != std::string::npos && expected == status.end()) {
        const std::string name = example.substr(output + 4, example.find(' ', output + 4) - output - 4);
        EXPECT_TRUE(fs::is_regular_file(fs::path(dir) / name)) << example;
      }
      const bool shows =
          expected == status.end() && example.find('>') == std::string::npos && output == std::string::npos;
      EXPECT_TRUE(!shows || !run.out.empty()) << example;
      ++ran;
    }
  }
  EXPECT_GE(ran, 20u);
}

}  // namespace
}  // namespace alliance::testing
