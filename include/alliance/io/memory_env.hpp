// An Env in memory, for tests: files in a map, a clock that moves only when
// told, variables set by the test, and writes that fail on demand (a full
// disk, a read-only directory). It keeps the contracts of the real one
// (io/env.hpp, io/files.hpp) — the same FileError steps and errno values —
// which tests/io/env_test.cpp checks by running the same cases against both.
//
// Paths: relative ones are taken from the current directory ("/work" unless
// set); "." and ".." are resolved by name. "/" and the current directory
// exist from the start.
#pragma once

#include <map>
#include <set>

#include "alliance/io/env.hpp"

namespace alliance::io {

class MemoryEnv : public Env {
 public:
  MemoryEnv();

  // Setting up. add_file and add_directory create the missing directories above.
  void add_file(const std::filesystem::path& path, std::string content);
  void add_directory(const std::filesystem::path& path);
  // Something that is neither a file nor a directory (a FIFO, a device, a socket).
  void add_special(const std::filesystem::path& path, FileKind kind);
  void add_symlink(const std::filesystem::path& path, const std::filesystem::path& target);
  void set_current_directory(const std::filesystem::path& path);
  void set_time(std::int64_t seconds_since_epoch, std::int64_t utc_offset_seconds = 0);
  void advance(std::int64_t seconds) { now_ += seconds; }
  void set_variable(const std::string& name, std::string value);
  void unset_variable(const std::string& name);
  // What executable_path() returns (nullopt until set).
  void set_executable_path(std::filesystem::path path) { executable_ = std::move(path); }
  // From now on, every write of a file in `dir` (a save, a copy kept under
  // another name) fails with FileError(create, error_number) — ENOSPC for a
  // full disk — and leaves the directory as it was. 0 makes writes work again.
  void fail_writes_in(const std::filesystem::path& dir, int error_number);

  // Looking. nullopt when `path` is not a regular file.
  std::optional<std::string> file(const std::filesystem::path& path) const;
  // Every regular file, by absolute path.
  std::vector<std::filesystem::path> files() const;
  std::size_t writes() const { return writes_; }

  std::string read_file(const std::filesystem::path& path) override;
  void write_file_atomic(const std::filesystem::path& path, std::string_view content,
                         Overwrite overwrite) override;
  void keep_under_name(const std::filesystem::path& from, const std::filesystem::path& to) override;
  FileKind file_kind(const std::filesystem::path& path) override;
  FileKind target_kind(const std::filesystem::path& path) override;
  std::optional<std::filesystem::path> link_target(const std::filesystem::path& path) override;
  std::vector<DirectoryEntry> list_directory(const std::filesystem::path& dir) override;
  std::optional<std::filesystem::path> current_directory() override { return cwd_; }
  std::int64_t now() override { return now_; }
  std::int64_t utc_offset(std::int64_t) override { return offset_; }
  std::optional<std::string> variable(const std::string& name) override;
  std::optional<std::filesystem::path> executable_path() override { return executable_; }

 private:
  struct Node {
    FileKind kind = FileKind::regular;
    std::string content;           // a regular file's
    std::filesystem::path target;  // a symbolic link's
  };
  std::filesystem::path absolute(const std::filesystem::path& path) const;
  const Node* find(const std::filesystem::path& path) const;
  const Node* follow(const std::filesystem::path& path) const;
  void check_writable(const std::filesystem::path& path, FileError::Step step) const;

  std::map<std::filesystem::path, Node> nodes_;
  std::filesystem::path cwd_ = "/work";
  std::int64_t now_ = 0;
  std::int64_t offset_ = 0;
  std::map<std::string, std::string> variables_;
  std::map<std::filesystem::path, int> failing_;
  std::size_t writes_ = 0;
  std::optional<std::filesystem::path> executable_;
};

}  // namespace alliance::io
