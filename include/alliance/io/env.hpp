// The operating system as the program sees it — files, the clock and the
// environment variables — behind one small interface, in the spirit of
// leveldb's Env. Production code gets real_env(); tests get a MemoryEnv
// (alliance/io/memory_env.hpp): files in a map, a clock that stands still,
// variables set by the test, failures on demand.
//
// What goes through an Env: the files of an administration (reading a
// response to resume, the atomic saves, the copy kept by --force, the
// directory listed for default names), the questionnaire catalog (ALLIANCE_PATH
// and the definition files), the time stamps and dates written into responses
// and file names, and the variables that choose a language or a mode. What
// does not: the streaming response readers of the batch commands (ByteSource
// reads 1 MiB chunks from the file descriptor and splits a large file between
// threads by offset; it is benchmarked — a reader test gives it bytes in
// memory instead, ByteSource::InMemory), the command line's own variables
// (ALLIANCE_THREADS), and the terminal, whose seam is admin::Console
// (alliance/admin/terminal.hpp). docs/architecture.md says why.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "alliance/io/files.hpp"

namespace alliance::io {

struct DirectoryEntry {
  std::string name;      // the file name alone
  bool regular = false;  // a regular file, or a symbolic link to one
};

class Env {
 public:
  virtual ~Env() = default;

  // Files: the contracts of alliance/io/files.hpp (FileError on failure, with
  // the step and errno; atomic owner-only writes; Overwrite::refuse never
  // replaces; Overwrite::allow replaces only a regular file).
  virtual std::string read_file(const std::filesystem::path& path) = 0;
  virtual void write_file_atomic(const std::filesystem::path& path, std::string_view content,
                                 Overwrite overwrite) = 0;
  virtual void keep_under_name(const std::filesystem::path& from, const std::filesystem::path& to) = 0;
  // What is at `path`, its last component not followed (a symbolic link is
  // `symlink`); `missing` when nothing is there or it cannot be looked at.
  virtual FileKind file_kind(const std::filesystem::path& path) = 0;
  // The same, following symbolic links: what a link points to (`missing` for
  // a dangling one).
  virtual FileKind target_kind(const std::filesystem::path& path) = 0;
  // Where the symbolic link `path` points; nullopt when it is not one.
  virtual std::optional<std::filesystem::path> link_target(const std::filesystem::path& path) = 0;
  // The entries of `dir`, sorted by name; empty when it cannot be listed.
  virtual std::vector<DirectoryEntry> list_directory(const std::filesystem::path& dir) = 0;
  // The current working directory; nullopt when it cannot be known.
  virtual std::optional<std::filesystem::path> current_directory() = 0;

  // The clock: seconds since 1970-01-01T00:00:00Z, and the local time's
  // offset from UTC at that moment, in seconds east (+3600 for Paris in winter).
  virtual std::int64_t now() = 0;
  virtual std::int64_t utc_offset(std::int64_t at) = 0;

  // An environment variable; nullopt when it is not set.
  virtual std::optional<std::string> variable(const std::string& name) = 0;

  // The running program's file, absolute and with symbolic links resolved
  // (/proc/self/exe); nullopt when it cannot be known. The catalog finds the
  // questionnaires installed beside it (catalog.hpp).
  virtual std::optional<std::filesystem::path> executable_path() = 0;
};

// The real operating system. One for the whole process; it holds no state.
Env& real_env();

// `at` (seconds since the epoch) as ISO 8601 UTC: "2026-01-05T14:22:33Z".
std::string utc_timestamp(std::int64_t at);
// Now, as utc_timestamp; today's local date ("2026-01-05"); now as a stamp
// for a file name ("20260105T142233Z", UTC).
std::string utc_now(Env& env);
std::string local_date(Env& env);
std::string file_stamp(Env& env);

// A variable that is set and not empty; nullopt otherwise.
std::optional<std::string> nonempty_variable(Env& env, const std::string& name);

// The language of messages from the environment, "fr" or "en", as GNU
// gettext chooses: LANGUAGE first (a colon list, "fr_CA:en": its first entry
// that is French or English), unless the locale is C or POSIX, where
// LANGUAGE is ignored; then the locale itself: LC_ALL, LC_MESSAGES, LANG
// (the first set and not empty), French when it starts with "fr". English
// otherwise (no locale, C, or another language).
std::string locale_language(Env& env);

// The one place the language is chosen: `flag` (--lang) when given, else
// locale_language(env). The result is "fr" or "en" unless `flag` is
// something else (which the command line refuses before).
std::string choose_language(const std::string& flag, Env& env);

}  // namespace alliance::io
