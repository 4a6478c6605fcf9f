#include "alliance/io/byte_source.hpp"

#include <fcntl.h>
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

std::string_view ByteSource::peek(std::size_t n) {
  while (end_ - begin_ < n && fill()) {
  }
  return available().substr(0, n);
}

}  // namespace alliance::io
