// One administration of a questionnaire as a pure state machine: which item
// is shown, what has been answered, what may happen next. No terminal, no
// files, no clock: the front ends (admin/runner.hpp) feed it events and save
// its answers; unit tests drive it directly.
//
//   item(i) --answer/skip/next--> item(i+1) ... item(last) --> review --submit--> done
//   item(i) --back--> item(i-1)          review --change(j)--> item(j) --answer--> review
//   item/review --quit--> stopped
//
// Without a review step (scripted input), answering the last item goes to done.
#pragma once

#include <cstddef>
#include <vector>

#include "alliance/core/questionnaire.hpp"
#include "alliance/core/scoring.hpp"

namespace alliance::admin {

enum class Phase { item, review, done, stopped };

// What became of an event. Anything but `accepted` leaves the session unchanged.
enum class Outcome {
  accepted,
  invalid_answer,    // not a point of the scale, or outside it
  skip_not_allowed,  // leaving the item unanswered would make a score insufficient
  at_first_item,     // back on the first item
  not_now,           // the event means nothing in this phase (next on an unanswered item, ...)
};

class Session {
 public:
  // A fresh session at the first item. `review`: show the review step before
  // done. REQUIRES: questionnaire.items is not empty; `questionnaire`
  // outlives the session.
  Session(const core::Questionnaire& questionnaire, bool review);

  // Continues an unfinished session. An item is *settled* when it was
  // answered or deliberately skipped; the session starts at the first item
  // that is not, or at the review (done without review) when all are.
  // REQUIRES: answers.size() == settled.size() == questionnaire.items.size();
  // every answer passes core::check_answer; an answered item is settled.
  Session(const core::Questionnaire& questionnaire, bool review, core::Answers answers,
          std::vector<bool> settled);

  Phase phase() const { return phase_; }
  // The item shown (meaningful in Phase::item).
  std::size_t item() const { return item_; }
  // True while an item is being changed from the review: answering it (or
  // going back) returns to the review.
  bool changing() const { return changing_; }
  std::size_t size() const { return answers_.size(); }

  const core::Answers& answers() const { return answers_; }
  const std::vector<bool>& settled() const { return settled_; }
  bool skipped(std::size_t item) const { return settled_[item] && !answers_[item]; }
  std::size_t answered_count() const;

  // Whether the current item may be left unanswered: only when the skipped
  // items of its subscale (this one included) stay within the subscale's
  // missing rule, and the total does not become insufficient either. Items
  // not reached yet count as answered, so skipping early never blocks the
  // items still to come from being answered.
  bool can_skip() const;

  // The answer as it will be recorded: rounded to the scale's precision
  // (continuous scales; integer scales are unchanged).
  double recorded_value(double typed) const;

  // item: records the (rounded) answer and moves on.
  Outcome answer(double value);
  // item: the previous item, or the review when changing; review: the last item.
  Outcome back();
  // item: keeps the current item's answer (or skip) and moves on.
  Outcome next();
  // item: leaves the item unanswered (see can_skip) and moves on.
  Outcome skip();
  // review: shows item `item` to change it.
  Outcome change(std::size_t item);
  // review: done.
  Outcome submit();
  // item or review: stopped; the answers given so far are kept.
  Outcome quit();

 private:
  void advance();
  void start();

  const core::Questionnaire* questionnaire_;
  bool review_;
  core::Answers answers_;
  std::vector<bool> settled_;
  Phase phase_ = Phase::item;
  std::size_t item_ = 0;
  bool changing_ = false;
};

}  // namespace alliance::admin
