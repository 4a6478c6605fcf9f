// core/respondent_stream: trend's reading in bounded memory — respondents
// handed out once complete, held until the input is known to be grouped,
// and a respondent who comes back refused.
#include "alliance/core/respondent_stream.hpp"

#include <gtest/gtest.h>

#include "fixtures.hpp"

namespace alliance::core {
namespace {

Response stream_response(const std::string& respondent, int session, Answers answers = {5, 1, 5, 2, 2, 2}) {
  Response r;
  r.respondent = respondent;
  r.session = session;
  r.answers = std::move(answers);
  return r;
}

// What a stream handed out, and when: the number of responses added before each visit.
struct Handed {
  std::vector<std::string> who;
  std::vector<std::size_t> sessions;
  std::vector<std::size_t> after_adds;
  std::vector<RespondentSessions> people;
};

class StreamFeed {
 public:
  StreamFeed(std::size_t hold)
      : questionnaire_(testing::mini_questionnaire()),
        scorer_(questionnaire_),
        visit_([this](RespondentSessions&& person) {
          handed.who.push_back(person.respondent);
          handed.sessions.push_back(person.sessions.size());
          handed.after_adds.push_back(added_);
          handed.people.push_back(person);
        }),
        stream_(scorer_, hold, visit_) {}

  void add(const Response& r, const std::string& source) {
    ++added_;
    stream_.add(r, source);
  }
  void finish() { stream_.finish(); }
  const Questionnaire& questionnaire() const { return questionnaire_; }

  Handed handed;

 private:
  Questionnaire questionnaire_;
  Scorer scorer_;
  std::size_t added_ = 0;
  RespondentStream::Visit visit_;
  RespondentStream stream_;
};

TEST(RespondentStream, AnUngroupedInputWithinTheHoldIsPutTogetherAtTheEnd) {
  StreamFeed feed(10);
  feed.add(stream_response("P1", 1), "a.csv:2");
  feed.add(stream_response("P2", 1), "a.csv:3");
  feed.add(stream_response("P1", 2), "a.csv:4");  // P1 again after P2: not grouped, but held
  feed.add(stream_response("P3", 1), "a.csv:5");
  EXPECT_TRUE(feed.handed.who.empty());  // nothing is complete before the end
  feed.finish();
  EXPECT_EQ(feed.handed.who, (std::vector<std::string>{"P1", "P2", "P3"}));
  EXPECT_EQ(feed.handed.sessions, (std::vector<std::size_t>{2, 1, 1}));
  EXPECT_EQ(feed.handed.people[0].sources, (std::vector<std::string>{"a.csv:2", "a.csv:4"}));
}

TEST(RespondentStream, AGroupedInputStreamsOneRespondentAtATimePastTheHold) {
  StreamFeed feed(3);
  for (const char* id : {"P1", "P2", "P3", "P4"}) {
    feed.add(stream_response(id, 1), std::string(id) + ":1");
    feed.add(stream_response(id, 2), std::string(id) + ":2");
  }
  feed.finish();
  EXPECT_EQ(feed.handed.who, (std::vector<std::string>{"P1", "P2", "P3", "P4"}));
  EXPECT_EQ(feed.handed.sessions, (std::vector<std::size_t>{2, 2, 2, 2}));
  // The 4th response exceeds the hold of 3: P1 (complete) goes at once, P2 is being read;
  // then each respondent when the next one's first response arrives; the last at the end.
  EXPECT_EQ(feed.handed.after_adds, (std::vector<std::size_t>{4, 5, 7, 8}));
  EXPECT_EQ(feed.handed.people[1].sources, (std::vector<std::string>{"P2:1", "P2:2"}));
}

TEST(RespondentStream, ARespondentWhoComesBackWhileStreamingIsRefusedWhereTheyCameBack) {
  StreamFeed feed(1);
  feed.add(stream_response("P1", 1), "s.csv:2");
  feed.add(stream_response("P2", 1), "s.csv:3");  // past the hold: streaming
  feed.add(stream_response("P3", 1), "s.csv:4");
  try {
    feed.add(stream_response("P1", 2), "s.csv:5");
    FAIL() << "P1 came back after P2 and P3";
  } catch (const RespondentStream::NotGrouped& back) {
    EXPECT_EQ(back.respondent, "P1");
    EXPECT_EQ(back.source, "s.csv:5");
  }
}

TEST(RespondentStream, ComingBackWhileHeldIsRefusedOnlyWhenTheHoldIsExceeded) {
  StreamFeed feed(3);
  feed.add(stream_response("P1", 1), "s.csv:2");
  feed.add(stream_response("P2", 1), "s.csv:3");
  feed.add(stream_response("P1", 2), "s.csv:4");  // back, but within the hold: fine so far
  try {
    feed.add(stream_response("P4", 1), "s.csv:5");  // the 4th: the input cannot be streamed
    FAIL() << "more sessions than the hold, and the input is not grouped";
  } catch (const RespondentStream::NotGrouped& back) {
    EXPECT_EQ(back.respondent, "P1");  // the first who came back, where they did
    EXPECT_EQ(back.source, "s.csv:4");
  }
}

TEST(RespondentStream, ReusedSessionsScoreAsNewOnes) {
  StreamFeed feed(1);
  // P1: a1..b3 = 1 5 1 1 1 1: a = mean(1, 6-5, 1) = 1; b = 1 + 1 + 2 x 1 = 4.
  feed.add(stream_response("P1", 1, {1, 5, 1, 1, 1, 1}), "x:1");
  feed.add(stream_response("P1", 2, {1, 5, 1, 1, 1, 1}), "x:2");  // streaming from here
  // P2 refills P1's two sessions. Session 1: 5 1 5 2 2 2: a = mean(5, 6-1, 5) = 5; b = 2 + 2 + 2 x 2 = 8.
  // Session 2, b3 missing: b prorated, (2 + 2) x 4 / 2 = 8, answered 2, missing 1; a1 missing: a = 5.
  feed.add(stream_response("P2", 1, {5, 1, 5, 2, 2, 2}), "x:3");
  feed.add(stream_response("P2", 2, {std::nullopt, 1, 5, 2, 2, std::nullopt}), "x:4");
  feed.finish();
  ASSERT_EQ(feed.handed.who, (std::vector<std::string>{"P1", "P2"}));
  const std::vector<SessionScores>& p2 = feed.handed.people[1].sessions;
  ASSERT_EQ(p2.size(), 2u);
  EXPECT_EQ(p2[0].session, 1);
  EXPECT_EQ(p2[0].sheet.subscales[0].value, 5.0);
  EXPECT_EQ(p2[0].sheet.subscales[1].value, 8.0);
  EXPECT_EQ(p2[0].sheet.subscales[1].missing, 0);
  EXPECT_EQ(p2[1].session, 2);
  EXPECT_FALSE(p2[1].answers[0].has_value());
  EXPECT_EQ(p2[1].sheet.subscales[0].value, 5.0);
  EXPECT_EQ(p2[1].sheet.subscales[0].missing, 1);
  EXPECT_EQ(p2[1].sheet.subscales[1].value, 8.0);
  EXPECT_EQ(p2[1].sheet.subscales[1].answered, 2);
  EXPECT_EQ(p2[1].sheet.subscales[1].missing, 1);
  const ScoreSheet fresh = score(feed.questionnaire(), p2[1].answers);
  EXPECT_EQ(p2[1].sheet.total.value, fresh.total.value);
  EXPECT_EQ(p2[1].sheet.total.status, fresh.total.status);
}

}  // namespace
}  // namespace alliance::core
