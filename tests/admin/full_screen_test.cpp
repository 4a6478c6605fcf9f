// The full-screen front end driven in memory: keys typed in bursts after a
// screen is drawn, windows of any size, every frame kept. What the pseudo-
// terminal tests (tests/e2e/pty_test.cpp) check on the real binary, here case
// by case.
#include <gtest/gtest.h>

#include <algorithm>

#include "../core/fixtures.hpp"
#include "admin/screens.hpp"
#include "alliance/admin/runner.hpp"
#include "alliance/io/catalog.hpp"
#include "fake_console.hpp"

namespace alliance::admin {
namespace {

core::Questionnaire gtb12() {
  return io::Catalog({}).load("gtb-12").questionnaire;
}

struct Result {
  Ending ending;
  std::size_t saves = 0;
};

Result run(Session& session, const core::Questionnaire& q, FakeConsole& console,
           const std::string& lang = "fr") {
  Result out;
  out.ending = run_full_screen(session, q, {lang, false}, console, [&out](const Session&) {
    ++out.saves;
    return std::string();
  });
  return out;
}

Session all_answered(const core::Questionnaire& q, double value = 3) {
  return Session(q, true, core::Answers(q.items.size(), value), std::vector<bool>(q.items.size(), true));
}

TEST(FullScreen, KeysTypedBeforeAnItemIsDrawnAreDiscarded) {
  const core::Questionnaire q = gtb12();
  Session session(q, true);
  FakeConsole console(80, 24);
  console.type("4444");  // one burst, read before item 2 is on screen
  const Result result = run(session, q, console);
  EXPECT_EQ(result.ending, Ending::hangup);
  EXPECT_EQ(session.answers()[0], 4);
  EXPECT_EQ(session.answered_count(), 1u);
  EXPECT_EQ(session.item(), 1u);
  EXPECT_EQ(result.saves, 1u);
  EXPECT_EQ(console.discarded(), 3u);
  EXPECT_NE(console.screen().find("Question 2 sur 12"), std::string::npos);
}

constexpr const char* kItemSign =
    "Les touches tapées avant l’affichage de cette question n’ont pas été prises en compte.";
constexpr const char* kScreenSign =
    "Les touches tapées avant l’affichage de cet écran n’ont pas été prises en compte.";

// "4444" in one burst answered item 1 and showed item 2 with no sign that
// three keys were thrown away: the typist could not tell.
TEST(FullScreen, KeysTypedAheadAreSaidOnTheNextScreen) {
  const core::Questionnaire q = gtb12();
  Session session(q, true);
  FakeConsole console(80, 24);
  console.type("4444");
  run(session, q, console);
  EXPECT_EQ(session.answered_count(), 1u);
  EXPECT_NE(console.flat().find(kItemSign), std::string::npos) << console.screen();

  // The next screen, with nothing typed ahead of it: no sign.
  FakeConsole next(80, 24);
  next.type("3");
  run(session, q, next);
  EXPECT_EQ(session.answers()[1], 3);
  EXPECT_NE(next.screen().find("Question 3 sur 12"), std::string::npos) << next.screen();
  EXPECT_EQ(next.flat().find("touches tapées"), std::string::npos) << next.screen();
}

TEST(FullScreen, NoSignWhenNothingWasDiscarded) {
  const core::Questionnaire q = gtb12();
  Session session(q, true);
  FakeConsole console(80, 24);
  console.type("4");
  console.type("73");  // on the same screen: 7 refused, 3 answers; nothing typed before a screen
  run(session, q, console);
  EXPECT_EQ(session.answers()[1], 3);
  EXPECT_EQ(console.discarded(), 0u);
  EXPECT_EQ(console.flat().find("touches tapées"), std::string::npos) << console.screen();
}

TEST(FullScreen, TheSignGoesAtTheNextKey) {
  const core::Questionnaire q = gtb12();
  Session session(q, true);
  FakeConsole console(80, 24);
  console.type("4444");
  console.type("x");  // a key on item 2: the sign goes, the key is answered
  run(session, q, console);
  EXPECT_EQ(session.answered_count(), 1u);
  EXPECT_EQ(console.flat().find("touches tapées"), std::string::npos) << console.screen();
  EXPECT_NE(console.flat().find("«\u00a0x\u00a0»"), std::string::npos) << console.screen();
}

// A resize is not a key: never counted as typed ahead; and the screen redrawn
// for it keeps its sign.
TEST(FullScreen, AResizeIsNotAKeyTypedAhead) {
  const core::Questionnaire q = gtb12();
  Session session(q, true);
  FakeConsole console(80, 24);
  std::vector<Key> keys = FakeConsole::keys("4");
  keys.push_back(Key{KeyKind::resize, ""});
  console.send(keys);
  run(session, q, console);
  EXPECT_EQ(session.answered_count(), 1u);
  EXPECT_EQ(console.discarded(), 0u);
  EXPECT_EQ(console.flat().find("touches tapées"), std::string::npos) << console.screen();

  Session again(q, true);
  FakeConsole resized(80, 24);
  resized.type("4444");
  resized.resize(100, 30);
  run(again, q, resized);
  EXPECT_NE(resized.flat().find(kItemSign), std::string::npos) << resized.screen();
}

// A key held down is repeated by the terminal: it answered every item, one a
// repeat. It answers the item it was pressed on; its repeats, on the next
// item, are not answers, and the screen says keys were not used.
TEST(FullScreen, AKeyHeldDownAnswersOneItem) {
  const core::Questionnaire q = gtb12();
  Session session(q, true);
  FakeConsole console(80, 24);
  console.hold("4", 30);
  console.type("2");  // pressed anew, on item 2
  run(session, q, console);
  EXPECT_EQ(session.answers()[0], 4);
  EXPECT_EQ(session.answers()[1], 2);
  EXPECT_EQ(session.answered_count(), 2u);

  Session held(q, true);
  FakeConsole only(80, 24);
  only.hold("4", 30);
  run(held, q, only);
  EXPECT_EQ(held.answered_count(), 1u);
  EXPECT_NE(only.flat().find(kItemSign), std::string::npos) << only.screen();
}

// On the screen where it was pressed a held key still repeats (a number typed on the review).
TEST(FullScreen, AHeldKeyRepeatsOnTheScreenWhereItWasPressed) {
  const core::Questionnaire q = gtb12();
  Session session = all_answered(q);
  FakeConsole console(80, 24);
  console.type("1");
  console.hold("2", 2);
  run(session, q, console);
  EXPECT_NE(console.screen().find("Numéro de question\u00a0: 1222_"), std::string::npos) << console.screen();
  EXPECT_EQ(console.flat().find("touches tapées"), std::string::npos) << console.screen();
}

// ↑ held down on the review moves the cursor once, and says keys were not used.
TEST(FullScreen, AHeldArrowMovesTheReviewCursorOnce) {
  const core::Questionnaire q = gtb12();
  Session session = all_answered(q);
  FakeConsole console(80, 24);
  console.hold("\x1b[A", 10);
  run(session, q, console);
  EXPECT_NE(console.screen().find("  ▸ 12. "), std::string::npos) << console.screen();
  EXPECT_NE(console.flat().find(kScreenSign), std::string::npos) << console.screen();
}

// "q" then "o" in one burst: the question is asked, the "o" typed before it
// was on screen is not its answer, and the question says so.
TEST(FullScreen, KeysTypedAheadOfTheStopQuestionAreSaid) {
  const core::Questionnaire q = gtb12();
  Session session(q, true);
  FakeConsole console(80, 24);
  console.type("qo");
  EXPECT_EQ(run(session, q, console).ending, Ending::hangup);
  EXPECT_NE(console.flat().find("Arrêter maintenant\u00a0?"), std::string::npos) << console.screen();
  EXPECT_NE(console.flat().find(kScreenSign), std::string::npos) << console.screen();
}

TEST(FullScreen, ARefusedKeyKeepsTheSameItemSoTheNextKeyCounts) {
  const core::Questionnaire q = gtb12();
  Session session(q, true);
  FakeConsole console(80, 24);
  console.type("73");  // 7 is refused on item 1, which stays on screen: 3 answers it
  run(session, q, console);
  EXPECT_EQ(session.answers()[0], 3);
  EXPECT_EQ(session.answered_count(), 1u);
}

TEST(FullScreen, NoAnswerWhileTheWindowIsTooSmall) {
  const core::Questionnaire q = gtb12();
  Session session(q, true);
  FakeConsole console(20, 5);
  console.type("4");
  console.type("s");
  console.press(KeyKind::enter);
  console.type("é");
  EXPECT_EQ(run(session, q, console).saves, 0u);
  EXPECT_EQ(session.answered_count(), 0u);
  EXPECT_EQ(session.item(), 0u);
  EXPECT_EQ(console.screen(),
            "Fenêtre trop petite.\nAgrandissez-la (au\nmoins 40\u00a0×\u00a018) ou\nutilisez --plain.\nq "
            "pour arrêter");

  FakeConsole larger(20, 5);
  larger.type("4");
  larger.resize(80, 24);
  larger.type("2");
  run(session, q, larger);
  EXPECT_EQ(session.answers()[0], 2);
  EXPECT_EQ(session.answered_count(), 1u);
}

TEST(FullScreen, QuitWorksInATooSmallWindowAndAsksFirst) {
  const core::Questionnaire q = gtb12();
  Session session(q, true);
  FakeConsole console(20, 5);
  console.type("q");
  console.press(KeyKind::enter);
  // Stopped where the screen offered --plain: the command to resume will have it (administer_cmd.cpp).
  EXPECT_EQ(run(session, q, console).ending, Ending::quit_small);

  Session enlarged(q, true);  // stopped where the item was whole: no --plain
  FakeConsole larger(80, 24);
  larger.type("q");
  larger.press(KeyKind::enter);
  EXPECT_EQ(run(enlarged, q, larger).ending, Ending::quit);
}

TEST(FullScreen, QuitAsksForConfirmation) {
  const core::Questionnaire q = gtb12();
  Session session(q, true);
  FakeConsole console(80, 24);
  console.type("q");
  console.type("x");  // anything else: go on
  console.type("3");
  console.type("qq");  // the second q is typed before the question is on screen: discarded
  const Result first = run(session, q, console);
  EXPECT_EQ(first.ending, Ending::hangup);
  EXPECT_EQ(session.phase(), Phase::item);
  EXPECT_EQ(session.answers()[0], 3);
  EXPECT_NE(console.screen().find("Arrêter maintenant\u00a0?\nEntrée, o ou y\u00a0: arrêter\n"),
            std::string::npos)
      << console.screen();
  EXPECT_NE(console.flat().find("la passation pourra être reprise plus tard"), std::string::npos);

  for (const char* yes : {"\r", "o", "y", "O"}) {
    Session again(q, true);
    FakeConsole keys(80, 24);
    keys.type("q");
    keys.type(yes);
    EXPECT_EQ(run(again, q, keys).ending, Ending::quit) << yes;
    EXPECT_EQ(again.phase(), Phase::stopped);
  }
}

TEST(FullScreen, QuitOnACompleteReviewOffersToSubmit) {
  const core::Questionnaire q = gtb12();
  Session submitted = all_answered(q);
  FakeConsole console(80, 24);
  console.type("q");
  console.press(KeyKind::enter);
  EXPECT_EQ(run(submitted, q, console, "en").ending, Ending::completed);
  EXPECT_NE(console.screen().find("Submit your answers now and finish?\nEnter, y or o: submit my answers\n"
                                  "q: stop without submitting (the session can be resumed later)\n"),
            std::string::npos)
      << console.screen();

  Session stopped = all_answered(q);
  FakeConsole twice(80, 24);
  twice.type("q");
  twice.type("q");
  EXPECT_EQ(run(stopped, q, twice).ending, Ending::quit);
}

TEST(FullScreen, EnterOnAnUnansweredItemSaysWhy) {
  const core::Questionnaire q = gtb12();
  Session session(q, true);
  FakeConsole console(80, 24);
  console.press(KeyKind::enter);
  run(session, q, console);
  EXPECT_NE(
      console.flat().find("Cette question n’a pas encore de réponse\u00a0: répondez de 1 à 5, ou appuyez "
                          "sur s pour la passer."),
      std::string::npos)
      << console.screen();
  EXPECT_EQ(session.item(), 0u);
}

TEST(FullScreen, AzertyDigitRowAndKeypadAnswer) {
  const core::Questionnaire q = gtb12();
  Session session(q, true);
  FakeConsole console(80, 24);
  for (const char* key : {"&", "é", "\"", "'", "(", "\x1bOs", "\x1bOq"}) console.type(key);
  run(session, q, console);
  EXPECT_EQ(session.answered_count(), 7u);
  EXPECT_EQ((core::Answers(session.answers().begin(), session.answers().begin() + 7)),
            (core::Answers{1, 2, 3, 4, 5, 3, 1}));
}

TEST(FullScreen, ReviewThatFitsStartsOnSubmit) {
  const core::Questionnaire q = gtb12();
  Session session = all_answered(q);
  FakeConsole console(80, 24);
  console.press(KeyKind::enter);
  EXPECT_EQ(run(session, q, console).ending, Ending::completed);
}

TEST(FullScreen, ACutReviewStartsAtTheTopAndSubmitsOnlyWhenEveryRowWasShown) {
  const core::Questionnaire q = gtb12();
  Session session = all_answered(q);
  FakeConsole console(40, 10);
  console.press(KeyKind::enter);  // on item 1, not on submit: changes item 1
  console.type("5");              // back to the review, on row 1
  console.press(KeyKind::down, 12u);
  console.press(KeyKind::enter);  // every row passed on the way down: submitted
  EXPECT_EQ(run(session, q, console).ending, Ending::completed);
  EXPECT_EQ(session.answers()[0], 5);
}

TEST(FullScreen, ReviewDoesNotSubmitRowsNeverOnScreen) {
  const core::Questionnaire q = gtb12();
  Session session = all_answered(q);
  FakeConsole console(40, 10);
  console.type("12\r");  // change item 12 straight from the top of the list
  console.type("4");     // back to the review on row 12
  console.press(KeyKind::down);
  console.press(KeyKind::enter);  // "submit", but the middle rows were never on screen
  const Result refused = run(session, q, console);
  EXPECT_EQ(refused.ending, Ending::hangup);
  EXPECT_EQ(session.phase(), Phase::review);
  EXPECT_NE(
      console.flat().find("Certaines réponses ne sont pas encore passées à l’écran\u00a0: remontez la liste"),
      std::string::npos)
      << console.screen();
  EXPECT_NE(console.screen().find("au-dessus"), std::string::npos) << console.screen();

  FakeConsole scroll(40, 10);
  scroll.press(KeyKind::up, 12u);
  scroll.press(KeyKind::down, 12u);
  scroll.press(KeyKind::enter);
  EXPECT_EQ(run(session, q, scroll).ending, Ending::completed);
}

TEST(FullScreen, ABurstOfArrowsAndEnterDoesNotReachSubmit) {
  const core::Questionnaire q = gtb12();
  Session session = all_answered(q);
  FakeConsole console(40, 10);
  console.type("\x1b[B\x1b[B\x1b[B\r");  // ↓ ↓ ↓ Enter in one burst: one ↓, the rest dropped
  EXPECT_EQ(run(session, q, console).ending, Ending::hangup);
  EXPECT_EQ(session.phase(), Phase::review);
  EXPECT_EQ(console.discarded(), 3u);
  EXPECT_NE(console.screen().find("  ▸  2. "), std::string::npos) << console.screen();
}

TEST(FullScreen, TooSmallReviewTakesNoKey) {
  const core::Questionnaire q = gtb12();
  Session session = all_answered(q);
  FakeConsole console(30, 3);
  console.press(KeyKind::enter);
  console.type("1\r");
  EXPECT_EQ(run(session, q, console).ending, Ending::hangup);
  EXPECT_EQ(session.phase(), Phase::review);
}

TEST(FullScreen, ReviewHelpAndTypedNumber) {
  const core::Questionnaire q = gtb12();
  Session session = all_answered(q);
  FakeConsole console(80, 24);
  console.type("?");
  run(session, q, console);
  EXPECT_NE(console.screen().find("un numéro, Entrée"), std::string::npos) << console.screen();
  EXPECT_EQ(console.screen().find("répondre et passer"), std::string::npos);

  FakeConsole typing(80, 24);
  typing.type("?");
  typing.type(" ");  // any key leaves the help
  typing.type("1");
  run(session, q, typing);
  EXPECT_NE(typing.screen().find("Numéro de question\u00a0: 1_"), std::string::npos) << typing.screen();
}

TEST(FullScreen, EveryItemScreenFitsA40By15Window) {
  const core::Questionnaire q = gtb12();
  Session session(q, true);
  FakeConsole console(40, 15);
  for (int i = 0; i < 12; ++i) console.type("3");
  run(session, q, console);
  EXPECT_EQ(session.answered_count(), 12u);
  EXPECT_EQ(session.phase(), Phase::review);
}

}  // namespace
}  // namespace alliance::admin
