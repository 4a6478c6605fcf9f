// Numbers given on the command line, read strictly: the whole text, in
// decimal, finite. "0x10", " 3", "1.5" for a count, "nan", "inf" and "" are
// refused with a message saying what was expected, instead of being taken
// (CLI11 reads 0x10 as 16, and NaN passes every comparison) or refused as
// "not in range". No CLI11 here: option_checks.hpp wraps these for it.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace alliance::cli {

// A whole number written in decimal digits, with an optional leading '-'.
std::optional<long long> parse_whole(std::string_view text);

// A finite decimal number ("3.5", "-2", "1e3"); never NaN or infinite.
std::optional<double> parse_finite(std::string_view text);

// "" when `text` is a whole number in [min, max]; else what is wrong and what
// was expected, as in "'abc' is not a whole number (expected 0 to 17)", in
// `lang` ("fr"; anything else is English), from the message catalogue.
std::string whole_number_problem(std::string_view text, long long min, long long max,
                                 std::string_view lang = "en");

// What a whole-number range reads as in messages and --help: "0 to 17",
// "0 or more", "1 or 2" (in French "0 à 17", "0 ou plus", "1 ou 2").
std::string whole_range_text(long long min, long long max, std::string_view lang = "en");

// "" when `text` is a finite number in [min, max] (above min when
// `above_min`); else what is wrong and what was expected.
std::string number_problem(std::string_view text, double min, double max, bool above_min = false,
                           std::string_view lang = "en");

// As whole_range_text, for numbers: "0 to 100", "greater than 0" (in French
// with a decimal comma).
std::string number_range_text(double min, double max, bool above_min = false, std::string_view lang = "en");

}  // namespace alliance::cli
