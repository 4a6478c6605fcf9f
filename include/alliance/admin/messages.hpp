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
  const char* question_of;               // Question {1} of {2}
  const char* answer_keys;               // Press {1} to {2} to answer
  const char* answer_number;             // Type a number from {1} to {2}, then Enter
  const char* keep_key;                  // Enter keeps the answer
  const char* back_key;                  // ← or b to go back
  const char* skip_key;                  // s to skip
  const char* help_key;                  // ? for help
  const char* quit_key;                  // q to stop
  const char* current_answer;            // Current answer: {1}
  const char* no_answer;                 // no answer
  const char* typed;                     // Your answer: {1}
  const char* review_title;              // Review your answers
  const char* review_keys;               // the review's key hints, one per line (laid out between hints)
  const char* submit_row;                // Submit my answers
  const char* help_title;                // Keys
  const char* help_lines;                // "key\tmeaning" lines ({1}: answer_range), then a paragraph
  const char* any_key;                   // Press any key to go on
  const char* invalid_answer;            // Answer with a number from {1} to {2}.
  const char* skip_not_allowed;          // This question cannot be skipped: ...{1}
  const char* at_first_item;             // This is the first question.
  const char* not_understood;            // Not understood: "{1}". ...
  const char* unknown_item;              // There is no question {1}.
  const char* line_prompt;               // Answer ({1}–{2}):
  const char* line_hint;                 // Enter alone skips, b goes back, ? help, q stops.
  const char* answer_range;              // {1} to {2}
  const char* line_help;                 // the keys of the line-by-line mode
  const char* line_review;               // Type a question number to change it, or Enter to submit.
  const char* saved;                     // Answers saved in {1}
  const char* scores_title;              // Scores
  const char* insufficient;              // insufficient (too many missing answers)
  const char* total;                     // Total
  const char* scores_hidden;             // Scores are not shown; read them later with: {1}
  const char* stopped;                   // Stopped: {1} of {2} answers given, saved in {3}.
  const char* end_of_input;              // End of input before the last question.
  const char* interrupted;               // Interrupted: the answers given so far are saved in {1}.
  const char* resume_hint;               // To continue: {1}
  const char* line_error;                // line {1}: {2}
  const char* key_only;                  // {1} is a key-only definition ... {2} = id
  const char* no_labels;                 // {1} has no labels for its scale ...
  const char* terminal_too_small;        // The window is too small ... (at least {1} × {2}) ...
  const char* terminal_too_small_short;  // the same, shorter, for the smallest windows

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

  // Files, command-line errors and failed saves (docs/administration.md, "Files", "When a save fails").
  const char* error_line;             // alliance: {1}
  const char* usage_hint;             // For help: alliance administer --help
  const char* missing_questionnaire;  // no questionnaire named
  const char* missing_respondent;     // {1} = the questionnaire
  const char* bad_lang;               // {1} = the value given
  const char* bad_session;            // {1} = the value given
  const char* unexpected_arguments;   // {1} = the arguments, {2} = did_you_mean (an option) or ""
  const char* missing_value;          // {1} = the option
  const char* bad_command_line;       // {1} = CLI11's own words
  const char* force_and_resume;       // --force with --resume
  const char* unknown_questionnaire;  // {1} = the name, {2} = did_you_mean or ""
  const char* did_you_mean;           // {1} = the closest id
  const char* definition_problems;    // {1} = the name, {2} = the definition's problems (English)
  const char* id_invalid_utf8;
  const char* id_control;
  const char* id_blank;
  const char* id_edge_space;        // {1} = the id, {2} = without its spaces
  const char* id_option;            // {1} = the id, which looks like an option
  const char* id_too_long;          // {1} = its length, {2} = the limit
  const char* id_name_too_long;     // {1} = bytes
  const char* dir_missing;          // {1} = the file, {2} = its directory, {3} = the same, quoted
  const char* not_a_directory;      // {1} = the file, {2} = its directory
  const char* file_complete;        // {1} = the file, {2} = a command saving under another name
  const char* file_unfinished;      // {1} file, {2} answered, {3} items, {4} resume command, {5} kept name
  const char* file_foreign;         // {1} = the file, {2} = the questionnaire
  const char* numbered_note;        // {1} = the complete file, {2} = the new one
  const char* replaced_note;        // {1} = the file, {2} = where the unfinished one is kept
  const char* resume_none;          // {1} questionnaire, {2} respondent, {3} directory, {4} command
  const char* respondent_session;   // {1} = the respondent, {2} = the session
  const char* resume_several;       // {1} questionnaire, {2} respondent, {3} directory, {4} commands
  const char* resume_missing;       // {1} = the file, {2} = a command starting a session
  const char* resume_complete;      // {1} = the file, {2} = the score command
  const char* resume_respondent;    // {1} = the file, {2} = its respondent, {3} = the one given
  const char* resume_session;       // {1} = the file, {2} = its session, {3} = the one given
  const char* session_none;         // a session that is not given
  const char* resume_foreign;       // {1} = the file, {2} = the questionnaire, {3} = the problems
  const char* resuming;             // {1} = the file, {2} answered, {3} items
  const char* cannot_read;          // {1} = the file, {2} = why
  const char* cannot_write;         // {1} = the file, {2} = why
  const char* save_failed_title;    // The answers could not be saved
  const char* save_failed;          // {1} = the file, {2} = why
  const char* save_in_memory;       // nothing is lost while the program runs
  const char* save_not_saved;       // {1} = the questions not saved
  const char* save_on_disk;         // {1} = the file, which holds every other answer
  const char* save_on_disk_all;     // {1} = the file, which holds every answer
  const char* save_file_gone;       // {1} = the file, which no longer exists
  const char* save_retry_key;       // "key\tmeaning"
  const char* save_elsewhere_key;   // "key\tmeaning"
  const char* save_stop_key;        // "key\tmeaning"
  const char* save_place_prompt;    // {1} = the place typed so far
  const char* save_place_empty;     // Enter with nothing typed
  const char* save_place_exists;    // {1} = the place
  const char* save_stop_confirm;    // Stop now? ... (lines: o or y stops, any other key goes back)
  const char* save_moved;           // {1} = the new file
  const char* save_old_copy;        // {1} = the file where saving failed
  const char* save_abandoned;       // Stopped: the answers could not be saved.
  const char* save_unsaved_items;   // {1} = the questions to answer again
  const char* save_start_again;     // {1} = the file, gone; {2} = the command starting again
  const char* save_line_choice;     // plain mode: retry, elsewhere or stop
  const char* save_line_place;      // plain mode: where
  const char* interrupted_unsaved;  // Ctrl-C while a save had failed
  const char* item_one;             // question {1}
  const char* item_many;            // questions {1}
  const char* list_and;             // " and "
  const char* reason_no_space;
  const char* reason_quota;
  const char* reason_access;
  const char* reason_read_only;
  const char* reason_no_file;
  const char* reason_no_directory;
  const char* reason_not_directory;
  const char* reason_is_directory;
  const char* reason_exists;
  const char* reason_too_big;
  const char* reason_name_too_long;
  const char* reason_io;
  const char* reason_other;            // {1} = errno, {2} = the system's words
  const char* reason_not_regular;      // a write refused: not a regular file (files.hpp)
  const char* not_regular;             // -o names a device, a FIFO, a socket: {1} = the file, {2} = kind_*
  const char* kind_device;             // a device
  const char* kind_fifo;               // a named pipe (FIFO)
  const char* kind_socket;             // a socket
  const char* is_symlink;              // -o names a symbolic link: {1} = the link, {2} = where it points
  const char* save_line_stop_confirm;  // plain mode: Stop now? ... y or o to stop; else back
  const char* save_unknown_key;        // a key or line that is not r, a or q: {1} = it
};

// The messages in `lang` ("fr"; anything else is English).
const Messages& messages(const std::string& lang);

// `templ` with {1}, {2}... replaced by the arguments in order. A plural
// choice {N:one|other} takes `one` when argument N is the number 1 and
// `other` otherwise (English); {N:zero|one|other} also names the form for 0
// (French: "0 question", "1 question", "2 questions").
std::string fill(std::string_view templ, std::initializer_list<std::string_view> args);

}  // namespace alliance::admin
