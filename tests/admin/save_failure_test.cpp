// The question after a failed save (admin/save_failure.hpp), in memory: in
// plain mode, and on the full screen, which keeps the rules of the other
// screens — nothing chosen unseen, keys typed ahead discarded, words wrapped.
#include "alliance/admin/save_failure.hpp"

#include <gtest/gtest.h>

#include <sstream>

#include "alliance/admin/runner.hpp"
#include "alliance/admin/session.hpp"
#include "alliance/core/text.hpp"
#include "alliance/io/catalog.hpp"
#include "fake_console.hpp"

namespace alliance::admin {
namespace {

struct Asked {
  SaveChoice choice;
  std::string shown;
};

Asked ask(const std::string& input, const std::string& lang = "en") {
  std::istringstream in(input);
  std::ostringstream out;
  SaveProblem problem;
  problem.what = "Saving to r.json failed: the disk is full.";
  problem.where = {"Not saved yet: question 4."};
  Asked asked;
  asked.choice = ask_after_failed_save(in, out, problem, lang);
  asked.shown = out.str();
  return asked;
}

TEST(SaveFailure, PlainModeChoices) {
  EXPECT_EQ(ask("\n").choice.kind, SaveChoice::Kind::retry);
  EXPECT_EQ(ask("r\n").choice.kind, SaveChoice::Kind::retry);
  const Asked elsewhere = ask("a\n/media/usb\n");
  EXPECT_EQ(elsewhere.choice.kind, SaveChoice::Kind::elsewhere);
  EXPECT_EQ(elsewhere.choice.place, "/media/usb");
  // No place typed: asked again; a stop must be confirmed; anything else goes back.
  const Asked empty_place = ask("a\n\nq\ny\n");
  EXPECT_EQ(empty_place.choice.kind, SaveChoice::Kind::stop);
  EXPECT_NE(empty_place.shown.find("Type a directory or a new file name, then Enter."), std::string::npos);
  EXPECT_EQ(ask("q\nn\n\n").choice.kind, SaveChoice::Kind::retry);
  // An empty line does not confirm a stop (what is not saved would be lost): back to the question.
  EXPECT_EQ(ask("q\n\nr\n").choice.kind, SaveChoice::Kind::retry);
  const Asked unknown = ask("zz\n\n");
  EXPECT_EQ(unknown.choice.kind, SaveChoice::Kind::retry);
  EXPECT_NE(unknown.shown.find("Not understood: \"zz\"; the choices are r, a and q."), std::string::npos)
      << unknown.shown;
  // Nobody left to answer: stop.
  EXPECT_EQ(ask("").choice.kind, SaveChoice::Kind::stop);
  EXPECT_EQ(ask("a\n").choice.kind, SaveChoice::Kind::stop);
}

TEST(SaveFailure, ShowsTheProblemThenAsks) {
  const Asked asked = ask("q\no\n", "fr");
  EXPECT_EQ(asked.choice.kind, SaveChoice::Kind::stop);  // o (oui) confirms in French
  EXPECT_EQ(asked.shown,
            "\nLes réponses n’ont pas pu être enregistrées\n"
            "Saving to r.json failed: the disk is full.\n"
            "Rien n’est perdu\u00a0: toutes les réponses sont gardées en mémoire tant que ce programme "
            "tourne.\n"
            "Not saved yet: question 4.\n"
            "Entrée pour réessayer, a pour enregistrer ailleurs, q pour arrêter\u00a0: "
            "Arrêter maintenant\u00a0? Ce qui n’est pas enregistré devra être redonné à la reprise. o ou y "
            "pour arrêter\u00a0; autre chose (ou une ligne vide) pour revenir\u00a0: ");
}

// --- The full screen.

// A failure as the response store describes it (src/cli/response_store.cpp), in French.
SaveProblem french_problem() {
  SaveProblem problem;
  problem.what =
      "L’enregistrement dans /home/clinique/passations/P017-gtb-12-s3-2026-11-24.json a échoué\u00a0: le "
      "dossier n’existe pas (ou plus).";
  problem.where = {"Pas encore enregistré\u00a0: questions 3 et 4.",
                   "Sur le disque, /home/clinique/passations/P017-gtb-12-s3-2026-11-24.json contient toutes "
                   "les autres réponses."};
  return problem;
}

// Every line of the last frame fits the window, and is there whole.
void expect_fits(const FakeConsole& console, std::size_t columns, std::size_t rows) {
  const std::string screen = console.screen();
  std::size_t count = 0;
  std::size_t start = 0;
  while (start <= screen.size()) {
    const std::size_t end = std::min(screen.find('\n', start), screen.size());
    EXPECT_LE(core::display_width(screen.substr(start, end - start)), columns) << screen;
    ++count;
    start = end + 1;
  }
  EXPECT_LE(count, rows) << screen;
}

// Issue 13 (the two halves together): a burst of keys typed after an answer
// whose save fails must not choose on the failure screen it was typed before:
// "4", then "r" and Enter in the same burst, retried nothing.
TEST(SaveFailureScreen, KeysTypedBeforeItIsDrawnAreDiscarded) {
  const core::Questionnaire q = io::Catalog({}).load("gtb-12").questionnaire;
  Session session(q, true);
  FakeConsole console(80, 24);
  console.type("4r\r");  // one burst: 4 answers item 1, its save fails, r and Enter were typed before
  console.type("q");     // looking at the failure screen now
  console.type("o");     // looking at "Arrêter maintenant ?"
  std::vector<SaveChoice> choices;
  std::vector<std::string> screens;
  const SaveProblem problem = french_problem();
  const Ending ending = run_full_screen(session, q, {"fr", false}, console, [&](const Session&) {
    choices.push_back(ask_after_failed_save(console, problem, "fr", false));
    screens.push_back(console.flat());
    return std::string();
  });
  ASSERT_EQ(choices.size(), 1u);
  EXPECT_EQ(choices[0].kind, SaveChoice::Kind::stop);
  EXPECT_EQ(console.discarded(), 2u);  // r and Enter
  // The failure screen said so, and the sign went at the next key (q).
  ASSERT_EQ(screens.size(), 1u);
  EXPECT_EQ(screens[0].find("touches tapées"), std::string::npos) << screens[0];
  EXPECT_EQ(session.answers()[0], 4);
  EXPECT_EQ(ending, Ending::hangup);  // (the store would have thrown SaveAbandoned; here the keys ran out)
}

// The failure screen says when keys typed before it were discarded; a key
// held down since the failing answer chooses nothing there either.
TEST(SaveFailureScreen, SaysKeysTypedBeforeItWereNotUsed) {
  const SaveProblem problem = french_problem();
  const std::string sign =
      "Les touches tapées avant l’affichage de cet écran n’ont pas été prises en compte.";
  FakeConsole burst(80, 24);
  burst.type("4r\r");
  EXPECT_EQ(burst.read_key().text, "4");  // the answer whose save failed
  EXPECT_EQ(ask_after_failed_save(burst, problem, "fr", false).kind, SaveChoice::Kind::stop);  // keys ran out
  EXPECT_EQ(burst.discarded(), 2u);
  EXPECT_NE(burst.flat().find(sign), std::string::npos) << burst.screen();

  FakeConsole held(80, 24);
  held.hold("4", 20);
  EXPECT_EQ(held.read_key().text, "4");
  held.type("r");  // pressed anew: tries again
  EXPECT_EQ(ask_after_failed_save(held, problem, "fr", false).kind, SaveChoice::Kind::retry);
  EXPECT_EQ(held.flat().find("Je n’ai pas compris"), std::string::npos) << held.screen();

  FakeConsole only_held(80, 24);
  only_held.hold("4", 20);
  EXPECT_EQ(only_held.read_key().text, "4");
  ask_after_failed_save(only_held, problem, "fr", false);
  EXPECT_NE(only_held.flat().find(sign), std::string::npos) << only_held.screen();
  EXPECT_EQ(only_held.flat().find("Je n’ai pas compris"), std::string::npos) << only_held.screen();
}

TEST(SaveFailureScreen, StopIsConfirmedWithOOrYOnAScreenListingWhatIsLost) {
  const SaveProblem problem = french_problem();
  FakeConsole console(80, 24);
  console.type("q");
  console.press(KeyKind::enter);  // not a confirmation: back to the choices
  console.type("q");
  console.type("y");
  std::vector<std::string> frames;
  const SaveChoice choice = ask_after_failed_save(console, problem, "fr", false);
  EXPECT_EQ(choice.kind, SaveChoice::Kind::stop);
  const std::string screen = console.flat();
  for (const char* text :
       {"Arrêter maintenant\u00a0?", "o ou y\u00a0: arrêter", "Une autre touche\u00a0: revenir",
        "Pas encore enregistré\u00a0: questions 3 et 4."})
    EXPECT_NE(screen.find(text), std::string::npos) << text << "\n" << console.screen();

  FakeConsole back(80, 24);
  back.type("q");
  back.press(KeyKind::enter);
  back.type("r");
  EXPECT_EQ(ask_after_failed_save(back, problem, "fr", false).kind, SaveChoice::Kind::retry);
}

// Below the size where what failed and the keys fit, the screen asks for a
// larger window (in the session's language) and takes no choice.
TEST(SaveFailureScreen, TooSmallAWindowTakesNoChoice) {
  const SaveProblem problem = french_problem();
  FakeConsole console(20, 5);
  console.type("r");
  console.press(KeyKind::enter);
  console.type("a");
  console.resize(80, 24);
  console.type("a");
  console.type("/media/usb");
  console.press(KeyKind::enter);
  const SaveChoice choice = ask_after_failed_save(console, problem, "fr", false);
  EXPECT_EQ(choice.kind, SaveChoice::Kind::elsewhere);
  EXPECT_EQ(choice.place, "/media/usb");  // the "a" typed at 20×5 was not taken

  FakeConsole small(20, 5);
  small.type("r");
  EXPECT_EQ(ask_after_failed_save(small, problem, "fr", false).kind,
            SaveChoice::Kind::stop);  // (no keys left)
  EXPECT_NE(small.flat().find("Fenêtre trop petite"), std::string::npos) << small.screen();
  // Not --plain here: q cannot be confirmed in a window this small, and would lose what is not saved.
  EXPECT_EQ(small.flat().find("--plain"), std::string::npos) << small.screen();
  expect_fits(small, 20, 5);
}

// At 40×15 (a window the item screens are whole in) what failed and the keys
// are on screen, wrapped at words within 40 columns; the rest as room allows.
TEST(SaveFailureScreen, FitsA40x15WindowWrappedAtWords) {
  const SaveProblem problem = french_problem();
  FakeConsole console(40, 15);
  console.type("x");  // not a choice: said so
  ask_after_failed_save(console, problem, "fr", false);
  expect_fits(console, 40, 15);
  const std::string screen = console.screen();
  EXPECT_EQ(screen.find("Fenêtre trop petite"), std::string::npos) << screen;
  EXPECT_NE(screen.front(), '\n') << screen;  // no blank line left on top of what failed
  EXPECT_EQ(screen.find("\n\n\n"), std::string::npos) << screen;
  for (const char* text : {"a échoué\u00a0: le dossier", "r, Entrée  réessayer",
                           "a          enregistrer ailleurs", "q          arrêter\u00a0; ce qui"})
    EXPECT_NE(screen.find(text), std::string::npos) << text << "\n" << screen;
  EXPECT_NE(console.flat().find("Je n’ai pas compris «\u00a0x\u00a0»\u00a0; les choix sont r, a et q."),
            std::string::npos)
      << screen;
  // No line starts with the punctuation French keeps with the word before it.
  for (const char* mark : {"\n:", "\n;", "\n?", "\n!", "\n\u00a0:"})
    EXPECT_EQ(screen.find(mark), std::string::npos) << screen;
}

}  // namespace
}  // namespace alliance::admin
