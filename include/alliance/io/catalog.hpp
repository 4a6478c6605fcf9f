// Where questionnaires come from: the user's directories (--path flags, then
// ALLIANCE_PATH, colon-separated), then the installed ones (the XDG data
// directories and the installation the executable belongs to), then the
// definitions bundled in the binary. An id found earlier shadows the same id
// later, so a licensed user's text overlay for "wai-sr" in their directory is
// what "wai-sr" means for them.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "alliance/core/diagnostics.hpp"
#include "alliance/core/questionnaire.hpp"

namespace alliance::io {

struct LoadedQuestionnaire {
  core::Questionnaire questionnaire;
  std::string origin;  // a path, or "bundled:gtb-12.json"
  std::string hash;    // definition_hash()
  std::vector<core::Diagnostic> warnings;
};

// Which part of the search found a definition (search_directories, in order).
enum class Found {
  path_flag,      // --path DIR
  alliance_path,  // ALLIANCE_PATH
  user_data,      // $XDG_DATA_HOME/alliance/questionnaires (~/.local/share/...)
  system_data,  // each $XDG_DATA_DIRS entry + /alliance/questionnaires (/usr/local/share/..., /usr/share/...)
  installed,    // <prefix>/share/alliance/questionnaires beside <prefix>/bin/alliance
  bundled,      // compiled into the binary
};

// "--path", "ALLIANCE_PATH", "XDG_DATA_HOME", "XDG_DATA_DIRS", "installed", "bundled".
const char* to_string(Found found);

struct SearchDirectory {
  std::filesystem::path path;
  Found via = Found::path_flag;
};

struct CatalogEntry {
  std::string id;      // "" when the file could not be read as a definition
  std::string origin;  // path, or "bundled:<file name>"
  std::string text;
  bool bundled = false;
  bool overlay = false;   // a text file that `extends` a key-only definition
  bool shadowed = false;  // an earlier entry has the same id
  Found via = Found::path_flag;
};

class Env;

class Catalog {
 public:
  // Scans each directory's *.json files (sorted by name), then the bundled ones.
  explicit Catalog(std::vector<std::filesystem::path> directories);
  // The same, every file listed and read through `env`, which must outlive the catalog.
  Catalog(std::vector<std::filesystem::path> directories, Env& env);
  // The same, each entry remembering which part of the search found it.
  Catalog(const std::vector<SearchDirectory>& directories, Env& env);

  // --path flags first, then ALLIANCE_PATH (which may be null).
  static std::vector<std::filesystem::path> search_path(const std::vector<std::string>& flags,
                                                        const char* environment);
  // --path flags first, then `env`'s ALLIANCE_PATH.
  static std::vector<std::filesystem::path> search_path(const std::vector<std::string>& flags, Env& env);

  // The whole search, in order: search_path (--path, ALLIANCE_PATH); the
  // user's data directory, $XDG_DATA_HOME/alliance/questionnaires ($HOME/.local/share
  // when unset or empty); each of $XDG_DATA_DIRS (/usr/local/share:/usr/share when
  // unset or empty) + /alliance/questionnaires; then the installation the
  // executable belongs to: <prefix>/share/alliance/questionnaires for
  // <prefix>/bin/alliance (env.executable_path()). Relative XDG entries are
  // ignored, as the XDG Base Directory specification says; a directory already
  // in the list (compared in lexically normal form) is not searched twice. The
  // bundled definitions come after all of these (the constructor adds them).
  static std::vector<SearchDirectory> search_directories(const std::vector<std::string>& flags, Env& env);

  const std::vector<CatalogEntry>& entries() const { return entries_; }
  std::vector<std::string> ids() const;

  // A path (contains '/' or ends in ".json" and exists) or an id.
  // Throws Error: usage for an unknown id (with "did you mean"), io for an
  // unreadable file, invalid_input for a definition with errors (every
  // diagnostic in the message).
  LoadedQuestionnaire load(const std::string& id_or_path) const;

  // Reads and checks one entry's text; the diagnostics say what is wrong.
  struct Checked {
    std::optional<LoadedQuestionnaire> loaded;
    std::vector<core::Diagnostic> diagnostics;
  };
  Checked check_text(const std::string& text, const std::string& origin) const;

 private:
  const CatalogEntry* find(const std::string& id) const;
  std::optional<core::Questionnaire> load_base(const std::string& id) const;

  std::vector<CatalogEntry> entries_;
  Env* env_;
};

}  // namespace alliance::io
