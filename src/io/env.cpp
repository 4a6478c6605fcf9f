// The real Env: files.hpp's functions, std::filesystem, time() and getenv().
#include "alliance/io/env.hpp"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <ctime>

namespace alliance::io {

namespace {

namespace fs = std::filesystem;

FileKind kind_of(fs::file_type type) {
  switch (type) {
    case fs::file_type::regular: return FileKind::regular;
    case fs::file_type::directory: return FileKind::directory;
    case fs::file_type::symlink: return FileKind::symlink;
    case fs::file_type::fifo: return FileKind::fifo;
    case fs::file_type::socket: return FileKind::socket;
    case fs::file_type::block:
    case fs::file_type::character: return FileKind::device;
    default: return FileKind::missing;
  }
}

class RealEnv : public Env {
 public:
  std::string read_file(const fs::path& path) override { return io::read_file(path); }
  void write_file_atomic(const fs::path& path, std::string_view content, Overwrite overwrite) override {
    io::write_file_atomic(path, content, overwrite);
  }
  void keep_under_name(const fs::path& from, const fs::path& to) override { io::keep_under_name(from, to); }
  FileKind file_kind(const fs::path& path) override { return io::file_kind(path); }
  FileKind target_kind(const fs::path& path) override {
    std::error_code ec;
    return kind_of(fs::status(path, ec).type());
  }
  std::optional<fs::path> link_target(const fs::path& path) override {
    std::error_code ec;
    fs::path to = fs::read_symlink(path, ec);
    if (ec) return std::nullopt;
    return to;
  }
  std::vector<DirectoryEntry> list_directory(const fs::path& dir) override {
    std::vector<DirectoryEntry> out;
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
      std::error_code kind_ec;
      out.push_back({it->path().filename().string(), it->is_regular_file(kind_ec)});
    }
    std::sort(out.begin(), out.end(),
              [](const DirectoryEntry& a, const DirectoryEntry& b) { return a.name < b.name; });
    return out;
  }
  std::optional<fs::path> current_directory() override {
    std::error_code ec;
    fs::path here = fs::current_path(ec);
    if (ec) return std::nullopt;
    return here;
  }
  std::int64_t now() override { return static_cast<std::int64_t>(std::time(nullptr)); }
  std::int64_t utc_offset(std::int64_t at) override {
    const std::time_t t = static_cast<std::time_t>(at);
    std::tm tm{};
    ::localtime_r(&t, &tm);
    return tm.tm_gmtoff;
  }
  std::optional<std::string> variable(const std::string& name) override {
    const char* value = std::getenv(name.c_str());
    if (!value) return std::nullopt;
    return std::string(value);
  }
  std::optional<fs::path> executable_path() override {
    std::error_code ec;
    fs::path self = fs::read_symlink("/proc/self/exe", ec);
    if (ec || self.empty()) return std::nullopt;
    return self;
  }
};

std::tm utc_fields(std::int64_t at) {
  const std::time_t t = static_cast<std::time_t>(at);
  std::tm tm{};
  ::gmtime_r(&t, &tm);
  return tm;
}

}  // namespace

Env& real_env() {
  static RealEnv env;
  return env;
}

std::string utc_timestamp(std::int64_t at) {
  const std::tm tm = utc_fields(at);
  char out[32];
  std::strftime(out, sizeof out, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return out;
}

std::string utc_now(Env& env) {
  return utc_timestamp(env.now());
}

std::string local_date(Env& env) {
  const std::int64_t now = env.now();
  const std::tm tm = utc_fields(now + env.utc_offset(now));
  char out[16];
  std::strftime(out, sizeof out, "%Y-%m-%d", &tm);
  return out;
}

std::string file_stamp(Env& env) {
  const std::tm tm = utc_fields(env.now());
  char out[32];
  std::strftime(out, sizeof out, "%Y%m%dT%H%M%SZ", &tm);
  return out;
}

std::optional<std::string> nonempty_variable(Env& env, const std::string& name) {
  std::optional<std::string> value = env.variable(name);
  if (value && value->empty()) return std::nullopt;
  return value;
}

namespace {

// "fr" or "en" for a locale or LANGUAGE entry ("fr_FR.UTF-8", "en", "fr@euro"), else "".
std::string known_language(std::string_view entry) {
  const std::string_view language = entry.substr(0, entry.find_first_of("_.@"));
  return language == "fr" || language == "en" ? std::string(language) : "";
}

}  // namespace

std::string locale_language(Env& env) {
  std::optional<std::string> locale;
  for (const char* name : {"LC_ALL", "LC_MESSAGES", "LANG"})
    if ((locale = nonempty_variable(env, name))) break;
  const bool c_locale = !locale || *locale == "C" || *locale == "POSIX" || locale->starts_with("C.");
  if (!c_locale)
    if (const std::optional<std::string> list = nonempty_variable(env, "LANGUAGE"))
      for (std::size_t start = 0; start <= list->size();) {
        const std::size_t colon = std::min(list->find(':', start), list->size());
        const std::string language = known_language(std::string_view(*list).substr(start, colon - start));
        if (!language.empty()) return language;
        start = colon + 1;
      }
  return locale && locale->starts_with("fr") ? "fr" : "en";
}

std::string choose_language(const std::string& flag, Env& env) {
  return flag.empty() ? locale_language(env) : flag;
}

}  // namespace alliance::io
