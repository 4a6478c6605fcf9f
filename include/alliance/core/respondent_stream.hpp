// Trend's reading of a long input in bounded memory: each respondent's
// scored sessions handed out as soon as they are complete, in the order
// respondents first appear (docs/trend.md, "Memory and long runs"). Plain
// values in and out; no files, no terminal.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include "alliance/core/response.hpp"
#include "alliance/core/scoring.hpp"
#include "alliance/core/trend_series.hpp"

namespace alliance::core {

// One response as a session of its respondent's series: its answers and scores.
SessionScores scored_session(const Scorer& scorer, const Response& response);

// Whether the input is grouped by respondent (each respondent's responses
// consecutive, as exports sorted by id are) cannot be known in advance. So
// up to `hold` sessions are held: an input that ends within that is put
// together whatever its order. Past it, if the input has been grouped so
// far, what is held is handed out and the stream goes on one respondent at a
// time (a respondent is complete when the next one starts), keeping only a
// 64-bit hash of each respondent already handed out. A respondent who comes
// back after others then throws NotGrouped — at once when streaming, or when
// the hold is exceeded if it came back while holding.
//
// Streaming, the sessions a visit leaves behind (moved-from or not) are
// filled again for the next respondents: no allocation a row.
class RespondentStream {
 public:
  // Thrown by add(): the first respondent seen again after another's
  // responses, and where (the source given with that response).
  struct NotGrouped {
    std::string respondent;
    std::string source;
  };

  using Visit = std::function<void(RespondentSessions&&)>;

  // `scorer` and `visit` must outlive the stream.
  RespondentStream(const Scorer& scorer, std::size_t hold, const Visit& visit)
      : scorer_(scorer), hold_(hold), visit_(visit) {}

  // One response (valid), scored, with where it was read ("file:line").
  void add(const Response& response, const std::string& source);
  // Hands out whatever is left: call once, at the end of the input.
  void finish();

 private:
  void start_streaming();
  void note_respondent(const Response& response, const std::string& source, bool& new_run);

  const Scorer& scorer_;
  std::size_t hold_;
  const Visit& visit_;
  RespondentGroups held_;
  std::size_t held_sessions_ = 0;
  bool started_ = false, streaming_ = false;
  std::string last_;
  std::unordered_set<std::size_t> finished_;  // respondents whose responses were followed by another's
  std::optional<NotGrouped> regrouped_;       // the first respondent seen again after another
  RespondentSessions current_;
  std::vector<SessionScores> spare_;  // sessions left by the visits, to fill again
};

}  // namespace alliance::core
