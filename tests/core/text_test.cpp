#include "alliance/core/text.hpp"

#include <gtest/gtest.h>

namespace alliance::core {
namespace {

TEST(Text, DidYouMean) {
  const std::vector<std::string> ids = {"gtb-12", "gtb-12-t", "wai", "wai-s", "wai-sr", "srs"};
  EXPECT_EQ(did_you_mean("wai-rs", ids), ", did you mean 'wai-sr'?");
  EXPECT_EQ(did_you_mean("gtb12", ids), ", did you mean 'gtb-12'?");
  EXPECT_EQ(did_you_mean("reversed", {"id", "subscale", "reverse", "weight", "text"}),
            ", did you mean 'reverse'?");
  EXPECT_EQ(did_you_mean("phq-9", ids), "");
}

TEST(Text, ContentHashIsFnv1a64) {
  // Reference values of 64-bit FNV-1a (offset basis 0xcbf29ce484222325).
  EXPECT_EQ(content_hash(""), "fnv1a64:cbf29ce484222325");
  EXPECT_EQ(content_hash("a"), "fnv1a64:af63dc4c8601ec8c");
}

TEST(Text, NumbersAreShortestRoundTrip) {
  EXPECT_EQ(format_number(3.75), "3.75");
  EXPECT_EQ(format_number(4), "4");
  EXPECT_EQ(format_number(0.1), "0.1");
  EXPECT_EQ(format_number(1.0 / 3), "0.3333333333333333");
  EXPECT_EQ(format_fixed(2.0 / 3, 2), "0.67");
  EXPECT_EQ(format_fixed(-0.001, 2), "0.00");
}

// Fixed decimals round the decimal, never the binary value: 3.7 is stored as
// 3.70000000000000017763568394002504646778106689453125, which to_chars
// printed at 17 decimals as 3.70000000000000018.
TEST(Text, FixedDecimalsShowNoBinaryNoise) {
  EXPECT_EQ(format_fixed(3.7, 17), "3.70000000000000000");
  EXPECT_EQ(format_fixed(0.1, 17), "0.10000000000000000");
  // The shortest form of 13/3's double has 15 decimals: what is past them is 0.
  EXPECT_EQ(format_fixed(13.0 / 3, 17), "4.33333333333333300");
  // 3.675 is stored below the tie (3.67499999999999982236431605997495353221893310546875).
  EXPECT_EQ(format_fixed(3.675, 2), "3.68");
  // Ties away from zero, and carries through every digit.
  EXPECT_EQ(format_fixed(2.5, 0), "3");
  EXPECT_EQ(format_fixed(0.125, 2), "0.13");
  EXPECT_EQ(format_fixed(-0.125, 2), "-0.13");
  EXPECT_EQ(format_fixed(9.995, 2), "10.00");
  EXPECT_EQ(format_fixed(-9.9996, 3), "-10.000");
  // Small and large magnitudes (shortest forms 1e-05 and 1e+20).
  EXPECT_EQ(format_fixed(0.00001, 2), "0.00");
  EXPECT_EQ(format_fixed(0.00001, 5), "0.00001");
  EXPECT_EQ(format_fixed(1e20, 1), "100000000000000000000.0");
  EXPECT_EQ(format_fixed(-0.0, 1), "0.0");
}

// A fraction is rounded from its exact value: 13/3 = 4.333…, so 17 threes.
TEST(Text, FixedDecimalsOfAFractionAreCorrectlyRounded) {
  EXPECT_EQ(format_fixed(Fraction{13, 3}, 17), "4.33333333333333333");
  EXPECT_EQ(format_fixed(Fraction{8, 3}, 17), "2.66666666666666667");
  EXPECT_EQ(format_fixed(Fraction{37, 10}, 17), "3.70000000000000000");
  EXPECT_EQ(format_fixed(Fraction{49, 11}, 17), "4.45454545454545455");
  EXPECT_EQ(format_fixed(Fraction{2, 3}, 0), "1");
  EXPECT_EQ(format_fixed(Fraction{1, 8}, 2), "0.13");  // a tie: away from zero
  EXPECT_EQ(format_fixed(Fraction{-1, 8}, 2), "-0.13");
  EXPECT_EQ(format_fixed(Fraction{-1, 1000}, 2), "0.00");    // no "-0.00"
  EXPECT_EQ(format_fixed(Fraction{1999, 200}, 2), "10.00");  // 9.995
  EXPECT_EQ(format_fixed(Fraction{36, 1}, 0), "36");
  // The largest fractions the scorer makes (kExactLimit) do not overflow.
  EXPECT_EQ(format_fixed(Fraction{kExactLimit - 1, kExactLimit}, 17), "0.99999999999999989");
}

TEST(Text, ReadableNumbersDropBinaryNoise) {
  const double sum = 9.5 + 9.2 + 9.1 + 9.4;  // 37.199999999999996 in binary
  EXPECT_EQ(format_number(sum), "37.199999999999996");
  EXPECT_EQ(format_readable(sum), "37.2");
  EXPECT_EQ(format_readable(35.999), "35.999");
  EXPECT_EQ(format_readable(36), "36");
  EXPECT_EQ(format_readable(40.0 / 3), "13.33333333");
}

TEST(Text, WidthCountsCodePoints) {
  EXPECT_EQ(display_width("Tâches"), 6u);
  EXPECT_EQ(pad_right("Lien", 6), "Lien  ");
}

}  // namespace
}  // namespace alliance::core
