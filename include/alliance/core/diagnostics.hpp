// Located problems found in user data (a definition, a response, a row).
// Collected rather than thrown, so a validator reports all of them and a
// batch keeps scoring the good rows.
#pragma once

#include <string>
#include <vector>

namespace alliance::core {

enum class Severity { error, warning };

struct Diagnostic {
  Severity severity = Severity::error;
  std::string file;     // "" when not known
  std::string where;    // JSON pointer ("/items/3/reverse") or "" for the whole document
  int line = 0;         // 1-based; 0 = unknown
  int column = 0;       // 1-based; 0 = unknown
  std::string message;  // what was expected, and what was found
};

// "file:line:column: /where: message" with absent parts left out.
std::string format(const Diagnostic& diagnostic);

bool has_errors(const std::vector<Diagnostic>& diagnostics);

}  // namespace alliance::core
