#include "alliance/io/memory_env.hpp"

#include <cerrno>

#include "alliance/text/messages.hpp"

namespace alliance::io {

namespace fs = std::filesystem;

MemoryEnv::MemoryEnv() {
  nodes_["/"] = Node{FileKind::directory, {}, {}};
  add_directory(cwd_);
}

fs::path MemoryEnv::absolute(const fs::path& path) const {
  fs::path out = (path.is_absolute() ? path : cwd_ / path).lexically_normal();
  if (out.has_filename() || out == "/") return out;
  return out.parent_path();  // "/a/b/" -> "/a/b"
}

const MemoryEnv::Node* MemoryEnv::find(const fs::path& path) const {
  const auto found = nodes_.find(absolute(path));
  return found == nodes_.end() ? nullptr : &found->second;
}

const MemoryEnv::Node* MemoryEnv::follow(const fs::path& path) const {
  const Node* node = find(path);
  for (int hops = 0; node && node->kind == FileKind::symlink && hops < 8; ++hops) {
    const fs::path link = absolute(path);
    node = find(node->target.is_absolute() ? node->target : link.parent_path() / node->target);
  }
  return node && node->kind == FileKind::symlink ? nullptr : node;
}

void MemoryEnv::add_directory(const fs::path& path) {
  const fs::path full = absolute(path);
  fs::path at = "/";
  for (const fs::path& part : full.relative_path()) {
    at /= part;
    nodes_.try_emplace(at, Node{FileKind::directory, {}, {}});
  }
}

void MemoryEnv::add_file(const fs::path& path, std::string content) {
  const fs::path full = absolute(path);
  add_directory(full.parent_path());
  nodes_[full] = Node{FileKind::regular, std::move(content), {}};
}

void MemoryEnv::add_special(const fs::path& path, FileKind kind) {
  const fs::path full = absolute(path);
  add_directory(full.parent_path());
  nodes_[full] = Node{kind, {}, {}};
}

void MemoryEnv::add_symlink(const fs::path& path, const fs::path& target) {
  const fs::path full = absolute(path);
  add_directory(full.parent_path());
  nodes_[full] = Node{FileKind::symlink, {}, target};
}

void MemoryEnv::set_current_directory(const fs::path& path) {
  add_directory(path);
  cwd_ = absolute(path);
}

void MemoryEnv::set_time(std::int64_t seconds_since_epoch, std::int64_t utc_offset_seconds) {
  now_ = seconds_since_epoch;
  offset_ = utc_offset_seconds;
}

void MemoryEnv::set_variable(const std::string& name, std::string value) {
  variables_[name] = std::move(value);
}

void MemoryEnv::unset_variable(const std::string& name) {
  variables_.erase(name);
}

void MemoryEnv::fail_writes_in(const fs::path& dir, int error_number) {
  if (error_number == 0)
    failing_.erase(absolute(dir));
  else
    failing_[absolute(dir)] = error_number;
}

std::optional<std::string> MemoryEnv::file(const fs::path& path) const {
  const Node* node = follow(path);
  if (!node || node->kind != FileKind::regular) return std::nullopt;
  return node->content;
}

std::vector<fs::path> MemoryEnv::files() const {
  std::vector<fs::path> out;
  for (const auto& [path, node] : nodes_)
    if (node.kind == FileKind::regular) out.push_back(path);
  return out;
}

std::string MemoryEnv::read_file(const fs::path& path) {
  const Node* node = follow(path);
  if (!node) throw FileError(path, FileError::Step::open, ENOENT);
  if (node->kind == FileKind::directory)
    throw Error(ExitCode::io, text::Message{text::Msg::path_is_directory, {path.string()}});
  return node->content;
}

// The directory of `path` must exist, and accept writes.
void MemoryEnv::check_writable(const fs::path& path, FileError::Step step) const {
  const fs::path dir = absolute(path).parent_path();
  const Node* parent = follow(dir);
  if (!parent) throw FileError(path, step, ENOENT);
  if (parent->kind != FileKind::directory) throw FileError(path, step, ENOTDIR);
  const auto failing = failing_.find(dir);
  if (failing != failing_.end()) throw FileError(path, step, failing->second);
}

void MemoryEnv::write_file_atomic(const fs::path& path, std::string_view content, Overwrite overwrite) {
  if (overwrite == Overwrite::refuse && find(path)) throw FileError(path, FileError::Step::create, EEXIST);
  const Node* there = find(path);
  if (there && there->kind == FileKind::directory) throw FileError(path, FileError::Step::replace, EISDIR);
  if (there && there->kind != FileKind::regular) throw FileError(path, FileError::Step::not_regular, 0);
  check_writable(path, FileError::Step::create);
  nodes_[absolute(path)] = Node{FileKind::regular, std::string(content), {}};
  ++writes_;
}

void MemoryEnv::keep_under_name(const fs::path& from, const fs::path& to) {
  const Node* node = follow(from);
  if (!node) throw FileError(to, FileError::Step::create, ENOENT);
  if (follow(to) || find(to)) throw FileError(to, FileError::Step::create, EEXIST);
  check_writable(to, FileError::Step::create);
  nodes_[absolute(to)] = *node;
  ++writes_;
}

FileKind MemoryEnv::file_kind(const fs::path& path) {
  const Node* node = find(path);
  return node ? node->kind : FileKind::missing;
}

FileKind MemoryEnv::target_kind(const fs::path& path) {
  const Node* node = follow(path);
  return node ? node->kind : FileKind::missing;
}

std::optional<fs::path> MemoryEnv::link_target(const fs::path& path) {
  const Node* node = find(path);
  if (!node || node->kind != FileKind::symlink) return std::nullopt;
  return node->target;
}

std::vector<DirectoryEntry> MemoryEnv::list_directory(const fs::path& dir) {
  std::vector<DirectoryEntry> out;
  const Node* node = follow(dir);
  if (!node || node->kind != FileKind::directory) return out;
  const fs::path full = absolute(dir);
  for (const auto& [path, entry] : nodes_) {
    if (path == full || path.parent_path() != full) continue;
    const Node* target = follow(path);
    out.push_back({path.filename().string(), target && target->kind == FileKind::regular});
  }
  return out;  // the map keeps them sorted
}

std::optional<std::string> MemoryEnv::variable(const std::string& name) {
  const auto found = variables_.find(name);
  if (found == variables_.end()) return std::nullopt;
  return found->second;
}

}  // namespace alliance::io
