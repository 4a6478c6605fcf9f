// alliance list: the questionnaires available, bundled and the user's own.
#include <iostream>
#include <nlohmann/json.hpp>

#include "alliance/core/text.hpp"
#include "commands.hpp"
#include "context.hpp"
#include "table.hpp"

namespace alliance::cli {

namespace {

std::string joined(const std::vector<std::string>& list) {
  std::string out;
  for (const std::string& s : list) out += (out.empty() ? "" : ",") + s;
  return out;
}

struct Row {
  const io::CatalogEntry* entry;
  std::optional<io::LoadedQuestionnaire> loaded;
};

nlohmann::ordered_json row_json(const Row& row, const std::string& lang) {
  nlohmann::ordered_json j;
  j["id"] = row.entry->id;
  j["origin"] = row.entry->origin;
  j["shadowed"] = row.entry->shadowed;
  if (!row.loaded) {
    j["valid"] = false;
    return j;
  }
  const core::Questionnaire& q = row.loaded->questionnaire;
  std::vector<std::string> subscales;
  for (const core::Subscale& s : q.subscales) subscales.push_back(s.id);
  j["valid"] = true;
  j["version"] = q.version;
  j["family"] = q.family;
  j["form"] = core::to_string(q.form);
  j["title"] = core::pick_text(q.title, lang);
  j["items"] = q.items.size();
  j["subscales"] = subscales;
  j["languages"] = q.languages;
  j["administrable"] = q.administrable();
  j["validated"] = q.source.validated;
  j["hash"] = row.loaded->hash;
  return j;
}

void print_table(const std::vector<Row>& rows, const std::string& lang) {
  Table table({"ID", "FORM", "ITEMS", "SUBSCALES", "LANGUAGES", "USE", "FROM", "TITLE"});
  for (const Row& row : rows) {
    const std::string from = row.entry->bundled ? "bundled" : row.entry->origin;
    if (!row.loaded) {
      table.add({row.entry->id.empty() ? "?" : row.entry->id, "", "", "", "", "INVALID", from,
                 "run 'alliance validate " + row.entry->origin + "'"});
      continue;
    }
    const core::Questionnaire& q = row.loaded->questionnaire;
    std::vector<std::string> subscales;
    for (const core::Subscale& s : q.subscales) subscales.push_back(s.id);
    std::string use = q.administrable() ? "administer+score" : "score (key only)";
    if (row.entry->shadowed) use = "shadowed";
    table.add({q.id, core::to_string(q.form), std::to_string(q.items.size()), joined(subscales),
               q.languages.empty() ? "-" : joined(q.languages), use, from, core::pick_text(q.title, lang)});
  }
  table.print(std::cout);
}

}  // namespace

int run_list(const ListOptions& options, const GlobalOptions& global) {
  const io::Catalog catalog = make_catalog(global);
  const std::string lang = choose_language(options.lang);
  std::vector<Row> rows;
  for (const io::CatalogEntry& entry : catalog.entries()) {
    Row row{&entry, std::nullopt};
    if (!entry.id.empty()) row.loaded = catalog.check_text(entry.text, entry.origin).loaded;
    rows.push_back(std::move(row));
  }
  if (options.format == "json") {
    nlohmann::ordered_json out = nlohmann::ordered_json::array();
    for (const Row& row : rows) out.push_back(row_json(row, lang));
    // Paths are bytes, not always UTF-8: a byte that is not is written as U+FFFD.
    std::cout << out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
  } else {
    print_table(rows, lang);
  }
  return 0;
}

}  // namespace alliance::cli
