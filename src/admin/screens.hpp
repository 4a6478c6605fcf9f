// Internal to admin: what each screen shows, as text. Pure functions of the
// questionnaire, the session and the window size, so the runner only decides
// *when* to draw. Full-screen screens are lines no wider than the window;
// line-mode prompts are plain text with no escape codes.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "alliance/admin/session.hpp"
#include "alliance/core/questionnaire.hpp"
#include "alliance/core/scoring.hpp"

namespace alliance::admin {

struct ScreenContext {
  const core::Questionnaire* questionnaire = nullptr;
  std::string lang;  // of prompts and, where the definition has it, of texts
  std::size_t columns = 80;
  std::size_t rows = 24;
  bool colour = false;  // bold and reverse video; off for NO_COLOR and TERM=dumb
};

// True when one keypress answers: an integer scale whose points are single digits.
bool one_key_scale(const core::Scale& scale);

// "4 Souvent", "7,5" (French decimal comma), or the "no answer" message.
std::string answer_text(const ScreenContext& context, const std::optional<double>& answer);

// Full screen. `typed`: a number being typed (continuous scales, review);
// `notice`: one message about the last key ("this question cannot be skipped").
std::vector<std::string> item_screen(const ScreenContext& context, const Session& session,
                                     const std::string& typed, const std::string& notice);
std::vector<std::string> review_screen(const ScreenContext& context, const Session& session,
                                       std::size_t cursor, const std::string& typed,
                                       const std::string& notice);
std::vector<std::string> help_screen(const ScreenContext& context);

// A whole frame: cursor home, each line cleared to its end, the rest cleared.
std::string frame(const std::vector<std::string>& lines);

// Line mode: the prompt for the current item (ending in "Answer (1 to 5): "),
// and the list of every answer before submitting.
std::string item_prompt(const ScreenContext& context, const Session& session);
std::string review_list(const ScreenContext& context, const Session& session);
std::string line_help(const ScreenContext& context);

// The scores shown at the end: subscales and total, with bands.
std::string scores_text(const ScreenContext& context, const core::ScoreSheet& sheet);

}  // namespace alliance::admin
