#include "alliance/core/exact.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <numeric>

namespace alliance::core {

namespace {

// Intermediate products stay below 2^61, so that a sum of two never overflows.
constexpr std::int64_t kIntermediate = std::int64_t{1} << 61;

// false when |a b| > 2^61.
bool checked_multiply(std::int64_t a, std::int64_t b, std::int64_t& out) {
  const auto size = [](std::int64_t v) {
    return v < 0 ? std::uint64_t{0} - static_cast<std::uint64_t>(v) : static_cast<std::uint64_t>(v);
  };
  std::uint64_t product = 0;
  if (__builtin_mul_overflow(size(a), size(b), &product) ||
      product > static_cast<std::uint64_t>(kIntermediate))
    return false;
  out = a * b;
  return true;
}

// The unsigned 128-bit product of a and b, as high and low halves.
struct Wide {
  std::uint64_t high = 0;
  std::uint64_t low = 0;
};

Wide wide_multiply(std::uint64_t a, std::uint64_t b) {
  const std::uint64_t mask = 0xffffffffu;
  const std::uint64_t a_low = a & mask, a_high = a >> 32;
  const std::uint64_t b_low = b & mask, b_high = b >> 32;
  const std::uint64_t low_low = a_low * b_low;
  const std::uint64_t low_high = a_low * b_high;
  const std::uint64_t high_low = a_high * b_low;
  const std::uint64_t middle = (low_low >> 32) + (low_high & mask) + (high_low & mask);
  return {a_high * b_high + (low_high >> 32) + (high_low >> 32) + (middle >> 32),
          (middle << 32) | (low_low & mask)};
}

int compare_wide(Wide a, Wide b) {
  if (a.high != b.high) return a.high < b.high ? -1 : 1;
  if (a.low != b.low) return a.low < b.low ? -1 : 1;
  return 0;
}

std::uint64_t magnitude(std::int64_t v) {
  return v < 0 ? std::uint64_t{0} - static_cast<std::uint64_t>(v) : static_cast<std::uint64_t>(v);
}

}  // namespace

std::optional<Fraction> decimal_of(double x, int max_places) {
  if (!std::isfinite(x)) return std::nullopt;
  double scale = 1;
  for (int places = 0; places <= max_places; ++places, scale *= 10) {
    const double scaled = x * scale;
    if (!(std::fabs(scaled) <= static_cast<double>(kExactLimit))) return std::nullopt;
    // The nearest whole number; the test below decides whether it is the decimal.
    const auto whole = static_cast<std::int64_t>(scaled + (scaled < 0 ? -0.5 : 0.5));
    if (static_cast<double>(whole) / scale == x) return Fraction{whole, static_cast<std::int64_t>(scale)};
  }
  return std::nullopt;
}

std::optional<int> decimal_places(double x, int max_places) {
  const std::optional<Fraction> f = decimal_of(x, max_places);
  if (!f) return std::nullopt;
  int places = 0;
  for (std::int64_t den = f->den; den > 1; den /= 10) ++places;
  return places;
}

double to_double(const Fraction& f) {
  return static_cast<double>(f.num) / static_cast<double>(f.den);
}

std::optional<Fraction> reduced(std::int64_t num, std::int64_t den) {
  if (den < 0) num = -num, den = -den;
  const std::int64_t g = std::gcd(num, den);
  if (g > 1) num = quotient(num, g), den = quotient(den, g);
  if (num > kExactLimit || -num > kExactLimit || den > kExactLimit) return std::nullopt;
  return Fraction{num, den};
}

std::optional<Fraction> add(const Fraction& a, const Fraction& b) {
  const std::int64_t g = std::gcd(a.den, b.den);
  std::int64_t den = 0, left = 0, right = 0;
  if (!checked_multiply(a.den, quotient(b.den, g), den) ||
      !checked_multiply(a.num, quotient(b.den, g), left) ||
      !checked_multiply(b.num, quotient(a.den, g), right))
    return std::nullopt;
  return reduced(left + right, den);
}

std::optional<Fraction> subtract(const Fraction& a, const Fraction& b) {
  return add(a, Fraction{-b.num, b.den});
}

std::optional<Fraction> multiply(const Fraction& a, const Fraction& b) {
  const std::int64_t g1 = std::gcd(a.num, b.den);
  const std::int64_t g2 = std::gcd(b.num, a.den);  // both > 0: the denominators are
  std::int64_t num = 0, den = 0;
  if (!checked_multiply(quotient(a.num, g1), quotient(b.num, g2), num) ||
      !checked_multiply(quotient(a.den, g2), quotient(b.den, g1), den))
    return std::nullopt;
  return reduced(num, den);
}

std::optional<Fraction> divide(const Fraction& a, const Fraction& b) {
  const Fraction inverse = b.num < 0 ? Fraction{-b.den, -b.num} : Fraction{b.den, b.num};
  return multiply(a, inverse);
}

int compare(const Fraction& a, const Fraction& b) {
  const int sign_a = (a.num > 0) - (a.num < 0);
  const int sign_b = (b.num > 0) - (b.num < 0);
  if (sign_a != sign_b) return sign_a < sign_b ? -1 : 1;
  if (sign_a == 0) return 0;
  // Same sign: compare |a.num| * b.den with |b.num| * a.den, reversed when negative.
  const int order = compare_wide(wide_multiply(magnitude(a.num), static_cast<std::uint64_t>(b.den)),
                                 wide_multiply(magnitude(b.num), static_cast<std::uint64_t>(a.den)));
  return sign_a > 0 ? order : -order;
}

bool on_decimal_steps(double value, double origin, double step) {
  // The steps in whole units, for the last origin and step seen on this
  // thread: a batch checks every answer against the same scale. A memo of the
  // arguments themselves, so it is never stale.
  struct Steps {
    double origin = std::numeric_limits<double>::quiet_NaN();
    double step = std::numeric_limits<double>::quiet_NaN();
    bool checkable = false;  // origin and step are decimals of at most kDefinitionPlaces places
    double unit = 1;         // 10^places of the finer of the two
    std::int64_t from = 0;   // origin, in units
    std::int64_t by = 1;     // step, in units
  };
  thread_local Steps steps;
  if (!(steps.origin == origin && steps.step == step)) {
    const std::optional<Fraction> from = decimal_of(origin, kDefinitionPlaces);
    const std::optional<Fraction> by = decimal_of(step, kDefinitionPlaces);
    steps = Steps{origin, step, from && by && by->num > 0, 1, 0, 1};
    if (steps.checkable) {
      const std::int64_t unit = std::max(from->den, by->den);  // both powers of ten
      steps.unit = static_cast<double>(unit);
      steps.from = from->num * (unit / from->den);
      steps.by = by->num * (unit / by->den);
    }
  }
  if (!steps.checkable) return true;
  // The value in that unit; a value with more places does not come back from it.
  const double scaled = value * steps.unit;
  if (!(std::fabs(scaled) < static_cast<double>(kExactLimit))) return false;
  const auto whole = static_cast<std::int64_t>(scaled + (scaled < 0 ? -0.5 : 0.5));
  if (static_cast<double>(whole) / steps.unit != value) return false;
  return (whole - steps.from) % steps.by == 0;
}

double decimal_difference(double a, double b) {
  const std::optional<Fraction> fa = decimal_of(a, kValuePlaces);
  const std::optional<Fraction> fb = decimal_of(b, kValuePlaces);
  if (fa && fb)
    if (const std::optional<Fraction> d = subtract(*fa, *fb)) return to_double(*d);
  return a - b;
}

}  // namespace alliance::core
