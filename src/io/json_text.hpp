// Internal to io: the one way io parses JSON text (definitions, response
// documents, NDJSON lines, the catalog). nlohmann/json's parser keeps its own
// stack, so nesting cannot overflow ours; on top of it this adds:
//  - a nesting limit (kMaxJsonDepth), so nothing that later walks a value
//    recursively (nlohmann's dump, copy, comparison) can exhaust the stack;
//  - every failure (syntax, a number out of range, too deep) as a located
//    message, never an exception;
//  - whether a key was repeated in an object (nlohmann keeps the last one
//    silently; the callers refuse the text, with JsonLocations saying where).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "alliance/io/json_locations.hpp"
#include "alliance/text/message.hpp"

namespace alliance::io {

// Arrays and objects nested inside one another, the root counting as 1. The
// formats need at most 7 (a definition's /subscales/0/bands/ranges/0/label
// object); 128 leaves room for any x- data of the user's, keeps any recursive
// walk of a value shallow, and is the limit of other careful parsers (Rust's
// serde_json).
inline constexpr std::size_t kMaxJsonDepth = 128;

struct JsonError {
  enum class Kind { syntax, number_range, too_deep };
  Kind kind = Kind::syntax;
  TextPosition position;  // where the parser stopped
  std::string pointer;    // of the value being read there; "" for the root
  std::string message;    // "invalid JSON: …", "number 8e800 is out of range …"
  // A syntax error as a catalogue message, to be shown in the user's language
  // (its English is `message`); with the pointer first when `at_pointer`.
  std::optional<text::Message> said = std::nullopt;
  std::optional<text::Message> said_at_pointer = std::nullopt;
};

struct ParsedJson {
  nlohmann::json value;  // null when `error` is set
  std::optional<JsonError> error;
  bool duplicate_keys = false;  // some object repeats a key (the last one is in `value`)
};

ParsedJson parse_json_text(std::string_view text);

// Whether `text` holds nothing but JSON whitespace (space, tab, line breaks):
// a whole document that is empty, which parse_json_text reports in the
// parser's words; the readers of whole files say it plainly instead.
bool blank_json_text(std::string_view text);

// "the file is empty" ("standard input is empty" for `name` "<stdin>"), for
// the message of a blank document.
std::string empty_input_message(const std::string& name);

// "file:line:col: /pointer: message", the pointer left out when "".
std::string format_json_error(const std::string& file, const JsonError& error);

}  // namespace alliance::io
