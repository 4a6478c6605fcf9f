// Exact numbers for scoring (docs/definition-format.md, "Exact decimals").
//
// A definition, an answer or an option is read as a double, the nearest one
// to the decimal written; decimal_of() gets that decimal back. Scores are
// fractions of whole numbers computed exactly and rounded once, to the
// nearest double (to_double), so that 8.6 + 9.7 + 9.9 + 7.8 is 36, and two
// scores that are equal compare equal. Differences, means and comparisons
// between scores (trend, compare) use the same fractions.
#pragma once

#include <cstdint>
#include <optional>

namespace alliance::core {

// Every fraction here keeps |num| and den within kExactLimit (2^53), so that
// both are exact doubles and num / den is one correctly rounded division.
inline constexpr std::int64_t kExactLimit = std::int64_t{1} << 53;

// The most decimal places a definition's numbers may have (weights, option
// scores, the scale's min, max and precision); check_questionnaire says so.
inline constexpr int kDefinitionPlaces = 6;
// The most decimal places recovered from any other number (band edges, norms,
// options such as --sd): beyond it, such a number is used as a double.
inline constexpr int kValuePlaces = 9;

struct Fraction {
  std::int64_t num = 0;
  std::int64_t den = 1;  // > 0; not necessarily in lowest terms
};

// The decimal with the fewest places (at most `max_places`) whose nearest
// double is `x`, as num / 10^places: 0.1 -> 1/10, 36 -> 36/1, 7.30 -> 73/10.
// nullopt when there is none within the places and kExactLimit (1/3, 1e300,
// NaN) — the shortest round-trip text of `x` when it has at most that many
// places.
std::optional<Fraction> decimal_of(double x, int max_places);

// The number of decimal places of decimal_of(x, max_places), or nullopt.
std::optional<int> decimal_places(double x, int max_places);

// The double nearest to num / den (one rounding).
double to_double(const Fraction& f);

// num / den in lowest terms (den != 0, either sign); nullopt when the
// result does not fit kExactLimit.
std::optional<Fraction> reduced(std::int64_t num, std::int64_t den);

// a / b (b > 0), truncated as C++ divides, in 32 bits when both fit: a 64-bit
// division is several times slower than a 32-bit one on common x86 CPUs, and
// trend does millions of them.
inline std::int64_t quotient(std::int64_t a, std::int64_t b) {
  if (b == 1) return a;
  const std::uint64_t m =
      a < 0 ? std::uint64_t{0} - static_cast<std::uint64_t>(a) : static_cast<std::uint64_t>(a);
  if ((m | static_cast<std::uint64_t>(b)) <= 0xffffffffu) {
    const auto q = static_cast<std::int64_t>(static_cast<std::uint32_t>(m) / static_cast<std::uint32_t>(b));
    return a < 0 ? -q : q;
  }
  return a / b;
}

// Exact arithmetic, in lowest terms; nullopt when the result does not fit
// kExactLimit (callers then fall back to double arithmetic and say where).
std::optional<Fraction> add(const Fraction& a, const Fraction& b);
std::optional<Fraction> subtract(const Fraction& a, const Fraction& b);
std::optional<Fraction> multiply(const Fraction& a, const Fraction& b);
// REQUIRES: b.num != 0.
std::optional<Fraction> divide(const Fraction& a, const Fraction& b);

// -1, 0 or 1 as a <, =, > b, exactly (never overflows).
int compare(const Fraction& a, const Fraction& b);

// Whether `value` is origin + k * step for a whole k, in decimals (7.3 is on
// the steps of 0.1 from 0; 7.25 is not). True when origin or step is not a
// decimal of at most kDefinitionPlaces places (nothing to check against).
bool on_decimal_steps(double value, double origin, double step);

// a - b for two numbers read as decimals (answers, keyed item scores): exact
// and rounded once when both are decimals of at most kValuePlaces places,
// else the plain double difference.
double decimal_difference(double a, double b);

}  // namespace alliance::core
