// Internal to the report writer: the words of the report (catalogue
// messages page_…, in English and French), and the text helpers of the
// page — HTML escaping, numbers in the reader's language.
#pragma once

#include <cstddef>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

#include "alliance/text/messages.hpp"

namespace alliance::io::report {

// A word of the page: a message of the one catalogue
// (alliance/text/catalogue.inc, the ids page_…).
using Word = text::Msg;

// The word in `lang` ("fr", else English), unfilled.
const char* word(Word w, const std::string& lang);

// `text` with {1}, {2}... replaced by `values` in order (text::fill: plural
// choices too).
std::string fill(std::string_view text, std::initializer_list<std::string_view> values);

// Text for HTML content and attribute values: & < > " ' as entities; bytes
// that are not UTF-8, NUL and the other control characters but tab and line
// feed as U+FFFD; the bidirectional controls as U+FFFD too, so that an id
// cannot reorder what follows it.
std::string escape(std::string_view text);

// A number at `decimals` places, as the reader writes it: "3.42" in English,
// "3,42" in French; a minus as U+2212. `signed_` writes "+" before a positive.
std::string number(double value, int decimals, const std::string& lang, bool signed_ = false);

// A coordinate of the SVG: one decimal, "-" for a negative, "." always.
std::string coordinate(double value);

}  // namespace alliance::io::report
