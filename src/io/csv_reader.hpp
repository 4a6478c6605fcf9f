// Internal to io: an RFC 4180 record reader over a ByteSource. A quote opens
// a quoted field only at the start of a field (elsewhere it is an ordinary
// character, as in Python's csv and R); a quoted field may hold the
// delimiter, doubled quotes and line breaks, and ends at a quote not doubled.
// CRLF and LF line ends (a byte-order mark is ByteSource's). Fields are views
// into the source's buffer, valid until the next call: no allocation per
// record.
//
// A quoted field that runs across lines is the one way a stray quote can
// swallow the rows after it, so once the owner has said what a record looks
// like (expect()), a record running across lines is taken as written only
// when it has that shape; otherwise the quote is taken as stray: the record
// is its first line alone (read from that quote on with quotes as ordinary
// characters), stray() says why, and the next record starts on the next line.
// docs/response-format.md ("Quotes and line breaks") states the rule.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "alliance/io/byte_source.hpp"

namespace alliance::io {

class CsvReader {
 public:
  // Why the quote opening a field was taken as stray.
  enum class Stray {
    none,
    unclosed,          // never closed before the end of input
    too_long,          // runs across lines for more than kMaxSpan bytes
    fields,            // closed, the record would not have the expected number of fields
    line_break,        // closed, a line break would be in a column that may hold none
    text_after_quote,  // closed, but text follows the closing quote
  };
  struct StrayQuote {
    Stray why = Stray::none;
    std::size_t column = 0;        // the field (0-based) the quote opens
    long until_line = 0;           // the line the record would have ended on
    std::size_t fields = 0;        // Stray::fields: how many it would have had
    std::size_t break_column = 0;  // Stray::line_break: the column holding the line break
  };
  // Past this many bytes from its first line break, a quoted field is taken
  // as stray (so the reader buffers about this much at most for one).
  static constexpr std::size_t kMaxSpan = 1 << 20;

  CsvReader(ByteSource& source, char delimiter) : source_(source), delimiter_(delimiter) {}

  // From now on, a record running across lines must have `fields` fields,
  // line breaks only in the columns c where line_breaks[c] is true, and no
  // text after a closing quote. (A quoted field never closed, or running
  // past kMaxSpan, is taken as stray with or without a shape.)
  void expect(std::size_t fields, std::vector<bool> line_breaks);

  // The next record's fields; false at the end of input. A blank line is a
  // record with one empty field.
  bool next(std::vector<std::string_view>& fields);

  // A place among the records not read yet, for peek().
  struct Lookahead {
    std::size_t offset = 0;  // bytes into the unconsumed input
    long line = 0;           // the line the record there starts on
  };
  // The next record's place.
  Lookahead lookahead() const { return {0, next_line_}; }
  // The fields of the record at `at`, read without the expected shape,
  // copied into `storage`; nothing is consumed, and `at` moves on to the
  // record after it (so a look at n records measures each once). `lines` is
  // set to the lines it starts and ends on. False past the end of input.
  // REQUIRES: a record has been read (the header), and none since `at` was
  // taken from lookahead().
  bool peek(Lookahead& at, std::string& storage, std::vector<std::string_view>& fields,
            std::pair<long, long>& lines);

  // Line (1-based) on which the last record returned starts, and ends.
  long line() const { return record_line_; }
  long last_line() const { return record_last_line_; }
  // Line on which the next record starts; set_next_line() renumbers from
  // there (after ByteSource::seek_line_start).
  long next_line() const { return next_line_; }
  void set_next_line(long line) { next_line_ = line; }
  // Why the last record's quote was taken as stray (why == Stray::none: it was not).
  const StrayQuote& stray() const { return stray_; }
  // When the last record's bytes are not all text (ByteSource::text_problem),
  // where the first that is not is and why; else nullopt.
  const std::optional<TextProblem>& text_problem() const { return text_problem_; }

 private:
  // Where the scan of a record with a quote stands, kept across buffer fills
  // so that a long record is scanned once. Offsets are from the record's start.
  struct Scan {
    enum State : unsigned char { field_start, unquoted, quoted, closed };
    State state = field_start;
    std::size_t pos = 0;
    std::size_t field = 0;
    std::size_t quote = 0;  // the opening quote of the current quoted field
    int newlines = 0;       // line breaks inside quoted fields
    std::size_t first_break = std::string_view::npos;
    std::size_t open_quote = 0;  // the opening quote of the field holding first_break
    std::size_t open_field = 0;
    std::size_t bad_break_column = std::string_view::npos;
    bool text_after_quote = false;
  };
  // The extent of a record and how to read it.
  struct Measured {
    std::size_t length = 0;  // bytes to consume, line end included
    std::size_t end = 0;     // bytes of text to split, line end excluded
    int newlines = 0;        // line breaks inside the record as read
    bool quoted = false;
    std::size_t plain_from = std::string_view::npos;  // a stray quote: read plainly from here on
    StrayQuote stray;                                 // until_line counted from the record's first line (0)
  };

  // Measures the record starting `offset` bytes into the available bytes,
  // filling the buffer as needed; false at the end of input.
  bool measure(std::size_t offset, bool shaped, Measured& out);
  // Sets text_problem() for the `length` bytes of the record about to be consumed.
  void check_text(std::size_t length) {
    text_problem_.reset();
    if (!source_.all_text(length)) [[unlikely]]
      text_problem_ = source_.text_problem(length, record_line_);
  }
  void note_line_break(std::size_t at, bool shaped);
  // Length of the record at the start of `text` including its line end, or
  // npos when more input is needed (scan_ then says how far it got).
  std::size_t scan(std::string_view text, bool shaped);
  void split(char* begin, const Measured& m, std::vector<std::string_view>& fields) const;
  void split_plain(char* begin, char* end, std::vector<std::string_view>& fields) const;
  void split_quoted(char* begin, char* end, std::vector<std::string_view>& fields) const;

  ByteSource& source_;
  char delimiter_;
  long next_line_ = 1;
  long record_line_ = 0;
  long record_last_line_ = 0;
  bool shaped_ = false;
  std::size_t expected_fields_ = 0;
  std::vector<bool> line_breaks_;
  Scan scan_;
  StrayQuote stray_;
  std::optional<TextProblem> text_problem_;
};

}  // namespace alliance::io
