#include "administer_usage.hpp"

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "alliance/admin/messages.hpp"
#include "alliance/core/text.hpp"
#include "alliance/text/messages.hpp"

namespace alliance::cli {

namespace {

// "--lang fr" or "--lang=fr" among the arguments after "administer".
std::string language_in(int argc, const char* const* argv, int from) {
  for (int i = from; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--lang" && i + 1 < argc) return argv[i + 1];
    if (arg.starts_with("--lang=")) return arg.substr(7);
  }
  return "";
}

// Where "administer" is among the arguments (after --path DIR), or 0.
int administer_position(int argc, const char* const* argv) {
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--path" || arg == "--lang") {
      ++i;
      continue;
    }
    if (arg.starts_with("-")) continue;
    return arg == "administer" ? i : 0;
  }
  return 0;
}

// The arguments CLI11 did not expect ("2 --sesion": it lists them backwards),
// in the order they were typed, and the option meant by a mistyped one.
std::string unexpected(const admin::Messages& m, const std::string& listed, int argc, const char* const* argv,
                       int position) {
  std::vector<std::string> left;
  for (std::size_t start = 0; start < listed.size();) {
    const std::size_t space = std::min(listed.find(' ', start), listed.size());
    left.push_back(listed.substr(start, space - start));
    start = space + 1;
  }
  std::string typed;
  std::string hint;
  for (int i = position + 1; i < argc; ++i) {
    const auto found = std::find(left.begin(), left.end(), std::string(argv[i]));
    if (found == left.end()) continue;
    left.erase(found);
    typed += (typed.empty() ? "" : " ") + std::string(argv[i]);
    const std::optional<std::string> close =
        std::string_view(argv[i]).starts_with("--")
            ? core::closest_match(argv[i], {"--respondent", "--session", "--lang", "--output", "--resume",
                                            "--force", "--hide-scores", "--plain"})
            : std::nullopt;
    if (close && hint.empty()) hint = admin::fill(m.did_you_mean, {*close});
  }
  for (const std::string& arg : left) typed += (typed.empty() ? "" : " ") + arg;  // (not found: as listed)
  return admin::fill(m.unexpected_arguments, {typed, hint});
}

}  // namespace

std::optional<std::string> administer_usage_error(ParseErrorKind kind, const std::string& what, int argc,
                                                  const char* const* argv,
                                                  const std::string& locale_language) {
  const int position = administer_position(argc, argv);
  if (position == 0) return std::nullopt;
  const std::string lang = language_in(argc, argv, position + 1);
  const admin::Messages& m = admin::messages(lang == "fr" || lang == "en" ? lang : locale_language);
  const std::size_t colon = what.find(": ");
  std::string message;
  if (kind == ParseErrorKind::unexpected && colon != std::string::npos)
    message = unexpected(m, what.substr(colon + 2), argc, argv, position);
  else if (kind == ParseErrorKind::missing_value && what.starts_with("-") && colon != std::string::npos)
    message = admin::fill(m.missing_value, {what.substr(0, colon)});
  else
    message = admin::fill(m.bad_command_line, {what});
  return admin::fill(m.error_line, {message}) + "\n" + m.usage_hint + "\n";
}

std::string usage_error(ParseErrorKind kind, const std::string& what, int argc, const char* const* argv,
                        const std::string& locale_language, const std::string& command,
                        const std::string& suggestion) {
  if (std::optional<std::string> administer = administer_usage_error(kind, what, argc, argv, locale_language))
    return *administer;
  const std::string given = language_in(argc, argv, 1);
  const std::string lang = given == "fr" || given == "en" ? given : locale_language;
  const text::Messages& m = text::messages(lang);
  const std::size_t colon = what.find(": ");
  const std::string before = colon == std::string::npos ? what : what.substr(0, colon);
  const std::string after = colon == std::string::npos ? "" : what.substr(colon + 2);
  std::string message = text::fill(m.cli_other, {what});
  if (kind == ParseErrorKind::unexpected && colon != std::string::npos) {
    const auto count = std::count(after.begin(), after.end(), ' ') + 1;
    message = text::fill(m.cli_unexpected, {after, std::to_string(count)});
  } else if (kind == ParseErrorKind::required && what == "A subcommand is required") {
    message = m.cli_command_required;
  } else if (kind == ParseErrorKind::required && what.ends_with(" is required")) {
    message = text::fill(m.cli_required, {what.substr(0, what.size() - 12)});
  } else if (kind == ParseErrorKind::not_member && after.find(" not in {") != std::string::npos) {
    const std::size_t in = after.find(" not in {");
    message = text::fill(m.cli_not_member, {before, after.substr(0, in), after.substr(in + 8)});
  } else if (kind == ParseErrorKind::not_member && before.starts_with("-") && colon != std::string::npos) {
    // A number option's check (option_values.cpp), worded in this language already.
    message = text::fill(m.cli_bad_value, {before, after});
  } else if (kind == ParseErrorKind::missing_value && after.starts_with("1 required ") &&
             after.ends_with(" missing")) {
    message = text::fill(m.cli_missing_value, {before, after.substr(11, after.size() - 11 - 8)});
  }
  if (!suggestion.empty()) message += text::fill(m.did_you_mean, {suggestion});
  return text::fill(m.error_line, {message}) + "\n" +
         text::fill(m.cli_usage_hint, {command.empty() ? "" : " " + command}) + "\n";
}

std::string unknown_command_error(const std::string& typed, const std::vector<std::string>& names, int argc,
                                  const char* const* argv, const std::string& locale_language) {
  const std::string given = language_in(argc, argv, 1);
  const text::Messages& m = text::messages(given == "fr" || given == "en" ? given : locale_language);
  const std::optional<std::string> closest = core::closest_match(typed, names);
  const std::string suggestion = closest ? text::fill(m.did_you_mean, {*closest}) : "";
  return text::fill(m.error_line, {text::fill(m.cli_unknown_command, {typed, suggestion})}) + "\n" +
         m.cli_commands_hint + "\n";
}

}  // namespace alliance::cli
