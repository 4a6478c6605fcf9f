// alliance list: the questionnaires available, bundled and the user's own.
#include <cstdio>
#include <iostream>

#include "alliance/core/text.hpp"
#include "alliance/io/records.hpp"
#include "alliance/io/text_table.hpp"
#include "alliance/text/messages.hpp"
#include "commands.hpp"
#include "context.hpp"

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

// The machine formats' table (docs/output-format.md#list): one record per
// definition found; an invalid one has only its id, origin, found_via and shadowed.
io::Table list_table() {
  using T = io::FieldType;
  return {"questionnaires",
          {io::field("id", T::text), io::field("origin", T::text), io::field("found_via", T::text),
           io::field("shadowed", T::boolean), io::field("valid", T::boolean), io::field("version", T::text),
           io::field("family", T::text), io::field("form", T::text), io::field("title", T::text),
           io::field("items", T::integer), io::field("subscales", T::list), io::field("languages", T::list),
           io::field("administrable", T::boolean), io::field("validated", T::boolean),
           io::field("hash", T::text)},
          false};
}

void write_records(const std::vector<Row>& rows, io::OutputFormat format, const std::string& lang) {
  const io::Table table = list_table();
  const std::unique_ptr<io::RecordWriter> writer =
      io::make_record_writer(format, std::nullopt, {-1, lang}, stdout);
  writer->begin(table);
  for (const Row& row : rows) {
    io::Record values = {io::Value::text(row.entry->id), io::Value::text(row.entry->origin),
                         io::Value::text(io::to_string(row.entry->via)),
                         io::Value::boolean(row.entry->shadowed), io::Value::boolean(row.loaded.has_value())};
    std::vector<std::string> subscales;
    if (row.loaded) {
      const core::Questionnaire& q = row.loaded->questionnaire;
      for (const core::Subscale& s : q.subscales) subscales.push_back(s.id);
      for (io::Value v :
           {io::Value::text(q.version), io::Value::text(q.family), io::Value::text(core::to_string(q.form)),
            io::Value::text(core::pick_text(q.title, lang)),
            io::Value::integer(static_cast<long long>(q.items.size())), io::Value::list(subscales),
            io::Value::list(q.languages), io::Value::boolean(q.administrable()),
            io::Value::boolean(q.source.validated), io::Value::text(row.loaded->hash)})
        values.push_back(v);
    } else {
      values.resize(table.fields.size());
    }
    writer->write(values);
  }
  writer->end();
  writer->finish();
}

void print_table(const std::vector<Row>& rows, const std::string& lang) {
  const text::Messages& m = text::messages(lang);
  io::TextTable table(
      {"ID", m.col_form, m.col_items, m.col_subscales, m.col_languages, m.col_use, m.col_from, m.col_title});
  for (const Row& row : rows) {
    // Which part of the search found it, and the file: "installed /usr/share/alliance/...".
    const std::string from = row.entry->bundled
                                 ? std::string(m.list_bundled)
                                 : std::string(io::to_string(row.entry->via)) + " " + row.entry->origin;
    if (!row.loaded) {
      table.add({row.entry->id.empty() ? "?" : row.entry->id, "", "", "", "", m.list_invalid, from,
                 text::fill(m.list_run_validate, {row.entry->origin})});
      continue;
    }
    const core::Questionnaire& q = row.loaded->questionnaire;
    std::vector<std::string> subscales;
    for (const core::Subscale& s : q.subscales) subscales.push_back(s.id);
    std::string use = q.administrable() ? m.list_administer_score : m.list_score_only;
    if (row.entry->shadowed) use = m.list_shadowed;
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
  const io::OutputFormat format = choose_output_format(options.format);
  if (format == io::OutputFormat::table) {
    print_table(rows, lang);
    std::cout.flush();
  } else {
    write_records(rows, format, lang);  // paths are bytes: written as the writers write any text
  }
  return 0;
}

}  // namespace alliance::cli
