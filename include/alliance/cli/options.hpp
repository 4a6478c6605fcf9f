// What each command of `alliance` is asked to do: one plain struct per
// command, filled from the command line by parse_command_line
// (command_line.hpp, the only code that knows CLI11) and run by the command's
// run function (commands.hpp). Defaults here are the documented defaults;
// values are as typed, checked against their ranges and lists of choices but
// not against any questionnaire (the run functions do that).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace alliance::cli {

// Options before the command, shared by every command.
struct GlobalOptions {
  std::vector<std::string> paths;  // --path DIR, repeatable
  std::string lang;                // --lang before the command: the command's --lang when it has none
};

// The input options every command that reads responses shares (score, stats,
// trend, compare): which format, how CSV columns map to items, where the
// respondent and session are. One definition, so the commands cannot drift.
struct InputOptions {
  std::vector<std::string> files;  // none = standard input
  std::string input_format = "auto";
  std::string columns;            // --columns PATTERN
  std::vector<std::string> maps;  // --map COLUMN=ITEM
  std::string id_column;
  std::string session_column;
  int skip_rows = 0;
  std::string encoding = "auto";    // --encoding
  std::string from;                 // --from qualtrics|redcap|limesurvey: the export's layout; "" = none
  std::vector<std::string> recode;  // --recode 'CODE=VALUE,…' (repeatable)
  std::vector<std::string> where;   // --where COLUMN=VALUE (repeatable)
  std::string delimiter;            // --delimiter: "" = sniffed
  bool decimal_comma = false;       // --decimal-comma
  int threads = 0;                  // --threads: 1 or 2; 0 = ALLIANCE_THREADS, else the command's default
  // The command's default: two threads on two cores or more. For commands
  // whose work per record is large next to handing the record over (stats).
  bool two_threads_by_default = false;
};

struct ListOptions {
  std::string format;  // "" = table on a terminal, csv otherwise
  std::string lang;
};

struct ShowOptions {
  std::string questionnaire;
  std::string format;  // "" = table (the readable view) on a terminal, json otherwise
  std::string lang;
};

struct ValidateOptions {
  std::vector<std::string> files;
  std::string format;  // "" = table (one line per problem) on a terminal, json otherwise
  std::string lang;    // of the table's messages (JSON keeps them in English)
};

struct ScoreOptions {
  std::string questionnaire;
  InputOptions input;
  std::string format;  // "" = from -o's extension, else table on a terminal, csv otherwise
  std::string output;  // -o FILE: written atomically, mode 0600; "" = standard output
  bool long_format = false;
  std::optional<std::string> output_columns;  // --output-columns LIST as given
  std::string csv_dialect = "standard";       // --csv-dialect: standard or excel-fr
  std::string lang;
  int precision = -1;
  bool strict = false;
  bool explain = false;
  std::vector<std::string> fail_below;
};

struct StatsCommandOptions {
  std::string questionnaire;
  InputOptions input;
  std::string format;   // "" = table on a terminal, csv otherwise
  std::string section;  // "" = every table in JSON, scales in CSV/TSV/NDJSON
  std::string lang;
  int precision = -1;
  std::string missing = "pairwise";
  long min_complete = 30;
  double floor_ceiling = 15;
  int run_limit = 0;
  bool quality = false;
};

struct TrendOptions {
  std::string questionnaire;
  InputOptions input;
  std::string format;  // "" = table on a terminal, csv otherwise
  std::string lang;
  int precision = -1;
  std::vector<std::string> sd;
  std::vector<std::string> retest_r;
  std::string rupture = "lenient";
  int baseline = 3;
  int repair_within = 3;
  std::optional<double> low_item;
  double reliable_z = 1.96;
  std::string reliable_from = "previous";  // previous, first, both
  long hold = 50000;                       // sessions held to regroup input not grouped by respondent
  bool latest = false;
  std::vector<std::string> fail_on;
};

// The roles of compare's forms, in the order of CompareOptions::forms.
inline constexpr const char* kCompareRoles[] = {"client", "therapist", "observer"};

struct CompareOptions {
  std::vector<std::string> forms[3];  // per role: ID FILE...
  InputOptions input;                 // shared by every form's files
  std::string format;                 // "" = table on a terminal, csv otherwise
  std::string section;
  std::size_t items = 3;
  std::string lang;
  int precision = -1;
};

// alliance report: trend's series of each respondent, and compare's agreement
// with the therapist's form when given, drawn in one self-contained HTML file
// (docs/report.md).
struct ReportOptions {
  // The questionnaire, the input, --lang and trend's reference and flag
  // options (--sd, --retest-r, --rupture, --baseline, --repair-within,
  // --low-item, --reliable-z), as trend takes them; trend's --format,
  // --precision, --latest and --fail-on are not used.
  TrendOptions trend;
  std::vector<std::string> therapist;    // --therapist ID FILE...; empty = no therapist form
  std::vector<std::string> respondents;  // --respondent ID, repeatable; empty = every respondent
  std::string output;                    // -o FILE, required; "-" = standard output
  std::string format = "html";           // html, or svg: one chart of one respondent
  std::string scale = "total";           // --scale: the chart --format svg draws
};

// alliance norms: a clinic's own norms (n, mean, SD, alpha, test-retest r,
// percentiles per scale), written as a definition that extends the
// questionnaire (docs/norms.md).
struct NormsOptions {
  std::string questionnaire;
  InputOptions input;
  std::string output;              // -o FILE, required; "-" = standard output
  std::string sessions = "first";  // the norm sample: first, last or all sessions of each respondent
  long min_n = 30;                 // warn below this many scores
  std::string lang;
};

// Nothing of administer's is checked by the parser but its syntax: the
// command checks each value itself, so that the message is in the session's
// language.
struct AdministerOptions {
  std::string questionnaire;      // "" = not given
  std::string respondent;         // NFC once checked
  bool respondent_given = false;  // --respondent was on the command line (perhaps empty)
  std::string session_text;       // as typed; "" = not given
  std::optional<int> session;     // parsed from session_text, or the resumed file's
  std::string lang;               // as typed; "" = from the locale (or the resumed file)
  std::string output;             // -o FILE|DIR; "" = the current directory
  bool resume = false;
  bool force = false;
  bool hide_scores = false;
  bool plain = false;
};

// The hidden `alliance __generate WHAT DIR` the build runs: the man pages
// ("man": alliance.1, alliance-<command>.1) or a shell's completion script
// ("bash": alliance, "zsh": _alliance, "fish": alliance.fish), written into DIR.
struct GenerateOptions {
  std::string what;
  std::string directory;
  std::string lang;  // of the man pages: "fr", else English (never the builder's locale)
};

}  // namespace alliance::cli
