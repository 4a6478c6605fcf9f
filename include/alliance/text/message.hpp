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

// A message as an argument of another ("expected {1}, got {2}" with {1} = "an
// object"), rendered in the language of the message it is in. The result is
// an encoded argument, not a text: only for Message::args and say()'s
// arguments (fill() renders it in English).
std::string nested(Msg id, std::vector<std::string> args = {});

// `text` in `lang` when it is a nested() message (a reader's warning), else
// `text` itself.
std::string shown(std::string_view lang, std::string_view text);

}  // namespace alliance::text
