// The one JSON parse of io: a nesting limit, located failures, duplicate keys.
#include "io/json_text.hpp"

#include <gtest/gtest.h>

namespace alliance::io {
namespace {

std::string nested(std::size_t depth) {
  return std::string(depth, '[') + std::string(depth, ']');
}

TEST(JsonText, ReadsWhatNlohmannReads) {
  const std::string text = R"({"b": [1, 2.5, -3, 18446744073709551615, true, null, "é\n"], "a": {"c": {}}})";
  const ParsedJson parsed = parse_json_text(text);
  ASSERT_FALSE(parsed.error);
  EXPECT_FALSE(parsed.duplicate_keys);
  EXPECT_EQ(parsed.value, nlohmann::json::parse(text));
}

TEST(JsonText, NestingUpToTheLimitIsRead) {
  const ParsedJson parsed = parse_json_text(nested(kMaxJsonDepth));
  ASSERT_FALSE(parsed.error) << parsed.error->message;
  EXPECT_TRUE(parsed.value.is_array());
}

TEST(JsonText, DeeperIsALocatedError) {
  // The 129th '[' (column 129) is the first too deep; 50 000 levels cost no more.
  for (std::size_t depth : {kMaxJsonDepth + 1, std::size_t{50000}}) {
    const ParsedJson parsed = parse_json_text(nested(depth));
    ASSERT_TRUE(parsed.error);
    EXPECT_EQ(parsed.error->kind, JsonError::Kind::too_deep);
    EXPECT_EQ(parsed.error->position.line, 1);
    EXPECT_EQ(parsed.error->position.column, 129);
    EXPECT_EQ(parsed.error->pointer, "/0/0/0/…/0/0");
    EXPECT_EQ(parsed.error->message,
              "arrays and objects nested more than 128 deep: alliance reads at most 128 levels (definitions "
              "and responses need at most 7)");
    EXPECT_TRUE(parsed.value.is_null());
  }
  // A short path is given whole.
  const std::string text = "{\"x\": " + nested(200) + "}";
  ASSERT_TRUE(parse_json_text(text).error);
  EXPECT_EQ(parse_json_text(text).error->pointer, "/x/0/0/…/0/0");
}

TEST(JsonText, NumberOutOfRangeIsALocatedError) {
  const ParsedJson parsed = parse_json_text("{\n  \"scale\": {\"min\": 1, \"max\": -8e800}\n}");
  ASSERT_TRUE(parsed.error);
  EXPECT_EQ(parsed.error->kind, JsonError::Kind::number_range);
  EXPECT_EQ(parsed.error->position.line, 2);
  EXPECT_EQ(parsed.error->position.column, 30);
  EXPECT_EQ(parsed.error->pointer, "/scale/max");
  EXPECT_EQ(parsed.error->message, "number -8e800 is out of range (a number must lie within ±1.8e308)");
  EXPECT_EQ(format_json_error("d.json", *parsed.error),
            "d.json:2:30: /scale/max: number -8e800 is out of range (a number must lie within ±1.8e308)");
}

TEST(JsonText, SyntaxErrorIsLocated) {
  const ParsedJson parsed = parse_json_text("{\"answers\": {\"1\": 4,}}");
  ASSERT_TRUE(parsed.error);
  EXPECT_EQ(parsed.error->kind, JsonError::Kind::syntax);
  EXPECT_EQ(parsed.error->position.column, 21);
  EXPECT_EQ(parsed.error->pointer, "/answers");
  EXPECT_EQ(parsed.error->message,
            "invalid JSON: syntax error while parsing object key - unexpected '}'; expected string literal");
  EXPECT_EQ(format_json_error("r.json", {JsonError::Kind::syntax, {3, 4}, "", "invalid JSON: x"}),
            "r.json:3:4: invalid JSON: x");
}

TEST(JsonText, RepeatedKeysAreNoted) {
  const ParsedJson parsed = parse_json_text(R"({"a": {"1": 1, "1": 5}})");
  ASSERT_FALSE(parsed.error);
  EXPECT_TRUE(parsed.duplicate_keys);
  EXPECT_EQ(parsed.value["a"]["1"], 5);  // as nlohmann: the last one
}

}  // namespace
}  // namespace alliance::io
