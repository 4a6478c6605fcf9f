// Internal to io: a growable byte buffer written to a FILE* in large blocks,
// with the number and string formatting the writers need. No iostreams and
// no allocation per value once the buffer has grown.
#pragma once

#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "alliance/core/text.hpp"

namespace alliance::io {

// Appends a CSV (sep ',') or TSV (sep '\t') cell from user data to `out`,
// made safe: a leading =, +, -, @, tab or carriage return is neutralised with
// a quote (a spreadsheet would run it as a formula); then quoted per RFC 4180
// (CSV) or with tabs and line breaks replaced by spaces (TSV). The cell is
// valid UTF-8 without control characters: NUL, the other controls (but tab
// and line breaks), DEL, the C1 controls and every byte that is not UTF-8
// are written as U+FFFD (docs/output-format.md#text).
void append_delimited_cell(std::string& out, std::string_view cell, char sep);

// Appends `s` to `out` as OutputBuffer::put_json_string writes it.
void append_json_string(std::string& out, std::string_view s);

class OutputBuffer {
 public:
  explicit OutputBuffer(std::FILE* out) : out_(out), data_(new char[kBlock * 2]), capacity_(kBlock * 2) {}
  ~OutputBuffer() = default;
  OutputBuffer(const OutputBuffer&) = delete;
  OutputBuffer& operator=(const OutputBuffer&) = delete;

  void put(char c) {
    reserve(1);
    data_[size_++] = c;
  }
  void put(std::string_view s) {
    reserve(s.size());
    std::memcpy(data_.get() + size_, s.data(), s.size());
    size_ += s.size();
  }
  void put_int(long long value) {
    // Counts and most scores, one or two digits: a few instructions inlined
    // at every call, without to_chars (put_long, out of line, for the rest).
    if (value >= 0 && value < 100 && capacity_ - size_ >= 2) {
      char* at = data_.get() + size_;
      if (value < 10) {
        *at = static_cast<char>('0' + value);
        ++size_;
      } else {
        at[0] = static_cast<char>('0' + value / 10);
        at[1] = static_cast<char>('0' + value % 10);
        size_ += 2;
      }
      return;
    }
    put_long(value);
  }
  // Shortest round-trip form when precision < 0, else fixed decimals
  // rounded from that form (core::format_fixed), never the binary value.
  bool put_short_decimal(double value) {
    for (int places = 1, scale = 10; places <= 2; ++places, scale *= 10) {
      const double k = std::nearbyint(value * scale);
      if (k / scale != value) continue;
      long long whole = static_cast<long long>(k);
      if (whole < 0) {
        put('-');
        whole = -whole;
      }
      put_int(whole / scale);
      put('.');
      const long long part = whole % scale;
      if (places == 2 && part < 10) put('0');
      put_int(part);
      return true;
    }
    return false;
  }

  void put_number(double value, int precision) {
    if (precision >= 0) return put(core::format_fixed(value, precision));
    // Whole numbers below 10^5 print as their digits in the shortest form too
    // ("100000" is longer than "1e+05", so larger ones go to to_chars).
    if (precision < 0 && value > -1e5 && value < 1e5 &&
        value == static_cast<double>(static_cast<int>(value)) && !(value == 0 && std::signbit(value))) {
      put_int(static_cast<int>(value));
      return;
    }
    // One or two decimals (7.3, 36.25: most scores, changes and means), from
    // whole numbers when that decimal is the value's nearest double, which
    // makes it the shortest round-trip form to_chars would write.
    if (value > -1e5 && value < 1e5 && value != 0 && put_short_decimal(value)) return;
    reserve(32);  // the shortest form of any double
    char* at = data_.get() + size_;
    auto result = std::to_chars(at, at + 32, value);
    size_ = static_cast<std::size_t>(result.ptr - data_.get());
  }
  // A JSON string literal, quotes included: valid UTF-8 with every control
  // character (C0, DEL, C1) escaped as \u00XX, a byte that is not UTF-8 as
  // \ufffd (docs/output-format.md#text).
  void put_json_string(std::string_view s);
  // JSON values that are null when absent (an empty string is absent).
  void put_json_string_or_null(std::string_view s) {
    if (s.empty())
      put("null");
    else
      put_json_string(s);
  }
  void put_json_int_or_null(const std::optional<long long>& value) {
    if (value)
      put_int(*value);
    else
      put("null");
  }
  void put_json_number_or_null(const std::optional<double>& value, int precision) {
    if (value)
      put_number(*value, precision);
    else
      put("null");
  }
  // A CSV or TSV cell from user data, made safe (append_delimited_cell).
  void put_delimited_cell(std::string_view cell, char sep);

  // Bytes written and not yet flushed; a mark for decimal_comma_since().
  std::size_t size() const { return size_; }
  // Those bytes. A buffer that is never flushed holds all it was given: a
  // way to format cells once and copy them into every row.
  std::string_view pending() const { return {data_.get(), size_}; }
  // Every '.' written since `mark` becomes ','. REQUIRES: no flush since
  // size() gave `mark` (maybe_flush is called between rows only).
  void decimal_comma_since(std::size_t mark) {
    for (std::size_t i = mark; i < size_; ++i)
      if (data_[i] == '.') data_[i] = ',';
  }

  // Writes out the buffer when it holds a block or more.
  void maybe_flush() {
    if (size_ >= kBlock) flush();
  }
  // Throws Error(io) when the stream refuses the bytes.
  void flush();

 private:
  static constexpr std::size_t kBlock = 1 << 16;
  void reserve(std::size_t n) {
    if (capacity_ - size_ < n) grow(n);
  }
  void grow(std::size_t n);
  void put_long(long long value);

  std::FILE* out_;
  std::unique_ptr<char[]> data_;
  std::size_t capacity_;
  std::size_t size_ = 0;
  std::string scratch_;
};

}  // namespace alliance::io
