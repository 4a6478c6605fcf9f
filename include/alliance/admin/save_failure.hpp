// What the user is asked when a save has failed mid-session (a full disk, a
// directory removed, a drive pulled out): try again, save elsewhere, or stop.
// The answers stay in memory meanwhile; the caller (the Saver) says what
// failed and where the answers are, does what is chosen, and asks again
// while it fails (docs/administration.md, "When a save fails").
#pragma once

#include <istream>
#include <ostream>
#include <string>
#include <vector>

#include "alliance/admin/terminal.hpp"

namespace alliance::admin {

// In the session's language, each a paragraph.
struct SaveProblem {
  std::string what;                // what failed: "Saving to r.json failed: the disk is full."
  std::vector<std::string> where;  // which answers are not saved, what the file on disk holds
  std::string notice;              // what came of the last choice ("r.json exists…"), or ""
};

struct SaveChoice {
  enum class Kind { retry, elsewhere, stop };
  Kind kind = Kind::retry;
  std::string place;  // elsewhere: the directory or file typed, as typed
};

// Full screen: the problem, then the keys r (or Enter) to try again, a to
// type a directory or a file to save in, q to stop — confirmed with o or y
// only (not Enter: what is not saved is lost), on a screen that lists what is
// not saved. The rules of the other screens hold (runner.hpp): a key counts
// only on a screen shown whole — in a window too small for what failed and
// the keys, it says "enlarge the window" and takes only q (and Esc while a
// place is typed); keys typed before a screen is drawn are discarded
// (Console::discard_typed_ahead), so a burst of keys after the failing answer
// chooses nothing, and the screen says so; so do the repeats of a key held
// down since that answer; text wraps at words. The exit signals, held during a save,
// are let through while it waits, so Ctrl-C still ends the session. A closed
// terminal counts as stop.
SaveChoice ask_after_failed_save(Console& console, const SaveProblem& problem, const std::string& lang,
                                 bool colour);

// Plain mode: the same as lines on `out`, the choice read from `in`: an empty
// line (or r) tries again, a asks for the place, q asks for confirmation (o
// or y stops; an empty line goes back). The end of input counts as stop.
SaveChoice ask_after_failed_save(std::istream& in, std::ostream& out, const SaveProblem& problem,
                                 const std::string& lang);

}  // namespace alliance::admin
