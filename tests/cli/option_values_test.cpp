// cli/option_values: numbers on the command line read strictly, with a
// message naming what was expected.
#include "cli/option_values.hpp"

#include <gtest/gtest.h>

namespace alliance::cli {
namespace {

TEST(OptionValues, WholeNumbersAreDecimalDigitsOnly) {
  EXPECT_EQ(parse_whole("17"), 17);
  EXPECT_EQ(parse_whole("-3"), -3);
  for (const char* bad :
       {"", " 3", "3 ", "0x10", "1.5", "1e1", "nan", "inf", "+3", "3abc", "99999999999999999999"})
    EXPECT_FALSE(parse_whole(bad)) << bad;
}

TEST(OptionValues, NumbersAreFinite) {
  EXPECT_EQ(parse_finite("3.5"), 3.5);
  EXPECT_EQ(parse_finite("-2"), -2);
  EXPECT_EQ(parse_finite("1e1"), 10);
  for (const char* bad : {"", "nan", "NaN", "inf", "-inf", "infinity", "1e999", " 1", "1,5", "0x3", "abc"})
    EXPECT_FALSE(parse_finite(bad)) << bad;
}

TEST(OptionValues, ProblemsSayWhatWasExpected) {
  EXPECT_EQ(whole_number_problem("3", 0, 17), "");
  EXPECT_EQ(whole_number_problem("abc", 0, 17),
            "'abc' is not a whole number (expected a whole number, 0 to 17)");
  EXPECT_EQ(whole_number_problem("18", 0, 17), "'18' is out of range (expected a whole number, 0 to 17)");
  EXPECT_EQ(whole_number_problem("", 1, 2), "no value (expected a whole number, 1 or 2)");
  EXPECT_EQ(whole_number_problem("-1", 0, 2147483647),
            "'-1' is out of range (expected a whole number, 0 or more)");
  EXPECT_EQ(whole_number_problem("9999999999", 0, 2147483647),
            "'9999999999' is too large (expected a whole number, 0 or more)");
  EXPECT_EQ(number_problem("50", 0, 100), "");
  EXPECT_EQ(number_problem("nan", 0, 100), "'nan' is not a finite number (expected a number, 0 to 100)");
  EXPECT_EQ(number_problem("0", 0, 1.7976931348623157e308, true),
            "'0' is out of range (expected a number, greater than 0)");
  EXPECT_EQ(number_problem("inf", -1.7976931348623157e308, 1.7976931348623157e308),
            "'inf' is not a finite number (expected a finite number)");
}

}  // namespace
}  // namespace alliance::cli
