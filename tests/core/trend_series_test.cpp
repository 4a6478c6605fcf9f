// core/trend_series: responses gathered by respondent, how their sessions
// were ordered, the --fail-on alerts and flag names, on hand-built values.
#include "alliance/core/trend_series.hpp"

#include <gtest/gtest.h>

#include "alliance/core/error.hpp"
#include "fixtures.hpp"

namespace alliance::core {
namespace {

SessionScores session(std::optional<int> number, std::string date = "") {
  SessionScores out;
  out.session = number;
  out.date = std::move(date);
  return out;
}

TEST(TrendSeries, RespondentsInOrderOfFirstAppearanceSessionsInInputOrder) {
  RespondentGroups groups;
  groups.add("P2", session(3), "a.csv:2");
  groups.add("P1", session(1), "a.csv:3");
  groups.add("P2", session(1), "a.csv:4");
  groups.add("", session(1), "b.csv:2");
  groups.add("p1", session(2), "b.csv:3");  // ids are exact: not P1
  const std::vector<RespondentSessions>& r = groups.respondents();
  ASSERT_EQ(r.size(), 4u);
  EXPECT_EQ(r[0].respondent, "P2");
  ASSERT_EQ(r[0].sessions.size(), 2u);
  EXPECT_EQ(r[0].sessions[0].session, 3);  // as read, not yet ordered
  EXPECT_EQ(r[0].sessions[1].session, 1);
  EXPECT_EQ(r[0].sources, (std::vector<std::string>{"a.csv:2", "a.csv:4"}));
  EXPECT_EQ(r[1].respondent, "P1");
  EXPECT_EQ(r[1].sources, (std::vector<std::string>{"a.csv:3"}));
  EXPECT_EQ(r[2].respondent, "");
  EXPECT_EQ(r[3].respondent, "p1");
}

TEST(TrendSeries, OrderingByNumberElseDateElseAsGiven) {
  EXPECT_EQ(session_ordering({session(2, "2024-01-01"), session(1)}), SessionOrdering::by_number);
  EXPECT_EQ(session_ordering({session(2, "2024-01-08"), session(std::nullopt, "2024-01-01")}),
            SessionOrdering::by_date);
  EXPECT_EQ(session_ordering({session(2, "2024-01-08"), session(std::nullopt)}), SessionOrdering::as_given);
  EXPECT_EQ(session_ordering({}), SessionOrdering::by_number);  // nothing to order
}

TEST(TrendSeries, AlertsAreTheAskedFlagsScaleByScale) {
  Questionnaire q = testing::mini_questionnaire();  // subscales a, b, and a total: scales 0, 1, 2
  TrendPoint point;
  point.scales.resize(3);
  point.scales[0].flags =
      static_cast<unsigned>(TrendFlag::ceiling) | static_cast<unsigned>(TrendFlag::rupture);
  point.scales[1].flags = static_cast<unsigned>(TrendFlag::repair);
  point.scales[2].flags =
      static_cast<unsigned>(TrendFlag::below_band) | static_cast<unsigned>(TrendFlag::rupture);
  const unsigned asked =
      static_cast<unsigned>(TrendFlag::rupture) | static_cast<unsigned>(TrendFlag::below_band);
  const std::vector<TrendAlert> alerts = trend_alerts(q, point, asked);
  ASSERT_EQ(alerts.size(), 3u);  // a's rupture; the total's below-band, then rupture (the order of all flags)
  EXPECT_EQ(alerts[0].scale, 0u);
  EXPECT_EQ(alerts[0].flag, TrendFlag::rupture);
  EXPECT_EQ(alerts[1].scale, 2u);
  EXPECT_EQ(alerts[1].flag, TrendFlag::below_band);
  EXPECT_EQ(alerts[2].scale, 2u);
  EXPECT_EQ(alerts[2].flag, TrendFlag::rupture);
  EXPECT_TRUE(trend_alerts(q, point, 0).empty());
  // Without a total, its slot (always there in a TrendPoint) raises nothing.
  q.total.present = false;
  ASSERT_EQ(trend_alerts(q, point, asked).size(), 1u);
}

TEST(TrendSeries, FlagListsAsFailOnTakesThem) {
  EXPECT_EQ(parse_trend_flags({}), 0u);
  EXPECT_EQ(parse_trend_flags({"rupture,repair", "ceiling"}), static_cast<unsigned>(TrendFlag::rupture) |
                                                                  static_cast<unsigned>(TrendFlag::repair) |
                                                                  static_cast<unsigned>(TrendFlag::ceiling));
  const std::string all = "(below-band, reliable-drop, rupture, repair, ceiling, low-item)";
  const std::vector<std::pair<std::vector<std::string>, std::string>> bad = {
      {{""}, "--fail-on '': not a flag " + all},
      {{"rupture,"}, "--fail-on '': not a flag " + all},
      {{"ceiling", "ruptur"}, "--fail-on 'ruptur': not a flag " + all + ", did you mean 'rupture'?"},
      {{"Rupture"}, "--fail-on 'Rupture': not a flag " + all + ", did you mean 'rupture'?"},
  };
  for (const auto& [lists, message] : bad) {
    try {
      parse_trend_flags(lists);
      ADD_FAILURE() << "no error for " << message;
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ExitCode::usage);
      EXPECT_EQ(std::string(e.what()), message);
    }
  }
}

}  // namespace
}  // namespace alliance::core
