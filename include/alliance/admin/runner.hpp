// The two front ends of an administration: the full screen on a terminal, and
// line by line (a screen reader with --plain, TERM=dumb, or a script feeding
// standard input). Each feeds a Session the user's keys or lines and calls
// back to save after every answer; neither touches files itself.
#pragma once

#include <functional>
#include <istream>
#include <ostream>
#include <string>

#include "alliance/admin/session.hpp"
#include "alliance/admin/terminal.hpp"
#include "alliance/core/questionnaire.hpp"
#include "alliance/core/scoring.hpp"

namespace alliance::admin {

enum class Ending {
  completed,     // submitted (scripted input: the last item answered)
  quit,          // the user pressed q
  quit_small,    // the user pressed q on a screen too small for its item, which offered --plain
  end_of_input,  // the input ended before the last item
  rejected,      // scripted input: a line that is not an allowed answer
  hangup,        // the terminal went away
};

struct RunnerOptions {
  std::string lang = "en";  // of prompts, and of texts where the definition has it
  bool colour = false;      // bold and reverse video (full screen only)
};

// Called after every answer and every skip, while the exit signals (SIGINT,
// SIGTERM, SIGHUP, SIGQUIT) are held (SignalBlock): a save is complete before
// the process can stop.
// A save that fails (a full disk) is the Saver's to handle: keep the answers,
// ask the user what to do (admin/save_failure.hpp), try again or elsewhere. It
// throws only when nothing more can be done; the exception ends the
// administration, leaving the runner with the session as it was. Returns what
// to tell the user on the next screen (the answers saved in another place
// from now on), or "".
using Saver = std::function<std::string(const Session&)>;

// One item per screen, a key per answer, then the review. Returns when the
// session is done or stopped, or the terminal is gone. Nothing is answered
// unseen: a key answers only on a screen that shows the whole item (below
// that size the screen asks for a larger window and only q works); keys
// typed before a screen is drawn are discarded (Console::discard_typed_ahead),
// and the screen says so when any were; the repeats of a key held down
// (Key::repeat) count only on the screen where it was pressed; the review
// submits only once each of its rows has been on screen. q asks
// to confirm (Enter, o or y stops), or on a review with every item settled
// offers to submit instead.
// REQUIRES: session.phase() is item or review.
Ending run_full_screen(Session& session, const core::Questionnaire& questionnaire,
                       const RunnerOptions& options, Console& console, const Saver& save);

struct LineResult {
  Ending ending = Ending::completed;
  std::string message;  // for end_of_input and rejected: what to tell the user
};

// One line per answer, after the questionnaire's title: a number answers; an
// empty line keeps the answer already given; b goes back, s skips, q stops,
// ? explains.
// `interactive` (a person at a plain terminal): an empty line on an item not
// answered yet is asked again (skipping takes `s`); q asks to confirm (on a
// review with every item settled: offers to submit); a line that is not
// allowed is explained and asked again. Otherwise (a script): an empty line
// skips, q stops at once, and a refused line ends the session,
// Ending::rejected, "line N: why" — a retry would shift every later answer.
LineResult run_by_lines(Session& session, const core::Questionnaire& questionnaire,
                        const RunnerOptions& options, std::istream& in, std::ostream& prompts,
                        bool interactive, const Saver& save);

// The scores shown at the end of a session: each subscale and the total,
// with its band, in `lang`; "insufficient" where too much is missing. A table,
// one line per score; with `width` (the columns of the terminal it is shown
// on; 0: no limit, e.g. a pipe) no line is wider: the title wrapped at words
// and, when a score's line does not fit, what it rests on and its band on the
// lines under it.
std::string scores_summary(const core::Questionnaire& questionnaire, const core::Answers& answers,
                           const std::string& lang, std::size_t width = 0);

}  // namespace alliance::admin
