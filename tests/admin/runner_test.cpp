// The line-by-line front end in memory (the scripted and --plain modes), the
// key decoder of the full-screen one, and the message templates.
#include "alliance/admin/runner.hpp"

#include <gtest/gtest.h>

#include <cctype>
#include <cstring>
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
  script.result =
      run_by_lines(session, q, {lang, false}, in, prompts, interactive, [&script](const Session& s) {
        script.saves.push_back(s.answers());
        return std::string();
      });
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
            "ligne 2\u00a0: Cette question ne peut pas être passée\u00a0: il manquerait trop de "
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

TEST(LineRunner, ScriptedQuitStopsAtOnce) {
  const core::Questionnaire q = mini_questionnaire();
  Session session(q, false);
  const Script s = run_script(q, session, "2\nq\n", false);
  EXPECT_EQ(s.result.ending, Ending::quit);
  EXPECT_EQ(session.phase(), Phase::stopped);
  EXPECT_EQ(session.answered_count(), 1u);
}

TEST(LineRunner, PlainQuitAsksFirstAndSaysTheSessionCanBeResumed) {
  const core::Questionnaire q = mini_questionnaire();
  Session session(q, true);
  // q, then "non": go on (item 2 answered 3); q, then an empty line: stop.
  const Script s = run_script(q, session, "2\nq\nnon\n3\nq\n\n", true, "fr");
  EXPECT_EQ(s.result.ending, Ending::quit);
  EXPECT_EQ(session.phase(), Phase::stopped);
  EXPECT_EQ(session.answers(), (core::Answers{2, 3, std::nullopt, std::nullopt, std::nullopt, std::nullopt}));
  const std::string ask =
      "Arrêter maintenant\u00a0? Les réponses déjà données sont enregistrées et la passation "
      "pourra être reprise.";
  const std::size_t first = s.prompts.find(ask);
  ASSERT_NE(first, std::string::npos) << s.prompts;
  EXPECT_NE(s.prompts.find(ask, first + 1), std::string::npos);

  for (const char* yes : {"o\n", "y\n", "OUI\n", "yes\n"}) {
    Session again(q, true);
    EXPECT_EQ(run_script(q, again, std::string("q\n") + yes, true).result.ending, Ending::quit) << yes;
  }
  Session ended(q, true);  // the input ends while asking: the end of input, answers kept
  EXPECT_EQ(run_script(q, ended, "4\nq\n", true).result.ending, Ending::end_of_input);
}

TEST(LineRunner, PlainQuitOnACompleteReviewOffersToSubmit) {
  const core::Questionnaire q = mini_questionnaire();
  Session submitted(q, true);
  const Script s = run_script(q, submitted, "1\n2\n3\n4\n5\n1\nq\n\n", true);
  EXPECT_EQ(s.result.ending, Ending::completed);
  EXPECT_NE(s.prompts.find("Every question has been answered (or skipped). Enter, y or o to submit"),
            std::string::npos)
      << s.prompts;
  Session stopped(q, true);
  EXPECT_EQ(run_script(q, stopped, "1\n2\n3\n4\n5\n1\nq\nq\n", true).result.ending, Ending::quit);
  Session back(q, true);  // anything else: back to the list, where an empty line submits
  EXPECT_EQ(run_script(q, back, "1\n2\n3\n4\n5\n1\nq\nx\n\n", true).result.ending, Ending::completed);
}

TEST(LineRunner, PlainShowsTheTitleAndAsksAgainOnAnEmptyLine) {
  const core::Questionnaire q = mini_questionnaire();
  Session session(q, true);
  // Item 1: an empty line is asked again, not a skip; s skips it (subscale a
  // allows one missing). Item 2: asked again, then answered.
  const Script s = run_script(q, session, "\ns\n\n4\nq\n\n", true);
  EXPECT_EQ(s.prompts.rfind("Mini\n", 0), 0u) << s.prompts;
  EXPECT_EQ(session.answers()[0], std::nullopt);
  EXPECT_EQ(session.settled()[0], true);  // skipped with s
  EXPECT_EQ(session.answers()[1], 4);
  EXPECT_NE(s.prompts.find("No answer yet: type a number from 1 to 5, or s to skip the question.\n"),
            std::string::npos)
      << s.prompts;
  // Item 2: a second skip in subscale a is not allowed, so the hint does not offer it.
  EXPECT_NE(s.prompts.find("No answer yet: type a number from 1 to 5.\n"), std::string::npos) << s.prompts;
  ASSERT_EQ(s.saves.size(), 2u);  // the skip and the answer; nothing for the empty lines
}

TEST(LineRunner, PlainReviewHelpIsAboutTheReview) {
  const core::Questionnaire q = mini_questionnaire();
  Session session(q, true);
  const Script s = run_script(q, session, "1\n2\n3\n4\n5\n1\n?\n\n", true, "fr");
  EXPECT_EQ(s.result.ending, Ending::completed);
  EXPECT_NE(s.prompts.find("Tapez le numéro d’une question puis Entrée pour modifier sa réponse.\n"
                           "Une ligne vide envoie vos réponses.\n"),
            std::string::npos)
      << s.prompts;
}

TEST(LineRunner, ScoresSummaryShowsRangesCountsAndInsufficientScales) {
  const core::Questionnaire q = mini_questionnaire();
  // By hand: a = 4, 1+5-2 = 4, 3: 11/3 = 3.67 of 1-5; b = 1 + 2 + 2x3 = 9 of
  // 1x(1+1+2) to 5x(1+1+2) = 4-20; total = (4+4+3+1+2+6) / 7 weights = 2.86.
  EXPECT_EQ(scores_summary(q, {4, 2, 3, 1, 2, 3}, "en"),
            "Scores — Mini\n"
            "  A      3.67  (1–5)   3 of 3 questions\n"
            "  B      9.00  (4–20)  3 of 3 questions\n"
            "  Total  2.86  (1–5)   6 of 6 questions\n");
  // a has 2 of 3 missing (at most 1 allowed); the total needs every subscale.
  EXPECT_EQ(scores_summary(q, {std::nullopt, std::nullopt, 3, 1, 2, 3}, "fr"),
            "Scores — Mini\n"
            "  A      —     (1–5)   1 question sur 3   insuffisant (trop de réponses manquantes)\n"
            "  B      9,00  (4–20)  3 questions sur 3\n"
            "  Total  —     (1–5)   4 questions sur 6  insuffisant (trop de réponses manquantes)\n");
  // b1 skipped: b = (2 + 2x3) x 4/3 weights = 10.67 (prorated); total = (4+4+3+2+6) / 6 weights = 3.17.
  EXPECT_EQ(scores_summary(q, {4, 2, 3, std::nullopt, 2, 3}, "fr"),
            "Scores — Mini\n"
            "  A      3,67   (1–5)   3 questions sur 3\n"
            "  B      10,67  (4–20)  2 questions sur 3\n"
            "  Total  3,17   (1–5)   5 questions sur 6\n");
}

// On a terminal narrower than the table (issue 13: at 40 columns the
// terminal cut the scores mid-word), what each score rests on and its band go
// under it, wrapped at words; the same scores as above, by hand.
TEST(LineRunner, ScoresSummaryFitsANarrowTerminal) {
  const core::Questionnaire q = mini_questionnaire();
  const std::string table = scores_summary(q, {std::nullopt, std::nullopt, 3, 1, 2, 3}, "fr");
  EXPECT_EQ(scores_summary(q, {std::nullopt, std::nullopt, 3, 1, 2, 3}, "fr", 90), table);  // it fits
  EXPECT_EQ(scores_summary(q, {std::nullopt, std::nullopt, 3, 1, 2, 3}, "fr", 30),
            "Scores — Mini\n"
            "  A      —     (1–5)\n"
            "    1 question sur 3\n"
            "    insuffisant (trop de\n"
            "    réponses manquantes)\n"
            "  B      9,00  (4–20)\n"
            "    3 questions sur 3\n"
            "  Total  —     (1–5)\n"
            "    4 questions sur 6\n"
            "    insuffisant (trop de\n"
            "    réponses manquantes)\n");
  EXPECT_EQ(scores_summary(q, {4, 2, 3, 1, 2, 3}, "en", 14),
            "Scores — Mini\n"
            "  A 3.67 (1–5)\n"
            "    3 of 3\n"
            "    questions\n"
            "  B 9.00\n"
            "  (4–20)\n"
            "    3 of 3\n"
            "    questions\n"
            "  Total 2.86\n"
            "  (1–5)\n"
            "    6 of 6\n"
            "    questions\n");
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
      {"3", false, 1, KeyKind::character, "3"},
      {"b5", false, 1, KeyKind::character, "b"},
      {"\x1b[D", false, 3, KeyKind::left, ""},
      {"\x1bOD", false, 3, KeyKind::left, ""},
      {"\x1b[C4", false, 3, KeyKind::right, ""},
      {"\x1b[A", false, 3, KeyKind::up, ""},
      {"\x1b[B", false, 3, KeyKind::down, ""},
      {"\x1b[1;5D", false, 6, KeyKind::left, ""},
      {"\x1b[15~", false, 5, KeyKind::none, ""},
      {"\x1b", false, 0, KeyKind::none, ""},
      {"\x1b", true, 1, KeyKind::escape, ""},
      {"\x1b[", false, 0, KeyKind::none, ""},
      {"\x1bq", false, 1, KeyKind::escape, ""},
      {"\r", false, 1, KeyKind::enter, ""},
      {"\n", false, 1, KeyKind::enter, ""},
      {"\x7f", false, 1, KeyKind::backspace, ""},
      {"\x01", false, 1, KeyKind::none, ""},
      {"é", false, 2, KeyKind::character, "é"},
      {"\xc3", false, 0, KeyKind::none, ""},
      // The numeric keypad in application mode (SS3), and the same final bytes after CSI (not the keypad).
      {"\x1bOp", false, 3, KeyKind::character, "0"},
      {"\x1bOq", false, 3, KeyKind::character, "1"},
      {"\x1bOt", false, 3, KeyKind::character, "4"},
      {"\x1bOy4", false, 3, KeyKind::character, "9"},
      {"\x1bOM", false, 3, KeyKind::enter, ""},
      {"\x1bOn", false, 3, KeyKind::character, "."},
      {"\x1bOl", false, 3, KeyKind::character, ","},
      {"\x1bOm", false, 3, KeyKind::character, "-"},
      {"\x1bOk", false, 3, KeyKind::character, "+"},
      {"\x1b[q", false, 3, KeyKind::none, ""},
      {"\x1bO", false, 0, KeyKind::none, ""},
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

TEST(Messages, PluralForms) {
  const char* french = "{1} {1:question|question|questions} sur {2}";
  EXPECT_EQ(fill(french, {"0", "4"}), "0 question sur 4");
  EXPECT_EQ(fill(french, {"1", "4"}), "1 question sur 4");
  EXPECT_EQ(fill(french, {"2", "4"}), "2 questions sur 4");
  const char* english = "{1} of {2} {2:item|items}";
  EXPECT_EQ(fill(english, {"0", "1"}), "0 of 1 item");
  EXPECT_EQ(fill(english, {"3", "4"}), "3 of 4 items");
  EXPECT_EQ(fill("{1:one|other}", {"x"}), "other");  // not a number
  EXPECT_EQ(fill("{3:one|other}", {"1"}), "{3:one|other}");
  EXPECT_EQ(
      fill(messages("fr").stopped, {"1", "12", "r.json"}),
      "Arrêt\u00a0: 1 réponse donnée sur 12 questions\u00a0; les réponses sont enregistrées dans r.json.");
  EXPECT_EQ(
      fill(messages("fr").stopped, {"0", "12", "r.json"}),
      "Arrêt\u00a0: 0 réponse donnée sur 12 questions\u00a0; les réponses sont enregistrées dans r.json.");
  EXPECT_EQ(
      fill(messages("fr").stopped, {"5", "12", "r.json"}),
      "Arrêt\u00a0: 5 réponses données sur 12 questions\u00a0; les réponses sont enregistrées dans r.json.");
  EXPECT_EQ(fill(messages("en").stopped, {"1", "1", "r.json"}),
            "Stopped: 1 of 1 question answered; the answers are saved in r.json.");
}

// Every template, French typography included: tests/text/messages_test.cpp.

}  // namespace
}  // namespace alliance::admin
