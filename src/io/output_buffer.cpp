#include "output_buffer.hpp"

#include <cerrno>
#include <cstring>

#include "alliance/core/error.hpp"

namespace alliance::io {

void OutputBuffer::put_json_string(std::string_view s) {
  static const char kHex[] = "0123456789abcdef";
  reserve(s.size() * 6 + 2);  // every byte escaped as \u00XX at worst
  char* out = data_.get() + size_;
  *out++ = '"';
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0x20 && c != '"' && c != '\\') {
      *out++ = c;
      continue;
    }
    *out++ = '\\';
    switch (c) {
      case '"': *out++ = '"'; break;
      case '\\': *out++ = '\\'; break;
      case '\n': *out++ = 'n'; break;
      case '\r': *out++ = 'r'; break;
      case '\t': *out++ = 't'; break;
      default:
        *out++ = 'u';
        *out++ = '0';
        *out++ = '0';
        *out++ = kHex[u >> 4];
        *out++ = kHex[u & 0xF];
    }
  }
  *out++ = '"';
  size_ = static_cast<std::size_t>(out - data_.get());
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

// Whether a cell needs quoting or cleaning: one pass over its bytes.
bool needs_care(std::string_view cell, bool tsv) {
  if (starts_like_formula(cell)) return true;
  for (char c : cell) {
    if (c == '\n' || c == '\r') return true;
    if (tsv ? c == '\t' : (c == ',' || c == '"')) return true;
  }
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
  for (char c : cell) {
    if (tsv && (c == '\t' || c == '\n' || c == '\r')) c = ' ';
    if (quote && c == '"') out.push_back('"');
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
    throw Error(ExitCode::io, std::string("cannot write the output: ") + std::strerror(errno));
  size_ = 0;
  if (std::fflush(out_) != 0)
    throw Error(ExitCode::io, std::string("cannot write the output: ") + std::strerror(errno));
}

}  // namespace alliance::io
