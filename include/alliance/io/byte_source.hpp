// A file (or standard input) read in large chunks through one reusable
// buffer: the base of the streaming readers. No per-record allocation.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace alliance::io {

class ByteSource {
 public:
  // Opens `path` ("-" = standard input). Throws Error(io) on failure.
  explicit ByteSource(const std::string& path);
  ~ByteSource();
  ByteSource(const ByteSource&) = delete;
  ByteSource& operator=(const ByteSource&) = delete;

  const std::string& name() const { return name_; }

  // The unconsumed bytes currently buffered.
  std::string_view available() const { return {buffer_.get() + begin_, end_ - begin_}; }
  // Marks `n` bytes of available() as used.
  void consume(std::size_t n) { begin_ += n; }
  // Reads more, keeping the unconsumed bytes (views into available() are
  // invalidated). False when nothing more could be read (end of input).
  bool fill();
  bool at_end() const { return eof_ && begin_ == end_; }
  // True when the input is a terminal (nothing was piped or named).
  bool is_terminal() const;
  // The first bytes, without consuming them (for format detection).
  std::string_view peek(std::size_t n);

  // Reading a regular file in parts (io/part_reading.hpp).
  // Its size; nullopt for standard input, a pipe, a terminal or a device.
  std::optional<std::uint64_t> regular_file_size() const;
  // Offset in the input of the first unconsumed byte (of available()).
  std::uint64_t offset() const { return base_ + begin_; }
  // Moves to the first line start at or after `offset` (just after a line
  // feed, or the end of the file), dropping what was buffered. Regular files only.
  void seek_line_start(std::uint64_t offset);
  // Readers report the end of input at the first record that starts at or
  // after this offset.
  void stop_at(std::uint64_t offset) { stop_ = offset; }
  bool at_stop() const { return offset() >= stop_; }

 private:
  std::string name_;
  int fd_ = -1;
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
};

}  // namespace alliance::io
