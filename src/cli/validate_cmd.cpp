// alliance validate: every problem in every definition file, located.
#include <iostream>
#include <nlohmann/json.hpp>

#include "alliance/core/error.hpp"
#include "alliance/core/utf8.hpp"
#include "alliance/io/files.hpp"
#include "alliance/text/messages.hpp"
#include "commands.hpp"
#include "context.hpp"

namespace alliance::cli {

namespace {

struct FileReport {
  std::string file;
  std::vector<core::Diagnostic> diagnostics;
  std::size_t examples = 0;
  bool valid = false;
  bool unreadable = false;
};

// `lang`: the language a file that cannot be read is reported in.
FileReport check_file(const io::Catalog& catalog, const std::string& file, const std::string& lang) {
  FileReport report{file, {}, 0, false, false};
  std::string text;
  try {
    text = io::read_file(file);
  } catch (const Error& e) {
    core::Diagnostic d;
    d.message = e.what();
    d.said = text::Message{text::Msg::verbatim, {e.in_language(lang)}};  // worded where it was thrown
    report.diagnostics.push_back(std::move(d));
    report.unreadable = true;
    return report;
  }
  io::Catalog::Checked checked = catalog.check_text(text, file);
  report.diagnostics = std::move(checked.diagnostics);
  if (checked.loaded) {
    report.valid = true;
    report.examples = checked.loaded->questionnaire.examples.size();
  }
  return report;
}

nlohmann::ordered_json to_json(const FileReport& report) {
  nlohmann::ordered_json problems = nlohmann::ordered_json::array();
  for (const core::Diagnostic& d : report.diagnostics)
    problems.push_back({{"severity", d.severity == core::Severity::error ? "error" : "warning"},
                        {"pointer", d.where},
                        {"line", d.line},
                        {"column", d.column},
                        {"message", d.message}});
  return {{"file", report.file},
          {"valid", report.valid},
          {"examples_checked", report.examples},
          {"problems", problems}};
}

}  // namespace

int run_validate(const ValidateOptions& options, const GlobalOptions& global) {
  const io::Catalog catalog = make_catalog(global);
  const std::string lang = choose_language(options.lang);
  const bool json = choose_output_format(options.format, io::OutputFormat::json) == io::OutputFormat::json;
  bool any_invalid = false;
  bool any_unreadable = false;
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (const std::string& file : options.files) {
    const FileReport report = check_file(catalog, file, lang);
    any_invalid = any_invalid || (!report.valid && !report.unreadable);
    any_unreadable = any_unreadable || report.unreadable;
    if (json) {
      out.push_back(to_json(report));
      continue;
    }
    for (const core::Diagnostic& d :
         report.diagnostics)  // quoting the file: shown, never obeyed by the terminal
      std::cout << core::terminal_safe((d.file.empty() && !report.unreadable
                                            ? text::say(lang, text::Msg::at_where, {file})
                                            : "") +
                                       core::format(d, lang))
                << '\n';
    if (report.valid)
      std::cout << text::say(lang, text::Msg::validate_ok, {file, std::to_string(report.examples)}) << '\n';
  }
  // Paths are bytes, not always UTF-8: a byte that is not is written as U+FFFD.
  if (json) std::cout << out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
  // An invalid definition outranks an unreadable file; both are reported.
  if (any_invalid) return static_cast<int>(ExitCode::invalid_input);
  return any_unreadable ? static_cast<int>(ExitCode::io) : 0;
}

}  // namespace alliance::cli
