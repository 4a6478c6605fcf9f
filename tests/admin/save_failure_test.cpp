// The plain-mode question after a failed save (admin/save_failure.hpp), in memory.
#include "alliance/admin/save_failure.hpp"

#include <gtest/gtest.h>

#include <sstream>

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
  problem.lines = {"Saving to r.json failed: the disk is full.", "Not saved yet: question 4."};
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
  const Asked unknown = ask("zz\n\n");
  EXPECT_EQ(unknown.choice.kind, SaveChoice::Kind::retry);
  EXPECT_NE(unknown.shown.find("Not understood: \"zz\""), std::string::npos) << unknown.shown;
  // Nobody left to answer: stop.
  EXPECT_EQ(ask("").choice.kind, SaveChoice::Kind::stop);
  EXPECT_EQ(ask("a\n").choice.kind, SaveChoice::Kind::stop);
}

TEST(SaveFailure, ShowsTheProblemThenAsks) {
  const Asked asked = ask("q\no\n", "fr");
  EXPECT_EQ(asked.choice.kind, SaveChoice::Kind::stop);  // o (oui) confirms in French
  EXPECT_EQ(asked.shown,
            "\nLes réponses n’ont pas pu être enregistrées\n"
            "Saving to r.json failed: the disk is full.\nNot saved yet: question 4.\n"
            "Entrée pour réessayer, a pour enregistrer ailleurs, q pour arrêter\u00a0: "
            "Arrêter maintenant\u00a0? Ce qui n’est pas enregistré devra être redonné à la reprise. o pour "
            "arrêter, une autre touche pour revenir. ");
}

}  // namespace
}  // namespace alliance::admin
