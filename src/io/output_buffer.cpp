#include "output_buffer.hpp"

#include <cerrno>
#include <cstring>

#include "alliance/core/error.hpp"

namespace alliance::io {

void OutputBuffer::put_json_string(std::string_view s) {
  static const char kHex[] = "0123456789abcdef";
  text_.push_back('"');
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0x20 && c != '"' && c != '\\') {
      text_.push_back(c);
      continue;
    }
    text_.push_back('\\');
    switch (c) {
      case '"': text_.push_back('"'); break;
      case '\\': text_.push_back('\\'); break;
      case '\n': text_.push_back('n'); break;
      case '\r': text_.push_back('r'); break;
      case '\t': text_.push_back('t'); break;
      default:
        text_.append("u00");
        text_.push_back(kHex[u >> 4]);
        text_.push_back(kHex[u & 0xF]);
    }
  }
  text_.push_back('"');
}

namespace {

bool starts_like_formula(std::string_view cell) {
  if (cell.empty()) return false;
  const char c = cell[0];
  return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
}

}  // namespace

void append_delimited_cell(std::string& out, std::string_view cell, char sep) {
  const bool tsv = sep == '\t';
  const bool special = cell.find_first_of(tsv ? std::string_view("\t\r\n") : std::string_view(",\"\r\n")) !=
                       std::string_view::npos;
  const bool formula = starts_like_formula(cell);
  if (!special && !formula) {
    out.append(cell);
    return;
  }
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

void OutputBuffer::flush() {
  if (!text_.empty() && std::fwrite(text_.data(), 1, text_.size(), out_) != text_.size())
    throw Error(ExitCode::io, std::string("cannot write the output: ") + std::strerror(errno));
  text_.clear();
  if (std::fflush(out_) != 0)
    throw Error(ExitCode::io, std::string("cannot write the output: ") + std::strerror(errno));
}

}  // namespace alliance::io
