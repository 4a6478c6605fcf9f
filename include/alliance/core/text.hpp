// Small pure text helpers shared by every layer.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "alliance/core/exact.hpp"

namespace alliance::core {

// The candidate closest to `word` by edit distance, when close enough to be a
// plausible typo ("wai-rs" -> "wai-sr"); nullopt otherwise.
std::optional<std::string> closest_match(std::string_view word, const std::vector<std::string>& candidates);

// ", did you mean 'x'?" or "" — for the end of an error message.
std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates);

// 64-bit FNV-1a of `bytes`, as "fnv1a64:" and 16 lower-case hex digits. Used as
// the definition's content hash in every output record (provenance, not security).
std::string content_hash(std::string_view bytes);

// Shortest decimal text that reads back as the same double ("3.75", "4",
// "0.1"); locale-independent. "NaN"/"inf" never occur for scores.
std::string format_number(double value);

// For messages people read (alerts): at most 10 significant digits, so the
// binary noise of a sum such as 9.5 + 9.2 + 9.1 + 9.4 reads "37.2", not
// "37.199999999999996", while 35.999 stays 35.999. Machine output keeps
// format_number's exact form.
std::string format_readable(double value);

// The value rounded to `decimals` places, fixed notation ("3.67");
// locale-independent. What is rounded is the decimal format_number writes
// (the shortest that reads back as `value`), never the binary value, so that
// no binary noise shows: 3.7 at 17 decimals is 3.70000000000000000, not
// 3.70000000000000018, and 3.675 at 2 is 3.68. A tie is rounded away from
// zero, as taught at school and as Excel's ROUND does (2.5 -> 3, 0.125 at 2
// -> 0.13, -0.125 -> -0.13). "-0.00" is written "0.00".
std::string format_fixed(double value, int decimals);

// The fraction correctly rounded to `decimals` places from its exact value,
// a tie away from zero: 13/3 at 17 decimals is 4.33333333333333333, where
// the double nearest to it would give 4.33333333333333304.
// REQUIRES: value.den > 0.
std::string format_fixed(const Fraction& value, int decimals);

}  // namespace alliance::core

namespace alliance::core {

// Columns a UTF-8 string takes on a terminal (code points; no wide glyphs in our texts).
std::size_t display_width(std::string_view text);

// `text` padded with spaces to `width` display columns.
std::string pad_right(std::string_view text, std::size_t width);

}  // namespace alliance::core
