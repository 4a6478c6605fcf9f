// Where questionnaires come from: the user's directories (--path flags, then
// ALLIANCE_PATH, colon-separated), then the definitions bundled in the binary.
// An id found earlier shadows the same id later, so a licensed user's text
// overlay for "wai-sr" in their directory is what "wai-sr" means for them.
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

struct CatalogEntry {
  std::string id;      // "" when the file could not be read as a definition
  std::string origin;  // path, or "bundled:<file name>"
  std::string text;
  bool bundled = false;
  bool overlay = false;   // a text file that `extends` a key-only definition
  bool shadowed = false;  // an earlier entry has the same id
};

class Env;

class Catalog {
 public:
  // Scans each directory's *.json files (sorted by name), then the bundled ones.
  explicit Catalog(std::vector<std::filesystem::path> directories);
  // The same, every file listed and read through `env`, which must outlive the catalog.
  Catalog(std::vector<std::filesystem::path> directories, Env& env);

  // --path flags first, then ALLIANCE_PATH (which may be null).
  static std::vector<std::filesystem::path> search_path(const std::vector<std::string>& flags,
                                                        const char* environment);
  // --path flags first, then `env`'s ALLIANCE_PATH.
  static std::vector<std::filesystem::path> search_path(const std::vector<std::string>& flags, Env& env);

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
