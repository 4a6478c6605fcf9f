#include "alliance/io/json_locations.hpp"

#include <gtest/gtest.h>

namespace alliance::io {
namespace {

TEST(JsonLocations, FindsEveryValueByPointer) {
  const std::string text = "{\n  \"a\": [1, {\"b/c\": true}],\n  \"d\": \"x\"\n}";
  const JsonLocations loc = locate_json_values(text);
  EXPECT_EQ(loc.find("/a").line, 2);
  EXPECT_EQ(loc.find("/a").column, 8);
  EXPECT_EQ(loc.find("/a/1/b~1c").column, 20);
  EXPECT_EQ(loc.find("/d").line, 3);
  // An absent member is located at its nearest ancestor.
  EXPECT_EQ(loc.find("/a/1/zzz").column, 12);
  EXPECT_TRUE(loc.duplicates.empty());
}

TEST(JsonLocations, ReportsDuplicateKeys) {
  const std::string text = "{\"id\": \"a\",\n \"id\": \"b\"}";
  const JsonLocations loc = locate_json_values(text);
  ASSERT_EQ(loc.duplicates.size(), 1u);
  EXPECT_EQ(loc.duplicates[0].pointer, "/id");
  EXPECT_EQ(loc.duplicates[0].first.line, 1);
  EXPECT_EQ(loc.duplicates[0].second.line, 2);
  EXPECT_EQ(loc.duplicates[0].second.column, 2);
}

// Regression: the scanner recursed once per level and kept a whole pointer
// string per value, so 50 000 levels crashed it (after 2 GB for 60 KB).
TEST(JsonLocations, DeepNestingIsWalkedWithoutRecursion) {
  constexpr std::size_t kDepth = 200000;
  const std::string text = "{\"a\": " + std::string(kDepth, '[') + std::string(kDepth, ']') + "}";
  const JsonLocations loc = locate_json_values(text);
  EXPECT_EQ(loc.find("/a").column, 7);
  EXPECT_EQ(loc.find("/a/0/0").column, 9);
  EXPECT_EQ(loc.find("/a/0/0/7/0").column, 9);  // no element 7: its nearest ancestor
  EXPECT_TRUE(loc.duplicates.empty());
}

TEST(JsonLocations, KeysAreComparedDecoded) {
  // "\u0061" is "a", and "\/" is "/": the same keys to any JSON reader.
  const std::string text = R"({"a": 1, "\u0061": 2, "b/c": 3, "b\/c": 4, "\ud83d\ude00": 5, "😀": 6})";
  const JsonLocations loc = locate_json_values(text);
  ASSERT_EQ(loc.duplicates.size(), 3u);
  EXPECT_EQ(loc.duplicates[0].pointer, "/a");
  EXPECT_EQ(loc.duplicates[0].first.column, 2);
  EXPECT_EQ(loc.duplicates[0].second.column, 10);
  EXPECT_EQ(loc.duplicates[1].pointer, "/b~1c");
  EXPECT_EQ(loc.duplicates[2].pointer, "/😀");
  EXPECT_EQ(loc.find("/b~1c").column, 30);
}

TEST(JsonLocations, DuplicatesArePerElementOfARootArrayAndCapped) {
  LocateOptions options;
  options.duplicates_per_part = 2;
  options.record_depth = 1;
  // Element 0: none. Element 1: three, in /1/x. Element 2: one.
  const std::string text =
      "[{\"a\": 1},\n {\"x\": {\"k\": 1, \"k\": 2, \"k\": 3, \"k\": 4}},\n {\"a\": 1, \"a\": 2}]";
  const JsonLocations loc = locate_json_values(text, options);
  ASSERT_EQ(loc.duplicates.size(), 3u);
  EXPECT_EQ(loc.duplicates[0].part, 1u);
  EXPECT_EQ(loc.duplicates[0].pointer, "/1/x/k");
  EXPECT_EQ(loc.duplicates[0].second.line, 2);
  EXPECT_EQ(loc.duplicates[0].second.column, 17);
  EXPECT_EQ(loc.duplicates[1].part, 1u);
  EXPECT_EQ(loc.duplicates[2].part, 2u);
  EXPECT_EQ(loc.duplicates[2].pointer, "/2/a");
  ASSERT_EQ(loc.more_duplicates.size(), 1u);
  EXPECT_EQ(loc.more_duplicates.at(1), 1u);
  // Only the elements themselves are located (record_depth 1).
  EXPECT_EQ(loc.find("/2").line, 3);
  EXPECT_EQ(loc.find("/2/a").column, 2);
}

TEST(JsonLocations, ByteOrderMarkIsSkipped) {
  const JsonLocations loc = locate_json_values("\xEF\xBB\xBF{\"a\": 1}");
  EXPECT_EQ(loc.find("/a").column, 7);
}

TEST(JsonLocations, PlaceWhereAParseStopped) {
  const std::string text = "{\"a\": [1, {\"b\": 8e800}], \"c\": 1 \"d\": 2}";
  // At a value: that value.
  EXPECT_EQ(place_at(text, text.find("8e800")).pointer, "/a/1/b");
  EXPECT_EQ(place_at(text, text.find("8e800")).position.column, 17);
  // Between members (a missing comma before "d"): the object.
  EXPECT_EQ(place_at(text, text.find("\"d\"")).pointer, "");
  EXPECT_EQ(place_at(text, text.find(", {") + 1).pointer, "/a");
}

TEST(JsonLocations, TooDeep) {
  EXPECT_FALSE(find_too_deep("[[[]]]", 3));
  const auto place = find_too_deep("{\"a\": [[{\"b\": [1]}]]}", 3);
  ASSERT_TRUE(place);
  EXPECT_EQ(place->pointer, "/a/0/0");
  EXPECT_EQ(place->position.column, 9);
  // Brackets inside strings are text.
  EXPECT_FALSE(find_too_deep(R"(["[[[[", "\"[[[["])", 1));
}

TEST(JsonLocations, PositionOfOffset) {
  EXPECT_EQ(position_of("ab\ncd", 4).line, 2);
  EXPECT_EQ(position_of("ab\ncd", 4).column, 2);
}

}  // namespace
}  // namespace alliance::io
