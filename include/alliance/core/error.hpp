// The one error type for failing to do the job (a file that cannot be read,
// an unknown questionnaire, a bad flag): thrown anywhere, caught in main(),
// mapped to the exit code it carries. Problems found *in* the user's data are
// not errors but diagnostics, collected so that every one is reported.
#pragma once

#include <functional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>

#include "alliance/text/message.hpp"

namespace alliance {

// Every exit status of the alliance command, documented in README.md (a test
// checks that its table lists each of these and no other). Code returns them
// as exit_status(code) (or static_cast<int>), never as bare numbers.
enum class ExitCode : int {
  ok = 0,
  invalid_input = 1,  // some input (definition, response, row) is invalid
  usage = 2,          // bad command line, unknown questionnaire
  io = 3,             // a file could not be read or written (standard output included)
  threshold = 4,      // --fail-below / --fail-on condition met
  unfinished = 5,     // administer: stopped before the end; the answers are saved for --resume
  // 128 + the signal number, as a shell reports a process ended by a signal.
  // administer exits with these itself (admin/terminal.hpp: after giving the
  // terminal back); a closed pipe ends any command by SIGPIPE itself, which
  // the shell reports as 141 (cli/main.cpp).
  hangup = 129,       // SIGHUP: the terminal went away
  interrupted = 130,  // SIGINT: Ctrl-C
  quit = 131,         // SIGQUIT: Ctrl-\ (as Ctrl-C)
  broken_pipe = 141,  // SIGPIPE: the reader of standard output went away
  terminated = 143,   // SIGTERM (as Ctrl-C)
};

// Every ExitCode, in increasing order.
inline constexpr ExitCode kAllExitCodes[] = {
    ExitCode::ok,        ExitCode::invalid_input, ExitCode::usage,     ExitCode::io,
    ExitCode::threshold, ExitCode::unfinished,    ExitCode::hangup,    ExitCode::interrupted,
    ExitCode::quit,      ExitCode::broken_pipe,   ExitCode::terminated};

// The process exit status of `code`.
constexpr int exit_status(ExitCode code) {
  return static_cast<int>(code);
}

// what() is the message in English; in_language(lang) the words the user
// reads: the same unless the error was made from a catalogue message (or
// with a way to word it in any language), which the place that prints it
// then shows in the user's language.
class Error : public std::runtime_error {
 public:
  using Render = std::function<std::string(std::string_view lang)>;

  Error(ExitCode code, const std::string& message) : std::runtime_error(message), code_(code) {}
  Error(ExitCode code, const text::Message& message)
      : Error(code, [message](std::string_view lang) { return text::say(lang, message); }) {}
  Error(ExitCode code, Render render)
      : std::runtime_error(render("en")), code_(code), render_(std::move(render)) {}

  ExitCode code() const { return code_; }
  // The message in `lang` ("fr"; anything else English).
  std::string in_language(std::string_view lang) const { return render_ ? render_(lang) : what(); }

 private:
  ExitCode code_;
  Render render_;
};

}  // namespace alliance
