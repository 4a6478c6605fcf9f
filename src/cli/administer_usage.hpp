// administer's usage errors, worded in the session's language
// (administer_usage.cpp): the parser (command_line.cpp) says what it refused.
#pragma once

#include <optional>
#include <string>

namespace alliance::cli {

// What the command-line parser refused (command_line.cpp), without its types:
// arguments it did not expect, an option given no value, anything else.
enum class ParseErrorKind { unexpected, missing_value, other };

// The text for standard error of a usage error in `alliance administer ...`,
// in the session's language (--lang among the arguments after "administer",
// else `locale_language`): unexpected arguments in the order they were typed,
// with the option a mistyped one means. `what` is the parser's message
// ("The following arguments were not expected: 2 --sesion"). nullopt when the
// arguments are not an administer command.
std::optional<std::string> administer_usage_error(ParseErrorKind kind, const std::string& what, int argc,
                                                  const char* const* argv,
                                                  const std::string& locale_language);

}  // namespace alliance::cli
