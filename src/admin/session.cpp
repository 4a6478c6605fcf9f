#include "alliance/admin/session.hpp"

#include <algorithm>
#include <cmath>

namespace alliance::admin {

Session::Session(const core::Questionnaire& questionnaire, bool review)
    : Session(questionnaire, review, core::Answers(questionnaire.items.size()),
              std::vector<bool>(questionnaire.items.size(), false)) {}

Session::Session(const core::Questionnaire& questionnaire, bool review, core::Answers answers,
                 std::vector<bool> settled)
    : questionnaire_(&questionnaire),
      review_(review),
      answers_(std::move(answers)),
      settled_(std::move(settled)) {
  start();
}

void Session::start() {
  const auto first = std::find(settled_.begin(), settled_.end(), false);
  if (first != settled_.end()) {
    phase_ = Phase::item;
    item_ = static_cast<std::size_t>(first - settled_.begin());
  } else {
    phase_ = review_ ? Phase::review : Phase::done;
    item_ = settled_.empty() ? 0 : settled_.size() - 1;
  }
}

std::size_t Session::answered_count() const {
  return static_cast<std::size_t>(
      std::count_if(answers_.begin(), answers_.end(), [](const auto& a) { return a.has_value(); }));
}

bool Session::can_skip() const {
  if (phase_ != Phase::item) return false;
  const core::Questionnaire& q = *questionnaire_;
  // Only deliberate skips count as missing: every other item is presumed
  // answered (any valid point will do, so the scale's minimum).
  core::Answers presumed(answers_.size());
  for (std::size_t i = 0; i < answers_.size(); ++i)
    if (!skipped(i)) presumed[i] = q.scale.min;
  presumed[item_] = q.scale.min;
  const core::ScoreSheet before = core::score(q, presumed);
  presumed[item_].reset();
  const core::ScoreSheet after = core::score(q, presumed);
  const std::size_t subscale = q.items[item_].subscale;
  if (after.subscales[subscale].status != core::Status::ok) return false;
  // A total that was already insufficient (a hand-edited file) cannot get worse.
  return !(before.total.status == core::Status::ok && after.total.status != core::Status::ok);
}

double Session::recorded_value(double typed) const {
  const core::Scale& s = questionnaire_->scale;
  if (s.kind != core::ScaleKind::continuous || s.precision <= 0 || !std::isfinite(typed)) return typed;
  const double steps = std::round((typed - s.min) / s.precision);
  // Rounds away the binary noise of steps * precision (7.300000000000001).
  constexpr double kDecimal = 1e9;
  return std::round((s.min + steps * s.precision) * kDecimal) / kDecimal;
}

void Session::advance() {
  if (changing_) {
    changing_ = false;
    phase_ = Phase::review;
  } else if (item_ + 1 < answers_.size()) {
    ++item_;
  } else {
    phase_ = review_ ? Phase::review : Phase::done;
  }
}

Outcome Session::answer(double value) {
  if (phase_ != Phase::item) return Outcome::not_now;
  const double recorded = recorded_value(value);
  if (core::check_answer(*questionnaire_, recorded) != core::AnswerProblem::none)
    return Outcome::invalid_answer;
  answers_[item_] = recorded;
  settled_[item_] = true;
  advance();
  return Outcome::accepted;
}

Outcome Session::back() {
  if (phase_ == Phase::review) {
    phase_ = Phase::item;
    item_ = answers_.size() - 1;
    return Outcome::accepted;
  }
  if (phase_ != Phase::item) return Outcome::not_now;
  if (changing_) {
    changing_ = false;
    phase_ = Phase::review;
    return Outcome::accepted;
  }
  if (item_ == 0) return Outcome::at_first_item;
  --item_;
  return Outcome::accepted;
}

Outcome Session::next() {
  if (phase_ != Phase::item || !settled_[item_]) return Outcome::not_now;
  advance();
  return Outcome::accepted;
}

Outcome Session::skip() {
  if (phase_ != Phase::item) return Outcome::not_now;
  if (!can_skip()) return Outcome::skip_not_allowed;
  answers_[item_].reset();
  settled_[item_] = true;
  advance();
  return Outcome::accepted;
}

Outcome Session::change(std::size_t item) {
  if (phase_ != Phase::review || item >= answers_.size()) return Outcome::not_now;
  phase_ = Phase::item;
  item_ = item;
  changing_ = true;
  return Outcome::accepted;
}

Outcome Session::submit() {
  if (phase_ != Phase::review) return Outcome::not_now;
  phase_ = Phase::done;
  return Outcome::accepted;
}

Outcome Session::quit() {
  if (phase_ != Phase::item && phase_ != Phase::review) return Outcome::not_now;
  phase_ = Phase::stopped;
  changing_ = false;
  return Outcome::accepted;
}

}  // namespace alliance::admin
