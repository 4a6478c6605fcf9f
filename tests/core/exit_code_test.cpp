// ExitCode holds every status a command exits with, and README's table lists
// exactly those: a code added to one and not the other fails here.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include "alliance/core/error.hpp"

namespace alliance {
namespace {

// The codes in the first column of README's "## Exit status" table.
std::set<int> readme_codes() {
  std::ifstream in(std::filesystem::path(ALLIANCE_SOURCE_DIR) / "README.md");
  std::stringstream text;
  text << in.rdbuf();
  const std::string readme = text.str();
  const std::size_t section = readme.find("\n## Exit status\n");
  EXPECT_NE(section, std::string::npos);
  const std::size_t end = readme.find("\n## ", section + 1);
  std::istringstream table(readme.substr(section, end - section));
  std::set<int> codes;
  for (std::string line; std::getline(table, line);) {
    if (!line.starts_with("| ") || line.starts_with("| code")) continue;
    codes.insert(std::stoi(line.substr(2)));
  }
  return codes;
}

TEST(ExitCode, ReadmeListsEveryCodeAndNoOther) {
  std::set<int> enumerated;
  for (const ExitCode code : kAllExitCodes) enumerated.insert(exit_status(code));
  EXPECT_EQ(readme_codes(), enumerated);
}

TEST(ExitCode, TheListHoldsEachCodeOnceInOrder) {
  // By hand: the statuses README.md documents.
  const std::set<int> expected = {0, 1, 2, 3, 4, 5, 129, 130, 131, 141, 143};
  std::set<int> seen;
  int previous = -1;
  for (const ExitCode code : kAllExitCodes) {
    EXPECT_GT(exit_status(code), previous);
    previous = exit_status(code);
    seen.insert(previous);
  }
  EXPECT_EQ(seen, expected);
}

TEST(ExitCode, SignalsAre128PlusTheirNumber) {
  // POSIX numbers on Linux: SIGHUP 1, SIGINT 2, SIGQUIT 3, SIGPIPE 13, SIGTERM 15.
  EXPECT_EQ(exit_status(ExitCode::hangup), 128 + 1);
  EXPECT_EQ(exit_status(ExitCode::interrupted), 128 + 2);
  EXPECT_EQ(exit_status(ExitCode::quit), 128 + 3);
  EXPECT_EQ(exit_status(ExitCode::broken_pipe), 128 + 13);
  EXPECT_EQ(exit_status(ExitCode::terminated), 128 + 15);
}

}  // namespace
}  // namespace alliance
