// The administration state machine, driven without a terminal: answer, back,
// next, skip (within the missing rules), review, change, submit, quit, resume.
#include "alliance/admin/session.hpp"

#include <gtest/gtest.h>

#include "../core/fixtures.hpp"

namespace alliance::admin {
namespace {

using alliance::testing::mini_questionnaire;

// mini: a1 a2 a3 (subscale a, at most 1 missing), b1 b2 b3 (subscale b, at most 1 missing).
constexpr std::size_t kA1 = 0, kA2 = 1, kA3 = 2, kB1 = 3, kB3 = 5;

void answer_all(Session& s, std::initializer_list<double> values) {
  for (double v : values) ASSERT_EQ(s.answer(v), Outcome::accepted);
}

TEST(Session, StartsAtTheFirstItem) {
  const core::Questionnaire q = mini_questionnaire();
  const Session s(q, true);
  EXPECT_EQ(s.phase(), Phase::item);
  EXPECT_EQ(s.item(), 0u);
  EXPECT_EQ(s.size(), 6u);
  EXPECT_EQ(s.answered_count(), 0u);
  EXPECT_FALSE(s.changing());
}

TEST(Session, AnsweringEveryItemLeadsToReviewThenDone) {
  const core::Questionnaire q = mini_questionnaire();
  Session s(q, true);
  answer_all(s, {1, 2, 3, 4, 5, 1});
  EXPECT_EQ(s.phase(), Phase::review);
  EXPECT_EQ(s.answers(), (core::Answers{1, 2, 3, 4, 5, 1}));
  EXPECT_EQ(s.submit(), Outcome::accepted);
  EXPECT_EQ(s.phase(), Phase::done);
  EXPECT_EQ(s.quit(), Outcome::not_now);
  EXPECT_EQ(s.answer(3), Outcome::not_now);
}

TEST(Session, WithoutReviewTheLastAnswerIsDone) {
  const core::Questionnaire q = mini_questionnaire();
  Session s(q, false);
  answer_all(s, {1, 2, 3, 4, 5});
  EXPECT_EQ(s.phase(), Phase::item);
  EXPECT_EQ(s.answer(1), Outcome::accepted);
  EXPECT_EQ(s.phase(), Phase::done);
}

TEST(Session, RefusesAnswersOutsideTheScale) {
  const core::Questionnaire q = mini_questionnaire();
  Session s(q, true);
  for (double bad : {0.0, 6.0, 2.5, -1.0}) {
    EXPECT_EQ(s.answer(bad), Outcome::invalid_answer) << bad;
    EXPECT_EQ(s.item(), 0u);
    EXPECT_FALSE(s.answers()[0]);
  }
}

TEST(Session, BackKeepsTheAnswerAndAnsweringAgainReplacesIt) {
  const core::Questionnaire q = mini_questionnaire();
  Session s(q, true);
  EXPECT_EQ(s.back(), Outcome::at_first_item);
  answer_all(s, {4, 2});
  EXPECT_EQ(s.back(), Outcome::accepted);
  EXPECT_EQ(s.item(), kA2);
  EXPECT_EQ(s.answers()[kA2], 2);
  EXPECT_EQ(s.back(), Outcome::accepted);
  EXPECT_EQ(s.item(), kA1);
  EXPECT_EQ(s.answer(5), Outcome::accepted);  // changed, and on to the next item
  EXPECT_EQ(s.item(), kA2);
  EXPECT_EQ(s.answers()[kA1], 5);
  EXPECT_EQ(s.next(), Outcome::accepted);  // keeps 2
  EXPECT_EQ(s.item(), kA3);
  EXPECT_EQ(s.answers()[kA2], 2);
  EXPECT_EQ(s.next(), Outcome::not_now);  // nothing to keep yet
  EXPECT_EQ(s.item(), kA3);
}

TEST(Session, SkipIsAllowedWithinTheSubscaleMissingRule) {
  const core::Questionnaire q = mini_questionnaire();
  Session s(q, true);
  EXPECT_TRUE(s.can_skip());
  EXPECT_EQ(s.skip(), Outcome::accepted);  // a1: 1 of 3 missing in a, allowed
  EXPECT_TRUE(s.skipped(kA1));
  EXPECT_EQ(s.item(), kA2);
  EXPECT_FALSE(s.can_skip());  // a2 would be the second missing in a
  EXPECT_EQ(s.skip(), Outcome::skip_not_allowed);
  EXPECT_EQ(s.item(), kA2);
  answer_all(s, {3, 3});
  EXPECT_EQ(s.item(), kB1);
  EXPECT_EQ(s.skip(), Outcome::accepted);  // b has its own allowance
  EXPECT_EQ(s.skip(), Outcome::skip_not_allowed);
  answer_all(s, {2, 2});
  EXPECT_EQ(s.phase(), Phase::review);
  EXPECT_EQ(s.answers(), (core::Answers{std::nullopt, 3, 3, std::nullopt, 2, 2}));
}

TEST(Session, AnsweringASkippedItemGivesTheAllowanceBack) {
  const core::Questionnaire q = mini_questionnaire();
  Session s(q, true);
  ASSERT_EQ(s.skip(), Outcome::accepted);
  ASSERT_EQ(s.back(), Outcome::accepted);
  ASSERT_EQ(s.answer(4), Outcome::accepted);
  EXPECT_FALSE(s.skipped(kA1));
  EXPECT_TRUE(s.can_skip());  // a2 may now be the one missing
}

TEST(Session, SkippingAnAnsweredItemClearsIt) {
  const core::Questionnaire q = mini_questionnaire();
  Session s(q, true);
  answer_all(s, {4});
  ASSERT_EQ(s.back(), Outcome::accepted);
  EXPECT_EQ(s.skip(), Outcome::accepted);
  EXPECT_TRUE(s.skipped(kA1));
  EXPECT_FALSE(s.answers()[kA1]);
}

TEST(Session, SkipIsRefusedWhenTheTotalWouldBecomeInsufficient) {
  core::Questionnaire q = mini_questionnaire();
  q.total.requires_all_subscales = false;
  q.total.missing.max_missing = 0;  // the total needs every item, though subscales allow one missing
  Session s(q, true);
  EXPECT_FALSE(s.can_skip());
  EXPECT_EQ(s.skip(), Outcome::skip_not_allowed);
}

TEST(Session, SkipFollowsAFractionRule) {
  core::Questionnaire q = mini_questionnaire();
  q.subscales[0].missing = {};
  q.subscales[0].missing.min_answered = 0.5;  // 0.5 x 3 = 1.5, rounded up: 2 answered needed
  q.subscales[0].missing.rounding = core::Rounding::up;
  Session s(q, false);
  EXPECT_EQ(s.skip(), Outcome::accepted);
  EXPECT_EQ(s.skip(), Outcome::skip_not_allowed);
}

TEST(Session, ReviewChangeReturnsToTheReview) {
  const core::Questionnaire q = mini_questionnaire();
  Session s(q, true);
  answer_all(s, {1, 2, 3, 4, 5, 1});
  EXPECT_EQ(s.change(6), Outcome::not_now);
  EXPECT_EQ(s.change(kA3), Outcome::accepted);
  EXPECT_EQ(s.phase(), Phase::item);
  EXPECT_EQ(s.item(), kA3);
  EXPECT_TRUE(s.changing());
  EXPECT_EQ(s.submit(), Outcome::not_now);
  EXPECT_EQ(s.answer(5), Outcome::accepted);
  EXPECT_EQ(s.phase(), Phase::review);
  EXPECT_FALSE(s.changing());
  EXPECT_EQ(s.answers()[kA3], 5);
  // Back while changing: to the review, the answer untouched.
  ASSERT_EQ(s.change(kB1), Outcome::accepted);
  EXPECT_EQ(s.back(), Outcome::accepted);
  EXPECT_EQ(s.phase(), Phase::review);
  EXPECT_EQ(s.answers()[kB1], 4);
  // Skipping from the review follows the same rule.
  ASSERT_EQ(s.change(kA1), Outcome::accepted);
  EXPECT_EQ(s.skip(), Outcome::accepted);
  EXPECT_EQ(s.phase(), Phase::review);
  EXPECT_TRUE(s.skipped(kA1));
}

TEST(Session, BackFromTheReviewShowsTheLastItem) {
  const core::Questionnaire q = mini_questionnaire();
  Session s(q, true);
  answer_all(s, {1, 2, 3, 4, 5, 1});
  EXPECT_EQ(s.back(), Outcome::accepted);
  EXPECT_EQ(s.phase(), Phase::item);
  EXPECT_EQ(s.item(), kB3);
  EXPECT_FALSE(s.changing());
  EXPECT_EQ(s.next(), Outcome::accepted);
  EXPECT_EQ(s.phase(), Phase::review);
}

TEST(Session, QuitKeepsTheAnswers) {
  const core::Questionnaire q = mini_questionnaire();
  Session s(q, true);
  answer_all(s, {3, 4});
  EXPECT_EQ(s.quit(), Outcome::accepted);
  EXPECT_EQ(s.phase(), Phase::stopped);
  EXPECT_EQ(s.answered_count(), 2u);
  EXPECT_EQ(s.answer(1), Outcome::not_now);
  EXPECT_EQ(s.back(), Outcome::not_now);
  EXPECT_EQ(s.skip(), Outcome::not_now);
  Session r(q, true);
  answer_all(r, {1, 2, 3, 4, 5, 1});
  EXPECT_EQ(r.quit(), Outcome::accepted);  // from the review too
  EXPECT_EQ(r.phase(), Phase::stopped);
}

TEST(Session, ResumeStartsAtTheFirstUnsettledItem) {
  const core::Questionnaire q = mini_questionnaire();
  // a1 answered, a2 skipped, a3 not reached, b1 answered (after going back and quitting).
  const core::Answers answers{4, std::nullopt, std::nullopt, 2, std::nullopt, std::nullopt};
  Session s(q, true, answers, {true, true, false, true, false, false});
  EXPECT_EQ(s.phase(), Phase::item);
  EXPECT_EQ(s.item(), kA3);
  EXPECT_TRUE(s.skipped(kA2));
  EXPECT_FALSE(s.can_skip());  // a2 already used a's allowance
  EXPECT_EQ(s.answer(5), Outcome::accepted);
  EXPECT_EQ(s.item(), kB1);
  EXPECT_EQ(s.answers()[kB1], 2);
}

TEST(Session, ResumeOfASettledSessionGoesToReviewOrDone) {
  const core::Questionnaire q = mini_questionnaire();
  const core::Answers answers{1, 2, 3, 4, 5, std::nullopt};
  const std::vector<bool> settled(6, true);
  EXPECT_EQ(Session(q, true, answers, settled).phase(), Phase::review);
  EXPECT_EQ(Session(q, false, answers, settled).phase(), Phase::done);
}

TEST(Session, ContinuousAnswersAreRoundedToThePrecision) {
  core::Questionnaire q = mini_questionnaire();
  q.scale.kind = core::ScaleKind::continuous;
  q.scale.min = 0;
  q.scale.max = 10;
  q.scale.precision = 0.1;
  Session s(q, false);
  EXPECT_EQ(s.recorded_value(7.34), 7.3);
  EXPECT_EQ(s.recorded_value(7.36), 7.4);
  EXPECT_EQ(s.answer(7.34), Outcome::accepted);
  EXPECT_EQ(s.answers()[0], 7.3);
  EXPECT_EQ(s.answer(10.04), Outcome::accepted);
  EXPECT_EQ(s.answers()[1], 10.0);
  EXPECT_EQ(s.answer(10.2), Outcome::invalid_answer);
  EXPECT_EQ(s.answer(-0.3), Outcome::invalid_answer);
}

}  // namespace
}  // namespace alliance::admin
