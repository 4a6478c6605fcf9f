// The CSV record reader: where quotes open and close fields, and what a
// record that runs across lines must look like (src/io/csv_reader.hpp).
#include "io/csv_reader.hpp"

#include <gtest/gtest.h>

#include <fstream>

#include "../common/temp_dir.hpp"

namespace alliance::io {
namespace {

struct Record {
  std::vector<std::string> fields;
  long line = 0;
  long last_line = 0;
  CsvReader::Stray stray = CsvReader::Stray::none;
  bool operator==(const Record&) const = default;
};

std::ostream& operator<<(std::ostream& out, const Record& r) {
  out << "{";
  for (const std::string& f : r.fields) out << "[" << f << "]";
  return out << " lines " << r.line << "-" << r.last_line << " stray " << static_cast<int>(r.stray) << "}";
}

// A file of its own: ctest runs the tests of this binary in parallel processes.
std::string write(const std::string& content) {
  static int n = 0;
  const std::string path = alliance::testing::own_temp_dir() + "/csv_reader_" +
                           ::testing::UnitTest::GetInstance()->current_test_info()->name() + "_" +
                           std::to_string(n++) + ".csv";
  std::ofstream(path, std::ios::binary) << content;
  return path;
}

// Every record of `content`; after the first (the header), with the shape
// `fields` and line breaks allowed in `free_text` columns when fields > 0.
std::vector<Record> read(const std::string& content, std::size_t fields = 0,
                         std::vector<bool> free_text = {}) {
  ByteSource source(write(content));
  CsvReader csv(source, ',');
  std::vector<Record> out;
  std::vector<std::string_view> views;
  while (csv.next(views)) {
    out.push_back({{views.begin(), views.end()}, csv.line(), csv.last_line(), csv.stray().why});
    if (out.size() == 1 && fields > 0) csv.expect(fields, free_text);
  }
  return out;
}

using S = CsvReader::Stray;

// Python's csv and R's read.csv read these the same way.
TEST(CsvReader, AQuoteOpensAFieldOnlyAtItsStart) {
  EXPECT_EQ(read("a\"b,\"c,d\",e\n"), (std::vector<Record>{{{"a\"b", "c,d", "e"}, 1, 1}}));
  EXPECT_EQ(read("\"he said \"\"hi\"\"\",\"\",x\r\n"),
            (std::vector<Record>{{{"he said \"hi\"", "", "x"}, 1, 1}}));
  // Text after a closing quote is kept, as Python's csv does.
  EXPECT_EQ(read("\"abc\"def,1\n"), (std::vector<Record>{{{"abcdef", "1"}, 1, 1}}));
  EXPECT_EQ(read("5\" tall,\"x\"\n2\n"), (std::vector<Record>{{{"5\" tall", "x"}, 1, 1}, {{"2"}, 2, 2}}));
}

TEST(CsvReader, QuotedLineBreaksWithoutAShape) {
  EXPECT_EQ(read("\"a\nb\",1\r\n\"c\r\nd\r\ne\",2\n3,3\n"),
            (std::vector<Record>{{{"a\nb", "1"}, 1, 2}, {{"c\r\nd\r\ne", "2"}, 3, 5}, {{"3", "3"}, 6, 6}}));
}

// Header id,x,note: line breaks may be in "note" only.
TEST(CsvReader, ARecordAcrossLinesMustHaveTheShape) {
  const auto shaped = [](const std::string& rows) {
    return read("id,x,note\n" + rows, 3, {false, false, true});
  };
  // As written: three fields, the line break in the note.
  EXPECT_EQ(shaped("1,2,\"a\nb\"\n3,4,c\n"),
            (std::vector<Record>{
                {{"id", "x", "note"}, 1, 1}, {{"1", "2", "a\nb"}, 2, 3}, {{"3", "4", "c"}, 4, 4}}));
  // Closed on line 3 with 4 fields: a stray quote; line 2 alone, read
  // plainly from the quote on; line 3 is the next record.
  EXPECT_EQ(shaped("1,2,\"a\n3,4\",c\n5,6,d\n"), (std::vector<Record>{{{"id", "x", "note"}, 1, 1},
                                                                      {{"1", "2", "\"a"}, 2, 2, S::fields},
                                                                      {{"3", "4\"", "c"}, 3, 3},
                                                                      {{"5", "6", "d"}, 4, 4}}));
  // A line break in column x (and on line 3, a quote opening a field never closed).
  EXPECT_EQ(shaped("1,\"2\n\",c\n5,6,d\n"), (std::vector<Record>{{{"id", "x", "note"}, 1, 1},
                                                                 {{"1", "\"2"}, 2, 2, S::line_break},
                                                                 {{"\"", "c"}, 3, 3, S::unclosed},
                                                                 {{"5", "6", "d"}, 4, 4}}));
  // Text after the quote that closes it.
  EXPECT_EQ(shaped("1,2,\"a\n3,4,\"b\"\n"),
            (std::vector<Record>{{{"id", "x", "note"}, 1, 1},
                                 {{"1", "2", "\"a"}, 2, 2, S::text_after_quote},
                                 {{"3", "4", "b"}, 3, 3}}));
  // Never closed: with or without a shape, each line is then a record.
  EXPECT_EQ(shaped("1,\"2,x\n3,4,c\n"), (std::vector<Record>{{{"id", "x", "note"}, 1, 1},
                                                             {{"1", "\"2", "x"}, 2, 2, S::unclosed},
                                                             {{"3", "4", "c"}, 3, 3}}));
  EXPECT_EQ(read("a\n\"b\nc"),
            (std::vector<Record>{{{"a"}, 1, 1}, {{"\"b"}, 2, 2, S::unclosed}, {{"c"}, 3, 3}}));
  EXPECT_EQ(read("a\nb,\"c"), (std::vector<Record>{{{"a"}, 1, 1}, {{"b", "\"c"}, 2, 2, S::unclosed}}));
}

TEST(CsvReader, StrayQuoteTellsWhereTheRecordWouldHaveEnded) {
  ByteSource source(write("id,x,note\n1,2,\"a\n3,4,b\n5,6\",c\n7,8,d\n"));
  CsvReader csv(source, ',');
  std::vector<std::string_view> fields;
  ASSERT_TRUE(csv.next(fields));
  csv.expect(3, {false, false, true});
  ASSERT_TRUE(csv.next(fields));
  EXPECT_EQ(csv.stray().why, S::fields);
  EXPECT_EQ(csv.stray().column, 2u);
  EXPECT_EQ(csv.stray().until_line, 4);
  EXPECT_EQ(csv.stray().fields, 4u);
  EXPECT_EQ(csv.next_line(), 3);
}

// A quoted field running across lines for more than kMaxSpan bytes is not
// buffered to its end: taken as stray, the lines after it are records.
TEST(CsvReader, AQuotedFieldAcrossLinesIsBounded) {
  std::string content = "id,x,note\n1,2,\"never closed\n";
  const std::string line = "3,4,filler text\n";
  while (content.size() < CsvReader::kMaxSpan + (1 << 19)) content += line;
  content += "\"\n";
  const auto records = read(content, 3, {false, false, true});
  ASSERT_GT(records.size(), 3u);
  EXPECT_EQ(records[1], (Record{{"1", "2", "\"never closed"}, 2, 2, S::too_long}));
  EXPECT_EQ(records[2], (Record{{"3", "4", "filler text"}, 3, 3}));
  // Just under the bound, it is read whole.
  std::string fits = "id,x,note\n1,2,\"a long note\n";
  while (fits.size() < CsvReader::kMaxSpan - 100) fits += "filler text\n";
  fits += "\"\n3,4,c\n";
  const auto whole = read(fits, 3, {false, false, true});
  ASSERT_EQ(whole.size(), 3u);
  EXPECT_EQ(whole[1].stray, S::none);
  EXPECT_EQ(whole[2].fields, (std::vector<std::string>{"3", "4", "c"}));
}

// A record across lines longer than the 1 MiB read buffer, in a free-text
// column: scanned across buffer fills, and read whole.
TEST(CsvReader, ARecordAcrossTheBufferIsReadWhole) {
  std::string content = "id,note\n";
  for (int r = 0; r < 60000; ++r) content += std::to_string(r) + ",x\n";  // the note starts near 0.6 MiB
  std::string note(700000, 'y');
  note[350000] = '\n';
  content += "a,\"" + note + "\"\nb,z\n";
  const auto records = read(content, 2, {false, true});
  ASSERT_EQ(records.size(), 60003u);
  EXPECT_EQ(records[60001].fields, (std::vector<std::string>{"a", note}));
  EXPECT_EQ(records[60001].line, 60002);
  EXPECT_EQ(records[60002], (Record{{"b", "z"}, 60004, 60004}));
}

TEST(CsvReader, PeekReadsAheadWithoutConsuming) {
  ByteSource source(write("h1,h2\n\"a\nb\",1\n\n2,\"3\"\n"));
  CsvReader csv(source, ',');
  std::vector<std::string_view> fields;
  ASSERT_TRUE(csv.next(fields));
  std::string storage;
  std::pair<long, long> lines;
  CsvReader::Lookahead at = csv.lookahead();
  ASSERT_TRUE(csv.peek(at, storage, fields, lines));
  EXPECT_EQ(std::vector<std::string_view>(fields), (std::vector<std::string_view>{"a\nb", "1"}));
  EXPECT_EQ(lines, (std::pair<long, long>{2, 3}));
  ASSERT_TRUE(csv.peek(at, storage, fields, lines));
  EXPECT_EQ(std::vector<std::string_view>(fields), (std::vector<std::string_view>{""}));
  EXPECT_EQ(lines, (std::pair<long, long>{4, 4}));
  ASSERT_TRUE(csv.peek(at, storage, fields, lines));
  EXPECT_EQ(std::vector<std::string_view>(fields), (std::vector<std::string_view>{"2", "3"}));
  EXPECT_EQ(lines, (std::pair<long, long>{5, 5}));
  EXPECT_FALSE(csv.peek(at, storage, fields, lines));
  // Nothing was consumed: a new look starts at the next record, and so does next().
  at = csv.lookahead();
  ASSERT_TRUE(csv.peek(at, storage, fields, lines));
  EXPECT_EQ(lines, (std::pair<long, long>{2, 3}));
  ASSERT_TRUE(csv.next(fields));
  EXPECT_EQ(std::vector<std::string_view>(fields), (std::vector<std::string_view>{"a\nb", "1"}));
  EXPECT_EQ(csv.line(), 2);
}

}  // namespace
}  // namespace alliance::io
