// alliance score: subscale and total scores of responses, one or millions.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <iostream>

#include "alliance/core/error.hpp"
#include "alliance/core/text.hpp"
#include "alliance/io/result_writer.hpp"
#include "alliance/version.hpp"
#include "context.hpp"
#include "explain_printer.hpp"
#include "thresholds.hpp"

namespace alliance::cli {

namespace {

struct ScoreOptions {
  std::string questionnaire;
  std::vector<std::string> files;
  std::string input_format = "auto";
  std::string format;  // "" = table on a terminal, csv otherwise
  bool long_format = false;
  std::string lang;
  int precision = -1;
  bool strict = false;
  bool explain = false;
  std::vector<std::string> fail_below;
  std::string columns;
  std::vector<std::string> maps;
  std::string id_column;
  std::string session_column;
  int skip_rows = 0;
};

io::ReaderOptions reader_options(const ScoreOptions& options) {
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

io::WriterOptions writer_options(const ScoreOptions& options, const std::string& lang) {
  io::WriterOptions out;
  const std::string format = options.format.empty() ? (stdout_is_terminal() ? "table" : "csv") : options.format;
  out.format = io::parse_output_format(format);
  out.long_format = options.long_format;
  out.precision = options.precision;
  out.language = lang;
  out.colour = out.format == io::OutputFormat::table && use_colour();
  return out;
}

// Tallies what happened, for the exit status and the closing summary.
struct Tally {
  long responses = 0;
  long invalid = 0;
  long below = 0;
};

void report_problems(const io::ResponseRecord& record) {
  for (const std::string& problem : record.problems) std::cerr << problem << '\n';
}

int finish_status(const Tally& tally, bool stopped) {
  if (tally.invalid > 0 || stopped)
    std::cerr << "alliance: " << tally.invalid << " of " << tally.responses << " response"
              << (tally.responses == 1 ? "" : "s") << (tally.invalid == 1 ? " is" : " are") << " invalid" << (stopped ? " (--strict: stopped)" : "")
              << '\n';
  if (tally.below > 0) return static_cast<int>(ExitCode::threshold);
  return tally.invalid > 0 ? static_cast<int>(ExitCode::invalid_input) : 0;
}

int run_score(const ScoreOptions& options, const GlobalOptions& global) {
  const io::LoadedQuestionnaire loaded = make_catalog(global).load(options.questionnaire);
  const core::Questionnaire& q = loaded.questionnaire;
  const std::string lang = choose_language(options.lang);
  const std::vector<Threshold> thresholds = parse_thresholds(options.fail_below, q);
  const io::ReaderOptions read = reader_options(options);
  const io::Provenance provenance{q.id, q.version, loaded.hash, kVersion};
  std::unique_ptr<io::ResultWriter> writer;
  if (!options.explain) writer = io::make_result_writer(q, provenance, writer_options(options, lang), stdout);

  const std::vector<std::string> files = options.files.empty() ? std::vector<std::string>{"-"} : options.files;
  Tally tally;
  io::ResponseRecord record;
  core::ScoreSheet sheet;
  for (const std::string& file : files) {
    std::unique_ptr<io::ResponseReader> reader = io::open_response_reader(file, q, read);
    for (const std::string& warning : reader->warnings()) std::cerr << "warning: " << warning << '\n';
    while (reader->next(record)) {
      ++tally.responses;
      if (record.valid()) {
        core::score_into(q, record.response.answers, sheet);
      } else {
        sheet = core::invalid_sheet(q);
        ++tally.invalid;
        report_problems(record);
      }
      if (options.explain) print_explanation(std::cout, q, record, lang);
      else writer->write(record, sheet);
      if (record.valid() && below_any(thresholds, q, record, sheet, std::cerr)) ++tally.below;
      if (options.strict && !record.valid()) {
        if (writer) writer->finish();
        return finish_status(tally, true);
      }
    }
  }
  if (writer) writer->finish();
  return finish_status(tally, false);
}

}  // namespace

void add_score_command(CLI::App& app, const GlobalOptions& global, int& status) {
  auto o = std::make_shared<ScoreOptions>();
  CLI::App* cmd = app.add_subcommand("score", "Score responses: subscales and total, one response or millions");
  cmd->add_option("questionnaire", o->questionnaire, "Questionnaire id or definition file")
      ->required()
      ->type_name("ID|FILE");
  cmd->add_option("files", o->files, "Response files (JSON, NDJSON, CSV, TSV); - or none reads standard input")
      ->type_name("FILE...");
  cmd->add_option("-f,--format", o->format, "Output: table, json, ndjson, csv, tsv (default: table on a terminal, "
                                            "csv otherwise)")
      ->check(CLI::IsMember({"table", "json", "ndjson", "csv", "tsv"}))
      ->group("Output");
  cmd->add_flag("--long", o->long_format, "One row per response and subscale (tidy data for R, pandas)")
      ->group("Output");
  cmd->add_option("--precision", o->precision,
                  "Decimals for scores (default: exact shortest form; 2 in tables)")
      ->check(CLI::Range(0, 17))
      ->group("Output");
  cmd->add_option("--lang", o->lang, "Language of titles and bands (default: from the locale)")
      ->check(CLI::IsMember({"en", "fr"}))
      ->group("Output");
  cmd->add_flag("--explain", o->explain, "Show each response's working, item by item, instead of scores")
      ->group("Output");
  cmd->add_option("--input-format", o->input_format, "auto (from the name or content), json, ndjson, csv, tsv")
      ->check(CLI::IsMember({"auto", "json", "ndjson", "jsonl", "csv", "tsv"}))
      ->capture_default_str()
      ->group("Input");
  cmd->add_option("--columns", o->columns, "CSV item columns named by PATTERN, {id} standing for the item id "
                                           "(e.g. 'wai_{id}')")
      ->type_name("PATTERN")
      ->group("Input");
  cmd->add_option("--map", o->maps, "CSV column holding an item (repeatable), e.g. --map Q7_1=7")
      ->type_name("COLUMN=ITEM")
      ->group("Input");
  cmd->add_option("--id-column", o->id_column, "CSV column of respondent ids (default: recognised by name)")
      ->type_name("NAME")
      ->group("Input");
  cmd->add_option("--session-column", o->session_column, "CSV column of session numbers")
      ->type_name("NAME")
      ->group("Input");
  cmd->add_option("--skip-rows", o->skip_rows, "CSV rows to skip after the header (Qualtrics exports: 2)")
      ->check(CLI::NonNegativeNumber)
      ->group("Input");
  cmd->add_flag("--strict", o->strict, "Stop at the first invalid response (default: report it, score the rest)")
      ->group("Checks");
  cmd->add_option("--fail-below", o->fail_below,
                  "Exit 4 when a scored response has SCALE below VALUE (repeatable; SCALE a subscale id or total)")
      ->type_name("SCALE=VALUE")
      ->group("Checks");
  cmd->callback([o, &global, &status] { status = run_score(*o, global); });
}

}  // namespace alliance::cli
