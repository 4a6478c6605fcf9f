#include "csv_reader.hpp"

#include <cstring>

namespace alliance::io {

std::size_t CsvReader::record_length(std::string_view text) {
  const char* data = text.data();
  const void* nl = std::memchr(data, '\n', text.size());
  const std::size_t line_end =
      nl ? static_cast<std::size_t>(static_cast<const char*>(nl) - data) : text.size();
  quoted_ = std::memchr(data, '"', line_end) != nullptr;
  newlines_ = 0;
  if (!quoted_) return nl ? line_end + 1 : std::string_view::npos;
  // Slow path: a quoted field may hold line breaks.
  bool in_quotes = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = data[i];
    if (c == '"')
      in_quotes = !in_quotes;
    else if (c == '\n' && !in_quotes)
      return i + 1;
    else if (c == '\n')
      ++newlines_;
  }
  return std::string_view::npos;
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
    bool in_quotes = false;
    while (read < end && (in_quotes || *read != delimiter_)) {
      if (*read == '"') {
        if (in_quotes && read + 1 < end && read[1] == '"') {
          *write++ = '"';
          read += 2;
          continue;
        }
        in_quotes = !in_quotes;
        ++read;
        continue;
      }
      *write++ = *read++;
    }
    fields.emplace_back(field, static_cast<std::size_t>(write - field));
    if (read >= end) return;
    ++read;  // the delimiter
  }
}

bool CsvReader::next(std::vector<std::string_view>& fields) {
  fields.clear();
  if (!started_) {
    started_ = true;
    std::string_view head = source_.peek(3);
    if (head == "\xEF\xBB\xBF") source_.consume(3);
  }
  if (source_.at_stop()) return false;
  std::size_t length = 0;
  unterminated_ = false;
  while ((length = record_length(source_.available())) == std::string_view::npos) {
    if (!source_.fill()) {
      length = source_.available().size();
      unterminated_ = quoted_ && length > 0;
      break;
    }
  }
  if (length == 0) return false;
  std::string_view text = source_.available();
  char* begin = const_cast<char*>(text.data());  // the buffer is ours to rewrite
  char* end = begin + length;
  record_line_ = next_line_;
  next_line_ += 1 + newlines_;
  text_problem_.clear();
  if (!source_.all_text(length)) [[unlikely]]
    text_problem_ = source_.text_problem(length, record_line_);
  source_.consume(length);
  if (end > begin && end[-1] == '\n') --end;
  if (end > begin && end[-1] == '\r') --end;
  if (quoted_)
    split_quoted(begin, end, fields);
  else
    split_plain(begin, end, fields);
  return true;
}

}  // namespace alliance::io
