// The one error type for failing to do the job (a file that cannot be read,
// an unknown questionnaire, a bad flag): thrown anywhere, caught in main(),
// mapped to the exit code it carries. Problems found *in* the user's data are
// not errors but diagnostics, collected so that every one is reported.
#pragma once

#include <stdexcept>
#include <string>

namespace alliance {

// Exit statuses of the alliance command, documented in README.md.
enum class ExitCode : int {
  ok = 0,
  invalid_input = 1,  // some input (definition, response, row) is invalid
  usage = 2,          // bad command line, unknown questionnaire
  io = 3,             // a file could not be read or written
  threshold = 4,      // --fail-below / --fail-on condition met
  interrupted = 130,  // SIGINT (128 + 2)
};

class Error : public std::runtime_error {
 public:
  Error(ExitCode code, const std::string& message) : std::runtime_error(message), code_(code) {}
  ExitCode code() const { return code_; }

 private:
  ExitCode code_;
};

}  // namespace alliance
