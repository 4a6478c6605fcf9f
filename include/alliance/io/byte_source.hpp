// A file (or standard input) read in large chunks through one reusable
// buffer: the base of the streaming readers. No per-record allocation.
//
// What the readers see is UTF-8: a file in another encoding (--encoding, or
// a UTF-16 byte-order mark) is decoded as it is read, and a UTF-8
// byte-order mark is skipped. Every byte is checked as it arrives (valid
// UTF-8, no NUL; ASCII sixteen bytes at a time, core::ascii_prefix), and the
// readers ask, for each record, whether its bytes were all text
// (docs/response-format.md#text-encoding). Offsets count the bytes readers
// see: the file's, unless it is decoded.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "alliance/io/text_encoding.hpp"
#include "alliance/text/message.hpp"

namespace alliance::io {

enum class Decoding;  // io-internal (text_decoding.hpp)

// Bytes that are not text (ByteSource::text_problem): where, and why as a
// catalogue message, so that it is shown in the user's language.
struct TextProblem {
  std::string place;  // "<name>:<line>:<column>"
  text::Message message;
  // "<place>: <why>" in English (a record's problems, what() of an Error).
  std::string english() const;
  // The same in `lang`.
  std::string in_language(std::string_view lang) const;
};

class ByteSource {
 public:
  // Opens `path` ("-" = standard input), to be read as `encoding` unless it
  // starts with a byte-order mark. Throws Error(io) on failure.
  explicit ByteSource(const std::string& path, TextEncoding encoding = TextEncoding::utf8);
  // Reads `bytes` (a file already read, e.g. through an io::Env), named `name`
  // in messages, as if they were the file's.
  struct InMemory {};
  ByteSource(InMemory, std::string name, std::string bytes, TextEncoding encoding = TextEncoding::utf8);
  ~ByteSource();
  ByteSource(const ByteSource&) = delete;
  ByteSource& operator=(const ByteSource&) = delete;

  const std::string& name() const { return name_; }
  // True when --encoding auto found the first bytes read not UTF-8 and
  // reads the file as Windows-1252 (known once something has been read).
  bool detected_windows1252() const { return detected_; }

  // The unconsumed bytes currently buffered.
  std::string_view available() const { return {buffer_.get() + begin_, end_ - begin_}; }
  // Marks `n` bytes of available() as used.
  void consume(std::size_t n) {
    begin_ += n;
    if (offset() > bad_) [[unlikely]]
      check_on();
  }
  // Reads more, keeping the unconsumed bytes (views into available() are
  // invalidated). False when nothing more could be read (end of input).
  bool fill();
  bool at_end() const { return eof_ && begin_ == end_; }
  // True when the input is a terminal (nothing was piped or named).
  bool is_terminal() const;

  // True when the next `length` bytes of available() are all text (valid
  // UTF-8 without NUL, after decoding). One comparison: call it per record.
  bool all_text(std::size_t length) const { return bad_ >= offset() + length; }
  // When they are not: where the first byte that is not text is
  // ("<name>:<line>:<column>", the first of the bytes being on `line`;
  // columns count bytes of the UTF-8 text), why and the way out; nullopt
  // when they are.
  std::optional<TextProblem> text_problem(std::size_t length, long line) const;

  // Reading a regular file in parts (io/part_reading.hpp).
  // Its size; nullopt for standard input, a pipe, a terminal or a device,
  // and for a file that is decoded (its offsets would not be the file's).
  std::optional<std::uint64_t> regular_file_size() const;
  // Offset in the input of the first unconsumed byte (of available()).
  std::uint64_t offset() const { return base_ + begin_; }
  // Moves to the first line start at or after `offset` (just after a line
  // feed, or the end of the file), dropping what was buffered. Regular files
  // read as UTF-8 only (those regular_file_size() gives a size for).
  void seek_line_start(std::uint64_t offset);
  // Readers report the end of input at the first record that starts at or
  // after this offset.
  void stop_at(std::uint64_t offset) { stop_ = offset; }
  bool at_stop() const { return offset() >= stop_; }

 private:
  // Reads into `to` until at least one byte came or the input ended (0).
  std::size_t read_some(char* to, std::size_t size);
  // The first fill: reads the byte-order mark, if any, and sets decoding_.
  void start();
  // Appends decoded text to the buffer; false at the end of the input.
  bool fill_decoded();
  // Checks the bytes from checked_ on, up to the first that is not text.
  void check_text();
  // After the reader moved past bad_: looks for the next, from offset().
  void check_on();

  std::string name_;
  int fd_ = -1;  // -1: the bytes are memory_'s
  std::string memory_;
  std::size_t memory_read_ = 0;
  bool owns_fd_ = false;
  // Left uninitialised: zeroing 1 MiB would touch all its pages (256 page
  // faults) before a 20-row file had filled one.
  std::unique_ptr<char[]> buffer_;
  std::size_t capacity_ = 0;
  std::size_t begin_ = 0;
  std::size_t end_ = 0;
  std::uint64_t base_ = 0;  // offset in the input of buffer_[0]
  std::uint64_t stop_ = UINT64_MAX;
  bool eof_ = false;
  TextEncoding requested_;
  Decoding decoding_{};  // none (0): the bytes are UTF-8 as read
  bool started_ = false;
  bool detected_ = false;
  std::unique_ptr<char[]> raw_;  // bytes read but not yet decoded, when decoding
  std::size_t raw_begin_ = 0;
  std::size_t raw_end_ = 0;
  std::uint64_t checked_ = 0;       // offset up to which every byte is text (or bad_)
  std::uint64_t bad_ = UINT64_MAX;  // offset of the first byte that is not text, past offset()
};

}  // namespace alliance::io
