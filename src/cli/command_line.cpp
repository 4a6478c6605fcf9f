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
#include "alliance/text/messages.hpp"
#include "option_values.hpp"
#include "version_text.hpp"

namespace alliance::cli {

namespace {

using text::Msg;

// Every help text of the command line is registered in this file: the
// options' below, where each is registered, and the notes, examples and
// environment variables here. Each is a catalogue entry (tr(Msg::help_...)),
// in the language help is shown in; CLI11's own words (headings, value
// names, group names) are put in that language by localise() and
// HelpFormatter. A plain English literal still works (it is shown in
// English in both languages): tests/cli/help_text_test.cpp lists it as not
// yet translated. (The man pages and completions are made from the same
// texts: describe_command_line.)

// The language help is written in, "en" or "fr": set by Parser's constructor
// before it registers anything, read by tr() and the number validators while
// it does. (One Parser is built at a time, on one thread; passing the
// language to every add_*_command would change each line another branch
// adds an option on.)
std::string help_language_now = "en";

std::string tr(Msg id) {
  return std::string(text::text(help_language_now, id));
}

// A help text in a table: a catalogue entry, or an English literal not yet
// translated.
class HelpText {
 public:
  HelpText(Msg id) : id_(id) {}                         // NOLINT(google-explicit-constructor)
  HelpText(const char* english) : english_(english) {}  // NOLINT(google-explicit-constructor)
  std::string str() const { return id_ ? tr(*id_) : english_; }

 private:
  std::optional<Msg> id_;
  const char* english_ = "";
};

// The variables alliance reads, for alliance(1).
std::vector<EnvironmentVariable> environment_variables() {
  static const std::vector<std::pair<const char*, HelpText>> table = {
      {"ALLIANCE_PATH", Msg::help_env_path},
      {"XDG_DATA_HOME", Msg::help_env_xdg_data_home},
      {"XDG_DATA_DIRS", Msg::help_env_xdg_data_dirs},
      {"LANGUAGE, LC_ALL, LC_MESSAGES, LANG", Msg::help_env_locale},
      {"ALLIANCE_THREADS", Msg::help_env_threads},
      {"ALLIANCE_PROGRESS_AFTER", Msg::help_env_progress_after},
      {"NO_COLOR", Msg::help_env_no_color},
      {"TERM", Msg::help_env_term},
  };
  std::vector<EnvironmentVariable> out;
  for (const auto& [name, what] : table) out.push_back({name, what.str()});
  return out;
}

// Two or three examples per command, at the end of its --help and in its man
// page: each runs as shown from a directory holding the project's examples/
// and questionnaires/ (tests/e2e/help_test.cpp runs them).
struct ExampleText {
  const char* command;
  HelpText what;
};

struct CommandExamples {
  const char* command;  // "" for the program's own help
  std::vector<ExampleText> examples;
};

const std::vector<CommandExamples>& command_examples() {
  static const std::vector<CommandExamples> table = {
      {"",
       {{"alliance list", Msg::help_ex_list},
        {"alliance score gtb-12 examples/gtb-12-sessions.ndjson --format table", Msg::help_ex_score_batch},
        {"alliance help score", Msg::help_ex_help_score}}},
      {"list",
       {{"alliance list --format table", Msg::help_ex_list_table},
        {"alliance list --format json", Msg::help_ex_list_json}}},
      {"show",
       {{"alliance show gtb-12 --lang fr --format table", Msg::help_ex_show_fr},
        {"alliance show wai-sr --format json > my-wai-sr.json", Msg::help_ex_show_json}}},
      {"validate",
       {{"alliance validate questionnaires/gtb-12.json", Msg::help_ex_validate},
        {"alliance validate questionnaires/*.json --format json", Msg::help_ex_validate_json}}},
      {"score",
       {{"alliance score gtb-12 examples/gtb-12-sessions.ndjson --format table", Msg::help_ex_score_table},
        {"alliance score gtb-12 examples/gtb-12-batch.csv --output-columns respondent,session,total > "
         "totals.csv",
         Msg::help_ex_score_columns},
        {"alliance score gtb-12 examples/gtb-12-study.sav -o scores.sav --lang fr", Msg::help_ex_score_sav},
        {"alliance score gtb-12 examples/gtb-12-response.json --explain", Msg::help_ex_score_explain}}},
      {"stats",
       {{"alliance stats gtb-12 examples/gtb-12-batch.csv --format table", Msg::help_ex_stats},
        {"alliance stats gtb-12 examples/gtb-12-batch.csv --quality --format csv",
         Msg::help_ex_stats_quality}}},
      {"trend",
       {{"alliance trend srs examples/srs-sessions.ndjson --sd total=4 --retest-r total=0.8 --format table",
         Msg::help_ex_trend},
        {"alliance trend srs examples/srs-sessions.ndjson --latest --format json",
         Msg::help_ex_trend_latest}}},
      {"compare",
       {{"alliance compare --client gtb-12 examples/gtb-12-sessions.ndjson --therapist gtb-12-t "
         "examples/gtb-12-t-sessions.csv --format table",
         Msg::help_ex_compare},
        {"alliance compare --client gtb-12 examples/gtb-12-sessions.ndjson --therapist gtb-12-t "
         "examples/gtb-12-t-sessions.csv --section agreement --format csv",
         Msg::help_ex_compare_agreement}}},
      {"report",
       {{"alliance report srs examples/srs-sessions.ndjson --sd total=4 --retest-r total=0.8 -o report.html",
         Msg::help_ex_report},
        {"alliance report srs examples/srs-sessions.ndjson --sd total=4 --retest-r total=0.8 --respondent "
         "C02 "
         "--format svg -o c02-total.svg",
         Msg::help_ex_report_svg}}},
      {"norms",
       {{"alliance norms wai-sr examples/clinic-wai-sr-sessions.csv -o clinic-wai-sr.json",
         Msg::help_ex_norms},
        {"alliance trend clinic-wai-sr.json examples/clinic-wai-sr-sessions.csv --format table",
         Msg::help_ex_norms_trend}}},
      {"administer",
       {{"alliance administer gtb-12 --respondent P017 --session 3 --lang fr", Msg::help_ex_administer},
        {"alliance administer gtb-12 --respondent P017 --session 3 --resume", Msg::help_ex_administer_resume},
        {"printf '4\\n4\\n5\\n4\\n3\\n5\\n2\\n1\\n4\\n5\\n3\\n1\\n' | alliance administer gtb-12 "
         "--respondent P01 --lang en -o p01.json",
         Msg::help_ex_administer_scripted}}},
      {"help", {{"alliance help", Msg::help_ex_help}, {"alliance help trend", Msg::help_ex_help_trend}}},
  };
  return table;
}

std::vector<Example> examples_of(const std::string& command) {
  std::vector<Example> out;
  for (const CommandExamples& entry : command_examples())
    if (command == entry.command)
      for (const ExampleText& e : entry.examples) out.push_back({e.command, e.what.str()});
  return out;
}

// A footer: the notes, then the examples.
std::string footer_text(const std::string& notes, const std::string& command) {
  std::string out = notes;
  const std::vector<Example> examples = examples_of(command);
  if (examples.empty()) return out;
  out += (out.empty() ? "" : "\n\n") + tr(Msg::help_examples_heading);
  for (const Example& e : examples) out += "\n  " + e.command + "\n      " + e.what;
  return out;
}

// CLI11's words, in the language of help: the headings of --help and its
// value names. English is CLI11's own (and the names as registered).
struct CliWord {
  const char* english;
  Msg id;
};
constexpr CliWord kValueNames[] = {
    {"TEXT", Msg::help_value_text},
    {"INT", Msg::help_value_int},
    {"FILE", Msg::help_value_file},
    {"FILE...", Msg::help_value_files},
    {"ID|FILE", Msg::help_value_questionnaire},
    {"ID FILE", Msg::help_value_form},
    {"DIR", Msg::help_value_dir},
    {"FILE|DIR", Msg::help_value_file_or_dir},
    {"PATTERN", Msg::help_value_pattern},
    {"COLUMN=ITEM", Msg::help_value_map},
    {"NAME", Msg::help_value_name},
    {"LIST", Msg::help_value_list},
    {"SCALE=VALUE", Msg::help_value_threshold},
    {"SCALE=V,...", Msg::help_value_per_scale},
    {"FLAG,...", Msg::help_value_flags},
    {"COMMAND", Msg::help_value_command},
    {"TOOL", Msg::help_value_tool},
    {"CODE=VALUE,...", Msg::help_value_recode},
    {"COLUMN=VALUE", Msg::help_value_where},
    {"CHAR", Msg::help_value_char},
    {"DIALECT", Msg::help_value_dialect},
};
constexpr CliWord kGroupNames[] = {
    {"Input", Msg::help_group_input},
    {"Output", Msg::help_group_output},
    {"Checks", Msg::help_group_checks},
    {"Statistics", Msg::help_group_statistics},
    {"Reference", Msg::help_group_reference},
    {"Flags", Msg::help_group_flags},
    {"Forms", Msg::help_group_forms},
    {"Norms", Msg::help_group_norms},
    {"Subcommands", Msg::help_label_subcommands},
};
constexpr CliWord kPositionalNames[] = {
    {"files", Msg::help_arg_files},
    {"command", Msg::help_arg_command},
};

// `word` in `lang` when a table has it, else unchanged.
template <std::size_t N>
std::string in_language(const CliWord (&table)[N], const std::string& word, std::string_view lang) {
  for (const CliWord& w : table)
    if (word == w.english) return std::string(text::text(lang, w.id));
  return word;
}

// A value name as registered (English), from the one shown in `lang`.
std::string english_value_name(const std::string& shown, std::string_view lang) {
  for (const CliWord& w : kValueNames)
    if (shown == text::text(lang, w.id)) return w.english;
  return shown;
}

// --help's layout is CLI11's; its words are in the language of help: labels
// (Usage, Positionals, REQUIRED...), positional names, and in French a
// no-break space before the colon of each heading.
class HelpFormatter : public CLI::Formatter {
 public:
  explicit HelpFormatter(std::string lang) : lang_(std::move(lang)) {
    label("Usage", std::string(text::text(lang_, Msg::help_label_usage)));
    label("Positionals", std::string(text::text(lang_, Msg::help_label_positionals)));
    label("OPTIONS", std::string(text::text(lang_, Msg::help_label_options_badge)));
    label("SUBCOMMAND", std::string(text::text(lang_, Msg::help_label_subcommand)));
    label("REQUIRED", std::string(text::text(lang_, Msg::help_label_required)));
  }

  std::string make_option_name(const CLI::Option* opt, bool is_positional) const override {
    const std::string name = CLI::Formatter::make_option_name(opt, is_positional);
    return is_positional ? in_language(kPositionalNames, name, lang_) : name;
  }

  std::string make_option(const CLI::Option* opt, bool is_positional) const override {
    return help_columns(make_option_name(opt, is_positional) + make_option_opts(opt), make_option_desc(opt),
                        get_column_width());
  }

  std::string make_subcommand(const CLI::App* sub) const override {
    return help_columns(sub->get_display_name(true), sub->get_description(), get_column_width());
  }

  std::string make_help(const CLI::App* app, std::string name, CLI::AppFormatMode mode) const override {
    std::string help = CLI::Formatter::make_help(app, std::move(name), mode);
    return text::is_french(lang_) ? french_colons(help) : help;
  }

 private:
  // CLI11 2.1's two columns (detail::format_help) padded by bytes: a French
  // value name with an accent (RÉP, CARACTÈRE, VALEUR,…) put its description
  // a column to the left per accented letter, or on the next line. The same
  // layout, padded by display width (code points: core::display_width).
  static std::string help_columns(const std::string& left, const std::string& description,
                                  std::size_t width) {
    const std::string name = "  " + left;
    std::string out = core::pad_right(name, width);
    if (!description.empty()) {
      if (core::display_width(name) >= width) out += "\n" + std::string(width, ' ');
      for (const char c : description) {
        out += c;
        if (c == '\n') out += std::string(width, ' ');
      }
    }
    return out + "\n";
  }

  // "Entrée:" -> "Entrée :" (no-break space) on each heading, and after "Utilisation".
  static std::string french_colons(const std::string& help) {
    std::string out;
    std::size_t start = 0;
    while (start < help.size()) {
      const std::size_t end = std::min(help.find('\n', start), help.size());
      std::string line = help.substr(start, end - start);
      const bool heading =
          !line.empty() && line[0] != ' ' && line.back() == ':' && !line.ends_with("\u00a0:");
      if (heading) line.insert(line.size() - 1, "\u00a0");
      const std::string usage = std::string(text::text("fr", Msg::help_label_usage)) + ":";
      if (line.starts_with(usage)) line.insert(usage.size() - 1, "\u00a0");
      out += line + (end < help.size() ? "\n" : "");
      start = end + 1;
    }
    return out;
  }

  std::string lang_;
};

// After registration: group names and value names in the language of help
// (they are registered in English, as CLI11 names its own).
void localise(CLI::App& app, std::string_view lang) {
  if (!text::is_french(lang)) return;
  for (CLI::App* cmd : app.get_subcommands({})) {
    if (!cmd->get_group().empty()) cmd->group(in_language(kGroupNames, cmd->get_group(), lang));
    localise(*cmd, lang);
  }
  for (CLI::Option* opt : app.get_options({})) {
    opt->group(in_language(kGroupNames, opt->get_group(), lang));
    if (opt->get_type_size() == 0) continue;  // a flag
    // CLI11 adds the validators' descriptions after a ':' (they are in the language already).
    const std::string type = opt->get_type_name();
    const std::string base = type.substr(0, type.find(':'));
    const std::string shown = in_language(kValueNames, base, lang);
    if (shown != base) opt->type_name(shown);
  }
}

// CLI11 validators on option_values: a bad number is a usage error naming the
// option and what was expected ("--precision: 'abc' is not a whole number
// (expected a whole number, 0 to 17)").
// `max` defaults to the largest int: "MIN or more".
CLI::Validator whole_number(long long min, long long max = std::numeric_limits<int>::max()) {
  return CLI::Validator([min, max, lang = help_language_now](
                            std::string& value) { return whole_number_problem(value, min, max, lang); },
                        whole_range_text(min, max, help_language_now));
}

CLI::Validator finite_number(double min = std::numeric_limits<double>::lowest(),
                             double max = std::numeric_limits<double>::max(), bool above_min = false) {
  return CLI::Validator([min, max, above_min, lang = help_language_now](
                            std::string& value) { return number_problem(value, min, max, above_min, lang); },
                        number_range_text(min, max, above_min).empty()
                            ? tr(Msg::range_finite)
                            : number_range_text(min, max, above_min, help_language_now));
}

// Adds the FILE... positional and the "Input" group of options to `cmd`.
void add_input_options(CLI::App* cmd, InputOptions& o) {
  cmd->add_option("files", o.files, tr(Msg::help_in_files))->type_name("FILE...");
  cmd->add_option("--input-format", o.input_format, tr(Msg::help_in_input_format))
      ->check(CLI::IsMember(
          {"auto", "json", "ndjson", "jsonl", "csv", "tsv", "sav", "zsav", "por", "dta", "sas7bdat", "xpt"}))
      ->capture_default_str()
      ->group("Input");
  cmd->add_option("--columns", o.columns, tr(Msg::help_in_columns))->type_name("PATTERN")->group("Input");
  cmd->add_option("--map", o.maps, tr(Msg::help_in_map))->type_name("COLUMN=ITEM")->group("Input");
  cmd->add_option("--id-column", o.id_column, tr(Msg::help_in_id_column))->type_name("NAME")->group("Input");
  cmd->add_option("--session-column", o.session_column, tr(Msg::help_in_session_column))
      ->type_name("NAME")
      ->group("Input");
  cmd->add_option("--skip-rows", o.skip_rows, tr(Msg::help_in_skip_rows))
      ->check(whole_number(0))
      ->group("Input");
  cmd->add_option("--encoding", o.encoding, tr(Msg::help_in_encoding))
      ->capture_default_str()
      ->type_name("NAME")
      ->group("Input");
  cmd->add_option("--from", o.from, tr(Msg::help_in_from))
      ->check(CLI::IsMember({"qualtrics", "redcap", "limesurvey"}))
      ->type_name("TOOL")
      ->group("Input");
  cmd->add_option("--recode", o.recode, tr(Msg::help_in_recode))->type_name("CODE=VALUE,...")->group("Input");
  cmd->add_option("--where", o.where, tr(Msg::help_in_where))->type_name("COLUMN=VALUE")->group("Input");
  cmd->add_option("--delimiter", o.delimiter, tr(Msg::help_in_delimiter))->type_name("CHAR")->group("Input");
  cmd->add_flag("--decimal-comma", o.decimal_comma, tr(Msg::help_in_decimal_comma))->group("Input");
  cmd->add_option("--threads", o.threads, tr(Msg::help_in_threads))
      ->check(whole_number(1, 2))
      ->type_name("N")
      ->group("Input");
}

CLI::App* add_list_command(CLI::App& app, ListOptions& options) {
  CLI::App* cmd = app.add_subcommand("list", tr(Msg::help_list));
  cmd->add_option("-f,--format", options.format, tr(Msg::help_list_format))
      ->check(CLI::IsMember({"table", "text", "json", "ndjson", "jsonl", "csv", "tsv"}));
  cmd->add_option("--lang", options.lang, tr(Msg::help_list_lang))->check(CLI::IsMember({"en", "fr"}));
  return cmd;
}

CLI::App* add_show_command(CLI::App& app, ShowOptions& options) {
  CLI::App* cmd = app.add_subcommand("show", tr(Msg::help_show));
  cmd->add_option("questionnaire", options.questionnaire, tr(Msg::help_questionnaire))
      ->required()
      ->type_name("ID|FILE");
  cmd->add_option("-f,--format", options.format, tr(Msg::help_show_format))
      ->check(CLI::IsMember({"table", "text", "json"}));
  cmd->add_option("--lang", options.lang, tr(Msg::help_show_lang))->check(CLI::IsMember({"en", "fr"}));
  return cmd;
}

CLI::App* add_validate_command(CLI::App& app, ValidateOptions& options) {
  CLI::App* cmd = app.add_subcommand("validate", tr(Msg::help_validate));
  cmd->add_option("files", options.files, tr(Msg::help_validate_files))->required()->type_name("FILE...");
  cmd->add_option("-f,--format", options.format, tr(Msg::help_validate_format))
      ->check(CLI::IsMember({"table", "text", "json"}));
  cmd->add_option("--lang", options.lang, tr(Msg::help_validate_lang))->check(CLI::IsMember({"en", "fr"}));
  return cmd;
}

CLI::App* add_score_command(CLI::App& app, ScoreOptions& o) {
  CLI::App* cmd = app.add_subcommand("score", tr(Msg::help_score));
  cmd->add_option("questionnaire", o.questionnaire, tr(Msg::help_questionnaire))
      ->required()
      ->type_name("ID|FILE");
  add_input_options(cmd, o.input);
  cmd->add_option("-f,--format", o.format, tr(Msg::help_format_score))
      ->check(CLI::IsMember({"table", "json", "ndjson", "jsonl", "csv", "tsv", "sav", "dta"}))
      ->group("Output");
  cmd->add_option("-o,--output", o.output, tr(Msg::help_score_output))->type_name("FILE")->group("Output");
  cmd->add_flag("--long", o.long_format, tr(Msg::help_score_long))->group("Output");
  cmd->add_option("--output-columns", o.output_columns, tr(Msg::help_score_output_columns))
      ->type_name("LIST")
      ->group("Output");
  cmd->add_option("--csv-dialect", o.csv_dialect, tr(Msg::help_score_csv_dialect))
      ->check(CLI::IsMember({"standard", "excel-fr"}))
      ->capture_default_str()
      ->type_name("DIALECT")
      ->group("Output");
  cmd->add_option("--precision", o.precision, tr(Msg::help_score_precision))
      ->check(whole_number(0, 17))
      ->group("Output");
  cmd->add_option("--lang", o.lang, tr(Msg::help_score_lang))
      ->check(CLI::IsMember({"en", "fr"}))
      ->group("Output");
  cmd->add_flag("--explain", o.explain, tr(Msg::help_score_explain))->group("Output");
  cmd->add_flag("--strict", o.strict, tr(Msg::help_score_strict))->group("Checks");
  cmd->add_option("--fail-below", o.fail_below, tr(Msg::help_score_fail_below))
      ->type_name("SCALE=VALUE")
      ->group("Checks");
  return cmd;
}

CLI::App* add_stats_command(CLI::App& app, StatsCommandOptions& o) {
  CLI::App* cmd = app.add_subcommand("stats", tr(Msg::help_stats));
  cmd->add_option("questionnaire", o.questionnaire, tr(Msg::help_questionnaire))
      ->required()
      ->type_name("ID|FILE");
  add_input_options(cmd, o.input);
  o.input.two_threads_by_default = true;  // bench/README.md: faster on every machine measured
  cmd->add_option("--missing", o.missing, tr(Msg::help_stats_missing))
      ->check(CLI::IsMember({"pairwise", "listwise"}))
      ->capture_default_str()
      ->group("Statistics");
  cmd->add_option("--min-complete", o.min_complete, tr(Msg::help_stats_min_complete))
      ->check(whole_number(0))
      ->capture_default_str()
      ->type_name("N")
      ->group("Statistics");
  cmd->add_option("--floor-ceiling", o.floor_ceiling, tr(Msg::help_stats_floor_ceiling))
      ->check(finite_number(0, 100))
      ->capture_default_str()
      ->type_name("PCT")
      ->group("Statistics");
  cmd->add_flag("--quality", o.quality, tr(Msg::help_stats_quality))->group("Statistics");
  cmd->add_option("--run-limit", o.run_limit, tr(Msg::help_stats_run_limit))
      ->check(whole_number(1))
      ->type_name("N")
      ->group("Statistics");
  cmd->add_option("-f,--format", o.format, tr(Msg::help_format_data))
      ->check(CLI::IsMember({"table", "json", "ndjson", "jsonl", "csv", "tsv"}))
      ->group("Output");
  cmd->add_option("--section", o.section, tr(Msg::help_stats_section))
      ->check(CLI::IsMember({"summary", "scales", "items", "correlations", "warnings"}))
      ->group("Output");
  cmd->add_option("--precision", o.precision, tr(Msg::help_stats_precision))
      ->check(whole_number(0, 17))
      ->group("Output");
  cmd->add_option("--lang", o.lang, tr(Msg::help_stats_lang))
      ->check(CLI::IsMember({"en", "fr"}))
      ->group("Output");
  return cmd;
}

// Trend's reference and flag options (--sd ... --reliable-z), which report takes too.
void add_trend_reference_options(CLI::App* cmd, TrendOptions& o) {
  cmd->add_option("--sd", o.sd, tr(Msg::help_trend_sd))->type_name("SCALE=V,...")->group("Reference");
  cmd->add_option("--retest-r", o.retest_r, tr(Msg::help_trend_retest_r))
      ->type_name("SCALE=V,...")
      ->group("Reference");
  cmd->add_option("--rupture", o.rupture, tr(Msg::help_trend_rupture))
      ->check(CLI::IsMember({"lenient", "strict"}))
      ->capture_default_str()
      ->group("Flags");
  cmd->add_option("--baseline", o.baseline, tr(Msg::help_trend_baseline))
      ->check(whole_number(2, 1000))
      ->capture_default_str()
      ->group("Flags");
  cmd->add_option("--repair-within", o.repair_within, tr(Msg::help_trend_repair_within))
      ->check(whole_number(1, 1000))
      ->capture_default_str()
      ->group("Flags");
  cmd->add_option("--low-item", o.low_item, tr(Msg::help_trend_low_item))
      ->check(finite_number())
      ->type_name("V")
      ->group("Flags");
  cmd->add_option("--reliable-z", o.reliable_z, tr(Msg::help_trend_reliable_z))
      ->check(finite_number(0, std::numeric_limits<double>::max(), true))
      ->capture_default_str()
      ->group("Flags");
  cmd->add_option("--reliable-from", o.reliable_from, tr(Msg::help_trend_reliable_from))
      ->check(CLI::IsMember({"previous", "first", "both"}))
      ->capture_default_str()
      ->group("Flags");
}

CLI::App* add_trend_command(CLI::App& app, TrendOptions& o) {
  CLI::App* cmd = app.add_subcommand("trend", tr(Msg::help_trend));
  cmd->add_option("questionnaire", o.questionnaire, tr(Msg::help_questionnaire))
      ->required()
      ->type_name("ID|FILE");
  add_input_options(cmd, o.input);
  add_trend_reference_options(cmd, o);
  cmd->add_flag("--latest", o.latest, tr(Msg::help_trend_latest))->group("Flags");
  cmd->add_option("--hold", o.hold, tr(Msg::help_trend_hold))
      ->check(whole_number(1, 1000000000))
      ->capture_default_str()
      ->group("Input");
  cmd->add_option("--fail-on", o.fail_on, tr(Msg::help_trend_fail_on))
      ->type_name("FLAG,...")
      ->group("Checks");
  cmd->add_option("-f,--format", o.format, tr(Msg::help_format_data))
      ->check(CLI::IsMember({"table", "json", "ndjson", "jsonl", "csv", "tsv"}))
      ->group("Output");
  cmd->add_option("--precision", o.precision, tr(Msg::help_trend_precision))
      ->check(whole_number(0, 17))
      ->group("Output");
  cmd->add_option("--lang", o.lang, tr(Msg::help_trend_lang))
      ->check(CLI::IsMember({"en", "fr"}))
      ->group("Output");
  return cmd;
}

CLI::App* add_compare_command(CLI::App& app, CompareOptions& o) {
  CLI::App* cmd = app.add_subcommand("compare", tr(Msg::help_compare));
  const std::string help[] = {tr(Msg::help_compare_client), tr(Msg::help_compare_therapist),
                              tr(Msg::help_compare_observer)};
  for (std::size_t r = 0; r < 3; ++r)
    cmd->add_option(std::string("--") + kCompareRoles[r], o.forms[r], help[r])
        ->expected(2, CLI::detail::expected_max_vector_size)
        ->type_name("ID FILE")
        ->group("Forms");
  add_input_options(cmd, o.input);
  cmd->remove_option(cmd->get_option("files"));
  cmd->add_option("-f,--format", o.format, tr(Msg::help_format_data))
      ->check(CLI::IsMember({"table", "json", "ndjson", "jsonl", "csv", "tsv"}))
      ->group("Output");
  cmd->add_option("--section", o.section, tr(Msg::help_compare_section))
      ->check(CLI::IsMember({"forms", "comparisons", "pairs", "agreement", "unpaired"}))
      ->group("Output");
  cmd->add_option("--items", o.items, tr(Msg::help_compare_items))
      ->check(whole_number(0, 1000))
      ->group("Output");
  cmd->add_option("--precision", o.precision, tr(Msg::help_precision_tables))
      ->check(whole_number(0, 17))
      ->group("Output");
  cmd->add_option("--lang", o.lang, tr(Msg::help_compare_lang))
      ->check(CLI::IsMember({"en", "fr"}))
      ->group("Output");
  return cmd;
}

CLI::App* add_report_command(CLI::App& app, ReportOptions& o) {
  CLI::App* cmd = app.add_subcommand("report", tr(Msg::help_report));
  cmd->add_option("questionnaire", o.trend.questionnaire, tr(Msg::help_report_questionnaire))
      ->required()
      ->type_name("ID|FILE");
  add_input_options(cmd, o.trend.input);
  cmd->add_option("-o,--output", o.output, tr(Msg::help_report_output))
      ->required()
      ->type_name("FILE")
      ->group("Output");
  cmd->add_option("--therapist", o.therapist, tr(Msg::help_report_therapist))
      ->expected(2, CLI::detail::expected_max_vector_size)
      ->type_name("ID FILE")
      ->group("Forms");
  cmd->add_option("--respondent", o.respondents, tr(Msg::help_report_respondent))
      ->type_name("ID")
      ->group("Output");
  add_trend_reference_options(cmd, o.trend);
  cmd->add_option("-f,--format", o.format, tr(Msg::help_report_format))
      ->check(CLI::IsMember({"html", "svg"}))
      ->capture_default_str()
      ->group("Output");
  cmd->add_option("--scale", o.scale, tr(Msg::help_report_scale))->capture_default_str()->group("Output");
  cmd->add_option("--lang", o.trend.lang, tr(Msg::help_report_lang))
      ->check(CLI::IsMember({"en", "fr"}))
      ->group("Output");
  cmd->footer(tr(Msg::help_report_notes));
  return cmd;
}

CLI::App* add_administer_command(CLI::App& app, AdministerOptions& o) {
  CLI::App* cmd = app.add_subcommand("administer", tr(Msg::help_administer));
  // Nothing is CLI11-required or CLI11-checked: run_administer checks each
  // value itself, so that its message is in the session's language.
  cmd->add_option("questionnaire", o.questionnaire, tr(Msg::help_administer_questionnaire))
      ->type_name("ID|FILE");
  CLI::Option* respondent =
      cmd->add_option("--respondent", o.respondent, tr(Msg::help_administer_respondent))->type_name("ID");
  cmd->add_option("--session", o.session_text, tr(Msg::help_administer_session))->type_name("N");
  cmd->add_option("--lang", o.lang, tr(Msg::help_administer_lang))->type_name("fr|en");
  cmd->add_option("-o,--output", o.output, tr(Msg::help_administer_output))->type_name("FILE|DIR");
  cmd->add_flag("--resume", o.resume, tr(Msg::help_administer_resume));
  cmd->add_flag("--force", o.force, tr(Msg::help_administer_force));
  cmd->add_flag("--hide-scores", o.hide_scores, tr(Msg::help_administer_hide_scores));
  cmd->add_flag("--plain", o.plain, tr(Msg::help_administer_plain));
  cmd->footer(tr(Msg::help_administer_notes));
  cmd->callback([&o, respondent] { o.respondent_given = respondent->count() > 0; });
  return cmd;
}

CLI::App* add_norms_command(CLI::App& app, NormsOptions& o) {
  CLI::App* cmd = app.add_subcommand("norms", tr(Msg::help_norms));
  cmd->add_option("questionnaire", o.questionnaire, tr(Msg::help_questionnaire))
      ->required()
      ->type_name("ID|FILE");
  add_input_options(cmd, o.input);
  cmd->add_option("-o,--output", o.output, tr(Msg::help_norms_output))
      ->required()
      ->type_name("FILE")
      ->group("Output");
  cmd->add_option("--sessions", o.sessions, tr(Msg::help_norms_sessions))
      ->check(CLI::IsMember({"first", "last", "all"}))
      ->capture_default_str()
      ->group("Norms");
  cmd->add_option("--min-n", o.min_n, tr(Msg::help_norms_min_n))
      ->check(whole_number(0))
      ->capture_default_str()
      ->type_name("N")
      ->group("Norms");
  cmd->add_option("--lang", o.lang, tr(Msg::help_validate_lang))
      ->check(CLI::IsMember({"en", "fr"}))
      ->group("Output");
  return cmd;
}

CLI::App* add_help_command(CLI::App& app, std::string& topic) {
  CLI::App* cmd = app.add_subcommand("help", tr(Msg::help_help));
  cmd->add_option("command", topic, tr(Msg::help_help_command))->type_name("COMMAND");
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
  std::string lang;  // of --help; first, so that it is set before app is made
  CLI::App app{tr(Msg::help_program), "alliance"};
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

  explicit Parser(const std::string& help_language) : lang(set_help_language(help_language)) {
    app.formatter(std::make_shared<HelpFormatter>(lang));
    app.set_help_flag("-h,--help", tr(Msg::help_opt_help));  // before the commands, which copy it
    app.set_version_flag(
        "-V,--version",
        [] {
          std::string text = version_text();
          text.pop_back();  // CLI11 ends it with a new line
          return text;
        },
        tr(Msg::help_opt_version));
    app.footer(footer_text(tr(Msg::help_footer), ""));
    app.require_subcommand(1);
    app.fallthrough();
    app.add_option("--path", command.global.paths, tr(Msg::help_opt_path))->type_name("DIR");
    app.add_option("--lang", command.global.lang, tr(Msg::help_opt_global_lang))
        ->check(CLI::IsMember({"en", "fr"}));
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
      cmd->footer(footer_text(own ? cmd->get_footer() : tr(Msg::help_footer), cmd->get_name()));
    }
    help->footer(footer_text("", "help"));
    localise(app, lang);
  }

  static std::string set_help_language(const std::string& language) {
    help_language_now = text::is_french(language) ? "fr" : "en";
    return help_language_now;
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
    if (arg == "--path" || arg == "--lang") {
      ++i;
      continue;
    }
    if (arg.starts_with("-")) continue;
    return std::string(arg);
  }
  return "";
}

}  // namespace

std::string help_language(int argc, const char* const* argv, const std::string& locale_language) {
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    std::string_view value;
    if (arg == "--lang" && i + 1 < argc) value = argv[i + 1];
    if (arg.starts_with("--lang=")) value = arg.substr(7);
    if (value == "fr" || value == "en") return std::string(value);
  }
  return locale_language;
}

namespace {

// What bare `alliance` prints: the commands, each on a line, and where to read more.
std::string short_help(const Parser& parser) {
  std::string out = parser.app.get_description() + "\n" + tr(Msg::help_short_usage) + "\n\n" +
                    tr(Msg::help_commands_heading) + "\n";
  for (const CLI::App* cmd :
       parser.app.get_subcommands([](const CLI::App* c) { return !c->get_group().empty(); })) {
    std::string name = cmd->get_name();
    name.resize(std::max<std::size_t>(name.size() + 2, 12), ' ');
    out += "  " + name + cmd->get_description() + "\n";
  }
  return out + "\n" + tr(Msg::help_short_end) + "\n";
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

OptionSpec describe_option(const CLI::Option& opt, const std::string& lang) {
  OptionSpec spec;
  spec.positional = !opt.nonpositional();
  if (spec.positional) {
    spec.names = {in_language(kPositionalNames, opt.get_name(true), lang)};
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
  const std::string english_type = english_value_name(type_name.substr(0, type_name.find(':')), lang);
  spec.choices = choices_in(type_name);
  spec.value_name = spec.choices.empty() ? type_name.substr(0, type_name.find(':')) : "";
  if (spec.choices.empty() && type_name.find(':') != std::string::npos)
    spec.range = type_name.substr(type_name.find(':') + 1);  // "INT:0 to 17"
  if (!spec.choices.empty()) {
    spec.kind = ValueKind::choice;
    for (const std::string& c : spec.choices) spec.value_name += (spec.value_name.empty() ? "" : "|") + c;
  } else if (english_type == "ID|FILE" || english_type == "ID FILE") {
    spec.kind = ValueKind::questionnaire;
  } else if (english_type.starts_with("FILE")) {
    spec.kind = ValueKind::file;
  } else if (english_type == "DIR") {
    spec.kind = ValueKind::directory;
  } else if (english_type == "COMMAND") {
    spec.kind = ValueKind::command;
  } else {
    spec.kind = ValueKind::text;
  }
  return spec;
}

CommandSpec describe_app(const CLI::App& app, const std::string& name, const std::string& notes,
                         const std::string& lang) {
  CommandSpec spec;
  spec.name = name;
  spec.summary = app.get_description();
  const std::string help = name == "alliance" ? app.help() : app.help("alliance");
  // The usage line, without its label ("Usage: ", "Utilisation : ").
  const std::string label = std::string(text::text(lang, Msg::help_label_usage));
  const std::size_t usage = help.find(label);
  const std::size_t from = help.find(' ', usage + label.size()) + 1;
  if (usage != std::string::npos) spec.usage = help.substr(from, help.find('\n', usage) - from);
  for (const CLI::Option* opt : app.get_options()) spec.options.push_back(describe_option(*opt, lang));
  std::stable_partition(spec.options.begin(), spec.options.end(),
                        [](const OptionSpec& o) { return o.positional; });  // as --help shows them
  spec.notes = notes;
  spec.examples = examples_of(name == "alliance" ? "" : name);
  return spec;
}

}  // namespace

CommandLineSpec describe_command_line(const std::string& lang) {
  const Parser parser(lang);
  CommandLineSpec spec;
  spec.program = describe_app(parser.app, "alliance", tr(Msg::help_footer), lang);
  spec.program.summary = tr(Msg::help_program_summary);
  spec.environment = environment_variables();
  for (const CLI::App* cmd :
       parser.app.get_subcommands([](const CLI::App* c) { return !c->get_group().empty(); })) {
    std::string notes = cmd->get_name() == "help" ? "" : tr(Msg::help_footer);
    if (cmd->get_name() == "administer" || cmd->get_name() == "report") {
      notes = cmd->get_footer();
      notes = notes.substr(0, notes.find("\n\n" + tr(Msg::help_examples_heading)));
    }
    spec.commands.push_back(describe_app(*cmd, cmd->get_name(), notes, lang));
  }
  return spec;
}

ParsedCommandLine parse_command_line(int argc, const char* const* argv, const std::string& locale_language) {
  Parser parser(help_language(argc, argv, locale_language));
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
  // --lang before the command counts as the command's own (given after it, that wins).
  std::visit(
      [&global = command.global](auto& options) {
        if constexpr (std::is_same_v<std::decay_t<decltype(options)>, ReportOptions>) {
          if (options.trend.lang.empty()) options.trend.lang = global.lang;
        } else if constexpr (requires { options.lang; }) {
          if (options.lang.empty()) options.lang = global.lang;
        }
      },
      command.options);
  return std::move(command);
}

}  // namespace alliance::cli
