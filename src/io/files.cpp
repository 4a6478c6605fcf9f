#include "alliance/io/files.hpp"

#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include "alliance/text/messages.hpp"

namespace alliance::io {

namespace {

const char* step_text(FileError::Step step) {
  switch (step) {
    case FileError::Step::open: return "cannot open";
    case FileError::Step::read: return "cannot read";
    case FileError::Step::create: return "cannot create";
    case FileError::Step::write: return "cannot write";
    case FileError::Step::replace: return "cannot replace";
    case FileError::Step::not_regular: return "not a regular file, never replaced";
  }
  return "cannot write";
}

[[noreturn]] void fail(const std::filesystem::path& path, FileError::Step step, int error_number = errno) {
  throw FileError(path, step, error_number);
}

void write_all(int fd, std::string_view content, const std::filesystem::path& path) {
  while (!content.empty()) {
    const ssize_t n = ::write(fd, content.data(), content.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      fail(path, FileError::Step::write);
    }
    content.remove_prefix(static_cast<std::size_t>(n));
  }
}

// rename() that never replaces `to`: EEXIST when it exists.
int rename_no_replace(const char* from, const char* to) {
  if (::renameat2(AT_FDCWD, from, AT_FDCWD, to, RENAME_NOREPLACE) == 0) return 0;
  if (errno != EINVAL && errno != ENOSYS) return -1;  // a file system without RENAME_NOREPLACE: link instead
  if (::link(from, to) != 0) return -1;
  ::unlink(from);
  return 0;
}

// Overwrite::allow replaces only a regular file (files.hpp).
void check_replaceable(const std::filesystem::path& path) {
  const FileKind kind = file_kind(path);
  if (kind == FileKind::directory) fail(path, FileError::Step::replace, EISDIR);
  if (kind != FileKind::missing && kind != FileKind::regular) fail(path, FileError::Step::not_regular, 0);
}

}  // namespace

FileKind file_kind(const std::filesystem::path& path) {
  struct stat info {};
  if (::lstat(path.c_str(), &info) != 0) return FileKind::missing;
  if (S_ISREG(info.st_mode)) return FileKind::regular;
  if (S_ISDIR(info.st_mode)) return FileKind::directory;
  if (S_ISLNK(info.st_mode)) return FileKind::symlink;
  if (S_ISFIFO(info.st_mode)) return FileKind::fifo;
  if (S_ISSOCK(info.st_mode)) return FileKind::socket;
  return FileKind::device;  // character or block
}

namespace {

std::string plain_words(const text::Messages& m, FileError::Step step, int error_number) {
  if (step == FileError::Step::not_regular) return m.reason_not_regular;
  const bool reading = step == FileError::Step::open || step == FileError::Step::read;
  if (reading && error_number == ENOENT) return m.reason_no_file;
  switch (error_number) {
    case ENOSPC: return m.reason_no_space;
    case EDQUOT: return m.reason_quota;
    case EACCES:
    case EPERM: return m.reason_access;
    case EROFS: return m.reason_read_only;
    case ENOENT: return m.reason_no_directory;
    case ENOTDIR: return m.reason_not_directory;
    case EISDIR: return m.reason_is_directory;
    case EEXIST: return m.reason_exists;
    case EFBIG: return m.reason_too_big;
    case ENAMETOOLONG: return m.reason_name_too_long;
    case EIO: return m.reason_io;
    default: {
      // The system's words in the language of `m` (one of the two catalogues' texts).
      const std::string_view lang = &m == &text::messages("fr") ? "fr" : "en";
      return text::say(lang, text::Msg::reason_other,
                       {std::to_string(error_number), text::system_reason(error_number)});
    }
  }
}

}  // namespace

// In English as it always was ("<path>: cannot open: <strerror>"); in French
// in the catalogue's plain words (plain_reason).
FileError::FileError(std::filesystem::path path, Step step, int error_number)
    : Error(ExitCode::io,
            [name = path.string(), step, error_number](std::string_view lang) -> std::string {
              if (!text::is_french(lang))  // system_reason in English is strerror's text
                return name + ": " + step_text(step) +
                       (step == Step::not_regular
                            ? ""
                            : ": " + text::shown("en", text::system_reason(error_number)));
              const bool reading = step == Step::open || step == Step::read;
              return text::say(lang, reading ? text::Msg::cannot_read : text::Msg::cannot_write,
                               {name, plain_words(text::messages(lang), step, error_number)});
            }),
      path_(std::move(path)),
      step_(step),
      error_number_(error_number) {}

std::string plain_reason(const text::Messages& m, const FileError& e) {
  return plain_words(m, e.step(), e.error_number());
}

std::string read_file(const std::filesystem::path& path) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec))
    throw Error(ExitCode::io, text::Message{text::Msg::path_is_directory, {path.string()}});
  std::ifstream in(path, std::ios::binary);
  if (!in) fail(path, FileError::Step::open);
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) fail(path, FileError::Step::read);
  return text.str();
}

std::string read_stdin() {
  std::ostringstream text;
  text << std::cin.rdbuf();
  return text.str();
}

void write_file_atomic(const std::filesystem::path& path, std::string_view content, Overwrite overwrite) {
  std::error_code ec;
  if (overwrite == Overwrite::refuse && std::filesystem::exists(path, ec))
    fail(path, FileError::Step::create, EEXIST);  // early, before a temporary file is made
  if (overwrite == Overwrite::allow) check_replaceable(path);
  const std::filesystem::path dir = path.has_parent_path() ? path.parent_path() : ".";
  std::string temp = (dir / ("." + path.filename().string() + ".XXXXXX")).string();
  const int fd = ::mkstemp(temp.data());  // mkstemp creates the file with mode 0600
  if (fd < 0) fail(path, FileError::Step::create);
  try {
    write_all(fd, content, path);
    if (::fsync(fd) != 0) fail(path, FileError::Step::write);
  } catch (...) {
    ::close(fd);
    ::unlink(temp.c_str());
    throw;
  }
  if (::close(fd) != 0) {
    const int saved = errno;
    ::unlink(temp.c_str());
    fail(path, FileError::Step::write, saved);
  }
  if (overwrite == Overwrite::allow) {  // again: it may have changed while the file was written
    try {
      check_replaceable(path);
    } catch (...) {
      ::unlink(temp.c_str());
      throw;
    }
  }
  const int renamed = overwrite == Overwrite::refuse ? rename_no_replace(temp.c_str(), path.c_str())
                                                     : ::rename(temp.c_str(), path.c_str());
  if (renamed != 0) {
    const int saved = errno;
    ::unlink(temp.c_str());
    fail(path, overwrite == Overwrite::refuse ? FileError::Step::create : FileError::Step::replace, saved);
  }
  const int dir_fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY);
  if (dir_fd >= 0) {
    ::fsync(dir_fd);
    ::close(dir_fd);
  }
}

AtomicFile::AtomicFile(std::filesystem::path path) : path_(std::move(path)) {
  check_replaceable(path_);
  const std::filesystem::path dir = path_.has_parent_path() ? path_.parent_path() : ".";
  temp_ = (dir / ("." + path_.filename().string() + ".XXXXXX")).string();
  const int fd = ::mkstemp(temp_.data());  // mode 0600
  if (fd < 0) fail(path_, FileError::Step::create);
  file_ = ::fdopen(fd, "wb");
  if (!file_) {
    const int saved = errno;
    ::close(fd);
    ::unlink(temp_.c_str());
    fail(path_, FileError::Step::create, saved);
  }
}

AtomicFile::~AtomicFile() {
  if (!file_) return;
  std::fclose(file_);
  ::unlink(temp_.c_str());
}

void AtomicFile::commit() {
  std::FILE* file = file_;
  file_ = nullptr;
  const bool written = std::fflush(file) == 0 && !std::ferror(file) && ::fsync(::fileno(file)) == 0;
  const int saved = errno;
  if (std::fclose(file) != 0 || !written) {
    ::unlink(temp_.c_str());
    fail(path_, FileError::Step::write, written ? errno : saved);
  }
  try {
    check_replaceable(path_);  // again: it may have changed while the file was written
  } catch (...) {
    ::unlink(temp_.c_str());
    throw;
  }
  if (::rename(temp_.c_str(), path_.c_str()) != 0) {
    const int failed = errno;
    ::unlink(temp_.c_str());
    fail(path_, FileError::Step::replace, failed);
  }
  const std::filesystem::path dir = path_.has_parent_path() ? path_.parent_path() : ".";
  const int dir_fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY);
  if (dir_fd >= 0) {
    ::fsync(dir_fd);
    ::close(dir_fd);
  }
}

void keep_under_name(const std::filesystem::path& from, const std::filesystem::path& to) {
  if (::link(from.c_str(), to.c_str()) == 0) return;
  if (errno != EPERM && errno != ENOTSUP && errno != EMLINK && errno != EXDEV)
    fail(to, FileError::Step::create);
  write_file_atomic(to, read_file(from), Overwrite::refuse);
}

}  // namespace alliance::io
