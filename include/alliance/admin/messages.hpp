// Every prompt and message of `alliance administer`, in English and French.
// Templates hold {1}, {2}... filled by fill(); nothing here is formatted
// elsewhere, so a translation is checked in one place.
//
// French typography: a no-break space (U+00A0, the one every terminal font
// has) before : ; ? ! and inside « », typographic apostrophes (’); numbers
// shown with a decimal comma. tests/admin/runner_test.cpp checks every
// French template for it.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>

namespace alliance::admin {

struct Messages {
  const char* question_of;         // Question {1} of {2}
  const char* answer_keys;         // Press {1} to {2} to answer
  const char* answer_number;       // Type a number from {1} to {2}, then Enter
  const char* keep_key;            // Enter keeps the answer
  const char* back_key;            // ← or b to go back
  const char* skip_key;            // s to skip
  const char* help_key;            // ? for help
  const char* quit_key;            // q to stop
  const char* current_answer;      // Current answer: {1}
  const char* no_answer;           // no answer
  const char* typed;               // Your answer: {1}
  const char* review_title;        // Review your answers
  const char* review_keys;         // the review's key hints, one per line (laid out between hints)
  const char* submit_row;          // Submit my answers
  const char* help_title;          // Keys
  const char* help_lines;          // "key\tmeaning" lines ({1}: answer_range), then a paragraph
  const char* any_key;             // Press any key to go on
  const char* invalid_answer;      // Answer with a number from {1} to {2}.
  const char* skip_not_allowed;    // This question cannot be skipped: ...{1}
  const char* at_first_item;       // This is the first question.
  const char* not_understood;      // Not understood: "{1}". ...
  const char* unknown_item;        // There is no question {1}.
  const char* line_prompt;         // Answer ({1}–{2}):
  const char* line_hint;           // Enter alone skips, b goes back, ? help, q stops.
  const char* answer_range;        // {1} to {2}
  const char* line_help;           // the keys of the line-by-line mode
  const char* line_review;         // Type a question number to change it, or Enter to submit.
  const char* saved;               // Answers saved in {1}
  const char* scores_title;        // Scores
  const char* insufficient;        // insufficient (too many missing answers)
  const char* total;               // Total
  const char* scores_hidden;       // Scores are not shown; read them later with: {1}
  const char* stopped;             // Stopped: {1} of {2} answers given, saved in {3}.
  const char* end_of_input;        // End of input before the last question.
  const char* interrupted;         // Interrupted: the answers given so far are saved in {1}.
  const char* resume_hint;         // To continue: {1}
  const char* line_error;          // line {1}: {2}
  const char* key_only;            // {1} is a key-only definition ... {2} = id
  const char* no_labels;           // {1} has no labels for its scale ...
  const char* terminal_too_small;  // The window is too small ... (at least {1} × {2}) ...

  // The screen and keyboard side of issue 13: nothing answered unseen, endings, help.
  const char* typed_item;            // Question number: {1}
  const char* more_above;            // ↑ {1} more above
  const char* more_below;            // ↓ {1} more below
  const char* not_all_seen;          // submit refused: rows of the review not shown yet
  const char* needs_answer;          // Enter on an unanswered item: press {1} to {2}
  const char* needs_answer_or_skip;  // ... or s to skip
  const char* quit_confirm;          // Stop now? ... (a screen: lines)
  const char* finish_offer;          // Every question is settled: submit? ... (a screen: lines)
  const char* review_help_lines;     // the review's keys, "key\tmeaning" lines, then a paragraph
  const char* plain_hint;            // plain mode: s skips, b goes back, ? help, q stops
  const char* line_needs_answer;     // plain mode, empty line on an unanswered item ({1}, {2}: range)
  const char* line_needs_answer_or_skip;
  const char* line_quit_confirm;  // plain mode: Stop now? ... Enter, o or y: stop
  const char* line_finish_offer;  // plain mode, review, all settled: Enter, o or y: submit
  const char* line_review_help;   // plain mode: the review's commands
  const char* score_items;        // {1} of {2} items (plural forms: see fill)
  const char* score_subscales;    // {1} of {2} subscales
};

// The messages in `lang` ("fr"; anything else is English).
const Messages& messages(const std::string& lang);

// `templ` with {1}, {2}... replaced by the arguments in order. A plural
// choice {N:one|other} takes `one` when argument N is the number 1 and
// `other` otherwise (English); {N:zero|one|other} also names the form for 0
// (French: "0 question", "1 question", "2 questions").
std::string fill(std::string_view templ, std::initializer_list<std::string_view> args);

}  // namespace alliance::admin
