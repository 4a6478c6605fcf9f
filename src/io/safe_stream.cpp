#include "alliance/io/safe_stream.hpp"

#include "alliance/core/utf8.hpp"

namespace alliance::io {

namespace {

// Where a character cut by the end of `text` starts, or text.size().
std::size_t cut_at(std::string_view text) {
  for (std::size_t back = 1; back <= 3 && back <= text.size(); ++back) {
    const std::size_t at = text.size() - back;
    const auto byte = static_cast<unsigned char>(text[at]);
    if ((byte & 0xC0) == 0x80) continue;  // a continuation byte: look further back
    return byte >= 0xC0 && core::decode_utf8(text.substr(at)).cut ? at : text.size();
  }
  return text.size();
}

}  // namespace

bool TerminalSafeBuffer::pass(std::string_view text) {
  std::string_view whole = text;
  if (!held_.empty()) {
    held_.append(text);
    whole = held_;
  }
  const std::size_t end = cut_at(whole);
  safe_.clear();
  core::append_terminal_safe(safe_, whole.substr(0, end), true);
  const std::string rest(whole.substr(end));
  held_ = rest;
  const auto size = static_cast<std::streamsize>(safe_.size());
  return target_->sputn(safe_.data(), size) == size;
}

TerminalSafeBuffer::int_type TerminalSafeBuffer::overflow(int_type c) {
  if (traits_type::eq_int_type(c, traits_type::eof())) return traits_type::not_eof(c);
  const char byte = traits_type::to_char_type(c);
  return pass(std::string_view(&byte, 1)) ? c : traits_type::eof();
}

std::streamsize TerminalSafeBuffer::xsputn(const char* s, std::streamsize n) {
  return pass(std::string_view(s, static_cast<std::size_t>(n))) ? n : 0;
}

int TerminalSafeBuffer::sync() {
  return target_->pubsync();
}

void make_terminal_safe(std::ostream& stream) {
  // Never destroyed: the stream may be written to until the program's very end.
  auto* buffer = new TerminalSafeBuffer(stream.rdbuf());
  stream.rdbuf(buffer);
}

}  // namespace alliance::io
