// The delimited-cell writer: what a spreadsheet opening our CSV/TSV sees.
#include "io/output_buffer.hpp"

#include <gtest/gtest.h>

#include <cstdio>
#include <string>

namespace alliance::io {
namespace {

std::string cell(std::string_view text, char sep) {
  std::FILE* file = std::tmpfile();
  {
    OutputBuffer out(file);
    out.put_delimited_cell(text, sep);
    out.flush();
  }
  std::rewind(file);
  std::string bytes;
  for (int c; (c = std::fgetc(file)) != EOF;) bytes.push_back(static_cast<char>(c));
  std::fclose(file);
  return bytes;
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

}  // namespace
}  // namespace alliance::io
