// Internal to io: an RFC 4180 record reader over a ByteSource. Quoted fields
// may hold the delimiter, doubled quotes and line breaks; CRLF and LF line
// ends; a UTF-8 byte-order mark is skipped. Fields are views into the
// source's buffer, valid until the next call: no allocation per record.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "alliance/io/byte_source.hpp"

namespace alliance::io {

class CsvReader {
 public:
  CsvReader(ByteSource& source, char delimiter) : source_(source), delimiter_(delimiter) {}

  // The next record's fields; false at the end of input. A blank line is a
  // record with one empty field.
  bool next(std::vector<std::string_view>& fields);

  // Line (1-based) on which the last record returned starts.
  long line() const { return record_line_; }
  // Line on which the next record starts; set_next_line() renumbers from
  // there (after ByteSource::seek_line_start).
  long next_line() const { return next_line_; }
  void set_next_line(long line) { next_line_ = line; }
  // True when the last record had an unterminated quoted field (end of input inside quotes).
  bool unterminated_quote() const { return unterminated_; }
  // When the last record's bytes are not all text (ByteSource::text_problem),
  // the located message for the first that is not; else "".
  const std::string& text_problem() const { return text_problem_; }

 private:
  // Length of the record at the start of `text` including its line end, or
  // npos when more input is needed. Sets quoted_ when it has a quote.
  std::size_t record_length(std::string_view text);
  void split_plain(char* begin, char* end, std::vector<std::string_view>& fields) const;
  void split_quoted(char* begin, char* end, std::vector<std::string_view>& fields) const;

  ByteSource& source_;
  char delimiter_;
  long next_line_ = 1;
  long record_line_ = 0;
  bool started_ = false;
  bool quoted_ = false;
  bool unterminated_ = false;
  int newlines_ = 0;
  std::string text_problem_;
};

}  // namespace alliance::io
