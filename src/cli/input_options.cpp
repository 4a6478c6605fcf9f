#include "input_options.hpp"

#include <CLI/CLI.hpp>

#include <iostream>
#include <memory>

#include "alliance/core/error.hpp"

namespace alliance::cli {

void add_input_options(CLI::App* cmd, InputOptions& o) {
  cmd->add_option("files", o.files, "Response files (JSON, NDJSON, CSV, TSV); - or none reads standard input")
      ->type_name("FILE...");
  cmd->add_option("--input-format", o.input_format, "auto (from the name or content), json, ndjson, csv, tsv")
      ->check(CLI::IsMember({"auto", "json", "ndjson", "jsonl", "csv", "tsv"}))
      ->capture_default_str()
      ->group("Input");
  cmd->add_option("--columns", o.columns,
                  "CSV item columns named by PATTERN, {id} standing for the item id (e.g. 'wai_{id}')")
      ->type_name("PATTERN")
      ->group("Input");
  cmd->add_option("--map", o.maps, "CSV column holding an item (repeatable), e.g. --map Q7_1=7")
      ->type_name("COLUMN=ITEM")
      ->group("Input");
  cmd->add_option("--id-column", o.id_column, "CSV column of respondent ids (default: recognised by name)")
      ->type_name("NAME")
      ->group("Input");
  cmd->add_option("--session-column", o.session_column, "CSV column of session numbers")
      ->type_name("NAME")
      ->group("Input");
  cmd->add_option("--skip-rows", o.skip_rows, "CSV rows to skip after the header (Qualtrics exports: 2)")
      ->check(CLI::NonNegativeNumber)
      ->group("Input");
}

io::ReaderOptions reader_options(const InputOptions& options) {
  io::ReaderOptions out;
  out.format = io::parse_input_format(options.input_format);
  out.mapping.pattern = options.columns;
  out.mapping.respondent_column = options.id_column;
  out.mapping.session_column = options.session_column;
  out.mapping.skip_rows = options.skip_rows;
  for (const std::string& map : options.maps) {
    const auto eq = map.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == map.size())
      throw Error(ExitCode::usage, "--map '" + map + "': expected COLUMN=ITEM, as in --map Q7_1=7");
    out.mapping.columns[map.substr(0, eq)] = map.substr(eq + 1);
  }
  return out;
}

bool for_each_response(const core::Questionnaire& questionnaire, const InputOptions& options,
                       const std::function<bool(const io::ResponseRecord&)>& visit) {
  const io::ReaderOptions read = reader_options(options);
  const std::vector<std::string> files = options.files.empty() ? std::vector<std::string>{"-"} : options.files;
  io::ResponseRecord record;
  for (const std::string& file : files) {
    std::unique_ptr<io::ResponseReader> reader = io::open_response_reader(file, questionnaire, read);
    for (const std::string& warning : reader->warnings()) std::cerr << "warning: " << warning << '\n';
    while (reader->next(record))
      if (!visit(record)) return false;
  }
  return true;
}

void report_problems(const io::ResponseRecord& record) {
  for (const std::string& problem : record.problems) std::cerr << problem << '\n';
}

}  // namespace alliance::cli
