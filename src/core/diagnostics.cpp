#include "alliance/core/diagnostics.hpp"

#include <algorithm>

namespace alliance::core {

std::string format(const Diagnostic& diagnostic) {
  std::string out;
  if (!diagnostic.file.empty()) {
    out += diagnostic.file;
    if (diagnostic.line > 0) {
      out += ':' + std::to_string(diagnostic.line);
      if (diagnostic.column > 0) out += ':' + std::to_string(diagnostic.column);
    }
    out += ": ";
  }
  if (diagnostic.severity == Severity::warning) out += "warning: ";
  if (!diagnostic.where.empty()) out += diagnostic.where + ": ";
  out += diagnostic.message;
  return out;
}

bool has_errors(const std::vector<Diagnostic>& diagnostics) {
  return std::any_of(diagnostics.begin(), diagnostics.end(),
                     [](const Diagnostic& d) { return d.severity == Severity::error; });
}

}  // namespace alliance::core
