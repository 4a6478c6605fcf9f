// The command line described as data: every command, option, value and
// example that --help shows. command_line.cpp fills it by walking the very
// CLI11 App it parses with (describe_command_line), so the man pages and the
// shell completions made from it (generate.hpp) cannot drift from --help.
#pragma once

#include <string>
#include <vector>

namespace alliance::cli {

// What a value is, for completion.
enum class ValueKind {
  none,           // a flag: no value
  text,           // anything (a number, an id, a pattern)
  choice,         // one of OptionSpec::choices
  questionnaire,  // a questionnaire id (alliance list) or a definition file
  file,
  directory,
  command,  // a command's name (alliance help CMD)
};

struct OptionSpec {
  std::vector<std::string> names;  // "-f", "--format"; a positional's one name ("files")
  bool positional = false;
  std::string value_name;  // as --help shows it: "ID|FILE", "N", "FORMAT"; "" for a flag
  std::string description;
  std::string group;                 // "Input", "Output"...; "" for the command's own options
  std::vector<std::string> choices;  // the accepted values, when they are a list
  ValueKind kind = ValueKind::none;
  bool required = false;
  bool repeatable = false;
  std::string default_value;  // "" when none is shown
  std::string range;          // the numbers accepted, as --help says them: "0 to 17", "1 or more"
};

struct Example {
  std::string command;  // "alliance score gtb-12 responses.csv"
  std::string what;     // one sentence
};

struct CommandSpec {
  std::string name;     // "score"; the program's own: "alliance"
  std::string summary;  // one line
  std::string usage;    // "alliance score [OPTIONS] questionnaire [files...]"
  std::vector<OptionSpec> options;
  std::string notes;  // the text after the options in --help, examples excluded
  std::vector<Example> examples;
};

struct EnvironmentVariable {
  std::string name;
  std::string what;
};

struct CommandLineSpec {
  CommandSpec program;                           // the global options, the summary, the exit statuses
  std::vector<CommandSpec> commands;             // in --help's order, hidden ones left out
  std::vector<EnvironmentVariable> environment;  // the variables alliance reads (alliance(1))
};

// The description of the command line parse_command_line parses, its texts
// in `lang` ("fr"; anything else is English), as --help shows them in it.
CommandLineSpec describe_command_line(const std::string& lang = "en");

}  // namespace alliance::cli
