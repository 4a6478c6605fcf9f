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
