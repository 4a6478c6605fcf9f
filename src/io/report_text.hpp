// Internal to the report writer: every word of the report in English and
// French (one table, to be folded into the message catalogue), and the text
// helpers of the page — HTML escaping, numbers in the reader's language.
#pragma once

#include <cstddef>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

namespace alliance::io::report {

enum class Word : std::size_t {
  page_title,        // "Alliance over sessions"
  caseload_title,    // "Caseload"
  caseload_summary,  // "{} clients, {} sessions; {} to look at first (latest session flagged)"
  client,            // "Client"
  sessions_range,    // "sessions {}–{}"
  one_session,       // "session {}"
  n_sessions,        // "{} sessions"
  latest_total,      // "Latest total"
  change,            // "Change"
  direction,         // "Direction"
  flags,             // "Flags (latest session)"
  session_flags,     // "Flags"
  no_flags,          // "none"
  up,                // "up"
  down,              // "down"
  same,              // "unchanged"
  no_change,         // "—" explained: "no earlier score"
  session,           // "Session"
  date,              // "Date"
  scores_table,      // "Scores by session"
  therapist_short,   // "therapist"
  client_form,       // "Client's form"
  therapist_form,    // "Therapist's form"
  no_response,       // "no response"
  no_score,          // "no score (too many missing answers)"
  band_concern,      // "concern band"
  flag_below_band,   // trend's flags, as trend's table names them
  flag_reliable_drop,
  flag_rupture,
  flag_repair,
  flag_ceiling,
  flag_low_item,
  reliable_rise,       // "reliable rise"
  chart_of,            // "{} over sessions, {}"
  chart_range,         // "scale {} to {}"
  chart_from_to,       // "from {} (session {}) to {} (session {})"
  chart_marks,         // "marked: {}"
  chart_therapist,     // "therapist's rating beside it"
  agreement_title,     // "Client and therapist"
  agreement_note,      // "Differences are client − therapist; ..."
  pairs,               // "Pairs"
  client_mean,         // "Client"
  therapist_mean,      // "Therapist"
  mean_difference,     // "Mean difference"
  limits,              // "95 % limits"
  pearson_r,           // "r"
  icc,                 // "ICC(2,1)"
  few_pairs,           // "With fewer than 10 pairs these figures are illustrations, not estimates."
  therapist_unplaced,  // therapist line needs session numbers
  lowest_items,        // "Lowest answers of the latest session (session {})"
  item,                // "Item"
  subscale,            // "Subscale"
  wording,             // "Wording"
  answer,              // "Answer"
  keyed,               // "Scored as"
  key_only,            // "(key only: no wording)"
  no_answers,          // "no answer"
  parameters_title,    // "Parameters and provenance"
  version,             // "version"
  definition_hash,     // "definition hash"
  alliance_version,    // "alliance"
  report_date,         // "Date of the report"
  inputs,              // "Response files"
  standard_input,      // "standard input"
  scale,               // "Scale"
  reference_sd,        // "Reference SD"
  retest_r,            // "Test-retest r"
  source,              // "Source"
  from_norms,          // "the definition's norms"
  from_option,         // "given on the command line"
  not_given,           // "none: no reliable change, no rupture"
  rupture_rule,        // "Rupture: a drop of at least {} SD ..."
  baseline_rule,       // "Baseline: ..."
  repair_rule,         // "Repair: ..."
  reliable_rule,       // "Reliable change: ..."
  low_item_rule,       // "Low item: ..."
  invalid_note,        // "{} responses could not be read or scored: see the messages of the command."
  legend,              // "Legend"
  legend_client,       // "client's score"
  legend_therapist,    // "therapist's score"
  legend_gap,          // "session without a score (not drawn as zero)"
  total,               // "Total"
  count
};

// The word in `lang` ("fr", else English).
const char* word(Word w, const std::string& lang);

// `text` with each "{}" replaced by the next of `values` in turn.
std::string fill(std::string_view text, std::initializer_list<std::string_view> values);

// Text for HTML content and attribute values: & < > " ' as entities; bytes
// that are not UTF-8, NUL and the other control characters but tab and line
// feed as U+FFFD; the bidirectional controls as U+FFFD too, so that an id
// cannot reorder what follows it.
std::string escape(std::string_view text);

// A number at `decimals` places, as the reader writes it: "3.42" in English,
// "3,42" in French; a minus as U+2212. `signed_` writes "+" before a positive.
std::string number(double value, int decimals, const std::string& lang, bool signed_ = false);

// A coordinate of the SVG: one decimal, "-" for a negative, "." always.
std::string coordinate(double value);

}  // namespace alliance::io::report
