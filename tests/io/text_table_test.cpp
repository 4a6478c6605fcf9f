// The one table printer (alliance/io/text_table.hpp): every table for people
// is laid out by it.
#include "alliance/io/text_table.hpp"

#include <gtest/gtest.h>

namespace alliance::io {
namespace {

TEST(TextTable, PadsEachColumnToItsWidestCellButTheLast) {
  TextTable t({"ID", "SCORE", "NOTE"});
  t.add({"P017", "4.25", "ok"});
  t.add({"P2", "3", "a longer note"});
  // Widths 4 and 5; two spaces between columns; the last column unpadded.
  EXPECT_EQ(t.render(),
            "ID    SCORE  NOTE\n"
            "P017  4.25   ok\n"
            "P2    3      a longer note\n");
}

TEST(TextTable, WidthsAreDisplayColumnsNotBytes) {
  TextTable t({"RÉPONDANT", "X"});
  t.add({"Zoé", "1"});
  // RÉPONDANT is 9 columns (10 bytes); Zoé 3 columns (4 bytes).
  EXPECT_EQ(t.render(),
            "RÉPONDANT  X\n"
            "Zoé        1\n");
}

TEST(TextTable, NoTrailingSpacesAndRaggedRows) {
  TextTable t({"A", "B", "C"});
  t.add({"x", "", ""});
  t.add({"long", "y"});
  EXPECT_EQ(t.render(),
            "A     B  C\n"
            "x\n"
            "long  y\n");
}

TEST(TextTable, HiddenColumnIsLeftOut) {
  TextTable t({"RESPONDENT", "SESSION", "TOTAL"});
  t.add({"P1", "–", "3.00"});
  t.hide_column(1);
  EXPECT_EQ(t.render(),
            "RESPONDENT  TOTAL\n"
            "P1          3.00\n");
}

TEST(TextTable, ColoursWrapThePaddedCellOnlyWhenAsked) {
  TextTable t({"A", "B"});
  t.add({"x", "y"}, {"\x1b[31m", ""});
  EXPECT_EQ(t.render(true), "A  B\n\x1b[31mx\x1b[0m  y\n");
  EXPECT_EQ(t.render(false), "A  B\nx  y\n");
}

TEST(TextTable, CellsFromFilesAreShownNotObeyed) {
  TextTable t({"ID"});
  t.add({"\x1b[2J"});
  EXPECT_EQ(t.render(), "ID\n\\x1b[2J\n");
}

}  // namespace
}  // namespace alliance::io
