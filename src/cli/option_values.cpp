#include "option_values.hpp"

#include <charconv>
#include <cmath>
#include <limits>

#include "alliance/core/text.hpp"

namespace alliance::cli {

std::optional<long long> parse_whole(std::string_view text) {
  long long value = 0;
  const char* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (text.empty() || ec != std::errc() || ptr != end) return std::nullopt;
  return value;
}

std::optional<double> parse_finite(std::string_view text) {
  double value = 0;
  const char* end = text.data() + text.size();
  // from_chars takes "nan", "inf" and "infinity" too: refused below.
  const auto [ptr, ec] = std::from_chars(text.data(), end, value, std::chars_format::general);
  if (text.empty() || ec != std::errc() || ptr != end || !std::isfinite(value)) return std::nullopt;
  return value;
}

namespace {

// Bounds this large are the type's, not the option's: "0 or more".
constexpr long long kNoMax = std::numeric_limits<int>::max();

std::string quoted(std::string_view text) {
  return "'" + std::string(text) + "'";
}

// Digits only, perhaps signed: a whole number too large for 64 bits.
bool looks_whole(std::string_view text) {
  if (!text.empty() && text.front() == '-') text.remove_prefix(1);
  return !text.empty() && text.find_first_not_of("0123456789") == std::string_view::npos;
}

}  // namespace

std::string whole_range_text(long long min, long long max) {
  if (max >= kNoMax) return std::to_string(min) + " or more";
  if (max == min + 1) return std::to_string(min) + " or " + std::to_string(max);
  return std::to_string(min) + " to " + std::to_string(max);
}

std::string whole_number_problem(std::string_view text, long long min, long long max) {
  const std::string expected = " (expected a whole number, " + whole_range_text(min, max) + ")";
  if (text.empty()) return "no value" + expected;
  const std::optional<long long> value = parse_whole(text);
  if (!value && !looks_whole(text)) return quoted(text) + " is not a whole number" + expected;
  if (!value || *value > max)
    return quoted(text) + (max >= kNoMax ? " is too large" : " is out of range") + expected;
  if (*value < min) return quoted(text) + " is out of range" + expected;
  return "";
}

std::string number_range_text(double min, double max, bool above_min) {
  if (min == std::numeric_limits<double>::lowest() && max == std::numeric_limits<double>::max()) return "";
  if (max == std::numeric_limits<double>::max())
    return (above_min ? "greater than " : "at least ") + core::format_number(min);
  return (above_min ? "above " : "") + core::format_number(min) + " to " + core::format_number(max);
}

std::string number_problem(std::string_view text, double min, double max, bool above_min) {
  const std::string range = number_range_text(min, max, above_min);
  const std::string expected =
      range.empty() ? " (expected a finite number)" : " (expected a number, " + range + ")";
  if (text.empty()) return "no value" + expected;
  const std::optional<double> value = parse_finite(text);
  if (!value) return quoted(text) + " is not a finite number" + expected;
  if (*value < min || (above_min && *value == min) || *value > max)
    return quoted(text) + " is out of range" + expected;
  return "";
}

}  // namespace alliance::cli
