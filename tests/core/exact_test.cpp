// Exact decimals and fractions; every expectation worked out by hand.
#include "alliance/core/exact.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace alliance::core {
namespace {

void expect_fraction(const std::optional<Fraction>& got, std::int64_t num, std::int64_t den) {
  ASSERT_TRUE(got.has_value());
  EXPECT_EQ(got->num, num);
  EXPECT_EQ(got->den, den);
}

TEST(Exact, DecimalOfRecoversTheDecimalWritten) {
  expect_fraction(decimal_of(0.1, 6), 1, 10);
  expect_fraction(decimal_of(36, 6), 36, 1);
  expect_fraction(decimal_of(7.30, 6), 73, 10);
  expect_fraction(decimal_of(-2.5, 6), -25, 10);
  expect_fraction(decimal_of(0.000001, 6), 1, 1000000);
  expect_fraction(decimal_of(0, 6), 0, 1);
  // 0.1 + 0.2 is the double 0.30000000000000004, not 0.3: 17 places.
  EXPECT_FALSE(decimal_of(0.1 + 0.2, 9));
  EXPECT_FALSE(decimal_of(1.0 / 3, 9));
  EXPECT_FALSE(decimal_of(0.0000001, 6));  // 7 places
  EXPECT_FALSE(decimal_of(1e300, 6));
  EXPECT_FALSE(decimal_of(std::numeric_limits<double>::quiet_NaN(), 6));
  EXPECT_FALSE(decimal_of(std::numeric_limits<double>::infinity(), 6));
  EXPECT_EQ(decimal_places(0.25, 6), 2);
  EXPECT_EQ(decimal_places(3, 6), 0);
  EXPECT_FALSE(decimal_places(0.1234567, 6));
}

TEST(Exact, ToDoubleRoundsOnce) {
  EXPECT_EQ(to_double({372, 10}), 37.2);  // the double nearest to 37.2, written the same
  EXPECT_EQ(to_double({41, 3}), 41.0 / 3);
  EXPECT_EQ(to_double({-5, 6}), -0.8333333333333334);
}

TEST(Exact, ArithmeticInLowestTerms) {
  // 86/10 + 97/10 + 99/10 + 78/10 = 360/10 = 36.
  std::optional<Fraction> sum = Fraction{86, 10};
  for (std::int64_t tenths : {97, 99, 78}) sum = add(*sum, {tenths, 10});
  expect_fraction(sum, 36, 1);
  // 5/2 - 10/3 = 15/6 - 20/6 = -5/6.
  expect_fraction(subtract({5, 2}, {10, 3}), -5, 6);
  // 3/4 * 2/9 = 6/36 = 1/6; (1/6) / (-1/3) = -1/2.
  expect_fraction(multiply({3, 4}, {2, 9}), 1, 6);
  expect_fraction(divide({1, 6}, {-1, 3}), -1, 2);
  expect_fraction(multiply({0, 7}, {5, 3}), 0, 1);
  // Beyond 2^53 after reduction: no result rather than a wrong one.
  EXPECT_FALSE(multiply({kExactLimit - 1, 1}, {3, 1}));
  EXPECT_FALSE(add({1, kExactLimit - 1}, {1, kExactLimit - 3}));
}

TEST(Exact, CompareIsExactWhereDoublesTie) {
  EXPECT_EQ(compare({1, 3}, {1, 3}), 0);
  EXPECT_EQ(compare({2, 6}, {1, 3}), 0);
  EXPECT_EQ(compare({-1, 2}, {1, 3}), -1);
  EXPECT_EQ(compare({0, 1}, {0, 5}), 0);
  // (2^53 - 1) / 2^53 and (2^53 - 2) / (2^53 - 1) differ by 1 / (2^53 (2^53 - 1)),
  // far below a double's resolution: both round to the same double.
  const Fraction a{kExactLimit - 1, kExactLimit};
  const Fraction b{kExactLimit - 2, kExactLimit - 1};
  ASSERT_EQ(to_double(a), to_double(b));
  EXPECT_EQ(compare(a, b), 1);
  EXPECT_EQ(compare(b, a), -1);
  EXPECT_EQ(compare({-a.num, a.den}, {-b.num, b.den}), -1);
}

TEST(Exact, StepsOfTheScale) {
  EXPECT_TRUE(on_decimal_steps(7.3, 0, 0.1));
  EXPECT_TRUE(on_decimal_steps(10, 0, 0.1));
  EXPECT_FALSE(on_decimal_steps(7.25, 0, 0.1));
  EXPECT_FALSE(on_decimal_steps(7.300000000000001, 0, 0.1));  // binary noise in the data
  EXPECT_TRUE(on_decimal_steps(2.5, 0, 0.5));
  EXPECT_FALSE(on_decimal_steps(2.3, 0, 0.5));
  // Counted from the origin: 0.05 + k * 0.1.
  EXPECT_TRUE(on_decimal_steps(0.15, 0.05, 0.1));
  EXPECT_FALSE(on_decimal_steps(0.1, 0.05, 0.1));
  // A step that is not a decimal of at most 6 places: nothing to check against.
  EXPECT_TRUE(on_decimal_steps(0.123, 0, 1.0 / 3));
}

TEST(Exact, DecimalDifference) {
  // 9.3 - 9.1 is 0.20000000000000107 in doubles.
  EXPECT_EQ(decimal_difference(9.3, 9.1), 0.2);
  EXPECT_EQ(decimal_difference(37.2, 36.1), 1.1);
  EXPECT_EQ(decimal_difference(1.0 / 3, 0), 1.0 / 3);  // not a decimal: the double difference
}

}  // namespace
}  // namespace alliance::core
