// A message to be shown later, in a language not known where it is made (a
// diagnostic found in core, a reader's problem, an error thrown deep in io):
// its catalogue id and arguments. A small header on purpose: it names the id
// type without the catalogue, so the many files that carry messages are not
// rebuilt when a message is added (alliance/text/messages.hpp has the rest).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace alliance::text {

enum class Msg : unsigned short;  // the ids, in messages.hpp

struct Message {
  Msg id;
  std::vector<std::string> args;
};

// The message in `lang` ("fr"; anything else is English), filled.
std::string say(std::string_view lang, const Message& message);

}  // namespace alliance::text
