// The one error type for failing to do the job (a file that cannot be read,
// an unknown questionnaire, a bad flag): thrown anywhere, caught in main(),
// mapped to the exit code it carries. Problems found *in* the user's data are
// not errors but diagnostics, collected so that every one is reported.
#pragma once

#include <stdexcept>
#include <string>

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

class Error : public std::runtime_error {
 public:
  Error(ExitCode code, const std::string& message) : std::runtime_error(message), code_(code) {}
  ExitCode code() const { return code_; }

 private:
  ExitCode code_;
};

}  // namespace alliance
