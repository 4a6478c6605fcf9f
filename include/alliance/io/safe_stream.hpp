// A stream buffer that passes what is written to another with every
// character that could drive a terminal escaped (core::terminal_safe, line
// feeds and tabs kept): installed on std::cerr, so that no message quoting a
// hostile file (a respondent id holding an escape sequence, bytes that are
// not UTF-8) can move the cursor, recolour or retitle the user's terminal,
// and standard error is valid UTF-8 (docs/output-format.md#text).
#pragma once

#include <ostream>
#include <streambuf>
#include <string>
#include <string_view>

namespace alliance::io {

class TerminalSafeBuffer final : public std::streambuf {
 public:
  // `target` must outlive this buffer.
  explicit TerminalSafeBuffer(std::streambuf* target) : target_(target) {}

 protected:
  int_type overflow(int_type c) override;
  std::streamsize xsputn(const char* s, std::streamsize n) override;
  int sync() override;

 private:
  // Writes `text` made safe, holding back a character its end cuts in two
  // (its other bytes may come with the next write). False when the target fails.
  bool pass(std::string_view text);

  std::streambuf* target_;
  std::string held_;  // the first bytes of a character cut by the end of the last write
  std::string safe_;
};

// Sends everything written to `stream` from now on through a
// TerminalSafeBuffer (which lives as long as the program).
void make_terminal_safe(std::ostream& stream);

// Sends what is written to `stream` through a TerminalSafeBuffer while it
// lives: for output that is all text for people (alliance show).
class TerminalSafeScope {
 public:
  explicit TerminalSafeScope(std::ostream& stream)
      : stream_(stream), target_(stream.rdbuf()), buffer_(target_) {
    stream_.rdbuf(&buffer_);
  }
  ~TerminalSafeScope() { stream_.rdbuf(target_); }
  TerminalSafeScope(const TerminalSafeScope&) = delete;
  TerminalSafeScope& operator=(const TerminalSafeScope&) = delete;

 private:
  std::ostream& stream_;
  std::streambuf* target_;
  TerminalSafeBuffer buffer_;
};

}  // namespace alliance::io
