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

struct SaveProblem {
  std::vector<std::string>
      lines;           // what failed, where the answers are: paragraphs, in the session's language
  std::string notice;  // what came of the last choice ("still failing"), or ""
};

struct SaveChoice {
  enum class Kind { retry, elsewhere, stop };
  Kind kind = Kind::retry;
  std::string place;  // elsewhere: the directory or file typed, as typed
};

// Full screen: the problem, then the keys r (or Enter) to try again, a to
// type a directory or a file to save in, q to stop (confirmed with o or y).
// The exit signals, held during a save, are let through while it waits, so
// Ctrl-C still ends the session. A closed terminal counts as stop.
SaveChoice ask_after_failed_save(Terminal& terminal, const SaveProblem& problem, const std::string& lang,
                                 bool colour);

// Plain mode: the same as lines on `out`, the choice read from `in`: an empty
// line (or r) tries again, a asks for the place, q asks for confirmation.
// The end of input counts as stop.
SaveChoice ask_after_failed_save(std::istream& in, std::ostream& out, const SaveProblem& problem,
                                 const std::string& lang);

}  // namespace alliance::admin
