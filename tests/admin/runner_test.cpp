// The line-by-line front end in memory (the scripted and --plain modes), the
// key decoder of the full-screen one, and the message templates.
#include "alliance/admin/runner.hpp"

#include <gtest/gtest.h>

#include <sstream>

#include "../core/fixtures.hpp"
#include "alliance/admin/messages.hpp"
#include "alliance/admin/terminal.hpp"

namespace alliance::admin {
namespace {

using alliance::testing::mini_questionnaire;

struct Script {
  LineResult result;
  std::string prompts;
  std::vector<core::Answers> saves;  // the answers at each save
};

Script run_script(const core::Questionnaire& q, Session& session, const std::string& input, bool interactive,
                  const std::string& lang = "en") {
  Script script;
  std::istringstream in(input);
  std::ostringstream prompts;
  script.result = run_by_lines(session, q, {lang, false}, in, prompts, interactive,
                               [&script](const Session& s) { script.saves.push_back(s.answers()); });
  script.prompts = prompts.str();
  return script;
}

TEST(LineRunner, ScriptedAnswersCompleteWithoutReview) {
  const core::Questionnaire q = mini_questionnaire();
  Session session(q, false);
  const Script s = run_script(q, session, "1\n2\n\n4\n5,0\n1\n", false);
  EXPECT_EQ(s.result.ending, Ending::completed);
  EXPECT_EQ(session.answers(), (core::Answers{1, 2, std::nullopt, 4, 5, 1}));
  ASSERT_EQ(s.saves.size(), 6u);  // one save per answer or skip
  EXPECT_EQ(s.saves[0],
            (core::Answers{1, std::nullopt, std::nullopt, std::nullopt, std::nullopt, std::nullopt}));
  EXPECT_NE(s.prompts.find("Question 1 of 6\nItem a1\n1 = , 2 = "), std::string::npos) << s.prompts;
  EXPECT_NE(s.prompts.find("Question 6 of 6"), std::string::npos);
}

TEST(LineRunner, EndOfInputStopsWithTheAnswersKept) {
  const core::Questionnaire q = mini_questionnaire();
  Session session(q, false);
  const Script s = run_script(q, session, "3\n4", false);
  EXPECT_EQ(s.result.ending, Ending::end_of_input);
  EXPECT_EQ(s.result.message, "End of input before the last question.");
  EXPECT_EQ(session.answered_count(), 2u);
  EXPECT_EQ(session.item(), 2u);
  EXPECT_EQ(s.saves.size(), 2u);
}

TEST(LineRunner, ScriptedRefusalNamesTheLine) {
  const core::Questionnaire q = mini_questionnaire();
  Session bad_value(q, false);
  const Script value = run_script(q, bad_value, "3\n9\n4\n", false);
  EXPECT_EQ(value.result.ending, Ending::rejected);
  EXPECT_EQ(value.result.message, "line 2: Answer with a number from 1 to 5.");
  EXPECT_EQ(bad_value.answered_count(), 1u);

  Session bad_skip(q, false);
  const Script skip = run_script(q, bad_skip, "\n\n", false, "fr");
  EXPECT_EQ(skip.result.ending, Ending::rejected);
  EXPECT_EQ(skip.result.message,
            "ligne 2 : Cette question ne peut pas être passée : il manquerait trop de "
            "réponses pour «\u00a0A\u00a0».");

  Session words(q, false);
  EXPECT_EQ(run_script(q, words, "often\n", false).result.message,
            "line 1: Not understood: \"often\". Type ? for help.");
}

TEST(LineRunner, InteractiveExplainsAndAsksAgainThenReviews) {
  const core::Questionnaire q = mini_questionnaire();
  Session session(q, true);
  // 9 is refused and asked again; b goes back to change a1; the review
  // changes item 4, then an empty line submits.
  const Script s = run_script(q, session, "9\n2\nb\n5\n2\n3\n4\n5\n1\n4\n2\n\n", true);
  EXPECT_EQ(s.result.ending, Ending::completed);
  EXPECT_EQ(session.answers(), (core::Answers{5, 2, 3, 2, 5, 1}));
  EXPECT_NE(s.prompts.find("Answer with a number from 1 to 5.\n"), std::string::npos);
  EXPECT_NE(s.prompts.find("Current answer: 2"), std::string::npos);
  EXPECT_NE(s.prompts.find("Review your answers\n1. Item a1 — 5\n"), std::string::npos) << s.prompts;
}

TEST(LineRunner, QuitStops) {
  const core::Questionnaire q = mini_questionnaire();
  Session session(q, true);
  const Script s = run_script(q, session, "2\nq\n", true);
  EXPECT_EQ(s.result.ending, Ending::quit);
  EXPECT_EQ(session.phase(), Phase::stopped);
  EXPECT_EQ(session.answered_count(), 1u);
}

TEST(LineRunner, ScoresSummaryShowsInsufficientScales) {
  const core::Questionnaire q = mini_questionnaire();
  EXPECT_EQ(scores_summary(q, {4, 2, 3, 1, 2, 3}, "en"),
            "Scores — Mini\n  A      3.67\n  B      9.00\n  Total  2.86\n");
  EXPECT_EQ(scores_summary(q, {std::nullopt, std::nullopt, 3, 1, 2, 3}, "fr"),
            "Scores — Mini\n  A      insuffisant (trop de réponses manquantes)\n  B      9.00\n"
            "  Total  insuffisant (trop de réponses manquantes)\n");
}

TEST(Keys, DecodesArrowsEnterAndUtf8) {
  struct Case {
    std::string bytes;
    bool complete;
    std::size_t used;
    KeyKind kind;
    std::string text;
  };
  const std::vector<Case> cases = {
      {"3", false, 1, KeyKind::character, "3"},  {"b5", false, 1, KeyKind::character, "b"},
      {"\x1b[D", false, 3, KeyKind::left, ""},   {"\x1bOD", false, 3, KeyKind::left, ""},
      {"\x1b[C4", false, 3, KeyKind::right, ""}, {"\x1b[A", false, 3, KeyKind::up, ""},
      {"\x1b[B", false, 3, KeyKind::down, ""},   {"\x1b[1;5D", false, 6, KeyKind::left, ""},
      {"\x1b[15~", false, 5, KeyKind::none, ""}, {"\x1b", false, 0, KeyKind::none, ""},
      {"\x1b", true, 1, KeyKind::escape, ""},    {"\x1b[", false, 0, KeyKind::none, ""},
      {"\x1bq", false, 1, KeyKind::escape, ""},  {"\r", false, 1, KeyKind::enter, ""},
      {"\n", false, 1, KeyKind::enter, ""},      {"\x7f", false, 1, KeyKind::backspace, ""},
      {"\x01", false, 1, KeyKind::none, ""},     {"é", false, 2, KeyKind::character, "é"},
      {"\xc3", false, 0, KeyKind::none, ""},
  };
  for (const Case& c : cases) {
    Key key;
    EXPECT_EQ(decode_key(c.bytes, c.complete, key), c.used) << c.bytes;
    if (c.used == 0) continue;
    EXPECT_EQ(key.kind, c.kind) << c.bytes;
    EXPECT_EQ(key.text, c.text) << c.bytes;
  }
}

TEST(Messages, FillAndBothLanguages) {
  EXPECT_EQ(fill("Question {1} sur {2}", {"5", "12"}), "Question 5 sur 12");
  EXPECT_EQ(fill("{2}{1}{3}", {"a", "b"}), "ba{3}");
  EXPECT_EQ(fill(messages("fr").question_of, {"5", "12"}), "Question 5 sur 12");
  EXPECT_EQ(fill(messages("en").question_of, {"5", "12"}), "Question 5 of 12");
  EXPECT_EQ(fill(messages("fr").answer_keys, {"1", "5"}), "Appuyez sur 1 à 5 pour répondre");
  EXPECT_EQ(&messages("de"), &messages("en"));
}

}  // namespace
}  // namespace alliance::admin
