#include "alliance/io/byte_source.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "alliance/core/error.hpp"
#include "alliance/core/utf8.hpp"
#include "alliance/io/files.hpp"
#include "alliance/text/messages.hpp"
#include "text_decoding.hpp"

namespace alliance::io {

namespace {
constexpr std::size_t kChunk = 1 << 20;  // 1 MiB reads: few syscalls, small resident set
// When decoding, the bytes read and not yet decoded: as many as the first read (start()) takes.
constexpr std::size_t kRawChunk = kChunk;
}  // namespace

ByteSource::ByteSource(const std::string& path, TextEncoding encoding)
    : buffer_(std::make_unique_for_overwrite<char[]>(kChunk)), capacity_(kChunk), requested_(encoding) {
  if (path == "-") {
    name_ = "<stdin>";
    fd_ = STDIN_FILENO;
    return;
  }
  name_ = path;
  fd_ = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd_ < 0) {
    const int error = errno;
    throw FileError(path, FileError::Step::open, error);  // "<path>: cannot open: <why>"
  }
  owns_fd_ = true;
}

ByteSource::ByteSource(InMemory, std::string name, std::string bytes, TextEncoding encoding)
    : name_(std::move(name)),
      memory_(std::move(bytes)),
      buffer_(std::make_unique_for_overwrite<char[]>(kChunk)),
      capacity_(kChunk),
      requested_(encoding) {}

ByteSource::~ByteSource() {
  if (owns_fd_) ::close(fd_);
}

bool ByteSource::is_terminal() const {
  return ::isatty(fd_) == 1;
}

std::size_t ByteSource::read_some(char* to, std::size_t size) {
  if (fd_ < 0) {  // once per chunk, not per record
    const std::size_t n = std::min(size, memory_.size() - memory_read_);
    std::memcpy(to, memory_.data() + memory_read_, n);
    memory_read_ += n;
    return n;
  }
  while (true) {
    const ssize_t n = ::read(fd_, to, size);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0)
      throw Error(ExitCode::io, text::Message{text::Msg::read_failed, {name_, text::system_reason(errno)}});
    return static_cast<std::size_t>(n);
  }
}

bool ByteSource::fill() {
  if (eof_) return false;
  if (begin_ > 0) {
    std::memmove(buffer_.get(), buffer_.get() + begin_, end_ - begin_);
    base_ += begin_;
    end_ -= begin_;
    begin_ = 0;
  }
  if (capacity_ - end_ < 4) {  // one record longer than the buffer (4: room for a decoded character)
    auto larger = std::make_unique_for_overwrite<char[]>(capacity_ * 2);
    std::memcpy(larger.get(), buffer_.get(), end_);
    buffer_ = std::move(larger);
    capacity_ *= 2;
  }
  const std::size_t before = end_;
  if (!started_) start();
  bool more = true;
  if (decoding_ != Decoding::none) {
    more = fill_decoded();
  } else {
    if (end_ == before && !eof_) {
      const std::size_t n = read_some(buffer_.get() + end_, capacity_ - end_);
      end_ += n;
      eof_ = n == 0;
    }
    more = end_ > before;
  }
  check_text();
  return more;
}

void ByteSource::start() {
  started_ = true;
  // Enough for a byte-order mark (3 bytes), however the pipe delivers them.
  while (end_ < 3 && !eof_) {
    const std::size_t n = read_some(buffer_.get() + end_, capacity_ - end_);
    end_ += n;
    eof_ = n == 0;
  }
  const ByteOrderMark mark = byte_order_mark(available(), requested_);
  decoding_ = mark.decoding;
  if (decoding_ == Decoding::none && mark.length == 0 && requested_ == TextEncoding::automatic &&
      looks_single_byte(available(), eof_)) {
    decoding_ = Decoding::windows1252;
    detected_ = true;
  }
  if (decoding_ == Decoding::none) {
    begin_ += mark.length;
    checked_ = offset();
    return;
  }
  // What was read goes through the decoder, like every later read.
  raw_ = std::make_unique_for_overwrite<char[]>(kRawChunk);
  raw_end_ = end_ - mark.length;
  std::memcpy(raw_.get(), buffer_.get() + mark.length, raw_end_);
  begin_ = end_ = 0;
}

bool ByteSource::fill_decoded() {
  while (true) {
    const Decoded d =
        decode_to_utf8(decoding_, std::string_view(raw_.get() + raw_begin_, raw_end_ - raw_begin_),
                       buffer_.get() + end_, capacity_ - end_, eof_);
    raw_begin_ += d.used;
    end_ += d.written;
    if (d.written > 0) return true;
    if (eof_) return false;
    std::memmove(raw_.get(), raw_.get() + raw_begin_, raw_end_ - raw_begin_);
    raw_end_ -= raw_begin_;
    raw_begin_ = 0;
    const std::size_t n = read_some(raw_.get() + raw_end_, kRawChunk - raw_end_);
    if (n == 0) eof_ = true;  // the decoder then writes what is left (an odd byte)
    raw_end_ += n;
  }
}

void ByteSource::check_text() {
  if (bad_ != UINT64_MAX || checked_ >= base_ + end_) return;
  const std::size_t from = static_cast<std::size_t>(checked_ - base_);
  const core::TextCheck check = core::check_text({buffer_.get() + from, end_ - from}, eof_);
  checked_ += check.checked;
  if (check.bad != std::string_view::npos) bad_ = checked_;
}

void ByteSource::check_on() {
  bad_ = UINT64_MAX;
  checked_ = offset();
  check_text();
}

std::string TextProblem::english() const {
  return in_language("en");
}

std::string TextProblem::in_language(std::string_view lang) const {
  return text::say(lang, text::Msg::at_where, {place}) + text::say(lang, message);
}

std::optional<TextProblem> ByteSource::text_problem(std::size_t length, long line) const {
  if (all_text(length)) return std::nullopt;
  const std::string_view text = available();
  const std::size_t at = static_cast<std::size_t>(bad_ - offset());
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < at; ++i)
    if (text[i] == '\n') {
      ++line;
      line_start = i + 1;
    }
  return TextProblem{name_ + ":" + std::to_string(line) + ":" + std::to_string(at - line_start + 1),
                     describe_bad_text(text.substr(at, 4), decoding_)};
}

std::optional<std::uint64_t> ByteSource::regular_file_size() const {
  // Not standard input, even from a file: a second reader would share its offset.
  if (!owns_fd_) return std::nullopt;
  struct stat status {};
  if (::fstat(fd_, &status) != 0 || !S_ISREG(status.st_mode)) return std::nullopt;
  // Decoded text is not split: its offsets are not the file's.
  char head[3] = {};
  const ssize_t n = ::pread(fd_, head, sizeof head, 0);
  const std::string_view start(head, n > 0 ? static_cast<std::size_t>(n) : 0);
  if (byte_order_mark(start, requested_).decoding != Decoding::none) return std::nullopt;
  if (started_ && decoding_ != Decoding::none) return std::nullopt;  // found single-byte (auto)
  return static_cast<std::uint64_t>(status.st_size);
}

void ByteSource::seek_line_start(std::uint64_t offset) {
  // From the byte before: a line starting exactly at `offset` follows a line feed there.
  const std::uint64_t from = offset == 0 ? 0 : offset - 1;
  if (::lseek(fd_, static_cast<off_t>(from), SEEK_SET) < 0)
    throw Error(ExitCode::io, text::Message{text::Msg::seek_failed, {name_, text::system_reason(errno)}});
  base_ = from;
  begin_ = end_ = 0;
  eof_ = false;
  started_ = from > 0;  // a byte-order mark, if any, is before `from`
  checked_ = from;
  bad_ = UINT64_MAX;
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

}  // namespace alliance::io
