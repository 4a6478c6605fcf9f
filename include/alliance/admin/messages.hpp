// Every prompt and message of `alliance administer`, in English and French.
// Templates hold {1}, {2}... filled by fill(); nothing here is formatted
// elsewhere, so a translation is checked in one place.
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
  const char* review_keys;         // ↑ ↓ to choose, Enter to change ...
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
  const char* terminal_too_small;  // Enlarge the window (at least {1}×{2})
};

// The messages in `lang` ("fr"; anything else is English).
const Messages& messages(const std::string& lang);

// `templ` with {1}, {2}... replaced by the arguments in order.
std::string fill(std::string_view templ, std::initializer_list<std::string_view> args);

}  // namespace alliance::admin
