#include "alliance/core/respondent_stream.hpp"

#include <functional>
#include <utility>

namespace alliance::core {

namespace {

// One response as a session of its respondent's series, into `session`
// (new or reused: score_into on a used sheet gives what score gives).
void fill_stream_session(const Scorer& scorer, const Response& r, SessionScores& session) {
  session.session = r.session;
  session.date = r.date;
  session.answers = r.answers;
  scorer.score_into(r.answers, session.sheet);
}

}  // namespace

SessionScores scored_session(const Scorer& scorer, const Response& r) {
  SessionScores session;
  session.session = r.session;
  session.date = r.date;
  session.answers = r.answers;
  session.sheet = scorer.score(r.answers);
  return session;
}

void RespondentStream::note_respondent(const Response& response, const std::string& source, bool& new_run) {
  const std::string& respondent = response.respondent;
  new_run = !started_ || respondent != last_;
  if (!new_run) return;
  if (started_) finished_.insert(std::hash<std::string>{}(last_));
  // A 64-bit hash of the id: a collision could only call a grouped input ungrouped.
  if (!regrouped_ && finished_.count(std::hash<std::string>{}(respondent))) {
    regrouped_ = NotGrouped{respondent, source};
    if (streaming_) throw *regrouped_;
  }
  started_ = true;
  last_ = respondent;
}

void RespondentStream::add(const Response& response, const std::string& source) {
  bool new_run = false;
  note_respondent(response, source, new_run);
  if (streaming_) {
    if (new_run) {
      visit_(std::move(current_));
      for (SessionScores& left : current_.sessions) spare_.push_back(std::move(left));
      current_.sessions.clear();
      current_.sources.clear();
      current_.respondent = response.respondent;
    }
    if (spare_.empty()) {
      current_.sessions.push_back(scored_session(scorer_, response));
    } else {
      current_.sessions.push_back(std::move(spare_.back()));
      spare_.pop_back();
      fill_stream_session(scorer_, response, current_.sessions.back());
    }
    current_.sources.push_back(source);
    return;
  }
  held_.add(response.respondent, scored_session(scorer_, response), source);
  if (++held_sessions_ <= hold_) return;
  if (regrouped_) throw *regrouped_;
  start_streaming();
}

void RespondentStream::finish() {
  if (streaming_) {
    if (started_) visit_(std::move(current_));
    return;
  }
  for (RespondentSessions& person : held_.take()) visit_(std::move(person));
}

// Hands out every held respondent but the one being read, which becomes current_.
void RespondentStream::start_streaming() {
  streaming_ = true;
  std::vector<RespondentSessions> people = held_.take();
  for (std::size_t p = 0; p + 1 < people.size(); ++p) visit_(std::move(people[p]));
  current_ = std::move(people.back());
}

}  // namespace alliance::core
