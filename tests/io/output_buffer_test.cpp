// The delimited-cell writer: what a spreadsheet opening our CSV/TSV sees.
#include "io/output_buffer.hpp"

#include <gtest/gtest.h>

#include <charconv>
#include <cmath>
#include <cstdio>
#include <functional>
#include <string>
#include <vector>

namespace alliance::io {
namespace {

std::string written(const std::function<void(OutputBuffer&)>& write) {
  std::FILE* file = std::tmpfile();
  {
    OutputBuffer out(file);
    write(out);
    out.flush();
  }
  std::rewind(file);
  std::string bytes;
  for (int c; (c = std::fgetc(file)) != EOF;) bytes.push_back(static_cast<char>(c));
  std::fclose(file);
  return bytes;
}

std::string cell(std::string_view text, char sep) {
  return written([&](OutputBuffer& out) { out.put_delimited_cell(text, sep); });
}

struct Case {
  const char* input;
  const char* csv;
  const char* tsv;
};

TEST(DelimitedCell, QuotesNeutralisesAndCleans) {
  const Case cases[] = {
      {"", "", ""},
      {"P-017", "P-017", "P-017"},
      {"a,b", "\"a,b\"", "a,b"},
      {"say \"hi\"", "\"say \"\"hi\"\"\"", "say \"hi\""},
      {"two\nlines", "\"two\nlines\"", "two lines"},
      {"=1+1", "'=1+1", "'=1+1"},
      {"+33 6", "'+33 6", "'+33 6"},
      {"-5", "'-5", "'-5"},
      {"@SUM(A1)", "'@SUM(A1)", "'@SUM(A1)"},
      {"\t=1", "'\t=1", "' =1"},
      {"\r=1", "\"'\r=1\"", "' =1"},
      {"=A1,B1", "\"'=A1,B1\"", "'=A1,B1"},
      {"a\tb", "a\tb", "a b"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(cell(c.input, ','), c.csv) << "CSV cell for " << c.input;
    EXPECT_EQ(cell(c.input, '\t'), c.tsv) << "TSV cell for " << c.input;
  }
}

// Text from files is written as valid UTF-8 without control characters
// (docs/output-format.md#text): in cells, NUL, controls, DEL, C1 controls and
// bytes that are not UTF-8 become U+FFFD, one per maximal ill-formed
// subpart (Unicode 15, table 3-8, is the last case).
TEST(DelimitedCell, ControlsAndBytesThatAreNotUtf8AreReplaced) {
  const std::string r = "\xEF\xBF\xBD";  // U+FFFD
  const std::pair<std::string, std::string> cases[] = {
      {std::string("P\0"
                   "1",
                   3),
       "P" + r + "1"},
      {"H\xE9l\xE8ne", "H" + r + "l" + r + "ne"},
      {"P\x1B]0;x\x07", "P" + r + "]0;x" + r},
      {"a\x7F\xC2\x9B"
       "b",
       "a" + r + r + "b"},
      {"Hélène € 😀", "Hélène € 😀"},
      {"\x61\xF1\x80\x80\xE1\x80\xC2\x62\x80\x63\x80\xBF\x64", "a" + r + r + r + "b" + r + "c" + r + r + "d"},
  };
  for (const auto& [input, expected] : cases) {
    EXPECT_EQ(cell(input, ','), expected);
    EXPECT_EQ(cell(input, '\t'), expected);
  }
  EXPECT_EQ(cell("a,\x01", ','), "\"a," + r + "\"");  // still quoted for its comma
}

TEST(JsonString, ControlsAreEscapedAndBytesThatAreNotUtf8Replaced) {
  const std::pair<std::string, std::string> cases[] = {
      {std::string("P\0"
                   "1",
                   3),
       R"("P\u00001")"},
      {"a\x1B[2J\x7F", R"("a\u001b[2J\u007f")"},
      {"\xC2\x85\xC2\x9B", R"("\u0085\u009b")"},
      {"tab\tline\n\"q\"\\", R"("tab\tline\n\"q\"\\")"},
      {"H\xE9l", R"("H\ufffdl")"},
      {"Hélène € 😀", "\"Hélène € 😀\""},
      {"\x61\xF1\x80\x80\xE1\x80\xC2\x62\x80\x63\x80\xBF\x64",
       R"("a\ufffd\ufffd\ufffdb\ufffdc\ufffd\ufffdd")"},
  };
  for (const auto& [input, expected] : cases)
    EXPECT_EQ(written([&](OutputBuffer& out) { out.put_json_string(input); }), expected);
}

std::string to_chars_text(double value) {
  char buffer[64];
  return std::string(buffer, std::to_chars(buffer, buffer + sizeof buffer, value).ptr);
}

// put_number's shortcut for whole numbers prints what std::to_chars's
// shortest round-trip form prints, for every whole number it takes and
// around its limits (100000 is "1e+05" in the shortest form).
TEST(OutputBuffer, NumbersAreTheShortestRoundTripForm) {
  std::vector<double> values;
  for (int i = -100001; i <= 100001; ++i) values.push_back(i);
  for (double v : {-0.0, 0.5, -2.25, 19.333333333333332, 1e5, 1e15, 1e300, 5e-324, 123456789.0})
    values.push_back(v);
  // One and two decimals (written from whole numbers) and their neighbours (not).
  for (int i = -200000; i <= 200000; i += 7)
    for (double v : {i / 10.0, i / 100.0, 0.1 * i, 0.01 * i}) {
      values.push_back(v);
      values.push_back(std::nextafter(v, 1e9));
    }
  for (double v : {99999.99, -99999.99, 99999.995, 0.05, -0.05, -0.5, 0.1 + 0.2, 37.199999999999996})
    values.push_back(v);
  const std::string ours = written([&](OutputBuffer& out) {
    for (double v : values) {
      out.put_number(v, -1);
      out.put('\n');
    }
  });
  std::string expected;
  for (double v : values) expected += to_chars_text(v) + "\n";
  EXPECT_EQ(ours, expected);
  EXPECT_EQ(to_chars_text(100000), "1e+05");
  EXPECT_EQ(to_chars_text(-0.0), "-0");
}

// The buffer grows past its block for one long value and keeps every byte.
TEST(OutputBuffer, LongValuesAndManyWrites) {
  const std::string long_text(300000, 'x');
  const std::string ours = written([&](OutputBuffer& out) {
    out.put_json_string(long_text);
    for (int i = 0; i < 100000; ++i) {
      out.put_int(i);
      out.maybe_flush();
    }
    out.put_number(0.1, 17);
  });
  std::string expected = "\"" + long_text + "\"";
  for (int i = 0; i < 100000; ++i) expected += std::to_string(i);
  expected += "0.10000000000000000";  // 0.1, not the binary value 0.1000000000000000055…
  EXPECT_EQ(ours, expected);
}

}  // namespace
}  // namespace alliance::io
