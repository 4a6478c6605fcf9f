// Usage errors worded in the user's language (administer_usage.cpp): the
// parser (command_line.cpp) says what it refused, in CLI11's English words,
// and these functions say it again from the message catalogue.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace alliance::cli {

// What the command-line parser refused (command_line.cpp), without its types:
// arguments it did not expect, an option given no value, anything else.
enum class ParseErrorKind { unexpected, missing_value, required, not_member, other };

// The text for standard error of a usage error in `alliance administer ...`,
// in the session's language (--lang among the arguments after "administer",
// else `locale_language`): unexpected arguments in the order they were typed,
// with the option a mistyped one means. `what` is the parser's message
// ("The following arguments were not expected: 2 --sesion"). nullopt when the
// arguments are not an administer command.
std::optional<std::string> administer_usage_error(ParseErrorKind kind, const std::string& what, int argc,
                                                  const char* const* argv,
                                                  const std::string& locale_language);

// The text for standard error of any usage error: administer's as above,
// else in the language of --lang among the arguments (else
// `locale_language`): "alliance: <message>" and a line on where to find help.
// In English the message is CLI11's own.
// `command` is the command typed ("" for none), named in the line on help;
// `suggestion` the option closest to a mistyped one ("" for none).
std::string usage_error(ParseErrorKind kind, const std::string& what, int argc, const char* const* argv,
                        const std::string& locale_language, const std::string& command = "",
                        const std::string& suggestion = "");

// "alliance: unknown command 'scor', did you mean 'score'?" and where the
// commands are listed, in the language of --lang among the arguments, else
// `locale_language`. `names`: the commands a user can type.
std::string unknown_command_error(const std::string& typed, const std::vector<std::string>& names, int argc,
                                  const char* const* argv, const std::string& locale_language);

}  // namespace alliance::cli
