#include "alliance/io/catalog.hpp"

#include <algorithm>
#include <cstdlib>
#include <set>
#include <string_view>

#include <nlohmann/json.hpp>

#include "alliance/core/error.hpp"
#include "alliance/core/text.hpp"
#include "alliance/io/bundled.hpp"
#include "alliance/io/definition_reader.hpp"
#include "alliance/io/definition_writer.hpp"
#include "alliance/io/env.hpp"
#include "alliance/io/files.hpp"
#include "alliance/text/messages.hpp"
#include "json_text.hpp"

namespace alliance::io {

namespace fs = std::filesystem;

namespace {

CatalogEntry make_entry(std::string origin, std::string text, bool bundled) {
  CatalogEntry entry{"", std::move(origin), std::move(text), bundled, false, false};
  const ParsedJson parsed = parse_json_text(entry.text);  // an error leaves the id "": listed as invalid
  const nlohmann::json& doc = parsed.value;
  if (doc.is_object()) {
    auto id = doc.find("id");
    auto extends = doc.find("extends");
    if (extends != doc.end() && extends->is_string()) {
      entry.id = extends->get<std::string>();
      entry.overlay = true;
    } else if (id != doc.end() && id->is_string()) {
      entry.id = id->get<std::string>();
    }
  }
  return entry;
}

std::vector<fs::path> json_files(const fs::path& dir, Env& env) {
  std::vector<fs::path> out;
  for (const DirectoryEntry& entry : env.list_directory(dir))
    if (entry.regular && fs::path(entry.name).extension() == ".json") out.push_back(dir / entry.name);
  std::sort(out.begin(), out.end());
  return out;
}

bool looks_like_path(const std::string& arg) {
  return arg.find('/') != std::string::npos || arg.ends_with(".json");
}

std::string all_messages(const std::vector<core::Diagnostic>& diagnostics, std::string_view lang) {
  std::string out;
  for (const core::Diagnostic& d : diagnostics) {
    if (d.severity != core::Severity::error) continue;
    out += (out.empty() ? "" : "\n") + core::format(d, lang);
  }
  return out;
}

}  // namespace

const char* to_string(Found found) {
  switch (found) {
    case Found::path_flag: return "--path";
    case Found::alliance_path: return "ALLIANCE_PATH";
    case Found::user_data: return "XDG_DATA_HOME";
    case Found::system_data: return "XDG_DATA_DIRS";
    case Found::installed: return "installed";
    case Found::bundled: return "bundled";
  }
  return "";
}

namespace {

std::vector<SearchDirectory> with_source(std::vector<fs::path> directories, Found via) {
  std::vector<SearchDirectory> out;
  for (fs::path& dir : directories) out.push_back({std::move(dir), via});
  return out;
}

}  // namespace

Catalog::Catalog(std::vector<fs::path> directories) : Catalog(std::move(directories), real_env()) {}

Catalog::Catalog(std::vector<fs::path> directories, Env& env)
    : Catalog(with_source(std::move(directories), Found::path_flag), env) {}

Catalog::Catalog(const std::vector<SearchDirectory>& directories, Env& env) : env_(&env) {
  for (const SearchDirectory& dir : directories)
    for (const fs::path& file : json_files(dir.path, env)) {
      std::string text;
      try {
        text = env.read_file(file);
      } catch (const Error&) {
        // Listed with no id; loading it by path reports the error itself.
      }
      entries_.push_back(make_entry(file.string(), std::move(text), false));
      entries_.back().via = dir.via;
    }
  // Bundled definitions are named <id>.json and extend nothing (a unit test
  // checks it), so none is parsed until it is loaded: a fast start.
  for (const BundledDefinition& def : bundled_definitions()) {
    std::string id(def.file_name.substr(0, def.file_name.rfind(".json")));
    entries_.push_back(CatalogEntry{std::move(id), "bundled:" + std::string(def.file_name),
                                    std::string(def.text), true, false, false, Found::bundled});
  }
  std::set<std::string_view> seen;  // ids of earlier entries (the entries no longer move)
  for (CatalogEntry& entry : entries_)
    if (!entry.id.empty() && !seen.insert(entry.id).second) entry.shadowed = true;
}

std::vector<fs::path> Catalog::search_path(const std::vector<std::string>& flags, const char* environment) {
  std::vector<fs::path> out(flags.begin(), flags.end());
  if (environment) {
    std::string rest = environment;
    while (!rest.empty()) {
      const auto colon = rest.find(':');
      const std::string dir = rest.substr(0, colon);
      if (!dir.empty()) out.emplace_back(dir);
      rest = colon == std::string::npos ? "" : rest.substr(colon + 1);
    }
  }
  return out;
}

std::vector<fs::path> Catalog::search_path(const std::vector<std::string>& flags, Env& env) {
  const std::optional<std::string> variable = env.variable("ALLIANCE_PATH");
  return search_path(flags, variable ? variable->c_str() : nullptr);
}

std::vector<SearchDirectory> Catalog::search_directories(const std::vector<std::string>& flags, Env& env) {
  std::vector<SearchDirectory> out;
  for (const std::string& flag : flags) out.push_back({flag, Found::path_flag});
  const std::optional<std::string> variable = env.variable("ALLIANCE_PATH");
  for (fs::path& dir : search_path({}, variable ? variable->c_str() : nullptr))
    out.push_back({std::move(dir), Found::alliance_path});

  const fs::path below = fs::path("alliance") / "questionnaires";
  // Each installed directory is searched once, where it first comes (an ALLIANCE_PATH naming
  // /usr/share/alliance/questionnaires keeps its place).
  const auto add = [&out](fs::path dir, Found via) {
    if (!dir.is_absolute()) return;  // the XDG specification: relative entries are invalid
    dir = dir.lexically_normal();
    if (!dir.has_filename()) dir = dir.parent_path();  // "/usr/share/" is "/usr/share"
    for (const SearchDirectory& seen : out)
      if (seen.path.lexically_normal() == dir || seen.path.lexically_normal() == dir / "") return;
    out.push_back({std::move(dir), via});
  };
  if (const std::optional<std::string> home = nonempty_variable(env, "XDG_DATA_HOME"))
    add(fs::path(*home) / below, Found::user_data);
  else if (const std::optional<std::string> user = nonempty_variable(env, "HOME"))
    add(fs::path(*user) / ".local" / "share" / below, Found::user_data);
  const std::string dirs = nonempty_variable(env, "XDG_DATA_DIRS").value_or("/usr/local/share:/usr/share");
  for (fs::path& dir : search_path({}, dirs.c_str())) add(dir / below, Found::system_data);
  if (const std::optional<fs::path> self = env.executable_path())
    add(self->parent_path().parent_path() / "share" / below, Found::installed);
  return out;
}

std::vector<std::string> Catalog::ids() const {
  std::vector<std::string> out;
  for (const CatalogEntry& e : entries_)
    if (!e.id.empty() && !e.shadowed) out.push_back(e.id);
  return out;
}

const CatalogEntry* Catalog::find(const std::string& id) const {
  for (const CatalogEntry& e : entries_)
    if (e.id == id) return &e;
  return nullptr;
}

std::optional<core::Questionnaire> Catalog::load_base(const std::string& id) const {
  // The base of an overlay is a full definition: skipping overlays keeps an
  // overlay that shadows its own base from extending itself.
  for (const CatalogEntry& e : entries_) {
    if (e.id != id || e.overlay) continue;
    DefinitionResult result = read_definition(e.text, e.origin);
    return result.questionnaire;
  }
  return std::nullopt;
}

Catalog::Checked Catalog::check_text(const std::string& text, const std::string& origin) const {
  DefinitionResult result =
      read_definition(text, origin, [this](const std::string& id) { return load_base(id); });
  Checked checked;
  checked.diagnostics = std::move(result.diagnostics);
  if (result.questionnaire) {
    LoadedQuestionnaire loaded;
    loaded.hash = definition_hash(*result.questionnaire);
    loaded.questionnaire = std::move(*result.questionnaire);
    loaded.origin = origin;
    loaded.warnings = checked.diagnostics;
    checked.loaded = std::move(loaded);
  }
  return checked;
}

LoadedQuestionnaire Catalog::load(const std::string& id_or_path) const {
  std::string text;
  std::string origin;
  if (looks_like_path(id_or_path) ||
      (env_->target_kind(id_or_path) != FileKind::missing && !find(id_or_path))) {
    text = env_->read_file(id_or_path);
    origin = id_or_path;
  } else if (const CatalogEntry* entry = find(id_or_path)) {
    text = entry->text;
    origin = entry->origin;
  } else {
    const std::optional<std::string> close = core::closest_match(id_or_path, ids());
    throw Error(ExitCode::usage, [id_or_path, close](std::string_view lang) {
      return text::say(lang, text::Msg::catalog_unknown,
                       {id_or_path, close ? text::say(lang, text::Msg::did_you_mean, {*close}) : ""});
    });
  }
  Checked checked = check_text(text, origin);
  if (!checked.loaded)
    throw Error(ExitCode::invalid_input,
                [diagnostics = std::move(checked.diagnostics)](std::string_view lang) {
                  return all_messages(diagnostics, lang);
                });
  return std::move(*checked.loaded);
}

}  // namespace alliance::io
