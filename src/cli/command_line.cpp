// The only translation unit that includes CLI11 (Debian's is header-only,
// and each file that includes it takes about 12 s of CPU to compile): every
// command's options, help texts and checks, registered on one CLI::App, and
// the parse that fills one options struct (command_line.hpp).
#include "alliance/cli/command_line.hpp"

#include <CLI/CLI.hpp>

#include <limits>
#include <memory>
#include <sstream>
#include <vector>

#include "administer_usage.hpp"
#include "alliance/version.hpp"
#include "option_values.hpp"

namespace alliance::cli {

namespace {

constexpr const char* kFooter = R"(Exit status: 0 ok, 1 invalid input, 2 usage error, 3 I/O failure,
4 --fail-below/--fail-on threshold met, 130 interrupted; administer also 5 stopped early,
129 hang-up, 131 SIGQUIT, 143 SIGTERM.
Questionnaires are found in --path directories, then ALLIANCE_PATH, then those bundled.)";

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
  cmd->add_option("files", o.files, "Response files (JSON, NDJSON, CSV, TSV); - or none reads standard input")
      ->type_name("FILE...");
  cmd->add_option("--input-format", o.input_format, "auto (from the name or content), json, ndjson, csv, tsv")
      ->check(CLI::IsMember({"auto", "json", "ndjson", "jsonl", "csv", "tsv"}))
      ->capture_default_str()
      ->group("Input");
  cmd->add_option("--columns", o.columns,
                  "CSV item columns named by PATTERN, {id} standing for the item id (e.g. 'wai_{id}'); "
                  "default: the one pattern that names every item")
      ->type_name("PATTERN")
      ->group("Input");
  cmd->add_option("--map", o.maps,
                  "CSV column holding an item (repeatable, each column and item once), e.g. --map Q7_1=7")
      ->type_name("COLUMN=ITEM")
      ->group("Input");
  cmd->add_option("--id-column", o.id_column,
                  "CSV column of respondent ids (default: recognised by name, else an unnamed first column)")
      ->type_name("NAME")
      ->group("Input");
  cmd->add_option("--session-column", o.session_column,
                  "CSV column of session numbers (default: recognised by name)")
      ->type_name("NAME")
      ->group("Input");
  cmd->add_option("--skip-rows", o.skip_rows, "CSV rows to skip after the header (Qualtrics exports: 2)")
      ->check(whole_number(0))
      ->group("Input");
  cmd->add_option("--encoding", o.encoding,
                  "Character encoding of the input: utf-8, windows-1252 (Excel's CSV on Windows), latin-1, "
                  "utf-16 (Excel's Unicode text); a byte-order mark, when there is one, decides")
      ->capture_default_str()
      ->type_name("NAME")
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
                  "Output: table, json, ndjson, csv, tsv (default: table on a terminal, "
                  "csv otherwise)")
      ->check(CLI::IsMember({"table", "json", "ndjson", "jsonl", "csv", "tsv"}))
      ->group("Output");
  cmd->add_flag("--long", o.long_format, "One row per response and subscale (tidy data for R, pandas)")
      ->group("Output");
  cmd->add_option("--output-columns", o.output_columns,
                  "CSV/TSV: only these columns, in this order, named as in the header "
                  "(e.g. respondent,total)")
      ->type_name("LIST")
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

// What a parse error prints: --help and --version, or the error and where to find help.
Printout parse_error(const CLI::App& app, const CLI::ParseError& e, int argc, const char* const* argv,
                     const std::string& locale_language) {
  if (e.get_exit_code() == static_cast<int>(CLI::ExitCodes::Success)) {
    std::ostringstream out;
    std::ostringstream err;
    app.exit(e, out, err);  // --help, --version
    return {out.str(), err.str(), ExitCode::ok};
  }
  const ParseErrorKind kind = dynamic_cast<const CLI::ExtrasError*>(&e)        ? ParseErrorKind::unexpected
                              : dynamic_cast<const CLI::ArgumentMismatch*>(&e) ? ParseErrorKind::missing_value
                              : dynamic_cast<const CLI::RequiredError*>(&e)    ? ParseErrorKind::required
                              : dynamic_cast<const CLI::ValidationError*>(&e)  ? ParseErrorKind::not_member
                                                                               : ParseErrorKind::other;
  // In the user's language, from the message catalogue (administer_usage.cpp).
  return {"", usage_error(kind, e.what(), argc, argv, locale_language), ExitCode::usage};
}

}  // namespace

ParsedCommandLine parse_command_line(int argc, const char* const* argv, const std::string& locale_language) {
  CLI::App app{
      "alliance — administer and score therapeutic alliance questionnaires "
      "(goals, tasks, bond).",
      "alliance"};
  app.set_version_flag("--version", std::string("alliance ") + kVersion);
  app.footer(kFooter);
  app.require_subcommand(1);
  app.fallthrough();
  Command command;
  app.add_option("--path", command.global.paths, "Also look for questionnaires in DIR (repeatable)")
      ->type_name("DIR");

  ListOptions list;
  ShowOptions show;
  ValidateOptions validate;
  ScoreOptions score;
  StatsCommandOptions stats;
  TrendOptions trend;
  CompareOptions compare;
  AdministerOptions administer;
  ReportOptions report;
  const CLI::App* commands[] = {add_list_command(app, list),         add_show_command(app, show),
                                add_validate_command(app, validate), add_score_command(app, score),
                                add_stats_command(app, stats),       add_trend_command(app, trend),
                                add_compare_command(app, compare),   add_administer_command(app, administer),
                                add_report_command(app, report)};
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return parse_error(app, e, argc, argv, locale_language);
  }
  // require_subcommand(1): exactly one was parsed.
  if (commands[0]->parsed()) command.options = std::move(list);
  if (commands[1]->parsed()) command.options = std::move(show);
  if (commands[2]->parsed()) command.options = std::move(validate);
  if (commands[3]->parsed()) command.options = std::move(score);
  if (commands[4]->parsed()) command.options = std::move(stats);
  if (commands[5]->parsed()) command.options = std::move(trend);
  if (commands[6]->parsed()) command.options = std::move(compare);
  if (commands[7]->parsed()) command.options = std::move(administer);
  if (commands[8]->parsed()) command.options = std::move(report);
  return command;
}

}  // namespace alliance::cli
