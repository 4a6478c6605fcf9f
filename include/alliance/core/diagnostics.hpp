// Located problems found in user data (a definition, a response, a row).
// Collected rather than thrown, so a validator reports all of them and a
// batch keeps scoring the good rows.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "alliance/text/message.hpp"

namespace alliance::core {

enum class Severity { error, warning };

struct Diagnostic {
  Severity severity = Severity::error;
  std::string file;     // "" when not known
  std::string where;    // JSON pointer ("/items/3/reverse") or "" for the whole document
  int line = 0;         // 1-based; 0 = unknown
  int column = 0;       // 1-based; 0 = unknown
  std::string message;  // what was expected, and what was found (English)
  // The same as a catalogue message, when it has one: how it is shown in the
  // user's language, and what a test can match on.
  std::optional<text::Message> said;
};

// An error at `where` whose words are catalogue message `id` with `args`
// (message: its English text).
Diagnostic error_at(std::string where, text::Msg id, std::vector<std::string> args);

// "file:line:column: /where: message" with absent parts left out, in `lang`
// ("fr"; anything else English): the catalogue's text when the diagnostic
// has one, else its English message.
std::string format(const Diagnostic& diagnostic, std::string_view lang = "en");

bool has_errors(const std::vector<Diagnostic>& diagnostics);

}  // namespace alliance::core
