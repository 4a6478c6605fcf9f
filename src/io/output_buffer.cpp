#include "output_buffer.hpp"

#include <cerrno>
#include <charconv>
#include <cstring>

#include "alliance/core/error.hpp"
#include "alliance/core/utf8.hpp"
#include "alliance/text/messages.hpp"

namespace alliance::io {

namespace {

constexpr char kLowerHexDigits[] = "0123456789abcdef";
constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

char* put_unicode_escape(char* out, unsigned code) {
  *out++ = '\\';
  *out++ = 'u';
  for (int shift = 12; shift >= 0; shift -= 4) *out++ = kLowerHexDigits[(code >> shift) & 0xF];
  return out;
}

// Writes `s` as a JSON string literal at `out`, which has room for
// s.size() * 6 + 2 bytes; returns the end.
char* write_json_string(char* out, std::string_view s) {
  *out++ = '"';
  for (std::size_t i = 0; i < s.size();) {
    const char c = s[i];
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0x20 && u < 0x7F && c != '"' && c != '\\') {
      *out++ = c;
      ++i;
      continue;
    }
    if (u >= 0x80) {  // UTF-8 as it is; C1 controls escaped; bytes that are not UTF-8 replaced
      const core::Utf8Char ch = core::decode_utf8(s.substr(i));
      if (!ch.valid) {
        out = put_unicode_escape(out, 0xFFFD);
      } else if (ch.code < 0xA0) {
        out = put_unicode_escape(out, ch.code);
      } else {
        std::memcpy(out, s.data() + i, ch.length);
        out += ch.length;
      }
      i += ch.length;
      continue;
    }
    ++i;
    if (c == '"' || c == '\\' || c == '\n' || c == '\r' || c == '\t') {
      *out++ = '\\';
      *out++ = c == '\n' ? 'n' : c == '\r' ? 'r' : c == '\t' ? 't' : c;
    } else {
      out = put_unicode_escape(out, u);  // the other controls (NUL included) and DEL
    }
  }
  *out++ = '"';
  return out;
}

}  // namespace

void OutputBuffer::put_json_string(std::string_view s) {
  reserve(s.size() * 6 + 2);  // every byte escaped as \u00XX or \ufffd at worst
  size_ = static_cast<std::size_t>(write_json_string(data_.get() + size_, s) - data_.get());
}

void append_json_string(std::string& out, std::string_view s) {
  const std::size_t start = out.size();
  out.resize(start + s.size() * 6 + 2);
  out.resize(static_cast<std::size_t>(write_json_string(out.data() + start, s) - out.data()));
}

void OutputBuffer::put_long(long long value) {
  reserve(24);
  size_ = static_cast<std::size_t>(std::to_chars(data_.get() + size_, data_.get() + size_ + 24, value).ptr -
                                   data_.get());
}

void OutputBuffer::grow(std::size_t n) {
  std::size_t capacity = capacity_ * 2;
  while (capacity - size_ < n) capacity *= 2;
  std::unique_ptr<char[]> data(new char[capacity]);
  std::memcpy(data.get(), data_.get(), size_);
  data_ = std::move(data);
  capacity_ = capacity;
}

namespace {

bool starts_like_formula(std::string_view cell) {
  if (cell.empty()) return false;
  const char c = cell[0];
  return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
}

// Bytes that make a cell need care: a line break, the separator, a quote
// (CSV), a control character or DEL, and any byte of a non-ASCII character
// (checked as UTF-8 on the slow path).
struct CareTable {
  bool csv[256] = {};
  bool tsv[256] = {};
  constexpr CareTable() {
    for (int b = 0; b < 256; ++b) {
      const bool other = (b < 0x20 && b != '\t') || b >= 0x7F;
      csv[b] = other || b == ',' || b == '"';
      tsv[b] = other || b == '\t';
    }
  }
};
constexpr CareTable kCare;

// Whether a cell needs quoting or cleaning: one pass over its bytes.
bool needs_care(std::string_view cell, bool tsv) {
  if (starts_like_formula(cell)) return true;
  const bool* care = tsv ? kCare.tsv : kCare.csv;
  for (char c : cell)
    if (care[static_cast<unsigned char>(c)]) return true;
  return false;
}

}  // namespace

void append_delimited_cell(std::string& out, std::string_view cell, char sep) {
  const bool tsv = sep == '\t';
  if (!needs_care(cell, tsv)) {
    out.append(cell);
    return;
  }
  const bool special = cell.find_first_of(tsv ? std::string_view("\t\r\n") : std::string_view(",\"\r\n")) !=
                       std::string_view::npos;
  const bool formula = starts_like_formula(cell);
  const bool quote = !tsv && special;
  if (quote) out.push_back('"');
  if (formula) out.push_back('\'');
  for (std::size_t i = 0; i < cell.size();) {
    const char c = cell[i];
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0x80) {  // UTF-8 as it is; C1 controls and bytes that are not UTF-8 replaced
      const core::Utf8Char ch = core::decode_utf8(cell.substr(i));
      if (ch.valid && ch.code >= 0xA0)
        out.append(cell.substr(i, ch.length));
      else
        out.append(kReplacement);
      i += ch.length;
      continue;
    }
    ++i;
    if (c == '\t' || c == '\n' || c == '\r')
      out.push_back(tsv ? ' ' : c);
    else if (u < 0x20 || u == 0x7F)  // NUL and the other controls: never written
      out.append(kReplacement);
    else if (quote && c == '"')
      out.append("\"\"");
    else
      out.push_back(c);
  }
  if (quote) out.push_back('"');
}

void OutputBuffer::put_delimited_cell(std::string_view cell, char sep) {
  if (!needs_care(cell, sep == '\t')) return put(cell);
  scratch_.clear();
  append_delimited_cell(scratch_, cell, sep);
  put(scratch_);
}

void OutputBuffer::flush() {
  if (size_ > 0 && std::fwrite(data_.get(), 1, size_, out_) != size_)
    throw Error(ExitCode::io, text::Message{text::Msg::output_write_failed, {text::system_reason(errno)}});
  size_ = 0;
  if (std::fflush(out_) != 0)
    throw Error(ExitCode::io, text::Message{text::Msg::output_write_failed, {text::system_reason(errno)}});
}

}  // namespace alliance::io
