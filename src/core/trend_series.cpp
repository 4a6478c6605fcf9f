#include "alliance/core/trend_series.hpp"

#include <algorithm>
#include <optional>
#include <utility>

#include "alliance/core/error.hpp"
#include "alliance/core/text.hpp"

namespace alliance::core {

void RespondentGroups::add(const std::string& respondent, SessionScores session, std::string source) {
  const auto [it, added] = index_.emplace(respondent, respondents_.size());
  if (added) respondents_.push_back({respondent, {}, {}});
  RespondentSessions& person = respondents_[it->second];
  person.sessions.push_back(std::move(session));
  person.sources.push_back(std::move(source));
}

std::vector<RespondentSessions> RespondentGroups::take() {
  index_.clear();
  return std::exchange(respondents_, {});
}

SessionOrdering session_ordering(const std::vector<SessionScores>& sessions) {
  if (std::all_of(sessions.begin(), sessions.end(),
                  [](const SessionScores& s) { return s.session.has_value(); }))
    return SessionOrdering::by_number;
  if (std::all_of(sessions.begin(), sessions.end(), [](const SessionScores& s) { return !s.date.empty(); }))
    return SessionOrdering::by_date;
  return SessionOrdering::as_given;
}

std::vector<TrendAlert> trend_alerts(const Questionnaire& questionnaire, const TrendPoint& point,
                                     unsigned flags) {
  std::vector<TrendAlert> out;
  const std::size_t scales = questionnaire.subscales.size() + (questionnaire.total.present ? 1 : 0);
  for (std::size_t s = 0; s < scales; ++s)
    for (TrendFlag flag : all_trend_flags())
      if ((flags & static_cast<unsigned>(flag)) && point.scales[s].has(flag)) out.push_back({s, flag});
  return out;
}

unsigned parse_trend_flags(const std::vector<std::string>& lists) {
  std::vector<std::string> names;
  for (TrendFlag flag : all_trend_flags()) names.emplace_back(to_string(flag));
  unsigned mask = 0;
  for (const std::string& list : lists) {
    // Every part, empty ones too: "--fail-on ''" or "rupture," names no flag and must not pass unseen.
    for (std::size_t start = 0; start <= list.size();) {
      const std::size_t comma = std::min(list.find(',', start), list.size());
      const std::string name = list.substr(start, comma - start);
      start = comma + 1;
      const std::optional<TrendFlag> flag = parse_trend_flag(name);
      if (!flag) {
        std::string all;
        for (const std::string& n : names) all += (all.empty() ? "" : ", ") + n;
        throw Error(ExitCode::usage,
                    "--fail-on '" + name + "': not a flag (" + all + ")" + did_you_mean(name, names));
      }
      mask |= static_cast<unsigned>(*flag);
    }
  }
  return mask;
}

}  // namespace alliance::core
