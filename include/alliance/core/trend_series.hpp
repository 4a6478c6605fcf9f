// What `alliance trend` does around core/trend's arithmetic: responses
// gathered by respondent, how each respondent's sessions were ordered, the
// flags a scheduled job asks to be alerted on (--fail-on), and the parsing of
// those flag names. Plain values in and out; no files, no terminal.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "alliance/core/questionnaire.hpp"
#include "alliance/core/trend.hpp"

namespace alliance::core {

// One respondent's scored sessions in input order, with where each was read
// (sources[i], e.g. "file:line", for sessions[i]).
struct RespondentSessions {
  std::string respondent;
  std::vector<SessionScores> sessions;
  std::vector<std::string> sources;
};

// Sessions gathered by respondent id (exact bytes; "" is one respondent too),
// respondents in the order they first appear.
class RespondentGroups {
 public:
  void add(const std::string& respondent, SessionScores session, std::string source);
  const std::vector<RespondentSessions>& respondents() const { return respondents_; }
  // Hands the respondents over (moved, not copied), leaving none.
  std::vector<RespondentSessions> take();

 private:
  std::vector<RespondentSessions> respondents_;
  std::map<std::string, std::size_t> index_;
};

// What session_order went by: every session's number, else every session's
// date, else the order given.
enum class SessionOrdering { by_number, by_date, as_given };
SessionOrdering session_ordering(const std::vector<SessionScores>& sessions);

// A flag raised on one scale of a session (scale: 0..n-1 the subscales, n the total).
struct TrendAlert {
  std::size_t scale = 0;
  TrendFlag flag = TrendFlag::below_band;
};

// The flags of `point` that are in `flags` (a mask of TrendFlag), scale by
// scale (the subscales, then the total when `questionnaire` has one), each
// scale's in the order of all_trend_flags.
std::vector<TrendAlert> trend_alerts(const Questionnaire& questionnaire, const TrendPoint& point,
                                     unsigned flags);

// The mask of the flags named in comma-separated lists ("rupture,repair"),
// as --fail-on takes them. Throws Error(usage) for a part that names no flag,
// an empty one included ("--fail-on 'ruptur': not a flag (below-band, ...),
// did you mean 'rupture'?").
unsigned parse_trend_flags(const std::vector<std::string>& lists);

}  // namespace alliance::core
