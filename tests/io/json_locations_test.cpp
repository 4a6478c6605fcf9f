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

TEST(JsonLocations, PositionOfOffset) {
  EXPECT_EQ(position_of("ab\ncd", 4).line, 2);
  EXPECT_EQ(position_of("ab\ncd", 4).column, 2);
}

}  // namespace
}  // namespace alliance::io
