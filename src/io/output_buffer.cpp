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

void OutputBuffer::flush() {
  if (!text_.empty() && std::fwrite(text_.data(), 1, text_.size(), out_) != text_.size())
    throw Error(ExitCode::io, std::string("cannot write the output: ") + std::strerror(errno));
  text_.clear();
  if (std::fflush(out_) != 0) throw Error(ExitCode::io, std::string("cannot write the output: ") + std::strerror(errno));
}

}  // namespace alliance::io
