// parse_command_line in-process: argument lists and the options they give, or
// the usage error they give (its exact text and exit code), without running a
// command or a process. The end-to-end tests run the same parser in the binary.
#include "alliance/cli/command_line.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace alliance::cli {
namespace {

ParsedCommandLine parse(const std::vector<std::string>& args, const std::string& locale = "en") {
  std::vector<const char*> argv{"alliance"};
  for (const std::string& arg : args) argv.push_back(arg.c_str());
  return parse_command_line(static_cast<int>(argv.size()), argv.data(), locale);
}

// The options of a command line that must parse as a command of type T.
template <typename T>
T options_of(const std::vector<std::string>& args, GlobalOptions* global = nullptr) {
  const ParsedCommandLine parsed = parse(args);
  if (const Printout* printout = std::get_if<Printout>(&parsed)) {
    ADD_FAILURE() << "not a command: " << printout->out << printout->err;
    return T{};
  }
  const Command& command = std::get<Command>(parsed);
  if (global) *global = command.global;
  const T* options = std::get_if<T>(&command.options);
  if (!options) {
    ADD_FAILURE() << "another command: variant index " << command.options.index();
    return T{};
  }
  return *options;
}

Printout printout_of(const std::vector<std::string>& args, const std::string& locale = "en") {
  const ParsedCommandLine parsed = parse(args, locale);
  if (!std::holds_alternative<Printout>(parsed)) {
    ADD_FAILURE() << "parsed as a command";
    return {};
  }
  return std::get<Printout>(parsed);
}

// ---- Commands and their options ------------------------------------------

TEST(CommandLine, ScoreDefaults) {
  GlobalOptions global;
  const auto o = options_of<ScoreOptions>({"score", "gtb-12"}, &global);
  EXPECT_TRUE(global.paths.empty());
  EXPECT_EQ(o.questionnaire, "gtb-12");
  EXPECT_TRUE(o.input.files.empty());  // standard input
  EXPECT_EQ(o.input.input_format, "auto");
  EXPECT_EQ(o.input.encoding, "auto");
  EXPECT_EQ(o.input.skip_rows, 0);
  EXPECT_EQ(o.input.from, "");
  EXPECT_TRUE(o.input.recode.empty());
  EXPECT_TRUE(o.input.where.empty());
  EXPECT_EQ(o.input.delimiter, "");
  EXPECT_FALSE(o.input.decimal_comma);
  EXPECT_EQ(o.csv_dialect, "standard");
  EXPECT_EQ(o.input.threads, 0);
  EXPECT_FALSE(o.input.two_threads_by_default);
  EXPECT_EQ(o.format, "");  // decided later: a table on a terminal, else CSV
  EXPECT_FALSE(o.long_format);
  EXPECT_FALSE(o.output_columns.has_value());
  EXPECT_EQ(o.precision, -1);
  EXPECT_FALSE(o.strict);
  EXPECT_FALSE(o.explain);
  EXPECT_TRUE(o.fail_below.empty());
}

TEST(CommandLine, ScoreEveryOption) {
  GlobalOptions global;
  const auto o = options_of<ScoreOptions>({"--path",
                                           "defs",
                                           "score",
                                           "wai-sr",
                                           "a.csv",
                                           "b.ndjson",
                                           "-f",
                                           "json",
                                           "--long",
                                           "--precision",
                                           "3",
                                           "--lang",
                                           "fr",
                                           "--strict",
                                           "--fail-below",
                                           "total=3",
                                           "--fail-below",
                                           "bond=2.5",
                                           "--map",
                                           "Q1=1",
                                           "--map",
                                           "Q2=2",
                                           "--threads",
                                           "2",
                                           "--skip-rows",
                                           "2",
                                           "--encoding",
                                           "latin-1",
                                           "--input-format",
                                           "csv",
                                           "--columns",
                                           "wai_{id}",
                                           "--id-column",
                                           "pid",
                                           "--session-column",
                                           "visit",
                                           "--output-columns",
                                           "respondent,total",
                                           "--from",
                                           "redcap",
                                           "--recode",
                                           "A1=1,A2=2",
                                           "--recode",
                                           "Never=1",
                                           "--where",
                                           "redcap_event_name=week_4_arm_1",
                                           "--where",
                                           "redcap_event_name=week_8_arm_1",
                                           "--delimiter",
                                           ";",
                                           "--decimal-comma",
                                           "--csv-dialect",
                                           "excel-fr",
                                           "--path",
                                           "more"},
                                          &global);
  EXPECT_EQ(global.paths, (std::vector<std::string>{"defs", "more"}));  // --path after the command too
  EXPECT_EQ(o.questionnaire, "wai-sr");
  EXPECT_EQ(o.input.files, (std::vector<std::string>{"a.csv", "b.ndjson"}));
  EXPECT_EQ(o.format, "json");
  EXPECT_TRUE(o.long_format);
  EXPECT_EQ(o.precision, 3);
  EXPECT_EQ(o.lang, "fr");
  EXPECT_TRUE(o.strict);
  EXPECT_EQ(o.fail_below, (std::vector<std::string>{"total=3", "bond=2.5"}));
  EXPECT_EQ(o.input.maps, (std::vector<std::string>{"Q1=1", "Q2=2"}));
  EXPECT_EQ(o.input.threads, 2);
  EXPECT_EQ(o.input.skip_rows, 2);
  EXPECT_EQ(o.input.encoding, "latin-1");
  EXPECT_EQ(o.input.input_format, "csv");
  EXPECT_EQ(o.input.columns, "wai_{id}");
  EXPECT_EQ(o.input.id_column, "pid");
  EXPECT_EQ(o.input.session_column, "visit");
  EXPECT_EQ(o.input.from, "redcap");
  EXPECT_EQ(o.input.recode, (std::vector<std::string>{"A1=1,A2=2", "Never=1"}));
  EXPECT_EQ(o.input.where,
            (std::vector<std::string>{"redcap_event_name=week_4_arm_1", "redcap_event_name=week_8_arm_1"}));
  EXPECT_EQ(o.input.delimiter, ";");
  EXPECT_TRUE(o.input.decimal_comma);
  EXPECT_EQ(o.csv_dialect, "excel-fr");
  EXPECT_EQ(o.output_columns, std::optional<std::string>("respondent,total"));
  EXPECT_FALSE(o.explain);
  // Given empty, --output-columns is there and empty (the writer refuses it), not absent.
  EXPECT_EQ(options_of<ScoreOptions>({"score", "gtb-12", "--output-columns", ""}).output_columns,
            std::optional<std::string>(""));
  EXPECT_TRUE(options_of<ScoreOptions>({"score", "gtb-12", "--explain"}).explain);
}

TEST(CommandLine, StatsDefaultsAndOptions) {
  const auto d = options_of<StatsCommandOptions>({"stats", "gtb-12", "-"});
  EXPECT_EQ(d.input.files, (std::vector<std::string>{"-"}));
  EXPECT_TRUE(d.input.two_threads_by_default);  // stats reads large files in two parts
  EXPECT_EQ(d.missing, "pairwise");
  EXPECT_EQ(d.min_complete, 30);
  EXPECT_EQ(d.floor_ceiling, 15);
  EXPECT_EQ(d.run_limit, 0);
  EXPECT_FALSE(d.quality);
  EXPECT_EQ(d.section, "");  // every table in JSON, the scales in CSV/TSV/NDJSON
  const auto items =
      options_of<StatsCommandOptions>({"stats", "gtb-12", "-f", "ndjson", "--section", "items"});
  EXPECT_EQ(items.format, "ndjson");
  EXPECT_EQ(items.section, "items");
  // jsonl, the other name of ndjson (docs/output-format.md), in every data command.
  EXPECT_EQ(options_of<StatsCommandOptions>({"stats", "gtb-12", "-f", "jsonl"}).format, "jsonl");
  EXPECT_EQ(options_of<ScoreOptions>({"score", "gtb-12", "-f", "jsonl"}).format, "jsonl");
  EXPECT_EQ(options_of<TrendOptions>({"trend", "gtb-12", "-f", "jsonl"}).format, "jsonl");
  EXPECT_EQ(options_of<ListOptions>({"list", "-f", "jsonl"}).format, "jsonl");
  const auto o = options_of<StatsCommandOptions>(
      {"stats", "gtb-12", "--missing", "listwise", "--min-complete", "0", "--floor-ceiling", "12.5",
       "--run-limit", "4", "--quality", "--format", "tsv", "--precision", "0"});
  EXPECT_EQ(o.missing, "listwise");
  EXPECT_EQ(o.min_complete, 0);
  EXPECT_EQ(o.floor_ceiling, 12.5);
  EXPECT_EQ(o.run_limit, 4);
  EXPECT_TRUE(o.quality);
  EXPECT_EQ(o.format, "tsv");
  EXPECT_EQ(o.precision, 0);
}

TEST(CommandLine, TrendOptions) {
  const auto d = options_of<TrendOptions>({"trend", "gtb-12"});
  EXPECT_EQ(d.rupture, "lenient");
  EXPECT_EQ(d.baseline, 3);
  EXPECT_EQ(d.repair_within, 3);
  EXPECT_FALSE(d.low_item.has_value());
  EXPECT_EQ(d.reliable_z, 1.96);
  EXPECT_EQ(d.reliable_from, "previous");  // one test a session (docs/trend.md)
  EXPECT_EQ(d.hold, 50000);
  EXPECT_FALSE(d.latest);
  const auto held = options_of<TrendOptions>({"trend", "gtb-12", "--reliable-from", "both", "--hold", "10"});
  EXPECT_EQ(held.reliable_from, "both");
  EXPECT_EQ(held.hold, 10);
  EXPECT_EQ(printout_of({"trend", "gtb-12", "--reliable-from", "last"}).code, ExitCode::usage);
  EXPECT_EQ(printout_of({"trend", "gtb-12", "--hold", "0"}).code, ExitCode::usage);
  const auto o = options_of<TrendOptions>({"trend",
                                           "gtb-12",
                                           "s.ndjson",
                                           "--sd",
                                           "goals=1,total=2",
                                           "--sd",
                                           "bond=3",
                                           "--retest-r",
                                           "total=0.8",
                                           "--rupture",
                                           "strict",
                                           "--baseline",
                                           "2",
                                           "--repair-within",
                                           "1000",
                                           "--low-item",
                                           "1.5",
                                           "--reliable-z",
                                           "2.5",
                                           "--latest",
                                           "--fail-on",
                                           "rupture,repair",
                                           "--fail-on",
                                           "ceiling"});
  EXPECT_EQ(o.input.files, (std::vector<std::string>{"s.ndjson"}));
  EXPECT_EQ(o.sd, (std::vector<std::string>{"goals=1,total=2",
                                            "bond=3"}));  // checked against the questionnaire later
  EXPECT_EQ(o.retest_r, (std::vector<std::string>{"total=0.8"}));
  EXPECT_EQ(o.rupture, "strict");
  EXPECT_EQ(o.baseline, 2);
  EXPECT_EQ(o.repair_within, 1000);
  EXPECT_EQ(o.low_item, std::optional<double>(1.5));
  EXPECT_EQ(o.reliable_z, 2.5);
  EXPECT_TRUE(o.latest);
  EXPECT_EQ(o.fail_on, (std::vector<std::string>{"rupture,repair", "ceiling"}));
}

TEST(CommandLine, ReportOptions) {
  const auto d = options_of<ReportOptions>({"report", "srs", "s.ndjson", "-o", "r.html"});
  EXPECT_EQ(d.trend.questionnaire, "srs");
  EXPECT_EQ(d.trend.input.files, (std::vector<std::string>{"s.ndjson"}));
  EXPECT_EQ(d.output, "r.html");
  EXPECT_EQ(d.format, "html");
  EXPECT_EQ(d.scale, "total");
  EXPECT_TRUE(d.therapist.empty());
  EXPECT_TRUE(d.respondents.empty());
  EXPECT_EQ(d.trend.rupture, "lenient");  // trend's defaults, as trend has them
  EXPECT_EQ(d.trend.baseline, 3);
  EXPECT_EQ(d.trend.reliable_z, 1.96);
  const auto o = options_of<ReportOptions>({"report",    "gtb-12",
                                            "c.ndjson",  "--therapist",
                                            "gtb-12-t",  "t1.csv",
                                            "t2.csv",    "--output",
                                            "-",         "--respondent",
                                            "P1",        "--respondent",
                                            "P2",        "--sd",
                                            "total=0.5", "--retest-r",
                                            "total=0.7", "--rupture",
                                            "strict",    "--baseline",
                                            "2",         "--repair-within",
                                            "4",         "--low-item",
                                            "2",         "--reliable-z",
                                            "1.64",      "-f",
                                            "svg",       "--scale",
                                            "bond",      "--lang",
                                            "fr",        "--map",
                                            "Q1=1"});
  EXPECT_EQ(o.trend.input.files, (std::vector<std::string>{"c.ndjson"}));
  EXPECT_EQ(o.therapist, (std::vector<std::string>{"gtb-12-t", "t1.csv", "t2.csv"}));
  EXPECT_EQ(o.output, "-");
  EXPECT_EQ(o.respondents, (std::vector<std::string>{"P1", "P2"}));
  EXPECT_EQ(o.trend.sd, (std::vector<std::string>{"total=0.5"}));
  EXPECT_EQ(o.trend.retest_r, (std::vector<std::string>{"total=0.7"}));
  EXPECT_EQ(o.trend.rupture, "strict");
  EXPECT_EQ(o.trend.baseline, 2);
  EXPECT_EQ(o.trend.repair_within, 4);
  EXPECT_EQ(o.trend.low_item, std::optional<double>(2));
  EXPECT_EQ(o.trend.reliable_z, 1.64);
  EXPECT_EQ(o.format, "svg");
  EXPECT_EQ(o.scale, "bond");
  EXPECT_EQ(o.trend.lang, "fr");
  EXPECT_EQ(o.trend.input.maps, (std::vector<std::string>{"Q1=1"}));
}

TEST(CommandLine, CompareFormsTakeTheirFiles) {
  const auto o = options_of<CompareOptions>({"compare", "--client", "gtb-12", "a.csv", "b.csv", "--therapist",
                                             "gtb-12-t", "c.csv", "--items", "5", "--section", "agreement",
                                             "--map", "Q1=1"});
  EXPECT_EQ(o.forms[0], (std::vector<std::string>{"gtb-12", "a.csv", "b.csv"}));
  EXPECT_EQ(o.forms[1], (std::vector<std::string>{"gtb-12-t", "c.csv"}));
  EXPECT_TRUE(o.forms[2].empty());
  EXPECT_TRUE(o.input.files.empty());  // files belong to the forms
  EXPECT_EQ(o.input.maps, (std::vector<std::string>{"Q1=1"}));
  EXPECT_EQ(o.items, 5u);
  EXPECT_EQ(o.section, "agreement");
  EXPECT_EQ(options_of<CompareOptions>({"compare"}).items, 3u);
}

TEST(CommandLine, AdministerTakesValuesAsTyped) {
  const auto o =
      options_of<AdministerOptions>({"administer", "gtb-12", "--respondent", "P1", "--session", "02", "-o",
                                     "out/", "--resume", "--plain", "--hide-scores", "--lang", "de"});
  EXPECT_EQ(o.questionnaire, "gtb-12");
  EXPECT_EQ(o.respondent, "P1");
  EXPECT_TRUE(o.respondent_given);
  EXPECT_EQ(o.session_text, "02");
  EXPECT_FALSE(o.session.has_value());  // the command reads it, in the session's language
  EXPECT_EQ(o.output, "out/");
  EXPECT_TRUE(o.resume);
  EXPECT_TRUE(o.plain);
  EXPECT_TRUE(o.hide_scores);
  EXPECT_FALSE(o.force);
  EXPECT_EQ(o.lang, "de");  // refused by the command in the session's language, not here
  // An empty id is given (and refused later); none is not given.
  EXPECT_TRUE(options_of<AdministerOptions>({"administer", "gtb-12", "--respondent", ""}).respondent_given);
  EXPECT_FALSE(options_of<AdministerOptions>({"administer", "gtb-12"}).respondent_given);
  EXPECT_EQ(options_of<AdministerOptions>({"administer"}).questionnaire, "");
}

TEST(CommandLine, ListShowValidate) {
  const auto list = options_of<ListOptions>({"list"});
  EXPECT_EQ(list.format, "");  // chosen when writing: table on a terminal, csv otherwise
  EXPECT_EQ(list.lang, "");
  EXPECT_EQ(options_of<ListOptions>({"list", "--format", "json", "--lang", "fr"}).lang, "fr");
  const auto show = options_of<ShowOptions>({"show", "srs", "--format", "json"});
  EXPECT_EQ(show.questionnaire, "srs");
  EXPECT_EQ(show.format, "json");
  EXPECT_EQ(options_of<ShowOptions>({"show", "srs", "-f", "table"}).format, "table");  // -f as elsewhere
  const auto validate = options_of<ValidateOptions>({"validate", "a.json", "b.json"});
  EXPECT_EQ(validate.files, (std::vector<std::string>{"a.json", "b.json"}));
  EXPECT_EQ(validate.format, "");  // table on a terminal, json otherwise
}

TEST(CommandLine, NormsOptions) {
  const auto d = options_of<NormsOptions>({"norms", "wai-sr", "a.csv", "b.csv", "-o", "clinic.json"});
  EXPECT_EQ(d.questionnaire, "wai-sr");
  EXPECT_EQ(d.input.files, (std::vector<std::string>{"a.csv", "b.csv"}));
  EXPECT_EQ(d.output, "clinic.json");
  EXPECT_EQ(d.sessions, "first");  // one score per respondent (docs/norms.md)
  EXPECT_EQ(d.min_n, 30);
  EXPECT_EQ(d.lang, "");
  const auto o = options_of<NormsOptions>({"norms", "srs", "s.ndjson", "--output", "-", "--sessions", "all",
                                           "--min-n", "10", "--lang", "fr", "--id-column", "client"});
  EXPECT_EQ(o.output, "-");
  EXPECT_EQ(o.sessions, "all");
  EXPECT_EQ(o.min_n, 10);
  EXPECT_EQ(o.lang, "fr");
  EXPECT_EQ(o.input.id_column, "client");  // score's input options
}

// ---- Help and version ------------------------------------------------------

TEST(CommandLine, HelpAndVersionGoToStandardOutput) {
  const Printout version = printout_of({"--version"});
  EXPECT_TRUE(version.out.starts_with("alliance 0.1.0\nrevision: ")) << version.out;
  EXPECT_EQ(version.err, "");
  EXPECT_EQ(version.code, ExitCode::ok);
  const Printout help = printout_of({"--help"});
  EXPECT_EQ(help.code, ExitCode::ok);
  EXPECT_EQ(help.err, "");
  EXPECT_TRUE(help.out.starts_with("alliance — administer and score therapeutic alliance questionnaires"));
  for (const char* text : {"list", "show", "validate", "score", "stats", "trend", "compare", "administer",
                           "report", "norms", "Exit status: 0 ok", "ALLIANCE_PATH"})
    EXPECT_NE(help.out.find(text), std::string::npos) << text;
  // A command's help is its own, whatever follows.
  const Printout score = printout_of({"score", "--help", "--frob"});
  EXPECT_EQ(score.code, ExitCode::ok);
  EXPECT_TRUE(score.out.starts_with("Score responses: subscales and total")) << score.out;
  EXPECT_NE(score.out.find("--fail-below SCALE=VALUE"), std::string::npos);
  EXPECT_NE(score.out.find("Input:"), std::string::npos);  // the shared input options, grouped
  const Printout administer = printout_of({"administer", "-h"});
  EXPECT_NE(administer.out.find("131 SIGQUIT, 143 SIGTERM"), std::string::npos);
  EXPECT_EQ(printout_of({"compare", "--help"}).out.find("FILE..."),
            std::string::npos);  // no files of its own
}

// Issue 18: bare `alliance` prints the short help (standard output, status 2);
// `alliance help CMD` is CMD's --help; -V is --version.
TEST(CommandLine, BareAllianceHelpCommandAndShortVersionFlag) {
  const Printout bare = printout_of({});
  EXPECT_EQ(bare.code, ExitCode::usage);
  EXPECT_EQ(bare.err, "");
  EXPECT_TRUE(bare.out.starts_with("alliance — administer and score")) << bare.out;
  EXPECT_NE(bare.out.find("\n  score       Score responses: subscales and total"), std::string::npos)
      << bare.out;
  EXPECT_NE(bare.out.find("Run 'alliance help COMMAND'"), std::string::npos);
  EXPECT_EQ(bare.out.find("--input-format"), std::string::npos);  // short: no option of a command
  EXPECT_EQ(printout_of({"help", "score"}).out, printout_of({"score", "--help"}).out);
  EXPECT_EQ(printout_of({"help", "score"}).code, ExitCode::ok);
  EXPECT_EQ(printout_of({"help"}).out, printout_of({"--help"}).out);
  EXPECT_EQ(printout_of({"-V"}).out, printout_of({"--version"}).out);
  const std::string version = printout_of({"-V"}).out;
  EXPECT_NE(version.find("\n  gtb-12    1.0.0  fnv1a64:"), std::string::npos) << version;
  EXPECT_NE(version.find("\n  wai-sr    1.0.0  fnv1a64:"), std::string::npos) << version;
  // Each command's help ends with examples.
  for (const char* command :
       {"list", "show", "validate", "score", "stats", "trend", "compare", "administer"}) {
    const std::string help = printout_of({command, "--help"}).out;
    const auto examples = help.find("\nExamples:\n  ");
    ASSERT_NE(examples, std::string::npos) << command;
    EXPECT_NE(help.find("alliance " + std::string(command), examples), std::string::npos) << command;
  }
}

// ---- Usage errors ----------------------------------------------------------

struct UsageCase {
  std::vector<std::string> args;
  std::string err;
  std::string locale = "en";
};

void expect_usage_errors(const std::vector<UsageCase>& cases) {
  for (const UsageCase& c : cases) {
    std::string typed;
    for (const std::string& arg : c.args) typed += " " + arg;
    SCOPED_TRACE("alliance" + typed + " (locale " + c.locale + ")");
    const Printout p = printout_of(c.args, c.locale);
    EXPECT_EQ(p.code, ExitCode::usage);
    EXPECT_EQ(exit_status(p.code), 2);
    EXPECT_EQ(p.out, "");
    EXPECT_EQ(p.err, c.err);
  }
}

const std::string kHelp = "\nRun 'alliance --help' for usage.\n";

std::string help_of(const std::string& command) {
  return "\nRun 'alliance " + command + " --help' for usage.\n";
}

TEST(CommandLine, UsageErrorsNameTheOptionAndWhatItExpects) {
  expect_usage_errors({
      {{"frobnicate"},
       "alliance: unknown command 'frobnicate'\nRun 'alliance --help' for the list of commands.\n"},
      // Issue 18: a mistyped command or option gets a suggestion; the help named is the command's.
      {{"scor", "gtb-12"},
       "alliance: unknown command 'scor', did you mean 'score'?\nRun 'alliance --help' for the list of "
       "commands.\n"},
      {{"--path", "d", "lsit"},
       "alliance: unknown command 'lsit', did you mean 'list'?\nRun 'alliance --help' for the list of "
       "commands.\n"},
      {{"help", "scor"},
       "alliance: unknown command 'scor', did you mean 'score'?\nRun 'alliance --help' for the list of "
       "commands.\n"},
      {{"--path", "d"}, "alliance: A subcommand is required" + kHelp},
      {{"score", "gtb-12", "--precison", "2"},
       "alliance: The following argument was not expected: --precison, did you mean '--precision'?" +
           help_of("score")},
      {{"stats", "gtb-12", "--min-complet=3"},
       "alliance: The following argument was not expected: --min-complet=3, did you mean '--min-complete'?" +
           help_of("stats")},
      {{"--path"}, "alliance: --path: 1 required DIR missing" + kHelp},
      {{"show"}, "alliance: questionnaire is required" + help_of("show")},
      {{"validate"}, "alliance: files is required" + help_of("validate")},
      {{"list", "extra"}, "alliance: The following argument was not expected: extra" + help_of("list")},
      {{"score", "gtb-12", "--formt", "csv"},
       "alliance: The following argument was not expected: --formt, did you mean '--format'?" +
           help_of("score")},
      {{"list", "--format", "xml"},
       "alliance: --format: xml not in {table,text,json,ndjson,jsonl,csv,tsv}" + help_of("list")},
      {{"score", "gtb-12", "--format", "xml"},
       "alliance: --format: xml not in {table,json,ndjson,jsonl,csv,tsv,sav,dta}" + help_of("score")},
      {{"score", "gtb-12", "--lang", "de"}, "alliance: --lang: de not in {en,fr}" + help_of("score")},
      {{"score", "gtb-12", "--input-format", "xls"},
       "alliance: --input-format: xls not in {auto,json,ndjson,jsonl,csv,tsv,sav,zsav,por,dta,sas7bdat,xpt}" +
           help_of("score")},
      {{"score", "gtb-12", "--from", "surveymonkey"},
       "alliance: --from: surveymonkey not in {qualtrics,redcap,limesurvey}" + help_of("score")},
      {{"score", "gtb-12", "--precision", "abc"},
       "alliance: --precision: 'abc' is not a whole number (expected a whole number, 0 to 17)" +
           help_of("score")},
      {{"score", "gtb-12", "--precision", "0x10"},
       "alliance: --precision: '0x10' is not a whole number (expected a whole number, 0 to 17)" +
           help_of("score")},
      {{"score", "gtb-12", "--precision", "18"},
       "alliance: --precision: '18' is out of range (expected a whole number, 0 to 17)" + help_of("score")},
      {{"score", "gtb-12", "--precision", ""},
       "alliance: --precision: no value (expected a whole number, 0 to 17)" + help_of("score")},
      {{"score", "gtb-12", "--threads", "3"},
       "alliance: --threads: '3' is out of range (expected a whole number, 1 or 2)" + help_of("score")},
      {{"score", "gtb-12", "--skip-rows", "-1"},
       "alliance: --skip-rows: '-1' is out of range (expected a whole number, 0 or more)" + help_of("score")},
      {{"score", "gtb-12", "--fail-below"},
       "alliance: --fail-below: 1 required SCALE=VALUE missing" + help_of("score")},
      {{"stats", "gtb-12", "--floor-ceiling", "nan"},
       "alliance: --floor-ceiling: 'nan' is not a finite number (expected a number, 0 to 100)" +
           help_of("stats")},
      {{"stats", "gtb-12", "--run-limit", "0"},
       "alliance: --run-limit: '0' is out of range (expected a whole number, 1 or more)" + help_of("stats")},
      {{"stats", "gtb-12", "--section", "pairs"},
       "alliance: --section: pairs not in {summary,scales,items,correlations,warnings}" + help_of("stats")},
      {{"show", "gtb-12", "-f", "csv"}, "alliance: --format: csv not in {table,text,json}" + help_of("show")},
      {{"trend", "gtb-12", "--baseline", "1"},
       "alliance: --baseline: '1' is out of range (expected a whole number, 2 to 1000)" + help_of("trend")},
      {{"trend", "gtb-12", "--low-item", "inf"},
       "alliance: --low-item: 'inf' is not a finite number (expected a finite number)" + help_of("trend")},
      {{"trend", "gtb-12", "--reliable-z", "0"},
       "alliance: --reliable-z: '0' is out of range (expected a number, greater than 0)" + help_of("trend")},
      {{"compare", "--client", "gtb-12"},
       "alliance: --client: At least 2 required but received 1" + help_of("compare")},
      {{"compare", "x.csv"}, "alliance: The following argument was not expected: x.csv" + help_of("compare")},
      // report writes only where it is told: -o is required.
      {{"report", "srs", "s.ndjson"}, "alliance: --output is required" + help_of("report")},
      {{"report", "srs", "-o", "r.html", "-f", "pdf"},
       "alliance: --format: pdf not in {html,svg}" + help_of("report")},
      {{"report", "srs", "-o", "r.html", "--therapist", "gtb-12-t"},
       "alliance: --therapist: At least 2 required but received 1" + help_of("report")},
      {{"report", "srs", "-o", "r.html", "--baseline", "1"},
       "alliance: --baseline: '1' is out of range (expected a whole number, 2 to 1000)" + help_of("report")},
      // norms writes only where it is told: -o is required.
      {{"norms", "wai-sr", "a.csv"}, "alliance: --output is required" + help_of("norms")},
      {{"norms", "wai-sr", "-o", "n.json", "--sessions", "second"},
       "alliance: --sessions: second not in {first,last,all}" + help_of("norms")},
      {{"norms", "wai-sr", "-o", "n.json", "--min-n", "-1"},
       "alliance: --min-n: '-1' is out of range (expected a whole number, 0 or more)" + help_of("norms")},
      {{"compare", "--items", "1001"},
       "alliance: --items: '1001' is out of range (expected a whole number, 0 to 1000)" + help_of("compare")},
  });
}

const std::string kAdministerHelp = "\nFor help: alliance administer --help\n";
const std::string kAideAdministrer = "\nPour l’aide\u00a0: alliance administer --help\n";

TEST(CommandLine, AdministerUsageErrorsAreInTheSessionsLanguage) {
  expect_usage_errors({
      // The arguments in the order typed (CLI11 lists them backwards), and the option meant.
      {{"administer", "gtb-12", "2", "--sesion"},
       "alliance: unexpected on the command line: 2 --sesion, did you mean '--session'?" + kAdministerHelp},
      {{"administer", "gtb-12", "extra", "more"},
       "alliance: unexpected on the command line: extra more" + kAdministerHelp},
      {{"administer", "gtb-12", "--respondent"}, "alliance: --respondent needs a value" + kAdministerHelp},
      // --lang among administer's arguments decides, else the locale.
      {{"administer", "gtb-12", "--lang", "fr", "--sesion", "2"},
       "alliance\u00a0: inattendu sur la ligne de commande\u00a0: --sesion 2\u00a0; vouliez-vous dire "
       "«\u00a0--session\u00a0»\u00a0?" +
           kAideAdministrer},
      {{"administer", "gtb-12", "--lang=fr", "-o"},
       "alliance\u00a0: --output attend une valeur" + kAideAdministrer},
      {{"--path", "d", "administer", "gtb-12", "--frob"},
       "alliance\u00a0: inattendu sur la ligne de commande\u00a0: --frob" + kAideAdministrer,
       "fr"},
      {{"administer", "gtb-12", "--lang", "en", "--frob"},
       "alliance: unexpected on the command line: --frob" + kAdministerHelp,
       "fr"},
      // Every command's errors are in its language (issue 14); in English, the parser's words.
      {{"score", "gtb-12", "--lang", "fr", "--frobnicate"},
       "alliance\u00a0: argument inattendu\u00a0: --frobnicate\nPour l’aide\u00a0: alliance score --help\n",
       "en"},
      {{"score", "gtb-12", "--frobnicate", "--bar"},
       "alliance\u00a0: arguments inattendus\u00a0: --bar --frobnicate\nPour l’aide\u00a0: alliance score "
       "--help\n",
       "fr"},
      {{"score", "--lang", "fr"},
       "alliance\u00a0: questionnaire\u00a0: obligatoire\nPour l’aide\u00a0: alliance score --help\n"},
      {{"stats", "gtb-12", "--section", "pairs", "--lang", "fr"},
       "alliance\u00a0: --section\u00a0: pairs n’est pas une valeur possible (valeurs possibles\u00a0: "
       "{summary,scales,items,correlations,warnings})\nPour l’aide\u00a0: alliance stats --help\n"},
      {{"score", "gtb-12", "--fail-below"},
       "alliance\u00a0: --fail-below attend une valeur (ÉCHELLE=VALEUR)\nPour l’aide\u00a0: alliance score "
       "--help\n",
       "fr"},
      // The number options' checks, worded in French (they were English after "détail en anglais").
      {{"score", "gtb-12", "--precision", "abc"},
       "alliance\u00a0: --precision\u00a0: «\u00a0abc\u00a0» n’est pas un nombre entier (un nombre entier "
       "est "
       "attendu, 0 à 17)\nPour l’aide\u00a0: alliance score --help\n",
       "fr"},
      {{"--lang", "fr", "trend", "srs", "--reliable-z", "0"},
       "alliance\u00a0: --reliable-z\u00a0: «\u00a00\u00a0» est hors des limites (un nombre est attendu, "
       "strictement supérieur à 0)\nPour l’aide\u00a0: alliance trend --help\n"},
      {{"stats", "gtb-12", "--floor-ceiling", "nan", "--lang", "fr"},
       "alliance\u00a0: --floor-ceiling\u00a0: «\u00a0nan\u00a0» n’est pas un nombre fini (un nombre est "
       "attendu, "
       "0 à 100)\nPour l’aide\u00a0: alliance stats --help\n"},
      {{"score", "gtb-12", "--threads", "", "--lang", "fr"},
       "alliance\u00a0: --threads\u00a0: aucune valeur (un nombre entier est attendu, 1 ou 2)\nPour "
       "l’aide\u00a0: "
       "alliance score --help\n"},
      {{"score", "gtb-12", "--lang", "en", "--frobnicate"},
       "alliance: The following argument was not expected: --frobnicate" + help_of("score"),
       "fr"},
  });
}

}  // namespace
}  // namespace alliance::cli
