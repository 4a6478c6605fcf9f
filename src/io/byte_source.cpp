#include "alliance/io/byte_source.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "alliance/core/error.hpp"

namespace alliance::io {

namespace {
constexpr std::size_t kChunk = 1 << 20;  // 1 MiB reads: few syscalls, small resident set
}

ByteSource::ByteSource(const std::string& path)
    : buffer_(std::make_unique_for_overwrite<char[]>(kChunk)), capacity_(kChunk) {
  if (path == "-") {
    name_ = "<stdin>";
    fd_ = STDIN_FILENO;
    return;
  }
  name_ = path;
  fd_ = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd_ < 0) throw Error(ExitCode::io, path + ": cannot open: " + std::strerror(errno));
  owns_fd_ = true;
}

ByteSource::~ByteSource() {
  if (owns_fd_) ::close(fd_);
}

bool ByteSource::is_terminal() const {
  return ::isatty(fd_) == 1;
}

bool ByteSource::fill() {
  if (eof_) return false;
  if (begin_ > 0) {
    std::memmove(buffer_.get(), buffer_.get() + begin_, end_ - begin_);
    base_ += begin_;
    end_ -= begin_;
    begin_ = 0;
  }
  if (end_ == capacity_) {  // one record longer than the buffer
    auto larger = std::make_unique_for_overwrite<char[]>(capacity_ * 2);
    std::memcpy(larger.get(), buffer_.get(), end_);
    buffer_ = std::move(larger);
    capacity_ *= 2;
  }
  while (true) {
    const ssize_t n = ::read(fd_, buffer_.get() + end_, capacity_ - end_);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) throw Error(ExitCode::io, name_ + ": cannot read: " + std::strerror(errno));
    if (n == 0) {
      eof_ = true;
      return false;
    }
    end_ += static_cast<std::size_t>(n);
    return true;
  }
}

std::optional<std::uint64_t> ByteSource::regular_file_size() const {
  // Not standard input, even from a file: a second reader would share its offset.
  if (!owns_fd_) return std::nullopt;
  struct stat status {};
  if (::fstat(fd_, &status) != 0 || !S_ISREG(status.st_mode)) return std::nullopt;
  return static_cast<std::uint64_t>(status.st_size);
}

void ByteSource::seek_line_start(std::uint64_t offset) {
  // From the byte before: a line starting exactly at `offset` follows a line feed there.
  const std::uint64_t from = offset == 0 ? 0 : offset - 1;
  if (::lseek(fd_, static_cast<off_t>(from), SEEK_SET) < 0)
    throw Error(ExitCode::io, name_ + ": cannot seek: " + std::strerror(errno));
  base_ = from;
  begin_ = end_ = 0;
  eof_ = false;
  if (offset == 0) return;
  while (true) {
    const std::string_view text = available();
    if (const std::size_t nl = text.find('\n'); nl != std::string_view::npos) {
      consume(nl + 1);
      return;
    }
    consume(text.size());
    if (!fill()) return;
  }
}

std::string_view ByteSource::peek(std::size_t n) {
  while (end_ - begin_ < n && fill()) {
  }
  return available().substr(0, n);
}

}  // namespace alliance::io
