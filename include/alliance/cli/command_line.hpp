// The command line of `alliance`, turned into the options of one command
// (options.hpp). This is the only code that knows CLI11: every command's
// options, their help and checks are registered in command_line.cpp, and
// nothing here runs a command, reads a file or prints.
#pragma once

#include <string>
#include <variant>

#include "alliance/cli/options.hpp"
#include "alliance/core/error.hpp"

namespace alliance::cli {

// A command to run: the options before it and its own.
struct Command {
  GlobalOptions global;
  std::variant<ListOptions, ShowOptions, ValidateOptions, ScoreOptions, StatsCommandOptions, TrendOptions,
               CompareOptions, AdministerOptions, ReportOptions, NormsOptions, GenerateOptions>
      options;
};

// What to print instead of running a command: --help, `alliance help
// [COMMAND]` or --version (`out`, for standard output, and ExitCode::ok); the
// short help of a bare `alliance` (`out`, and ExitCode::usage); or a usage
// error (`err`, for standard error: the message, "did you mean" for a
// mistyped command or option, and the --help of the command typed, and
// ExitCode::usage).
struct Printout {
  std::string out;
  std::string err;
  ExitCode code = ExitCode::ok;
};

using ParsedCommandLine = std::variant<Command, Printout>;

// `argv[0]` is the program's name (not used). Values are checked as far as
// they can be without a questionnaire: numbers and their ranges, choices
// among a list ("--format: xml not in {table,json,...}"). `administer`'s usage
// errors are in the session's language: --lang among its arguments, else
// `locale_language` ("fr" or "en").
ParsedCommandLine parse_command_line(int argc, const char* const* argv, const std::string& locale_language);

// The language of --help (and of what a Printout says): --lang (before or
// after the command) when it is fr or en, else `locale_language`
// (io::choose_language's order).
std::string help_language(int argc, const char* const* argv, const std::string& locale_language);

}  // namespace alliance::cli
