#include "alliance/core/diagnostics.hpp"

#include <algorithm>

#include "alliance/text/messages.hpp"

namespace alliance::core {

Diagnostic error_at(std::string where, text::Msg id, std::vector<std::string> args) {
  Diagnostic d;
  d.where = std::move(where);
  d.said = text::Message{id, std::move(args)};
  d.message = text::say("en", *d.said);
  return d;
}

std::string format(const Diagnostic& diagnostic, std::string_view lang) {
  std::string out;
  if (!diagnostic.file.empty()) {
    std::string place = diagnostic.file;
    if (diagnostic.line > 0) {
      place += ':' + std::to_string(diagnostic.line);
      if (diagnostic.column > 0) place += ':' + std::to_string(diagnostic.column);
    }
    out += text::say(lang, text::Msg::at_where, {place});
  }
  if (diagnostic.severity == Severity::warning) out += text::text(lang, text::Msg::warning_prefix);
  if (!diagnostic.where.empty()) out += text::say(lang, text::Msg::at_where, {diagnostic.where});
  out += diagnostic.said ? text::say(lang, *diagnostic.said) : diagnostic.message;
  return out;
}

bool has_errors(const std::vector<Diagnostic>& diagnostics) {
  return std::any_of(diagnostics.begin(), diagnostics.end(),
                     [](const Diagnostic& d) { return d.severity == Severity::error; });
}

}  // namespace alliance::core
