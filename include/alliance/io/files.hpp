// Whole-file reads and atomic, owner-only writes. Failures throw FileError
// (an alliance::Error with ExitCode::io) naming the file the user knows —
// never a temporary one — and carrying errno, so a caller can say what went
// wrong in the user's language.
#pragma once

#include <cstdio>
#include <filesystem>
#include <string>
#include <string_view>

#include "alliance/core/error.hpp"
#include "alliance/text/messages.hpp"

namespace alliance::io {

// A file that could not be read or written. Its message: in English
// "<path>: cannot open: <strerror's text>" (as always); in French the
// catalogue's "lecture impossible" or "écriture impossible" with plain_reason.
class FileError : public Error {
 public:
  // What was being done when it failed; not_regular: `path` is there and is
  // not a regular file (a device, a FIFO, a socket, a symbolic link), which a
  // write never replaces (error_number 0).
  enum class Step { open, read, create, write, replace, not_regular };
  FileError(std::filesystem::path path, Step step, int error_number);
  const std::filesystem::path& path() const { return path_; }
  Step step() const { return step_; }
  int error_number() const { return error_number_; }

 private:
  std::filesystem::path path_;
  Step step_;
  int error_number_;
};

// Why a file could not be read or written, in the plain words of `m` (the catalogue in the user's
// language): "the file does not exist", "the disk is full"...; the system's own words, numbered,
// for the rarer reasons.
std::string plain_reason(const text::Messages& m, const FileError& e);

std::string read_file(const std::filesystem::path& path);

// Standard input, read to the end.
std::string read_stdin();

// What is at a path, its last component not followed (lstat): a symbolic
// link is `symlink` whatever it points to. `missing` when nothing is there
// (or it cannot be looked at: a write then fails with its own reason).
enum class FileKind { missing, regular, directory, symlink, fifo, socket, device };
FileKind file_kind(const std::filesystem::path& path);

enum class Overwrite { refuse, allow };

// Writes to a temporary file beside `path` (".NAME.XXXXXX"), fsyncs it, renames
// it over `path` and fsyncs the directory: readers see the old file or the new
// one, never a torn one. The file is created with mode 0600 (responses are
// health data). With Overwrite::refuse the rename does not replace an existing
// file, atomically (renameat2 RENAME_NOREPLACE, else a hard link): a file that
// appears meanwhile is never lost; FileError with EEXIST then. With
// Overwrite::allow only a regular file is replaced: when `path` is anything
// else — a device such as /dev/null, a FIFO, a socket, or a symbolic link,
// even to a regular file (the rename would put a file in the link's place and
// leave its target as it was) — FileError with Step::not_regular (a
// directory: Step::replace, EISDIR), before anything is created, and checked
// again just before the rename. On any failure the temporary file is removed
// and `path` is as it was.
void write_file_atomic(const std::filesystem::path& path, std::string_view content, Overwrite overwrite);

// A file written as a stream, then put in place as write_file_atomic does
// with Overwrite::allow (a temporary file beside `path`, mode 0600, fsync,
// rename; only a regular file is replaced): for an output too large to hold
// in memory (score -o). `path` is untouched until commit(); destroyed
// without commit(), the temporary file is removed. Throws FileError.
class AtomicFile {
 public:
  explicit AtomicFile(std::filesystem::path path);
  ~AtomicFile();
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;
  std::FILE* stream() const { return file_; }
  void commit();

 private:
  std::filesystem::path path_;
  std::string temp_;
  std::FILE* file_ = nullptr;
};

// Gives the file `from` a second name `to` (a hard link; a copy, written as
// above, where the file system has no hard links). Never replaces `to`:
// FileError with EEXIST when it exists.
void keep_under_name(const std::filesystem::path& from, const std::filesystem::path& to);

}  // namespace alliance::io
