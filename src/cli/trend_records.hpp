// What `trend` and `report` share, so that a report shows exactly what trend
// computes: the reading of the responses into sessions by respondent, the
// trend settings from the options (the definition's norms, then --sd,
// --retest-r and the flag options), and each respondent's records in session
// order (core::analyse_trend), with trend's warnings on stderr.
#pragma once

#include <cstddef>
#include <functional>
#include <set>
#include <string>
#include <vector>

#include "alliance/cli/options.hpp"
#include "alliance/core/questionnaire.hpp"
#include "alliance/core/trend.hpp"
#include "alliance/core/trend_series.hpp"
#include "alliance/io/catalog.hpp"
#include "alliance/io/trend_writer.hpp"
#include "input_options.hpp"

namespace alliance::cli {

// Reads every response of `input`, reports each invalid one's problems on
// stderr (in `lang`), each file that cannot be read to `unread` (which says
// it, and the others are read), and adds each valid one's scores to `groups` under its
// respondent — only the respondents in `only`, when it is not empty. Returns
// the responses against the lines they took (LineCount::responses counts
// every response read, valid or not, asked for or not) and the invalid count.
struct SessionsRead {
  LineCount lines;
  long invalid = 0;
};
SessionsRead read_sessions(const core::Questionnaire& questionnaire, const InputOptions& input,
                           const std::string& lang, UnreadFiles& unread, const std::set<std::string>& only,
                           core::RespondentGroups& groups);

// Reads every response of `input` as read_sessions does, and hands each
// respondent's sessions to `visit` as soon as they are complete, in the order
// respondents first appear (core::RespondentStream: input grouped by
// respondent streams, one respondent held at a time; otherwise up to `hold`
// sessions are held). Throws Error(invalid_input), naming the line, when a
// respondent comes back after others and the input cannot be held
// (docs/trend.md, "Memory and long runs").
SessionsRead stream_sessions(const core::Questionnaire& questionnaire, const InputOptions& input,
                             const std::string& lang, UnreadFiles& unread, std::size_t hold,
                             const std::function<void(core::RespondentSessions&&)>& visit);

// Where each scale's reference SD and r came from (an option, the norms of
// the definition file, none), with the settings they are part of.
io::TrendParameters trend_parameters(const TrendOptions& options, const io::LoadedQuestionnaire& loaded,
                                     const core::TrendSettings& settings);

// Warns on stderr (in `lang`) about each reference SD that cannot be right
// for its scale's metric (core::implausible_sd), naming the option or the
// norms file it came from.
void warn_implausible_sds(const TrendOptions& options, const io::LoadedQuestionnaire& loaded,
                          const io::TrendParameters& parameters, const std::string& lang);

// A scale's metric as the table says it: "sum 4–20", "mean 1–5" (in `lang`).
// k: 0..n-1 the subscales, n the total.
std::string scale_metric(const core::Questionnaire& questionnaire, std::size_t k, const std::string& lang);

// Throws Error(usage) naming the option for a value that does not fit the
// questionnaire (--sd 0, --retest-r 1, --low-item outside the answer scale).
core::TrendSettings trend_settings(const TrendOptions& options, const core::Questionnaire& questionnaire);

// One respondent's records in session order (core::session_ordering), with
// the warnings trend_records gives. From an rvalue, the dates and sources are
// moved into the records rather than copied.
std::vector<io::TrendRecord> respondent_records(const core::Questionnaire& questionnaire,
                                                const core::RespondentSessions& person,
                                                const core::TrendSettings& settings, const std::string& lang);
std::vector<io::TrendRecord> respondent_records(const core::Questionnaire& questionnaire,
                                                core::RespondentSessions&& person,
                                                const core::TrendSettings& settings, const std::string& lang);

// One vector of records per respondent, in the order respondents first appear;
// each in session order (core::session_ordering). Warns on stderr when a
// respondent's sessions have no numbers or dates, and for each tie (in `lang`).
std::vector<std::vector<io::TrendRecord>> trend_records(const core::Questionnaire& questionnaire,
                                                        const core::RespondentGroups& groups,
                                                        const core::TrendSettings& settings,
                                                        const std::string& lang);

// A respondent id as shown on a terminal; "(no respondent id)" for "".
std::string respondent_label(const std::string& id, const std::string& lang = "en");

}  // namespace alliance::cli
