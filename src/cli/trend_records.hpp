// What `trend` and `report` share, so that a report shows exactly what trend
// computes: the reading of the responses into sessions by respondent, the
// trend settings from the options (the definition's norms, then --sd,
// --retest-r and the flag options), and each respondent's records in session
// order (core::analyse_trend), with trend's warnings on stderr.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "alliance/cli/options.hpp"
#include "alliance/core/questionnaire.hpp"
#include "alliance/core/trend.hpp"
#include "alliance/core/trend_series.hpp"
#include "alliance/io/trend_writer.hpp"
#include "input_options.hpp"

namespace alliance::cli {

// Reads every response of `input`, reports each invalid one's problems on
// stderr (in `lang`), and adds each valid one's scores to `groups` under its
// respondent — only the respondents in `only`, when it is not empty. Returns
// the responses against the lines they took (LineCount::responses counts
// every response read, valid or not, asked for or not) and the invalid count.
struct SessionsRead {
  LineCount lines;
  long invalid = 0;
};
SessionsRead read_sessions(const core::Questionnaire& questionnaire, const InputOptions& input,
                           const std::string& lang, const std::set<std::string>& only,
                           core::RespondentGroups& groups);

// Throws Error(usage) naming the option for a value that does not fit the
// questionnaire (--sd 0, --retest-r 1, --low-item outside the answer scale).
core::TrendSettings trend_settings(const TrendOptions& options, const core::Questionnaire& questionnaire);

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
