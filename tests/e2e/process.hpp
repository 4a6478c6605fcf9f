// Runs the built alliance binary as a user would: arguments, standard input,
// environment; captures stdout, stderr and the exit status.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace alliance::testing {

struct Run {
  std::string out;
  std::string err;
  int status = -1;  // exit status, or 128 + signal
};

struct RunOptions {
  std::string input = {};                       // written to stdin, then closed
  std::map<std::string, std::string> env = {};  // added to (or replacing) the environment
  std::string cwd = {};                         // "" = current directory
};

Run run_alliance(const std::vector<std::string>& args, const RunOptions& options = {});

// Runs any program (by path) the same way: `/bin/sh` for shell pipelines.
Run run_program(const std::string& program, const std::vector<std::string>& args,
                const RunOptions& options = {});

// Path of a file in the source tree.
std::string source_path(const std::string& relative);

// A fresh empty directory under the test temporary directory, removed with
// what it holds when the test program ends (kept if ALLIANCE_KEEP_TEST_DIRS
// is set).
std::string make_temp_dir();

std::string slurp(const std::string& path);

// The lines of a text (a program's output), without their line ends.
std::vector<std::string> lines(const std::string& text);

// The content hash of a bundled definition, as `alliance list` reports it:
// what the provenance of every output from it carries.
std::string bundled_hash(const std::string& id);

}  // namespace alliance::testing
