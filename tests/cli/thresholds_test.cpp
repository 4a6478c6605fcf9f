// SCALE=VALUE options (--fail-below, --sd, --retest-r): each scale once.
#include "cli/thresholds.hpp"

#include <gtest/gtest.h>

#include "../core/fixtures.hpp"
#include "alliance/core/error.hpp"

namespace alliance::cli {
namespace {

// The usage error's text, or "" when the specs are accepted.
template <typename Parse>
std::string usage_error(Parse parse) {
  try {
    parse();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ExitCode::usage);
    return e.what();
  }
  return "";
}

TEST(Thresholds, EachScaleOnceInAList) {
  const core::Questionnaire q = testing::mini_questionnaire();
  const std::vector<Threshold> list = parse_scale_list("--sd", {"a=0.8,b=2", "total=0.7"}, q);
  ASSERT_EQ(list.size(), 3u);
  EXPECT_EQ(list[0].subscale, std::optional<std::size_t>(0));
  EXPECT_EQ(list[1].value, 2);
  EXPECT_FALSE(list[2].subscale.has_value());  // the total
  EXPECT_EQ(usage_error([&] {
              parse_scale_list("--sd", {"total=3", "total=4"}, q);
            }),
            "--sd 'total=4': total is already given ('total=3'); give each scale once");
  EXPECT_EQ(usage_error([&] { parse_scale_list("--retest-r", {"a=0.8,b=0.7,a=0.9"}, q); }),
            "--retest-r 'a=0.9': a is already given ('a=0.8'); give each scale once");
}

TEST(Thresholds, FailBelowEachScaleOnce) {
  const core::Questionnaire q = testing::mini_questionnaire();
  EXPECT_EQ(parse_thresholds({"a=2", "total=3"}, q).size(), 2u);
  EXPECT_EQ(usage_error([&] {
              parse_thresholds({"a=2", "total=3", "a=2.5"}, q);
            }),
            "--fail-below 'a=2.5': a is already given ('a=2'); give each scale once");
}

}  // namespace
}  // namespace alliance::cli
