#include "alliance/core/text.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <string>

namespace alliance::core {

namespace {

// Optimal string alignment distance: insertions, deletions, substitutions and
// transpositions of neighbours ("rs" for "sr") each count one.
std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
  for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.size()][b.size()];
}

}  // namespace

std::optional<std::string> closest_match(std::string_view word, const std::vector<std::string>& candidates) {
  // Ids of one or two characters ("7" for "9") are not worth a guess, nor
  // words longer than any id: the distance costs the product of the lengths.
  constexpr std::size_t kLongest = 100;
  if (word.size() < 3 || word.size() > kLongest) return std::nullopt;
  const std::size_t allowed = std::max<std::size_t>(1, std::min<std::size_t>(3, word.size() / 3));
  std::optional<std::string> best;
  std::size_t best_distance = 0;
  std::size_t best_length_gap = 0;
  for (const std::string& candidate : candidates) {
    const std::size_t gap =
        candidate.size() > word.size() ? candidate.size() - word.size() : word.size() - candidate.size();
    if (gap > allowed) continue;  // the distance is at least the gap: too far
    const std::size_t d = edit_distance(word, candidate);
    // On a tie, the candidate of the same length wins ("wai-rs": "wai-sr", not "wai-s").
    if (!best || d < best_distance || (d == best_distance && gap < best_length_gap)) {
      best = candidate;
      best_distance = d;
      best_length_gap = gap;
    }
  }
  if (best && best_distance <= allowed && best_distance > 0) return best;
  return std::nullopt;
}

std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates) {
  auto match = closest_match(word, candidates);
  return match ? ", did you mean '" + *match + "'?" : "";
}

std::string content_hash(std::string_view bytes) {
  std::uint64_t hash = 14695981039346656037ULL;
  for (char c : bytes) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 1099511628211ULL;
  }
  char out[32];
  std::snprintf(out, sizeof out, "fnv1a64:%016llx", static_cast<unsigned long long>(hash));
  return out;
}

std::string format_number(double value) {
  char buffer[32];
  auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  return std::string(buffer, result.ptr);
}

std::string format_readable(double value) {
  char buffer[32];
  auto result = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::general, 10);
  return std::string(buffer, result.ptr);
}

namespace {

// Where the digits after the kept ones lie, as a fraction of one unit of the
// last kept place.
enum class Rest { below_half, half, above_half };

// "-"? whole "." kept, rounded by `rest`, a tie away from zero; the sign
// dropped when every digit is 0. `whole` is not empty; `kept` holds the
// decimals.
std::string rounded_text(bool negative, std::string whole, std::string kept, Rest rest) {
  std::string digits = whole + kept;
  if (rest != Rest::below_half) {
    std::size_t i = digits.size();
    while (i > 0 && digits[i - 1] == '9') digits[--i] = '0';
    if (i == 0)
      digits.insert(digits.begin(), '1');
    else
      ++digits[i - 1];
  }
  const std::size_t point = digits.size() - kept.size();
  std::string out = negative && digits.find_first_not_of('0') != std::string::npos ? "-" : "";
  out.append(digits, 0, point);
  if (!kept.empty()) out += '.' + digits.substr(point);
  return out;
}

}  // namespace

std::string format_fixed(double value, int decimals) {
  if (!std::isfinite(value) || decimals < 0) return format_number(value);
  // The shortest round-trip digits, as d.ddde±x.
  char buffer[40];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::scientific);
  const std::string_view text(buffer, static_cast<std::size_t>(result.ptr - buffer));
  const bool negative = text.front() == '-';
  const std::size_t e = text.find('e');
  std::string digits;
  for (char c : text.substr(negative ? 1 : 0, e - (negative ? 1 : 0)))
    if (c != '.') digits += c;
  const int exponent = std::stoi(std::string(text.substr(e + 1)));
  // Digits before the decimal point: exponent + 1.
  std::string whole, fraction;
  const long point = static_cast<long>(exponent) + 1;
  if (point <= 0) {
    whole = "0";
    fraction = std::string(static_cast<std::size_t>(-point), '0') + digits;
  } else if (static_cast<std::size_t>(point) >= digits.size()) {
    whole = digits + std::string(static_cast<std::size_t>(point) - digits.size(), '0');
  } else {
    whole = digits.substr(0, static_cast<std::size_t>(point));
    fraction = digits.substr(static_cast<std::size_t>(point));
  }
  const auto places = static_cast<std::size_t>(decimals);
  Rest rest = Rest::below_half;
  if (fraction.size() > places) {
    const char first = fraction[places];
    const bool more = fraction.find_first_not_of('0', places + 1) != std::string::npos;
    rest = first > '5' || (first == '5' && more) ? Rest::above_half
           : first == '5'                        ? Rest::half
                                                 : Rest::below_half;
    fraction.resize(places);
  } else {
    fraction.resize(places, '0');
  }
  return rounded_text(negative, std::move(whole), std::move(fraction), rest);
}

std::string format_fixed(const Fraction& value, int decimals) {
  const bool negative = value.num < 0;
  const auto num = negative ? std::uint64_t{0} - static_cast<std::uint64_t>(value.num)
                            : static_cast<std::uint64_t>(value.num);
  const auto den = static_cast<std::uint64_t>(value.den);
  std::uint64_t remainder = num % den;  // < den <= 2^53: times 10 never overflows
  std::string kept;
  for (int i = 0; i < decimals; ++i) {
    remainder *= 10;
    kept += static_cast<char>('0' + remainder / den);
    remainder %= den;
  }
  // remainder / den of a unit of the last place is left: compare it with 1/2.
  const Rest rest = 2 * remainder < den    ? Rest::below_half
                    : 2 * remainder == den ? Rest::half
                                           : Rest::above_half;
  return rounded_text(negative, std::to_string(num / den), std::move(kept), rest);
}

}  // namespace alliance::core

namespace alliance::core {

std::size_t display_width(std::string_view text) {
  std::size_t width = 0;
  for (char c : text)
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++width;
  return width;
}

std::string pad_right(std::string_view text, std::size_t width) {
  std::string out(text);
  for (std::size_t w = display_width(text); w < width; ++w) out += ' ';
  return out;
}

}  // namespace alliance::core
