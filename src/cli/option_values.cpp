#include "option_values.hpp"

#include <charconv>
#include <cmath>
#include <limits>

#include "alliance/core/text.hpp"
#include "alliance/text/messages.hpp"

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

// Digits only, perhaps signed: a whole number too large for 64 bits.
bool looks_whole(std::string_view text) {
  if (!text.empty() && text.front() == '-') text.remove_prefix(1);
  return !text.empty() && text.find_first_not_of("0123456789") == std::string_view::npos;
}

}  // namespace

std::string whole_range_text(long long min, long long max, std::string_view lang) {
  using text::Msg;
  const std::string low = std::to_string(min);
  if (max >= kNoMax) return text::say(lang, Msg::range_or_more, {low});
  return text::say(lang, max == min + 1 ? Msg::range_or : Msg::range_to, {low, std::to_string(max)});
}

std::string whole_number_problem(std::string_view text, long long min, long long max, std::string_view lang) {
  using text::Msg;
  const std::string expected = text::say(lang, Msg::value_expected_whole, {whole_range_text(min, max, lang)});
  if (text.empty()) return text::say(lang, Msg::value_missing, {expected});
  const std::optional<long long> value = parse_whole(text);
  if (!value && !looks_whole(text)) return text::say(lang, Msg::value_not_whole, {text, expected});
  if (!value || *value > max)
    return text::say(lang, max >= kNoMax ? Msg::value_too_large : Msg::value_out_of_range, {text, expected});
  if (*value < min) return text::say(lang, Msg::value_out_of_range, {text, expected});
  return "";
}

std::string number_range_text(double min, double max, bool above_min, std::string_view lang) {
  using text::Msg;
  if (min == std::numeric_limits<double>::lowest() && max == std::numeric_limits<double>::max()) return "";
  // In French, with a decimal comma: the range is read by a person.
  const std::string low = text::decimal(lang, core::format_number(min));
  if (max == std::numeric_limits<double>::max())
    return text::say(lang, above_min ? Msg::range_greater_than : Msg::range_at_least, {low});
  return text::say(lang, above_min ? Msg::range_above_to : Msg::range_to,
                   {low, text::decimal(lang, core::format_number(max))});
}

std::string number_problem(std::string_view text, double min, double max, bool above_min,
                           std::string_view lang) {
  using text::Msg;
  const std::string range = number_range_text(min, max, above_min, lang);
  const std::string expected = range.empty() ? text::say(lang, Msg::value_expected_finite)
                                             : text::say(lang, Msg::value_expected_number, {range});
  if (text.empty()) return text::say(lang, Msg::value_missing, {expected});
  const std::optional<double> value = parse_finite(text);
  if (!value) return text::say(lang, Msg::value_not_finite, {text, expected});
  if (*value < min || (above_min && *value == min) || *value > max)
    return text::say(lang, Msg::value_out_of_range, {text, expected});
  return "";
}

}  // namespace alliance::cli
