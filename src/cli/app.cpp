#include "app.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <type_traits>
#include <variant>

#include "administer.hpp"
#include "alliance/cli/command_line.hpp"
#include "alliance/core/error.hpp"
#include "alliance/io/files.hpp"
#include "alliance/text/messages.hpp"
#include "commands.hpp"
#include "context.hpp"

namespace alliance::cli {

namespace {

// Whatever went to standard output (std::cout, or stdio underneath it) must
// have reached it: a full disk is exit 3 with a message on every path, --help
// and --version included, never 0. (A closed pipe ends the process by SIGPIPE
// before this: main.cpp.)
// `earlier`: the errno of a write already made (a long --help is written
// before this flush), the reason when this flush gives none.
int checked_output(int status, const std::string& lang, int earlier = 0) {
  errno = 0;  // so that the reason given is this flush's, or none
  std::cout.flush();
  const bool failed = !std::cout || std::fflush(stdout) != 0 || std::ferror(stdout);
  if (!failed) return status;
  const int error = errno != 0 ? errno : earlier;
  std::cerr << text::say(lang, text::Msg::error_line,
                         {text::say(lang, text::Msg::cannot_write_stdout,
                                    {error ? text::say(lang, text::Msg::sys_reason_after,
                                                       {text::system_reason(error)})
                                           : ""})})
            << '\n';
  return static_cast<int>(ExitCode::io);
}

// `lang`: the language of the help printed.
int print(const Printout& printout, const std::string& lang) {
  errno = 0;
  std::cout << printout.out;
  std::cerr << printout.err;  // std::cerr is tied to std::cout: this writes the help first
  const int write_error = std::cout ? 0 : errno;
  // The short help of a bare `alliance` is on standard output too: 2, or 3 when unwritten.
  return checked_output(printout.code == ExitCode::ok ? 0 : exit_status(printout.code), lang, write_error);
}

// The language the command's messages are in: its --lang, else the environment's.
std::string command_language(const Command& command) {
  return choose_language(std::visit(
      [](const auto& options) -> std::string {
        if constexpr (std::is_same_v<std::decay_t<decltype(options)>, ReportOptions>)
          return options.trend.lang;
        else if constexpr (requires { options.lang; })
          return options.lang;
        else
          return "";  // the build's generators: the environment's
      },
      command.options));
}

int run_command(const Command& command) {
  return std::visit(
      [&global = command.global](const auto& options) {
        using Options = std::decay_t<decltype(options)>;
        if constexpr (std::is_same_v<Options, ListOptions>) return run_list(options, global);
        if constexpr (std::is_same_v<Options, ShowOptions>) return run_show(options, global);
        if constexpr (std::is_same_v<Options, ValidateOptions>) return run_validate(options, global);
        if constexpr (std::is_same_v<Options, ScoreOptions>) return run_score(options, global);
        if constexpr (std::is_same_v<Options, StatsCommandOptions>) return run_stats(options, global);
        if constexpr (std::is_same_v<Options, TrendOptions>) return run_trend(options, global);
        if constexpr (std::is_same_v<Options, CompareOptions>) return run_compare(options, global);
        if constexpr (std::is_same_v<Options, ReportOptions>) return run_report(options, global);
        if constexpr (std::is_same_v<Options, NormsOptions>) return run_norms(options, global);
        if constexpr (std::is_same_v<Options, AdministerOptions>) return administer(options, global);
        if constexpr (std::is_same_v<Options, GenerateOptions>) return run_generate(options);
      },
      command.options);
}

}  // namespace

int run(int argc, char** argv) {
  int status = 0;
  std::string lang = locale_language();
  try {
    const ParsedCommandLine parsed = parse_command_line(argc, argv, lang);
    if (const Printout* printout = std::get_if<Printout>(&parsed))
      return print(*printout, help_language(argc, argv, lang));
    lang = command_language(std::get<Command>(parsed));
    status = run_command(std::get<Command>(parsed));
  } catch (const Error& e) {  // in the user's language (a FileError too: io/files.hpp)
    std::cerr << text::say(lang, text::Msg::error_line, {e.in_language(lang)}) << '\n';
    return static_cast<int>(e.code());
  } catch (const std::exception& e) {
    std::cerr << text::say(lang, text::Msg::error_line,
                           {text::say(lang, text::Msg::internal_error, {e.what()})})
              << '\n';
    return static_cast<int>(ExitCode::io);
  }
  return checked_output(status, lang);
}

}  // namespace alliance::cli
