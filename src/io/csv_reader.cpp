#include "csv_reader.hpp"

#include <cstring>
#include <utility>

namespace alliance::io {

namespace {
constexpr std::size_t npos = std::string_view::npos;
}

void CsvReader::expect(std::size_t fields, std::vector<bool> line_breaks) {
  shaped_ = true;
  expected_fields_ = fields;
  line_breaks_ = std::move(line_breaks);
}

void CsvReader::note_line_break(std::size_t at, bool shaped) {
  Scan& s = scan_;
  ++s.newlines;
  if (s.first_break == npos) {
    s.first_break = at;
    s.open_quote = s.quote;
    s.open_field = s.field;
  }
  if (shaped && s.bad_break_column == npos && (s.field >= line_breaks_.size() || !line_breaks_[s.field]))
    s.bad_break_column = s.field;
}

std::size_t CsvReader::scan(std::string_view text, bool shaped) {
  // The states of Python's csv reader, less its lenient corners: a quote is
  // special only at the start of a field and, inside a quoted field, as the
  // first of a doubled pair or the closing quote.
  Scan& s = scan_;
  const char* data = text.data();
  for (std::size_t i = s.pos; i < text.size(); ++i) {
    const char c = data[i];
    switch (s.state) {
      case Scan::field_start:
        if (c == '"') {
          s.state = Scan::quoted;
          s.quote = i;
          continue;
        }
        [[fallthrough]];
      case Scan::unquoted:
        if (c == '\n') return i + 1;
        if (c == delimiter_) {
          ++s.field;
          s.state = Scan::field_start;
        } else {
          s.state = Scan::unquoted;
        }
        continue;
      case Scan::quoted:
        if (c == '"')
          s.state = Scan::closed;
        else if (c == '\n')
          note_line_break(i, shaped);
        continue;
      case Scan::closed:
        if (c == '"') {  // a doubled quote
          s.state = Scan::quoted;
          continue;
        }
        if (c == '\n') return i + 1;
        if (c == delimiter_) {
          ++s.field;
          s.state = Scan::field_start;
          continue;
        }
        if (c != '\r') s.text_after_quote = true;
        s.state = Scan::unquoted;
        continue;
    }
  }
  s.pos = text.size();
  return npos;
}

bool CsvReader::measure(std::size_t offset, bool shaped, Measured& m) {
  m = Measured{};
  std::size_t length = npos;
  bool ended = false;     // the input ended inside the record
  bool too_long = false;  // a quoted field runs across lines past kMaxSpan
  while (true) {
    const std::string_view text = source_.available().substr(offset);
    if (!m.quoted) {
      // The common case: no quote on the line, which is the record.
      const char* data = text.data();
      const void* nl = std::memchr(data, '\n', text.size());
      const std::size_t line_end =
          nl ? static_cast<std::size_t>(static_cast<const char*>(nl) - data) : text.size();
      if (std::memchr(data, '"', line_end) != nullptr) {
        m.quoted = true;
        scan_ = Scan{};
      } else if (nl) {
        length = line_end + 1;
        break;
      }
    }
    if (m.quoted) {
      length = scan(text, shaped);
      if (length != npos) break;
      if (scan_.first_break != npos && text.size() - scan_.first_break > kMaxSpan) {
        too_long = true;
        break;
      }
    }
    if (!source_.fill()) {
      length = source_.available().size() - offset;
      ended = true;
      break;
    }
  }
  if (length == 0) return false;
  const std::string_view text = source_.available().substr(offset);
  m.length = length;
  m.end = length;
  if (m.quoted) {
    const Scan& s = scan_;
    m.newlines = s.newlines;
    StrayQuote& stray = m.stray;
    if (too_long || (s.first_break != npos && length - s.first_break > kMaxSpan))
      stray.why = Stray::too_long;
    else if (ended && s.state == Scan::quoted)
      stray.why = Stray::unclosed;
    else if (shaped && s.newlines > 0 && s.field + 1 != expected_fields_)
      stray.why = Stray::fields;
    else if (shaped && s.newlines > 0 && s.bad_break_column != npos)
      stray.why = Stray::line_break;
    else if (shaped && s.newlines > 0 && s.text_after_quote)
      stray.why = Stray::text_after_quote;
    if (stray.why != Stray::none) {
      stray.column = s.first_break != npos ? s.open_field : s.field;
      // Unclosed, a line break ending the input ends the last line, not a field.
      stray.until_line = s.newlines - (stray.why == Stray::unclosed && text[length - 1] == '\n' ? 1 : 0);
      stray.fields = s.field + 1;
      stray.break_column = s.bad_break_column;
      // The record is its first line; from the stray quote on, quotes are text.
      m.plain_from = s.first_break != npos ? s.open_quote : s.quote;
      if (s.first_break != npos) m.length = m.end = s.first_break + 1;
      m.newlines = 0;
    }
  }
  if (m.end > 0 && text[m.end - 1] == '\n') --m.end;
  if (m.end > 0 && text[m.end - 1] == '\r') --m.end;
  return true;
}

void CsvReader::split_plain(char* begin, char* end, std::vector<std::string_view>& fields) const {
  // Cells are short: a byte loop beats a memchr call per cell.
  char* start = begin;
  for (char* p = begin; p < end; ++p) {
    if (*p != delimiter_) continue;
    fields.emplace_back(start, static_cast<std::size_t>(p - start));
    start = p + 1;
  }
  fields.emplace_back(start, static_cast<std::size_t>(end - start));
}

void CsvReader::split_quoted(char* begin, char* end, std::vector<std::string_view>& fields) const {
  // Unquotes in place: the text of a field never grows, so the write
  // position never passes the read position.
  char* read = begin;
  while (true) {
    char* field = read;
    char* write = read;
    if (read < end && *read == '"') {
      ++read;
      while (read < end) {
        if (*read == '"') {
          if (read + 1 < end && read[1] == '"') {
            *write++ = '"';
            read += 2;
            continue;
          }
          ++read;  // the closing quote; what follows it up to the delimiter is text
          break;
        }
        *write++ = *read++;
      }
    }
    while (read < end && *read != delimiter_) *write++ = *read++;
    fields.emplace_back(field, static_cast<std::size_t>(write - field));
    if (read >= end) return;
    ++read;  // the delimiter
  }
}

void CsvReader::split(char* begin, const Measured& m, std::vector<std::string_view>& fields) const {
  char* end = begin + m.end;
  if (m.plain_from != npos) {
    char* from = begin + m.plain_from;  // at the start of a field: after a delimiter, or the record's start
    if (from > begin) split_quoted(begin, from - 1, fields);
    split_plain(from, end, fields);
  } else if (m.quoted) {
    split_quoted(begin, end, fields);
  } else {
    split_plain(begin, end, fields);
  }
}

bool CsvReader::next(std::vector<std::string_view>& fields) {
  fields.clear();
  if (source_.at_stop()) return false;
  // The common case first: a whole line in the buffer, with no quote.
  const std::string_view text = source_.available();
  char* begin = const_cast<char*>(text.data());  // the buffer is ours to rewrite
  if (const void* nl = std::memchr(begin, '\n', text.size())) {
    char* end = static_cast<char*>(const_cast<void*>(nl));
    if (std::memchr(begin, '"', static_cast<std::size_t>(end - begin)) == nullptr) {
      record_line_ = record_last_line_ = next_line_++;
      stray_.why = Stray::none;
      check_text(static_cast<std::size_t>(end - begin) + 1);
      source_.consume(static_cast<std::size_t>(end - begin) + 1);
      if (end > begin && end[-1] == '\r') --end;
      split_plain(begin, end, fields);
      return true;
    }
  }
  Measured m;
  if (!measure(0, shaped_, m)) return false;
  begin = const_cast<char*>(source_.available().data());  // measure may have filled the buffer
  record_line_ = next_line_;
  record_last_line_ = next_line_ + m.newlines;
  next_line_ = record_last_line_ + 1;
  stray_ = m.stray;
  stray_.until_line += record_line_;
  check_text(m.length);
  source_.consume(m.length);
  split(begin, m, fields);
  return true;
}

bool CsvReader::peek(Lookahead& at, std::string& storage, std::vector<std::string_view>& fields,
                     std::pair<long, long>& lines) {
  Measured m;
  if (!measure(at.offset, false, m)) return false;
  lines = {at.line, at.line + m.newlines};
  storage.assign(source_.available().substr(at.offset, m.length));
  fields.clear();
  split(storage.data(), m, fields);
  at.offset += m.length;
  at.line += 1 + m.newlines;
  return true;
}

}  // namespace alliance::io
