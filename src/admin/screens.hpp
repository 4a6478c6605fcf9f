// Internal to admin: what each screen shows, as text. Pure functions of the
// questionnaire, the session and the window size, so the runner only decides
// *when* to draw. Full-screen screens are lines no wider than the window and
// no more than its rows; line-mode prompts are plain text with no escape codes.
//
// Nothing answered unseen: an item screen is *complete* when it shows the
// item's number ("Question 5 of 12"), every word of its text and every point
// of the scale with its label (and, for a typed answer, the line it is typed
// on). Everything else is left out when the window is short, least useful
// first: blank lines, the title, the current answer line, the key hints
// (from the last line up), the instructions, and last the message about the
// key just pressed; the progress bar goes when the line is too narrow for it. When even the complete part
// does not fit (or the window is narrower than kMinColumns), the screen says so instead, in the session's
// language, with a size that would do; the runner takes no answer then.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "alliance/admin/session.hpp"
#include "alliance/admin/terminal.hpp"
#include "alliance/core/questionnaire.hpp"
#include "alliance/core/scoring.hpp"

namespace alliance::admin {

// Narrower than this, no screen is complete.
inline constexpr std::size_t kMinColumns = 20;
// The narrowest window the "too small" message suggests.
inline constexpr std::size_t kSuggestedColumns = 40;

struct ScreenContext {
  const core::Questionnaire* questionnaire = nullptr;
  std::string lang;  // of prompts and, where the definition has it, of texts
  std::size_t columns = 80;
  std::size_t rows = 24;
  bool colour = false;  // bold and reverse video; off for NO_COLOR and TERM=dumb
};

// True when one keypress answers: an integer scale whose points are single digits.
bool one_key_scale(const core::Scale& scale);

// "4.5" in English, "4,5" in French (the decimal comma); never for machine output.
std::string number_text(double value, const std::string& lang);

// A text of the definition as shown: in the session's language where the
// definition has it; in French with typographic apostrophes.
std::string shown_text(const ScreenContext& context, const core::LocalizedText& text);

// The label of the scale's k-th point (integer scales; continuous: 0 and 1
// are the two anchors), in the session's language where the definition has it.
std::string label_at(const ScreenContext& context, std::size_t k);

// "4 Souvent", "7,5" (French decimal comma), or the "no answer" message.
std::string answer_text(const ScreenContext& context, const std::optional<double>& answer);

// The digit a typed character stands for: '0'…'9' (the main keyboard, or the
// keypad), and the unshifted digit row of a French AZERTY keyboard:
// & é " ' ( - è _ ç à for 1 2 3 4 5 6 7 8 9 0 (PC), with § for 6 and ! for 8
// (Mac and Belgian layouts). `minus_sign`: '-' is the minus sign of a typed
// number (a scale with negative points), not 6.
std::optional<int> digit_of(std::string_view key, bool minus_sign);

struct Screen {
  std::vector<std::string> lines;
  bool complete = true;  // false: the window is too small, and `lines` say so
};

// `typed`: a number being typed (scales answered with Enter); `notice`: one
// message about the last key ("this question cannot be skipped");
// `typed_ahead`: keys typed before this screen was drawn were discarded, and
// the screen says so where there is room (after the notice and the
// instructions; in its short form when the long one does not fit).
Screen item_screen(const ScreenContext& context, const Session& session, const std::string& typed,
                   const std::string& notice, bool typed_ahead = false);

// The review: one row per item (number, text, answer), then "Submit my
// answers" (row session.size()). Rows are shown whole or not at all; the row
// under the cursor shows its whole text, the others as much as fits on one
// line, cut after a word with "…". When the rows do not all fit, a window of
// them around the cursor is shown with "↑ 3 more above" / "↓ 5 more below".
// Complete when the title line, the cursor's row and those two marks fit.
// `typed_ahead`: says keys were discarded (as item_screen) where the rows
// leave room, never in place of a row.
struct ReviewScreen : Screen {
  std::size_t first = 0;  // rows [first, end) are on screen, whole
  std::size_t end = 0;
};
ReviewScreen review_screen(const ScreenContext& context, const Session& session, std::size_t cursor,
                           const std::string& typed, const std::string& notice, bool typed_ahead = false);

// The keys of the item screens (`review` false) or of the review.
std::vector<std::string> help_screen(const ScreenContext& context, bool review);

// A message of several lines ("\n"), wrapped, its first line bold; cut at the
// bottom when the window is short (so the question and its keys come first).
std::vector<std::string> text_screen(const ScreenContext& context, const std::string& text);

// `lines` (a help or question screen) with, under them, the sign that keys
// typed before the screen was drawn were discarded: the long form after a
// blank line, else the short one, else nothing, within the window's rows.
std::vector<std::string> with_typed_ahead(const ScreenContext& context, std::vector<std::string> lines);

// A whole frame: cursor home, each line cleared to its end, the rest cleared.
std::string frame(const std::vector<std::string>& lines);

// A part of a full screen, and how much it matters: priority 0 must be shown
// (the screen is complete only with every such part); the larger the number,
// the sooner the part is left out of a short window.
struct Section {
  std::vector<std::string> lines;
  int priority = 0;
  std::vector<std::string> shorter = {};  // a shorter form, shown when `lines` do not fit and it does
};

// The sections that fit in `rows`, in their order: every priority-0 one, then
// the others most useful first (the upper one first between equals), each
// when it still fits (else its shorter form, if any, when that fits); nullopt
// when the priority-0 sections alone do not fit.
std::optional<std::vector<std::string>> lay_out(const std::vector<Section>& sections, std::size_t rows);

// Says the window is too small and names `suggested`, in the session's
// language, with "q to stop" under it — in fewer words when the window is too
// short for the whole sentence; no more lines than the window has. With
// `offer_plain`, the way out that fits any window too (stop, and resume with
// --plain), in its long and short forms — left out only where even the
// short form and "q to stop" do not fit (narrower than 20 × 5).
std::vector<std::string> too_small_screen(const ScreenContext& context, TerminalSize suggested,
                                          bool offer_plain = true);

// Line mode: the prompt for the current item (ending in "Answer (1 to 5): "),
// and the list of every answer before submitting.
std::string item_prompt(const ScreenContext& context, const Session& session);
std::string review_list(const ScreenContext& context, const Session& session);
std::string line_help(const ScreenContext& context, bool review);

// The scores shown at the end: each subscale and the total with its range,
// how many items (or subscales) it rests on, and its band; numbers with the
// session's decimal separator. `width` > 0: no line wider (runner.hpp,
// scores_summary).
std::string scores_text(const ScreenContext& context, const core::ScoreSheet& sheet, std::size_t width);

}  // namespace alliance::admin
