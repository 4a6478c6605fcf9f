// What the full screen shows, as text, at every window size: the whole item
// or a request for a larger window — never a part of an item; words wrapped
// whole; French typography; the AZERTY digit row.
#include "admin/screens.hpp"

#include <gtest/gtest.h>

#include <sstream>

#include "admin/typography.hpp"
#include "alliance/admin/messages.hpp"
#include "alliance/core/text.hpp"
#include "alliance/io/catalog.hpp"

namespace alliance::admin {
namespace {

core::Questionnaire gtb12() {
  return io::Catalog({}).load("gtb-12").questionnaire;
}

ScreenContext context_for(const core::Questionnaire& q, const std::string& lang, std::size_t columns,
                          std::size_t rows) {
  ScreenContext context;
  context.questionnaire = &q;
  context.lang = lang;
  context.columns = columns;
  context.rows = rows;
  return context;
}

std::string joined(const std::vector<std::string>& lines) {
  std::string out;
  for (const std::string& line : lines) out += line + "\n";
  return out;
}

std::vector<std::string> words(const std::string& text) {
  std::istringstream in(text);
  std::vector<std::string> out;
  for (std::string word; in >> word;) out.push_back(word);
  return out;
}

// The words of the screen's lines, in order.
std::vector<std::string> screen_words(const std::vector<std::string>& lines) {
  std::vector<std::string> out;
  for (const std::string& line : lines)
    for (std::string& word : words(line)) out.push_back(std::move(word));
  return out;
}

// True when `part`'s words appear one after the other among `all`.
bool contains_words(const std::vector<std::string>& all, const std::vector<std::string>& part) {
  return std::search(all.begin(), all.end(), part.begin(), part.end()) != all.end();
}

void expect_fits(const std::vector<std::string>& lines, std::size_t columns, std::size_t rows) {
  EXPECT_LE(lines.size(), rows);
  for (const std::string& line : lines) EXPECT_LE(core::display_width(line), columns) << line;
}

TEST(Typography, WrapsAtSpacesAndKeepsFrenchPunctuationWithItsWord) {
  EXPECT_EQ(wrap_words("Pensez aux dernières séances.", 12),
            (std::vector<std::string>{"Pensez aux", "dernières", "séances."}));
  // An ordinary space before ? or : (as a definition may have it) is not a place to break.
  EXPECT_EQ(wrap_words("Et vous, changer ?", 15), (std::vector<std::string>{"Et vous,", "changer ?"}));
  EXPECT_EQ(wrap_words("dit « oui » : bien", 9), (std::vector<std::string>{"dit", "« oui » :", "bien"}));
  EXPECT_EQ(wrap_words("Réponse\u00a0: 4", 10), (std::vector<std::string>{"Réponse\u00a0:", "4"}));
  // A word longer than the line is cut, never dropped.
  EXPECT_EQ(wrap_words("a abcdefghij", 4), (std::vector<std::string>{"a", "abcd", "efgh", "ij"}));
  EXPECT_EQ(wrap_words("un\n\ndeux", 10), (std::vector<std::string>{"un", "", "deux"}));
}

TEST(Typography, ShortensAfterAWord) {
  EXPECT_EQ(shorten_at_word("Nous savons, la personne", 15), "Nous savons,…");
  EXPECT_EQ(shorten_at_word("Nous savons, la personne", 24), "Nous savons, la personne");
  EXPECT_EQ(shorten_at_word("Anticonstitutionnellement", 6), "Antic…");
}

TEST(Typography, PacksHintsBetweenHintsNeverInsideOne) {
  const std::vector<std::string> hints{"Appuyez sur 1 à 5 pour répondre", "Entrée garde la réponse",
                                       "q pour arrêter"};
  EXPECT_EQ(pack_hints(hints, 40), (std::vector<std::string>{"Appuyez sur 1 à 5 pour répondre,",
                                                             "Entrée garde la réponse, q pour arrêter"}));
  EXPECT_EQ(
      pack_hints(hints, 100),
      (std::vector<std::string>{"Appuyez sur 1 à 5 pour répondre, Entrée garde la réponse, q pour arrêter"}));
  EXPECT_EQ(pack_hints({"Appuyez sur 1 à 5", "q"}, 10),
            (std::vector<std::string>{"Appuyez", "sur 1 à 5,", "q"}));
}

TEST(Typography, FrenchApostrophes) {
  EXPECT_EQ(french_apostrophes("Il n'y a pas d'erreur, 'x' ou l'"), "Il n’y a pas d’erreur, 'x' ou l'");
}

TEST(Keyboard, AzertyDigitRowAndKeypadDigits) {
  const std::vector<std::pair<std::string, int>> azerty = {{"&", 1}, {"é", 2}, {"\"", 3}, {"'", 4},
                                                           {"(", 5}, {"-", 6}, {"è", 7},  {"_", 8},
                                                           {"ç", 9}, {"à", 0}, {"§", 6},  {"!", 8}};
  for (const auto& [key, digit] : azerty) EXPECT_EQ(digit_of(key, false), digit) << key;
  for (int d = 0; d <= 9; ++d) EXPECT_EQ(digit_of(std::to_string(d), true), d);
  EXPECT_EQ(digit_of("-", true), std::nullopt);  // the minus sign of a scale with negative points
  for (const char* other : {"a", "q", "s", "b", "?", ")", "=", "ù", "12", ""})
    EXPECT_EQ(digit_of(other, false), std::nullopt) << other;
}

// At every size from 10×3 to 100×30, each item screen either shows the
// item's number, every word of its text and every label of the scale, or
// says the window is too small and shows no part of the item.
TEST(ItemScreen, WholeItemOrAskForALargerWindowAtEverySize) {
  const core::Questionnaire q = gtb12();
  for (const std::string lang : {"fr", "en"}) {
    Session session(q, true);
    for (std::size_t item = 0; item < q.items.size(); ++item) {
      const std::vector<std::string> text =
          words(shown_text(context_for(q, lang, 80, 24), q.items[item].text));
      for (std::size_t columns : {10u, 19u, 20u, 25u, 30u, 40u, 55u, 80u, 100u}) {
        for (std::size_t rows = 3; rows <= 30; ++rows) {
          SCOPED_TRACE(lang + " item " + std::to_string(item + 1) + " at " + std::to_string(columns) + "x" +
                       std::to_string(rows));
          const ScreenContext context = context_for(q, lang, columns, rows);
          const Screen screen = item_screen(context, session, "", "");
          expect_fits(screen.lines, columns, rows);
          // Saying keys were discarded never makes a screen incomplete, nor too long.
          const Screen signed_screen = item_screen(context, session, "", "", true);
          EXPECT_EQ(signed_screen.complete, screen.complete);
          expect_fits(signed_screen.lines, columns, rows);
          const std::vector<std::string> shown = screen_words(screen.lines);
          const std::string question = fill(messages(lang).question_of, {std::to_string(item + 1), "12"});
          if (!screen.complete) {
            EXPECT_FALSE(contains_words(shown, words(question)));
            EXPECT_FALSE(contains_words(shown, {text[0], text[1]}));
            EXPECT_NE(joined(screen.lines).find(lang == "fr" ? "Fenêtre" : "indow"), std::string::npos);
            continue;
          }
          EXPECT_GE(columns, kMinColumns);
          EXPECT_TRUE(contains_words(shown, words(question)));
          EXPECT_TRUE(contains_words(shown, text));
          for (std::size_t k = 0; k < 5; ++k)
            EXPECT_TRUE(contains_words(shown, {std::to_string(k + 1), label_at(context, k)}));
        }
      }
      if (item + 1 < q.items.size()) {
        ASSERT_EQ(session.answer(3), Outcome::accepted);
      }
    }
  }
}

TEST(ItemScreen, SizesOfTheIssue) {
  const core::Questionnaire q = gtb12();
  const Session session(q, true);
  // 20×5: too small, in French, with a size at which every screen fits.
  const Screen small = item_screen(context_for(q, "fr", 20, 5), session, "", "");
  EXPECT_FALSE(small.complete);
  // The whole sentence takes 12 lines at 20 columns: the short one, whole, with the way out that
  // works in any window (--plain), and the one key that works (the sentence was cut after "D’ici là,
  // aucune", and "q pour arrêter" never shown). "Fenêtre trop petite." fills the 20 columns: with
  // "\u00a0:" it would take two lines, and "q pour arrêter" would not fit.
  EXPECT_EQ(small.lines,
            (std::vector<std::string>{"Fenêtre trop petite.", "Agrandissez-la (au",
                                      "moins 40\u00a0×\u00a018) ou", "utilisez --plain.", "q pour arrêter"}));
  const Screen small_en = item_screen(context_for(q, "en", 20, 5), session, "", "");
  EXPECT_EQ(small_en.lines, (std::vector<std::string>{"Window too small:", "enlarge it (at least",
                                                      "40\u00a0×\u00a014) or use", "--plain.", "q to stop"}));
  // The whole sentence where it fits (the item itself fits at 20×13, so the message is asked for directly).
  EXPECT_EQ(
      too_small_screen(context_for(q, "fr", 20, 14), {40, 18}),
      (std::vector<std::string>{"Fenêtre trop petite", "pour tout afficher\u00a0:", "agrandissez-la (au",
                                "moins 40\u00a0×\u00a018), ou", "arrêtez (q) et", "reprenez avec",
                                "--plain, qui", "convient à toutes", "les fenêtres. D’ici",
                                "là, aucune réponse", "n’est prise en", "compte.", "", "q pour arrêter"}));
  EXPECT_EQ(
      too_small_screen(context_for(q, "fr", 20, 12), {40, 18}),
      (std::vector<std::string>{"Fenêtre trop petite.", "Agrandissez-la (au", "moins 40\u00a0×\u00a018) ou",
                                "utilisez --plain.", "", "q pour arrêter"}));
  // Narrower than 20 columns the short sentence with --plain takes 5 lines: the one without it, so
  // that "q pour arrêter" is still seen.
  const Screen narrow = item_screen(context_for(q, "fr", 18, 5), session, "", "");
  EXPECT_EQ(narrow.lines, (std::vector<std::string>{"Fenêtre trop", "petite\u00a0:", "agrandissez-la (au",
                                                    "moins 40\u00a0×\u00a018).", "q pour arrêter"}));
  // 40×15: item 1 with its instructions (the title and keys left out for room).
  const Screen first = item_screen(context_for(q, "fr", 40, 15), session, "", "");
  EXPECT_TRUE(first.complete);
  EXPECT_EQ(first.lines.front(), "Question 1 sur 12  ░░░░░░░░░░ 0/12");
  EXPECT_EQ(first.lines.size(), 15u);
  EXPECT_EQ(first.lines[1], "Pensez aux dernières séances. Pour");
  EXPECT_EQ(first.lines[10], "    1  Jamais");
  EXPECT_EQ(first.lines[14], "    5  Toujours");
  // 40×18, the size suggested: everything but the title and the blank lines.
  const std::string at_18 = joined(item_screen(context_for(q, "fr", 40, 18), session, "", "").lines);
  EXPECT_NE(at_18.find("    5  Toujours\nAppuyez sur 1 à 5 pour répondre,\ns pour passer, ? pour l’aide,\n"
                       "q pour arrêter\n"),
            std::string::npos)
      << at_18;
}

// Keys typed before a screen was drawn and discarded: the item screen says so
// under the answer, above the keys (80×24), and in a small window (40×15 in
// French) takes the room of the title and the blank lines, never that of the
// item; the short form where the long one does not fit.
TEST(ItemScreen, TypedAheadSignAboveTheKeys) {
  const core::Questionnaire q = gtb12();
  Session session(q, true);
  ASSERT_EQ(session.answer(4), Outcome::accepted);
  const std::vector<std::string> en = item_screen(context_for(q, "en", 80, 24), session, "", "", true).lines;
  EXPECT_NE(joined(en).find("    5  Always\n\nKeys typed before this question was shown were not used.\n"
                            "Press 1 to 5 to answer, ← or b to go back, s to skip, ? for help, q to stop\n"),
            std::string::npos)
      << joined(en);
  const Screen fr = item_screen(context_for(q, "fr", 40, 15), session, "", "", true);
  EXPECT_TRUE(fr.complete);
  EXPECT_EQ(fr.lines, (std::vector<std::string>{
                          "Question 2 sur 12  █░░░░░░░░░ 1/12", "", "  Je comprends pourquoi nous faisons ce",
                          "  que nous faisons pendant les séances.", "    1  Jamais", "    2  Rarement",
                          "    3  Parfois", "    4  Souvent", "    5  Toujours",
                          "Les touches tapées avant l’affichage de", "cette question n’ont pas été prises en",
                          "compte.", "Appuyez sur 1 à 5 pour répondre,",
                          "← ou b pour revenir, s pour passer,", "? pour l’aide, q pour arrêter"}));
  // 10 rows: the item takes 8, the long form 3: the short form, on one line, then the first line of keys.
  const Screen shorter = item_screen(context_for(q, "fr", 40, 10), session, "", "", true);
  EXPECT_TRUE(shorter.complete);
  EXPECT_EQ(std::vector<std::string>(shorter.lines.begin() + 7, shorter.lines.end()),
            (std::vector<std::string>{"    5  Toujours", "Touches tapées trop tôt\u00a0: ignorées.",
                                      "Appuyez sur 1 à 5 pour répondre,"}));
  // No room at all (the item alone fills 8 rows): left out; the screen is still complete.
  const Screen none = item_screen(context_for(q, "fr", 40, 8), session, "", "", true);
  EXPECT_TRUE(none.complete);
  EXPECT_EQ(joined(none.lines).find("Touches"), std::string::npos) << joined(none.lines);
}

// Every item of GTB-12 at 40×15 in French: whole, with the sign in its long form
// — except item 1, whose instructions come first and leave no room for it.
TEST(ItemScreen, TypedAheadSignAt40x15OnEveryItem) {
  const core::Questionnaire q = gtb12();
  Session session(q, true);
  const std::string long_form =
      "Les touches tapées avant l’affichage de cette question n’ont pas été prises en compte.";
  const std::string short_form = "Touches tapées trop tôt\u00a0: ignorées.";
  for (std::size_t item = 0; item < q.items.size(); ++item) {
    SCOPED_TRACE("item " + std::to_string(item + 1));
    const ScreenContext context = context_for(q, "fr", 40, 15);
    const Screen with = item_screen(context, session, "", "", true);
    EXPECT_TRUE(with.complete);
    expect_fits(with.lines, 40, 15);
    EXPECT_TRUE(contains_words(screen_words(with.lines), words(shown_text(context, q.items[item].text))));
    std::string flat;
    for (const std::string& word : screen_words(with.lines)) flat += word + " ";
    EXPECT_EQ(flat.find(long_form) != std::string::npos, item > 0) << flat;
    EXPECT_EQ(flat.find(short_form), std::string::npos) << flat;
    if (item + 1 < q.items.size()) {
      ASSERT_EQ(session.answer(3), Outcome::accepted);
    }
  }
}

TEST(ItemScreen, KeyHintsWrapBetweenHintsAt100Columns) {
  const core::Questionnaire q = gtb12();
  Session session(q, true);
  ASSERT_EQ(session.answer(4), Outcome::accepted);
  ASSERT_EQ(session.back(), Outcome::accepted);  // item 1 again, answered: Enter keeps it
  // 32 + 25 + 15 + 15 columns of hints with their commas and spaces: 87; " q pour arrêter" would make 102.
  const Screen screen = item_screen(context_for(q, "fr", 100, 30), session, "", "");
  EXPECT_EQ(std::vector<std::string>(screen.lines.end() - 3, screen.lines.end()),
            (std::vector<std::string>{
                "Réponse actuelle\u00a0: 4 Souvent",
                "Appuyez sur 1 à 5 pour répondre, Entrée garde la réponse, s pour passer, ? pour l’aide,",
                "q pour arrêter"}));
}

Session answered_session(const core::Questionnaire& q) {
  core::Answers answers(q.items.size(), 3.0);
  return Session(q, true, answers, std::vector<bool>(q.items.size(), true));
}

TEST(ReviewScreen, UsesTheWidthAndCutsTextsAfterAWord) {
  const core::Questionnaire q = gtb12();
  const Session session = answered_session(q);
  const ScreenContext context = context_for(q, "fr", 100, 30);
  const ReviewScreen screen = review_screen(context, session, session.size(), "", "");
  ASSERT_TRUE(screen.complete);
  EXPECT_EQ(screen.first, 0u);
  EXPECT_EQ(screen.end, 13u);
  // Item 1: "Nous savons, la personne qui m’accompagne et moi, ce que nous cherchons à changer grâce à
  // cette thérapie." Beside it the answer "3 Parfois" (9 columns) after 2 spaces, and 8 columns of
  // row number before: 100 - 8 - 2 - 9 = 81 columns for the text. "… cherchons à changer" takes 81,
  // with "…" 82: the text is cut after "à" (73 columns and "…"), then padded to 81.
  EXPECT_EQ(screen.lines[3],
            "     1. Nous savons, la personne qui m’accompagne et moi, ce que nous cherchons à…" +
                std::string(81 - 74, ' ') + "  3 Parfois");
  for (const std::string& line : screen.lines) EXPECT_LE(core::display_width(line), 100u) << line;
  // The row under the cursor shows its whole text.
  const ReviewScreen on_first = review_screen(context, session, 0, "", "");
  EXPECT_EQ(
      on_first.lines[3],
      "  ▸  1. Nous savons, la personne qui m’accompagne et moi, ce que nous cherchons à changer  3 Parfois");
  EXPECT_EQ(on_first.lines[4], "        grâce à cette thérapie.");
}

TEST(ReviewScreen, ACutListSaysWhatIsAboveAndBelow) {
  const core::Questionnaire q = gtb12();
  const Session session = answered_session(q);
  const ScreenContext context = context_for(q, "fr", 40, 10);
  const ReviewScreen top = review_screen(context, session, 0, "", "");
  ASSERT_TRUE(top.complete);
  expect_fits(top.lines, 40, 10);
  EXPECT_EQ(top.first, 0u);
  EXPECT_LT(top.end, 13u);
  EXPECT_EQ(top.lines[0], "Vérifiez vos réponses");
  const std::string below = "↓ " + std::to_string(13 - top.end) + " en dessous";
  EXPECT_NE(std::find(top.lines.begin(), top.lines.end(), below), top.lines.end()) << joined(top.lines);
  EXPECT_EQ(joined(top.lines).find("↑"), joined(top.lines).find("↑ ↓ pour choisir"));  // no mark above

  const ReviewScreen bottom = review_screen(context, session, 12, "", "");
  ASSERT_TRUE(bottom.complete);
  EXPECT_EQ(bottom.end, 13u);
  const std::string above = "↑ " + std::to_string(bottom.first) + " au-dessus";
  EXPECT_NE(std::find(bottom.lines.begin(), bottom.lines.end(), above), bottom.lines.end())
      << joined(bottom.lines);
  EXPECT_NE(joined(bottom.lines).find("  ▸ Envoyer mes réponses"), std::string::npos);
}

// At every size and cursor position the review fits the window, and when it
// is complete the rows it reports are on it whole — number and answer — with
// a mark for the rows above and below.
TEST(ReviewScreen, FitsTheWindowAtEverySize) {
  const core::Questionnaire q = gtb12();
  core::Answers answers(q.items.size(), 2.0);
  answers[3] = std::nullopt;  // "sans réponse", the widest answer
  const Session session(q, true, answers, std::vector<bool>(q.items.size(), true));
  for (std::size_t columns : {19u, 20u, 24u, 30u, 40u, 60u, 100u}) {
    for (std::size_t rows = 2; rows <= 30; ++rows) {
      for (std::size_t cursor = 0; cursor <= 12; ++cursor) {
        SCOPED_TRACE(std::to_string(columns) + "x" + std::to_string(rows) + " cursor " +
                     std::to_string(cursor));
        const ScreenContext context = context_for(q, "fr", columns, rows);
        const ReviewScreen screen = review_screen(context, session, cursor, "", "");
        expect_fits(screen.lines, columns, rows);
        if (!screen.complete) continue;
        const std::string text = joined(screen.lines);
        EXPECT_LE(screen.first, cursor);
        EXPECT_GT(screen.end, cursor);
        for (std::size_t row = screen.first; row < screen.end && row < 12; ++row) {
          EXPECT_NE(text.find(std::to_string(row + 1) + ". "), std::string::npos) << row;
          EXPECT_NE(text.find(answer_text(context, answers[row])), std::string::npos) << row;
        }
        EXPECT_EQ(text.find("au-dessus") != std::string::npos, screen.first > 0) << text;
        EXPECT_EQ(text.find("en dessous") != std::string::npos, screen.end < 13) << text;
      }
    }
  }
}

TEST(ReviewScreen, TooSmallBelowTheCursorRowAndItsMarks) {
  const core::Questionnaire q = gtb12();
  const Session session = answered_session(q);
  // 30 columns: the answer goes under the text, so a row takes 2 lines; with
  // the title line and a mark above and below, 5 rows are the least.
  const ReviewScreen small = review_screen(context_for(q, "fr", 30, 4), session, 0, "", "");
  EXPECT_FALSE(small.complete);
  EXPECT_EQ(joined(small.lines).find("Nous"), std::string::npos);
  EXPECT_EQ(small.lines,
            (std::vector<std::string>{"Fenêtre trop petite.", "Agrandissez-la (au moins",
                                      "40\u00a0×\u00a020) ou utilisez --plain.", "q pour arrêter"}));
  const ReviewScreen enough = review_screen(context_for(q, "fr", 30, 5), session, 0, "", "");
  EXPECT_TRUE(enough.complete);
  EXPECT_EQ(enough.lines, (std::vector<std::string>{"Vérifiez vos réponses", "  ▸  1. Nous savons, la…",
                                                    "        3 Parfois", "↓ 12 en dessous"}));
  EXPECT_EQ(enough.first, 0u);
  EXPECT_EQ(enough.end, 1u);
}

// The review says keys were discarded where its rows leave room, and never
// shows fewer rows for it: the rows seen (for "submit") are the same.
TEST(ReviewScreen, TypedAheadSignNeverInPlaceOfARow) {
  const core::Questionnaire q = gtb12();
  const Session session = answered_session(q);
  const ReviewScreen wide = review_screen(context_for(q, "en", 80, 24), session, 12, "", "", true);
  EXPECT_TRUE(wide.complete);
  EXPECT_NE(joined(wide.lines)
                .find("Submit my answers\n\nKeys typed before this screen was shown were not used.\n"
                      "↑ ↓ to choose"),
            std::string::npos)
      << joined(wide.lines);
  for (const auto& [columns, rows] :
       {std::pair<std::size_t, std::size_t>{30, 5}, {40, 15}, {40, 19}, {80, 24}}) {
    SCOPED_TRACE(std::to_string(columns) + "x" + std::to_string(rows));
    const ReviewScreen with = review_screen(context_for(q, "fr", columns, rows), session, 3, "", "", true);
    const ReviewScreen without =
        review_screen(context_for(q, "fr", columns, rows), session, 3, "", "", false);
    EXPECT_EQ(with.complete, without.complete);
    EXPECT_EQ(with.first, without.first);
    EXPECT_EQ(with.end, without.end);
    expect_fits(with.lines, columns, rows);
  }
  // 40×19: the 13 rows fit, and the short form under them.
  const ReviewScreen room = review_screen(context_for(q, "fr", 40, 19), session, 3, "", "", true);
  EXPECT_NE(joined(room.lines).find("Touches tapées trop tôt\u00a0: ignorées."), std::string::npos)
      << joined(room.lines);
}

// A question or help screen gets the sign under it, long, else short, else not at all.
TEST(TextScreen, TypedAheadSignUnderAQuestionWhereItFits) {
  const core::Questionnaire q = gtb12();
  const std::string long_form =
      "Les touches tapées avant l’affichage de cet écran n’ont pas été prises en compte.";
  const ScreenContext wide = context_for(q, "fr", 100, 24);
  const std::vector<std::string> question = text_screen(wide, messages("fr").quit_confirm);
  std::vector<std::string> expected = question;
  expected.emplace_back();
  expected.push_back(long_form);
  EXPECT_EQ(with_typed_ahead(wide, question), expected);
  ScreenContext tight = wide;
  tight.rows = question.size() + 1;  // no blank line above it
  expected = question;
  expected.push_back(long_form);
  EXPECT_EQ(with_typed_ahead(tight, question), expected);
  // At 60 columns the long form takes two lines: one row left, the short form.
  tight = context_for(q, "fr", 60, 24);
  const std::vector<std::string> narrow = text_screen(tight, messages("fr").quit_confirm);
  tight.rows = narrow.size() + 1;
  expected = narrow;
  expected.emplace_back("Touches tapées trop tôt\u00a0: ignorées.");
  EXPECT_EQ(with_typed_ahead(tight, narrow), expected);
  tight.rows = narrow.size();
  EXPECT_EQ(with_typed_ahead(tight, narrow), narrow);
}

TEST(LayOut, AShorterFormWhenTheLongOneDoesNotFit) {
  const std::vector<Section> sections{{{"must"}, 0}, {{"long 1", "long 2"}, 1, {"short"}}, {{"other"}, 2}};
  EXPECT_EQ(lay_out(sections, 4), (std::vector<std::string>{"must", "long 1", "long 2", "other"}));
  EXPECT_EQ(lay_out(sections, 3), (std::vector<std::string>{"must", "long 1", "long 2"}));
  EXPECT_EQ(lay_out(sections, 2), (std::vector<std::string>{"must", "short"}));
  EXPECT_EQ(lay_out(sections, 1), (std::vector<std::string>{"must"}));
  EXPECT_EQ(lay_out(sections, 0), std::nullopt);
}

TEST(ReviewScreen, TypedNumberIsLabelledAsAQuestionNumber) {
  const core::Questionnaire q = gtb12();
  const Session session = answered_session(q);
  const ReviewScreen screen = review_screen(context_for(q, "fr", 80, 24), session, 12, "1", "");
  EXPECT_NE(joined(screen.lines).find("    Numéro de question\u00a0: 1_\n"), std::string::npos);
  EXPECT_EQ(joined(screen.lines).find("Votre réponse"), std::string::npos);
}

TEST(HelpScreen, TheReviewHasItsOwnKeys) {
  const core::Questionnaire q = gtb12();
  const std::string review = joined(help_screen(context_for(q, "fr", 80, 24), true));
  EXPECT_NE(review.find("  un numéro, Entrée  modifier la réponse à cette question\n"), std::string::npos)
      << review;
  EXPECT_EQ(review.find("répondre et passer à la question suivante"), std::string::npos);
  const std::string items = joined(help_screen(context_for(q, "fr", 80, 24), false));
  EXPECT_NE(items.find("répondre et passer à la question suivante"), std::string::npos) << items;
}

// A window too short for every key: whole entries, then "press any key" (at
// 40×15 the review's help was cut after "q  arrêter (ou envoyer,").
TEST(HelpScreen, AShortWindowShowsWholeEntries) {
  const core::Questionnaire q = gtb12();
  const std::vector<std::string> lines = help_screen(context_for(q, "fr", 40, 15), true);
  ASSERT_EQ(lines.size(), 14u) << joined(lines);
  EXPECT_EQ(lines[12], "  ?            cette aide");
  EXPECT_EQ(lines[13], "Appuyez sur une touche pour continuer.");
  EXPECT_EQ(joined(lines).find("arrêter"), std::string::npos) << joined(lines);
}

TEST(TextScreen, KeepsTheQuestionAndItsKeysWhenShort) {
  const core::Questionnaire q = gtb12();
  EXPECT_EQ(text_screen(context_for(q, "fr", 40, 3), messages("fr").quit_confirm),
            (std::vector<std::string>{"Arrêter maintenant\u00a0?", "Entrée, o ou y\u00a0: arrêter",
                                      "Une autre touche\u00a0: continuer"}));
}

}  // namespace
}  // namespace alliance::admin
