// The only translation unit that includes CLI11 (Debian's is header-only,
// and each file that includes it takes about 12 s of CPU to compile): every
// command's options, help texts and checks, registered on one CLI::App, and
// the parse that fills one options struct (command_line.hpp).
#include "alliance/cli/command_line.hpp"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <limits>
#include <memory>
#include <optional>
#include <sstream>
#include <vector>

#include "administer_usage.hpp"
#include "alliance/cli/command_spec.hpp"
#include "alliance/core/text.hpp"
#include "option_values.hpp"
#include "version_text.hpp"

namespace alliance::cli {

namespace {

// Every help text of the command line is in this file: the options' below,
// where each is registered, and the notes and examples of each command here.
// (The man pages and completions are made from them: describe_command_line.)
constexpr const char* kFooter =
    R"(Exit status: 0 ok, 1 invalid input, 2 usage error (alliance alone, which prints
the short help, included), 3 I/O failure, 4 --fail-below/--fail-on threshold met,
130 interrupted; administer also 5 stopped early, 129 hang-up, 131 SIGQUIT, 143 SIGTERM.
Questionnaires are found in --path directories, then ALLIANCE_PATH, then the installed ones
(alliance/questionnaires under $XDG_DATA_HOME or ~/.local/share, under each of $XDG_DATA_DIRS or
/usr/local/share and /usr/share, then beside the program: <prefix>/share), then those bundled;
'alliance list' shows where each was found. 'alliance help COMMAND' shows a command's options.)";

// What bare `alliance` prints (to standard output, exit status 2) before the commands.
constexpr const char* kShortHelpEnd =
    "Run 'alliance help COMMAND' (or 'alliance COMMAND --help') for a command's options,\n"
    "'alliance --help' for the global options and exit statuses; 'man alliance' when installed.\n";

// The variables alliance reads, for alliance(1).
const std::vector<EnvironmentVariable>& environment_variables() {
  static const std::vector<EnvironmentVariable> table = {
      {"ALLIANCE_PATH", "Directories of questionnaire definitions, colon-separated, searched after --path."},
      {"XDG_DATA_HOME",
       "The user's data directory (default ~/.local/share): its alliance/questionnaires is "
       "searched after ALLIANCE_PATH."},
      {"XDG_DATA_DIRS",
       "The system's data directories (default /usr/local/share:/usr/share): each one's "
       "alliance/questionnaires is searched next, then <prefix>/share/alliance/questionnaires "
       "beside the program (<prefix>/bin/alliance)."},
      {"LC_ALL, LC_MESSAGES, LANG",
       "The first set and not empty chooses the language of tables, titles and "
       "administer's messages when --lang is not given: French when it starts "
       "with fr, else English."},
      {"ALLIANCE_THREADS", "The default of --threads (1 or 2)."},
      {"ALLIANCE_PROGRESS_AFTER",
       "Seconds a read lasts before its progress line shows on a terminal's standard error (default 2)."},
      {"NO_COLOR", "When set, no colour on a terminal."},
      {"TERM", "dumb: administer runs line by line, without cursor movement or colour."},
  };
  return table;
}

// Two or three examples per command, at the end of its --help and in its man
// page: each runs as shown from a directory holding the project's examples/
// and questionnaires/ (tests/e2e/help_test.cpp runs them).
struct CommandExamples {
  const char* command;  // "" for the program's own help
  std::vector<Example> examples;
};

const std::vector<CommandExamples>& command_examples() {
  static const std::vector<CommandExamples> table = {
      {"",
       {{"alliance list", "The questionnaires available, and where each was found."},
        {"alliance score gtb-12 examples/gtb-12-sessions.ndjson --format table",
         "Score a batch of responses."},
        {"alliance help score", "The options of one command."}}},
      {"list",
       {{"alliance list --format table", "The readable table, even in a pipe."},
        {"alliance list --format json", "Every definition found, with its origin and content hash."}}},
      {"show",
       {{"alliance show gtb-12 --lang fr --format table",
         "A questionnaire's items, rules and source, in French."},
        {"alliance show wai-sr --format json > my-wai-sr.json",
         "The normalised definition, to start your own."}}},
      {"validate",
       {{"alliance validate questionnaires/gtb-12.json", "Check a definition and its test vectors."},
        {"alliance validate questionnaires/*.json --format json",
         "Every problem of several files, for a script."}}},
      {"score",
       {{"alliance score gtb-12 examples/gtb-12-sessions.ndjson --format table", "A batch, as a table."},
        {"alliance score gtb-12 examples/gtb-12-batch.csv --output-columns respondent,session,total > "
         "totals.csv",
         "Only the columns a spreadsheet needs."},
        {"alliance score gtb-12 examples/gtb-12-study.sav -o scores.sav --lang fr",
         "An SPSS file in, an SPSS file out, its variables labelled in French."},
        {"alliance score gtb-12 examples/gtb-12-response.json --explain", "The working, item by item."}}},
      {"stats",
       {{"alliance stats gtb-12 examples/gtb-12-batch.csv --format table", "Reliability and descriptives."},
        {"alliance stats gtb-12 examples/gtb-12-batch.csv --quality --format csv",
         "The responses with quality flags."}}},
      {"trend",
       {{"alliance trend srs examples/srs-sessions.ndjson --sd total=4 --retest-r total=0.8 --format table",
         "Each respondent over sessions, with reliable change and ruptures."},
        {"alliance trend srs examples/srs-sessions.ndjson --latest --format json",
         "Only each respondent's latest session."}}},
      {"compare",
       {{"alliance compare --client gtb-12 examples/gtb-12-sessions.ndjson --therapist gtb-12-t "
         "examples/gtb-12-t-sessions.csv --format table",
         "Client and therapist, pair by pair."},
        {"alliance compare --client gtb-12 examples/gtb-12-sessions.ndjson --therapist gtb-12-t "
         "examples/gtb-12-t-sessions.csv --section agreement --format csv",
         "How well the two sides agree, per subscale."}}},
      {"report",
       {{"alliance report srs examples/srs-sessions.ndjson --sd total=4 --retest-r total=0.8 -o report.html",
         "One page for the caseload: each client's charts, flags first."},
        {"alliance report srs examples/srs-sessions.ndjson --sd total=4 --retest-r total=0.8 --respondent "
         "C02 "
         "--format svg -o c02-total.svg",
         "One client's total as an SVG chart, for a letter."}}},
      {"norms",
       {{"alliance norms wai-sr examples/clinic-wai-sr-sessions.csv -o clinic-wai-sr.json",
         "Local norms from the clinic's own sessions, as a definition that extends wai-sr."},
        {"alliance trend clinic-wai-sr.json examples/clinic-wai-sr-sessions.csv --format table",
         "Then trend takes its SD and test-retest r from them (score adds z, T, percentile)."}}},
      {"administer",
       {{"alliance administer gtb-12 --respondent P017 --session 3 --lang fr",
         "On a terminal: one item per screen, saved as answered."},
        {"alliance administer gtb-12 --respondent P017 --session 3 --resume",
         "Continue an interrupted session."},
        {"printf '4\\n4\\n5\\n4\\n3\\n5\\n2\\n1\\n4\\n5\\n3\\n1\\n' | alliance administer gtb-12 "
         "--respondent P01 --lang en -o p01.json",
         "Scripted: one answer per line on standard input."}}},
      {"help",
       {{"alliance help", "The help of alliance itself."}, {"alliance help trend", "The options of trend."}}},
  };
  return table;
}

const std::vector<Example>& examples_of(const std::string& command) {
  for (const CommandExamples& entry : command_examples())
    if (command == entry.command) return entry.examples;
  static const std::vector<Example> none;
  return none;
}

// A footer: the notes, then the examples.
std::string footer_text(const std::string& notes, const std::string& command) {
  std::string out = notes;
  const std::vector<Example>& examples = examples_of(command);
  if (examples.empty()) return out;
  out += (out.empty() ? "" : "\n\n") + std::string("Examples:");
  for (const Example& e : examples) out += "\n  " + e.command + "\n      " + e.what;
  return out;
}

// CLI11 validators on option_values: a bad number is a usage error naming the
// option and what was expected ("--precision: 'abc' is not a whole number
// (expected a whole number, 0 to 17)").
// `max` defaults to the largest int: "MIN or more".
CLI::Validator whole_number(long long min, long long max = std::numeric_limits<int>::max()) {
  return CLI::Validator([min, max](std::string& value) { return whole_number_problem(value, min, max); },
                        whole_range_text(min, max));
}

CLI::Validator finite_number(double min = std::numeric_limits<double>::lowest(),
                             double max = std::numeric_limits<double>::max(), bool above_min = false) {
  return CLI::Validator(
      [min, max, above_min](std::string& value) { return number_problem(value, min, max, above_min); },
      number_range_text(min, max, above_min).empty() ? "finite" : number_range_text(min, max, above_min));
}

// Adds the FILE... positional and the "Input" group of options to `cmd`.
void add_input_options(CLI::App* cmd, InputOptions& o) {
  cmd->add_option("files", o.files,
                  "Response files (JSON, NDJSON, CSV, TSV; SPSS .sav/.zsav/.por, Stata .dta, SAS "
                  ".sas7bdat/.xpt); - or none reads standard input")
      ->type_name("FILE...");
  cmd->add_option("--input-format", o.input_format,
                  "auto (from the name or content), json, ndjson, csv, tsv, sav (also .zsav), por, dta, "
                  "sas7bdat, xpt")
      ->check(CLI::IsMember(
          {"auto", "json", "ndjson", "jsonl", "csv", "tsv", "sav", "zsav", "por", "dta", "sas7bdat", "xpt"}))
      ->capture_default_str()
      ->group("Input");
  cmd->add_option("--columns", o.columns,
                  "CSV item columns (SPSS, Stata, SAS variables) named by PATTERN, {id} standing for the "
                  "item id (e.g. 'wai_{id}'); default: the one pattern that names every item")
      ->type_name("PATTERN")
      ->group("Input");
  cmd->add_option("--map", o.maps,
                  "CSV column (or SPSS, Stata, SAS variable) holding an item (repeatable, each column and "
                  "item once), e.g. --map Q7_1=7")
      ->type_name("COLUMN=ITEM")
      ->group("Input");
  cmd->add_option("--id-column", o.id_column,
                  "CSV column (or variable) of respondent ids (default: recognised by name, else an unnamed "
                  "first column)")
      ->type_name("NAME")
      ->group("Input");
  cmd->add_option("--session-column", o.session_column,
                  "CSV column (or variable) of session numbers (default: recognised by name)")
      ->type_name("NAME")
      ->group("Input");
  cmd->add_option("--skip-rows", o.skip_rows, "CSV rows to skip after the header (Qualtrics exports: 2)")
      ->check(whole_number(0))
      ->group("Input");
  cmd->add_option("--encoding", o.encoding,
                  "Character encoding of the input: auto (UTF-8, or Windows-1252 when the first bytes are "
                  "not UTF-8), utf-8, windows-1252 (Excel's CSV on Windows), latin-1, utf-16 (Excel's "
                  "Unicode text); a byte-order mark, when there is one, decides")
      ->capture_default_str()
      ->type_name("NAME")
      ->group("Input");
  cmd->add_option("--from", o.from,
                  "The survey tool that exported the CSV: qualtrics (skips its extra header rows), redcap "
                  "(skips rows with no answer, e.g. other events), limesurvey (answer codes A1, A2... are "
                  "the scale's points); see docs/data-sources.md")
      ->check(CLI::IsMember({"qualtrics", "redcap", "limesurvey"}))
      ->type_name("TOOL")
      ->group("Input");
  cmd->add_option("--recode", o.recode,
                  "Answers written as codes or labels the definition does not have, e.g. "
                  "'A1=1,A2=2' or 'Seldom=1,Sometimes=2'; a value NA or nothing is a missing answer "
                  "(repeatable; the definition's labels, in any of its languages, are always read)")
      ->type_name("CODE=VALUE,...")
      ->group("Input");
  cmd->add_option("--where", o.where,
                  "CSV: only the rows whose COLUMN holds VALUE (repeatable: one column's values are "
                  "alternatives, different columns must all match), e.g. --where "
                  "redcap_event_name=week_4_arm_1")
      ->type_name("COLUMN=VALUE")
      ->group("Input");
  cmd->add_option("--delimiter", o.delimiter,
                  "CSV field delimiter: one character, or tab (default: the most frequent of , ; and tab "
                  "on the header line)")
      ->type_name("CHAR")
      ->group("Input");
  cmd->add_flag("--decimal-comma", o.decimal_comma,
                "Answers may have a decimal comma (4,5); on by itself when the delimiter is ;")
      ->group("Input");
  cmd->add_option("--threads", o.threads,
                  "1 or 2: with 2, a second thread reads and parses ahead (stats: reads the second half "
                  "of a large file); default: ALLIANCE_THREADS, else 2 for stats on two cores and 1 for "
                  "the other commands; see docs/performance.md")
      ->check(whole_number(1, 2))
      ->type_name("N")
      ->group("Input");
}

CLI::App* add_list_command(CLI::App& app, ListOptions& options) {
  CLI::App* cmd = app.add_subcommand("list", "List the available questionnaires");
  cmd->add_option("-f,--format", options.format,
                  "Output: table ('text' is accepted too), json, ndjson, csv, tsv (default: table on a "
                  "terminal, csv otherwise)")
      ->check(CLI::IsMember({"table", "text", "json", "ndjson", "jsonl", "csv", "tsv"}));
  cmd->add_option("--lang", options.lang, "Language of titles (default: from the locale)")
      ->check(CLI::IsMember({"en", "fr"}));
  return cmd;
}

CLI::App* add_show_command(CLI::App& app, ShowOptions& options) {
  CLI::App* cmd = app.add_subcommand("show", "Show a questionnaire: scale, subscales, items, rules, source");
  cmd->add_option("questionnaire", options.questionnaire, "Questionnaire id or definition file")
      ->required()
      ->type_name("ID|FILE");
  cmd->add_option("-f,--format", options.format,
                  "table (the readable view; 'text' is accepted too) or json (the normalised definition); "
                  "default: table on a terminal, json otherwise")
      ->check(CLI::IsMember({"table", "text", "json"}));
  cmd->add_option("--lang", options.lang, "Language (default: from the locale)")
      ->check(CLI::IsMember({"en", "fr"}));
  return cmd;
}

CLI::App* add_validate_command(CLI::App& app, ValidateOptions& options) {
  CLI::App* cmd = app.add_subcommand(
      "validate", "Check definition files and report every problem (exit 0 only when all are valid)");
  cmd->add_option("files", options.files, "Definition files")->required()->type_name("FILE...");
  cmd->add_option("-f,--format", options.format,
                  "table (one line per problem; 'text' is accepted too) or json; default: table on a "
                  "terminal, json otherwise")
      ->check(CLI::IsMember({"table", "text", "json"}));
  cmd->add_option("--lang", options.lang, "Language of the messages (default: from the locale)")
      ->check(CLI::IsMember({"en", "fr"}));
  return cmd;
}

CLI::App* add_score_command(CLI::App& app, ScoreOptions& o) {
  CLI::App* cmd =
      app.add_subcommand("score", "Score responses: subscales and total, one response or millions");
  cmd->add_option("questionnaire", o.questionnaire, "Questionnaire id or definition file")
      ->required()
      ->type_name("ID|FILE");
  add_input_options(cmd, o.input);
  cmd->add_option("-f,--format", o.format,
                  "Output: table, json, ndjson, csv, tsv, sav (SPSS), dta (Stata) (default: from -o's "
                  "extension, else table on a terminal, csv otherwise)")
      ->check(CLI::IsMember({"table", "json", "ndjson", "jsonl", "csv", "tsv", "sav", "dta"}))
      ->group("Output");
  cmd->add_option("-o,--output", o.output,
                  "Write the scores to FILE (atomically, mode 0600) instead of standard output; its "
                  "extension chooses the format (.sav, .dta, .csv, .tsv, .json, .ndjson) unless --format "
                  "is given")
      ->type_name("FILE")
      ->group("Output");
  cmd->add_flag("--long", o.long_format, "One row per response and subscale (tidy data for R, pandas)")
      ->group("Output");
  cmd->add_option("--output-columns", o.output_columns,
                  "CSV/TSV: only these columns, in this order, named as in the header "
                  "(e.g. respondent,total)")
      ->type_name("LIST")
      ->group("Output");
  cmd->add_option("--csv-dialect", o.csv_dialect,
                  "CSV for: standard (',' and '.', UTF-8) or excel-fr (';', decimal comma, UTF-8 with a "
                  "byte-order mark: opens in columns in French Excel); excel-fr implies --format csv")
      ->check(CLI::IsMember({"standard", "excel-fr"}))
      ->capture_default_str()
      ->type_name("DIALECT")
      ->group("Output");
  cmd->add_option("--precision", o.precision,
                  "Decimals for scores (default: exact shortest form; 2 in tables)")
      ->check(whole_number(0, 17))
      ->group("Output");
  cmd->add_option("--lang", o.lang, "Language of titles and bands (default: from the locale)")
      ->check(CLI::IsMember({"en", "fr"}))
      ->group("Output");
  cmd->add_flag("--explain", o.explain, "Show each response's working, item by item, instead of scores")
      ->group("Output");
  cmd->add_flag("--strict", o.strict,
                "Stop at the first invalid response (default: report it, score the rest)")
      ->group("Checks");
  cmd->add_option(
         "--fail-below", o.fail_below,
         "Exit 4 when a scored response has SCALE below VALUE (repeatable; SCALE a subscale id or total)")
      ->type_name("SCALE=VALUE")
      ->group("Checks");
  return cmd;
}

CLI::App* add_stats_command(CLI::App& app, StatsCommandOptions& o) {
  CLI::App* cmd = app.add_subcommand(
      "stats",
      "Reliability and descriptives of a batch: alpha with its CI, item-rest r, correlations, warnings");
  cmd->add_option("questionnaire", o.questionnaire, "Questionnaire id or definition file")
      ->required()
      ->type_name("ID|FILE");
  add_input_options(cmd, o.input);
  o.input.two_threads_by_default = true;  // bench/README.md: faster on every machine measured
  cmd->add_option("--missing", o.missing,
                  "Missing answers: pairwise (each pair of items over the responses answering both, "
                  "as psych::alpha) or listwise (complete responses only)")
      ->check(CLI::IsMember({"pairwise", "listwise"}))
      ->capture_default_str()
      ->group("Statistics");
  cmd->add_option("--min-complete", o.min_complete,
                  "Warn when alpha rests on fewer complete responses (or pairs) than N")
      ->check(whole_number(0))
      ->capture_default_str()
      ->type_name("N")
      ->group("Statistics");
  cmd->add_option("--floor-ceiling", o.floor_ceiling,
                  "Warn when more than PCT % of scores are at a scale's minimum or maximum")
      ->check(finite_number(0, 100))
      ->capture_default_str()
      ->type_name("PCT")
      ->group("Statistics");
  cmd->add_flag("--quality", o.quality,
                "List the responses with quality flags (straight-lining, no variance, long runs) instead")
      ->group("Statistics");
  cmd->add_option("--run-limit", o.run_limit,
                  "A run of N identical answers flags a response (default: half the items + 1)")
      ->check(whole_number(1))
      ->type_name("N")
      ->group("Statistics");
  cmd->add_option("-f,--format", o.format,
                  "Output: table, json, ndjson, csv, tsv (default: table on a terminal, csv otherwise)")
      ->check(CLI::IsMember({"table", "json", "ndjson", "jsonl", "csv", "tsv"}))
      ->group("Output");
  cmd->add_option("--section", o.section,
                  "Only this table: summary, scales, items, correlations, warnings (csv/tsv/ndjson hold "
                  "one; default scales)")
      ->check(CLI::IsMember({"summary", "scales", "items", "correlations", "warnings"}))
      ->group("Output");
  cmd->add_option("--precision", o.precision,
                  "Decimals (default: exact shortest form; in tables 2, and 3 for coefficients)")
      ->check(whole_number(0, 17))
      ->group("Output");
  cmd->add_option("--lang", o.lang, "Language of table headings and warnings (default: from the locale)")
      ->check(CLI::IsMember({"en", "fr"}))
      ->group("Output");
  return cmd;
}

// Trend's reference and flag options (--sd ... --reliable-z), which report takes too.
void add_trend_reference_options(CLI::App* cmd, TrendOptions& o) {
  cmd->add_option("--sd", o.sd,
                  "Reference SD per scale, for the RC and ruptures (default: the definition's norms)")
      ->type_name("SCALE=V,...")
      ->group("Reference");
  cmd->add_option("--retest-r", o.retest_r,
                  "Test-retest reliability per scale, for the RC (default: the definition's norms)")
      ->type_name("SCALE=V,...")
      ->group("Reference");
  cmd->add_option("--rupture", o.rupture, "A rupture is a drop of 1 SD (lenient) or 2 SD (strict)")
      ->check(CLI::IsMember({"lenient", "strict"}))
      ->capture_default_str()
      ->group("Flags");
  cmd->add_option("--baseline", o.baseline, "Earlier sessions in the rolling baseline")
      ->check(whole_number(2, 1000))
      ->capture_default_str()
      ->group("Flags");
  cmd->add_option("--repair-within", o.repair_within,
                  "Sessions after a rupture in which a return counts as repair")
      ->check(whole_number(1, 1000))
      ->capture_default_str()
      ->group("Flags");
  cmd->add_option("--low-item", o.low_item,
                  "An answer (as keyed) at or below V is a low item (default: the scale's lowest point)")
      ->check(finite_number())
      ->type_name("V")
      ->group("Flags");
  cmd->add_option("--reliable-z", o.reliable_z, "An RC below -Z is a reliable drop")
      ->check(finite_number(0, std::numeric_limits<double>::max(), true))
      ->capture_default_str()
      ->group("Flags");
  cmd->add_option("--reliable-from", o.reliable_from,
                  "The change a reliable drop is tested on: from the previous session (one test), the first, "
                  "or both (two tests a session: more false alarms)")
      ->check(CLI::IsMember({"previous", "first", "both"}))
      ->capture_default_str()
      ->group("Flags");
}

CLI::App* add_trend_command(CLI::App& app, TrendOptions& o) {
  CLI::App* cmd = app.add_subcommand(
      "trend", "The alliance over sessions: change, reliable change, ruptures and repairs, per subscale");
  cmd->add_option("questionnaire", o.questionnaire, "Questionnaire id or definition file")
      ->required()
      ->type_name("ID|FILE");
  add_input_options(cmd, o.input);
  add_trend_reference_options(cmd, o);
  cmd->add_flag("--latest", o.latest, "Only each respondent's latest session: its flags, records and alerts")
      ->group("Flags");
  cmd->add_option("--hold", o.hold,
                  "Sessions held in memory to put together a respondent whose responses are not consecutive; "
                  "input grouped by respondent streams whatever its size")
      ->check(whole_number(1, 1000000000))
      ->capture_default_str()
      ->group("Input");
  cmd->add_option("--fail-on", o.fail_on,
                  "Exit 4 when one of these flags is raised: below-band, reliable-drop, rupture, repair, "
                  "ceiling, low-item")
      ->type_name("FLAG,...")
      ->group("Checks");
  cmd->add_option("-f,--format", o.format,
                  "Output: table, json, ndjson, csv, tsv (default: table on a terminal, csv otherwise)")
      ->check(CLI::IsMember({"table", "json", "ndjson", "jsonl", "csv", "tsv"}))
      ->group("Output");
  cmd->add_option("--precision", o.precision,
                  "Decimals for numbers (default: exact shortest form; 2 in tables)")
      ->check(whole_number(0, 17))
      ->group("Output");
  cmd->add_option("--lang", o.lang, "Language of the table (default: from the locale)")
      ->check(CLI::IsMember({"en", "fr"}))
      ->group("Output");
  return cmd;
}

CLI::App* add_compare_command(CLI::App& app, CompareOptions& o) {
  CLI::App* cmd = app.add_subcommand(
      "compare", "Client and therapist (and observer) forms side by side: differences and agreement");
  const char* help[] = {
      "Client form: questionnaire id or definition file, then its response files",
      "Therapist form: questionnaire id or file, then response files (respondent = the client)",
      "Observer form: questionnaire id or file, then response files (respondent = the client)"};
  for (std::size_t r = 0; r < 3; ++r)
    cmd->add_option(std::string("--") + kCompareRoles[r], o.forms[r], help[r])
        ->expected(2, CLI::detail::expected_max_vector_size)
        ->type_name("ID FILE")
        ->group("Forms");
  add_input_options(cmd, o.input);
  cmd->remove_option(cmd->get_option("files"));
  cmd->add_option("-f,--format", o.format,
                  "Output: table, json, ndjson, csv, tsv (default: table on a terminal, csv otherwise)")
      ->check(CLI::IsMember({"table", "json", "ndjson", "jsonl", "csv", "tsv"}))
      ->group("Output");
  cmd->add_option("--section", o.section,
                  "Only this table: forms, comparisons, pairs, agreement, unpaired (csv/tsv/ndjson hold "
                  "one; default pairs)")
      ->check(CLI::IsMember({"forms", "comparisons", "pairs", "agreement", "unpaired"}))
      ->group("Output");
  cmd->add_option("--items", o.items, "Items with the largest disagreement shown per pair (default 3)")
      ->check(whole_number(0, 1000))
      ->group("Output");
  cmd->add_option("--precision", o.precision, "Decimals (default: exact shortest form; 2 in tables)")
      ->check(whole_number(0, 17))
      ->group("Output");
  cmd->add_option("--lang", o.lang, "Language of tables (default: from the locale)")
      ->check(CLI::IsMember({"en", "fr"}))
      ->group("Output");
  return cmd;
}

CLI::App* add_report_command(CLI::App& app, ReportOptions& o) {
  CLI::App* cmd = app.add_subcommand(
      "report",
      "The alliance over sessions as a self-contained HTML file: a chart per subscale and the total, "
      "flags, agreement with the therapist's form; one client or a caseload");
  cmd->add_option("questionnaire", o.trend.questionnaire, "Questionnaire id or definition file (client form)")
      ->required()
      ->type_name("ID|FILE");
  add_input_options(cmd, o.trend.input);
  cmd->add_option("-o,--output", o.output,
                  "The report file, required: written atomically, mode 0600 (it holds health data); an "
                  "existing regular file is replaced; - writes to standard output")
      ->required()
      ->type_name("FILE")
      ->group("Output");
  cmd->add_option("--therapist", o.therapist,
                  "The therapist's form: questionnaire id or file, then its response files (respondent = "
                  "the client), drawn beside the client's with the agreement, as compare computes it")
      ->expected(2, CLI::detail::expected_max_vector_size)
      ->type_name("ID FILE")
      ->group("Forms");
  cmd->add_option("--respondent", o.respondents,
                  "Only this respondent (repeatable); default: every respondent, as a caseload")
      ->type_name("ID")
      ->group("Output");
  add_trend_reference_options(cmd, o.trend);
  cmd->add_option("-f,--format", o.format,
                  "html (the report) or svg (one chart of one respondent, --scale, for a letter or a paper)")
      ->check(CLI::IsMember({"html", "svg"}))
      ->capture_default_str()
      ->group("Output");
  cmd->add_option("--scale", o.scale, "The chart --format svg draws: a subscale id or total")
      ->capture_default_str()
      ->group("Output");
  cmd->add_option("--lang", o.trend.lang, "Language of the report (default: from the locale)")
      ->check(CLI::IsMember({"en", "fr"}))
      ->group("Output");
  cmd->footer(
      "Nothing is fetched from the network: styles and charts are inline, and the page has no script.\n"
      "The output is the same for the same input, but for the date of the report (SOURCE_DATE_EPOCH\n"
      "fixes it). See docs/report.md.");
  return cmd;
}

CLI::App* add_administer_command(CLI::App& app, AdministerOptions& o) {
  CLI::App* cmd = app.add_subcommand(
      "administer",
      "Give a questionnaire to a respondent: on a terminal one item per screen, or answers one per "
      "line on standard input");
  // Nothing is CLI11-required or CLI11-checked: run_administer checks each
  // value itself, so that its message is in the session's language.
  cmd->add_option("questionnaire", o.questionnaire,
                  "Questionnaire id or definition file (with item text); required")
      ->type_name("ID|FILE");
  CLI::Option* respondent =
      cmd->add_option("--respondent", o.respondent,
                      "Pseudonymous respondent id, e.g. P017; required. At most 64 characters, no control "
                      "characters, no space at either end; Unicode is normalised (NFC)")
          ->type_name("ID");
  cmd->add_option("--session", o.session_text, "Session number (for trend and compare)")->type_name("N");
  cmd->add_option("--lang", o.lang,
                  "Language of prompts, texts and messages: fr or en (default: the resumed file's, else from "
                  "the locale)")
      ->type_name("fr|en");
  cmd->add_option("-o,--output", o.output,
                  "Response file, or a directory for the default name "
                  "<respondent>-<questionnaire>[-s<session>]-<YYYY-MM-DD>[-<n>].json (default: that name in "
                  "the current "
                  "directory; -<n> numbers a second administration of the same day)")
      ->type_name("FILE|DIR");
  cmd->add_flag(
      "--resume", o.resume,
      "Continue an unfinished session at its first unanswered item: the -o file, or the one unfinished "
      "default-named file of this respondent in the directory (any session unless --session, any "
      "date)");
  cmd->add_flag("--force", o.force,
                "Start again over an unfinished session, which is kept as FILE.replaced-<time>; a complete "
                "response is never replaced");
  cmd->add_flag("--hide-scores", o.hide_scores,
                "Do not show the scores at the end (read them later with alliance score)");
  cmd->add_flag("--plain", o.plain, "Line by line, no cursor movement and no colour (screen readers)");
  cmd->footer(
      "Keys: a digit answers, Enter/→ keeps an answer, ←/b back, s skip (where allowed), ? help, q stop.\n"
      "Without a terminal, answers are read one per line (an empty line skips) and prompts go to stderr.\n"
      "Every answer is saved at once (status in_progress); files are written atomically with mode 0600.\n"
      "A complete response is never overwritten: a second one the same day gets the next number (-2.json).\n"
      "If a save fails, the answers stay in memory: try again, save elsewhere, or stop (exit status 3).\n"
      "Messages and errors are in the session's language (--lang, the resumed file's, or the locale).\n"
      "Exit status: 0 complete, 1 a scripted answer was refused, 2 usage (e.g. a key-only definition),\n"
      "3 I/O (e.g. the file exists: --resume; a save that failed), 5 stopped early (q, or end of input;\n"
      "--resume continues), 129 hang-up, 130 Ctrl-C (SIGINT), 131 SIGQUIT, 143 SIGTERM.\n"
      "See docs/administration.md.");
  cmd->callback([&o, respondent] { o.respondent_given = respondent->count() > 0; });
  return cmd;
}

CLI::App* add_norms_command(CLI::App& app, NormsOptions& o) {
  CLI::App* cmd = app.add_subcommand(
      "norms", "Local norms from your own responses (n, mean, SD, alpha, test-retest r), as a definition");
  cmd->add_option("questionnaire", o.questionnaire, "Questionnaire id or definition file")
      ->required()
      ->type_name("ID|FILE");
  add_input_options(cmd, o.input);
  cmd->add_option(
         "-o,--output", o.output,
         "The definition to write (required): it extends the questionnaire with the norms, written "
         "atomically with mode 0600; an existing regular file is replaced; - writes to standard output")
      ->required()
      ->type_name("FILE")
      ->group("Output");
  cmd->add_option("--sessions", o.sessions,
                  "Which sessions of each respondent form the norm sample: first (default: one score per "
                  "person, before treatment shapes it), last, or all (every session as if independent: the "
                  "n overstates the information). Test-retest r always pairs each respondent's first two "
                  "sessions")
      ->check(CLI::IsMember({"first", "last", "all"}))
      ->capture_default_str()
      ->group("Norms");
  cmd->add_option("--min-n", o.min_n, "Warn when a scale's norm rests on fewer than N scores")
      ->check(whole_number(0))
      ->capture_default_str()
      ->type_name("N")
      ->group("Norms");
  cmd->add_option("--lang", o.lang, "Language of the messages (default: from the locale)")
      ->check(CLI::IsMember({"en", "fr"}))
      ->group("Output");
  return cmd;
}

CLI::App* add_help_command(CLI::App& app, std::string& topic) {
  CLI::App* cmd = app.add_subcommand("help", "Show the help of alliance, or of one command");
  cmd->add_option("command", topic, "The command whose options to show (default: alliance's own help)")
      ->type_name("COMMAND");
  return cmd;
}

// Hidden: writes the man pages or a shell's completion script, made from
// describe_command_line (generate.hpp), into a directory. The build runs it.
CLI::App* add_generate_command(CLI::App& app, GenerateOptions& o) {
  CLI::App* cmd =
      app.add_subcommand("__generate", "Write the man pages or a completion script (for the build)");
  cmd->group("");
  cmd->add_option("what", o.what, "man, bash, zsh or fish")
      ->required()
      ->check(CLI::IsMember({"man", "bash", "zsh", "fish"}));
  cmd->add_option("directory", o.directory, "Where to write")->required()->type_name("DIR");
  return cmd;
}

// Every command registered on one App, with the options structs they fill
// (CLI11 keeps pointers into them: a Parser never moves).
struct Parser {
  CLI::App app{"alliance — administer and score therapeutic alliance questionnaires (goals, tasks, bond).",
               "alliance"};
  Command command;
  ListOptions list;
  ShowOptions show;
  ValidateOptions validate;
  ScoreOptions score;
  StatsCommandOptions stats;
  TrendOptions trend;
  CompareOptions compare;
  AdministerOptions administer;
  ReportOptions report;
  NormsOptions norms;
  GenerateOptions generate;
  std::string help_topic;
  std::vector<CLI::App*> commands;  // in the order of Command::options' alternatives
  CLI::App* help = nullptr;

  Parser() {
    app.set_version_flag(
        "-V,--version",
        [] {
          std::string text = version_text();
          text.pop_back();  // CLI11 ends it with a new line
          return text;
        },
        "Print the version, the build's revision and the bundled definitions' hashes, and exit");
    app.footer(footer_text(kFooter, ""));
    app.require_subcommand(1);
    app.fallthrough();
    app.add_option("--path", command.global.paths, "Also look for questionnaires in DIR (repeatable)")
        ->type_name("DIR");
    commands = {add_list_command(app, list),         add_show_command(app, show),
                add_validate_command(app, validate), add_score_command(app, score),
                add_stats_command(app, stats),       add_trend_command(app, trend),
                add_compare_command(app, compare),   add_administer_command(app, administer),
                add_report_command(app, report),     add_norms_command(app, norms),
                add_generate_command(app, generate)};
    help = add_help_command(app, help_topic);
    // administer and report have notes of their own; the others the common footer.
    for (CLI::App* cmd : commands) {
      const bool own = cmd->get_name() == "administer" || cmd->get_name() == "report";
      cmd->footer(footer_text(own ? cmd->get_footer() : kFooter, cmd->get_name()));
    }
    help->footer(footer_text("", "help"));
  }

  // The commands a user can type (the hidden one left out).
  std::vector<std::string> visible_names() const {
    std::vector<std::string> out;
    for (const CLI::App* cmd : app.get_subcommands([](const CLI::App* c) { return !c->get_group().empty(); }))
      out.push_back(cmd->get_name());
    return out;
  }
};

// The command typed (the first argument that is not a global option), or "".
std::string command_typed(int argc, const char* const* argv) {
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--path") {
      ++i;
      continue;
    }
    if (arg.starts_with("-")) continue;
    return std::string(arg);
  }
  return "";
}

// What bare `alliance` prints: the commands, each on a line, and where to read more.
std::string short_help(const Parser& parser) {
  std::string out = parser.app.get_description() +
                    "\nUsage: alliance [--path DIR] COMMAND [OPTIONS] [ARGUMENTS]\n\n" + "Commands:\n";
  for (const CLI::App* cmd :
       parser.app.get_subcommands([](const CLI::App* c) { return !c->get_group().empty(); })) {
    std::string name = cmd->get_name();
    name.resize(std::max<std::size_t>(name.size() + 2, 12), ' ');
    out += "  " + name + cmd->get_description() + "\n";
  }
  return out + "\n" + kShortHelpEnd;
}

// "--format" for the first mistyped option among the arguments CLI11 did
// not expect ("The following arguments were not expected: x --formt"), or "".
std::string option_suggestion(const CLI::App& app, const std::string& command, const std::string& what) {
  std::vector<std::string> names;
  std::vector<const CLI::App*> apps = {&app};
  if (!command.empty()) apps.push_back(app.get_subcommand(command));
  for (const CLI::App* a : apps)
    for (const CLI::Option* opt : a->get_options())
      for (const std::string& name : opt->get_lnames()) names.push_back("--" + name);
  const std::size_t colon = what.find(": ");
  std::istringstream listed(colon == std::string::npos ? "" : what.substr(colon + 2));
  for (std::string arg; listed >> arg;) {
    if (!arg.starts_with("--")) continue;
    if (std::optional<std::string> closest = core::closest_match(arg.substr(0, arg.find('=')), names))
      return *closest;
  }
  return "";
}

// What a parse error prints: --help and --version, or the error and where to find help.
Printout parse_error(const CLI::App& app, const CLI::ParseError& e, int argc, const char* const* argv,
                     const std::string& locale_language) {
  if (e.get_exit_code() == static_cast<int>(CLI::ExitCodes::Success)) {
    std::ostringstream out;
    std::ostringstream err;
    app.exit(e, out, err);  // --help, --version
    return {out.str(), err.str(), ExitCode::ok};
  }
  const bool extras = dynamic_cast<const CLI::ExtrasError*>(&e) != nullptr;
  const ParseErrorKind kind = extras                                           ? ParseErrorKind::unexpected
                              : dynamic_cast<const CLI::ArgumentMismatch*>(&e) ? ParseErrorKind::missing_value
                              : dynamic_cast<const CLI::RequiredError*>(&e)    ? ParseErrorKind::required
                              : dynamic_cast<const CLI::ValidationError*>(&e)  ? ParseErrorKind::not_member
                                                                               : ParseErrorKind::other;
  // In the user's language, from the message catalogue (administer_usage.cpp).
  const std::string command = command_typed(argc, argv);
  const std::string suggestion = extras ? option_suggestion(app, command, e.what()) : "";
  return {"", usage_error(kind, e.what(), argc, argv, locale_language, command, suggestion), ExitCode::usage};
}

// `alliance help [COMMAND]`: that command's --help.
Printout help_printout(const Parser& parser, int argc, const char* const* argv,
                       const std::string& locale_language) {
  if (parser.help_topic.empty())  // (app.help() would show the help command's own help: it was parsed)
    return {parser.app.get_formatter()->make_help(&parser.app, "alliance", CLI::AppFormatMode::Normal), "",
            ExitCode::ok};
  const std::vector<std::string> names = parser.visible_names();
  if (std::find(names.begin(), names.end(), parser.help_topic) == names.end())
    return {"", unknown_command_error(parser.help_topic, names, argc, argv, locale_language),
            ExitCode::usage};
  return {parser.app.get_subcommand(parser.help_topic)->help("alliance"), "", ExitCode::ok};
}

// ---- The description, for the man pages and completions -------------------

// "TEXT:{table,json}" -> {"table", "json"}; "fr|en" (lower-case words) -> {"fr", "en"}.
std::vector<std::string> choices_in(const std::string& type_name) {
  std::vector<std::string> out;
  std::string list;
  const std::size_t brace = type_name.find(":{");
  if (brace != std::string::npos && type_name.ends_with("}"))
    list = type_name.substr(brace + 2, type_name.size() - brace - 3);
  else if (type_name.find('|') != std::string::npos &&
           std::none_of(type_name.begin(), type_name.end(), [](char c) { return c >= 'A' && c <= 'Z'; }))
    list = type_name;
  std::string item;
  for (char c : list + ",") {
    if (c == ',' || c == '|') {
      if (!item.empty()) out.push_back(item);
      item.clear();
    } else {
      item += c;
    }
  }
  return out;
}

OptionSpec describe_option(const CLI::Option& opt) {
  OptionSpec spec;
  spec.positional = !opt.nonpositional();
  if (spec.positional) {
    spec.names = {opt.get_name(true)};
  } else {
    for (const std::string& name : opt.get_snames()) spec.names.push_back("-" + name);
    for (const std::string& name : opt.get_lnames()) spec.names.push_back("--" + name);
  }
  spec.description = opt.get_description();
  spec.group = spec.positional || opt.get_group() == "Options" ? "" : opt.get_group();
  spec.required = opt.get_required();
  spec.repeatable = opt.get_expected_max() > 1;
  spec.default_value = opt.get_default_str();
  if (opt.get_expected_max() == 0) return spec;  // a flag
  const std::string type_name = opt.get_type_name();
  spec.choices = choices_in(type_name);
  spec.value_name = spec.choices.empty() ? type_name.substr(0, type_name.find(':')) : "";
  if (spec.choices.empty() && type_name.find(':') != std::string::npos)
    spec.range = type_name.substr(type_name.find(':') + 1);  // "INT:0 to 17"
  if (!spec.choices.empty()) {
    spec.kind = ValueKind::choice;
    for (const std::string& c : spec.choices) spec.value_name += (spec.value_name.empty() ? "" : "|") + c;
  } else if (type_name == "ID|FILE" || type_name == "ID FILE") {
    spec.kind = ValueKind::questionnaire;
  } else if (type_name.starts_with("FILE")) {
    spec.kind = ValueKind::file;
  } else if (type_name == "DIR") {
    spec.kind = ValueKind::directory;
  } else if (type_name == "COMMAND") {
    spec.kind = ValueKind::command;
  } else {
    spec.kind = ValueKind::text;
  }
  return spec;
}

CommandSpec describe_app(const CLI::App& app, const std::string& name, const std::string& notes) {
  CommandSpec spec;
  spec.name = name;
  spec.summary = app.get_description();
  const std::string help = name == "alliance" ? app.help() : app.help("alliance");
  const std::size_t usage = help.find("Usage: ");
  if (usage != std::string::npos) spec.usage = help.substr(usage + 7, help.find('\n', usage) - usage - 7);
  for (const CLI::Option* opt : app.get_options()) spec.options.push_back(describe_option(*opt));
  std::stable_partition(spec.options.begin(), spec.options.end(),
                        [](const OptionSpec& o) { return o.positional; });  // as --help shows them
  spec.notes = notes;
  spec.examples = examples_of(name == "alliance" ? "" : name);
  return spec;
}

}  // namespace

CommandLineSpec describe_command_line() {
  const Parser parser;
  CommandLineSpec spec;
  spec.program = describe_app(parser.app, "alliance", kFooter);
  spec.program.summary = "administer and score therapeutic alliance questionnaires (goals, tasks, bond)";
  spec.environment = environment_variables();
  for (const CLI::App* cmd :
       parser.app.get_subcommands([](const CLI::App* c) { return !c->get_group().empty(); })) {
    std::string notes = cmd->get_name() == "help" ? "" : kFooter;
    if (cmd->get_name() == "administer" || cmd->get_name() == "report") {
      notes = cmd->get_footer();
      notes = notes.substr(0, notes.find("\n\nExamples:"));
    }
    spec.commands.push_back(describe_app(*cmd, cmd->get_name(), notes));
  }
  return spec;
}

ParsedCommandLine parse_command_line(int argc, const char* const* argv, const std::string& locale_language) {
  Parser parser;
  if (argc <= 1) return Printout{short_help(parser), "", ExitCode::usage};
  const std::string typed = command_typed(argc, argv);
  const std::vector<std::string> names = parser.visible_names();
  if (!typed.empty() && typed != "__generate" && std::find(names.begin(), names.end(), typed) == names.end())
    return Printout{"", unknown_command_error(typed, names, argc, argv, locale_language), ExitCode::usage};
  try {
    parser.app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return parse_error(parser.app, e, argc, argv, locale_language);
  }
  if (parser.help->parsed()) return help_printout(parser, argc, argv, locale_language);
  // require_subcommand(1): exactly one was parsed.
  Command& command = parser.command;
  const std::vector<CLI::App*>& commands = parser.commands;
  if (commands[0]->parsed()) command.options = std::move(parser.list);
  if (commands[1]->parsed()) command.options = std::move(parser.show);
  if (commands[2]->parsed()) command.options = std::move(parser.validate);
  if (commands[3]->parsed()) command.options = std::move(parser.score);
  if (commands[4]->parsed()) command.options = std::move(parser.stats);
  if (commands[5]->parsed()) command.options = std::move(parser.trend);
  if (commands[6]->parsed()) command.options = std::move(parser.compare);
  if (commands[7]->parsed()) command.options = std::move(parser.administer);
  if (commands[8]->parsed()) command.options = std::move(parser.report);
  if (commands[9]->parsed()) command.options = std::move(parser.norms);
  if (commands[10]->parsed()) command.options = std::move(parser.generate);
  return std::move(command);
}

}  // namespace alliance::cli
