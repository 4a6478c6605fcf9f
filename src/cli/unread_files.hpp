// The files of a batch that could not be read, or not as responses (a file
// that is missing, a directory, empty, a header naming no item, a .sav file
// ReadStat refuses: io::ReadRequest::on_unreadable). Each is said on stderr
// when the reading reaches it, as an error that ends a run is said, and the
// other files are still read, as `cat` and `grep` do with several files;
// score --strict stops at the first instead. Kept for the exit status and
// the closing summary (README, "Exit status"; "Several files").
#pragma once

#include <string>
#include <vector>

#include "alliance/core/error.hpp"

namespace alliance::cli {

class UnreadFiles {
 public:
  struct Unread {
    std::string file;     // as named; "-" is standard input
    std::string message;  // the located reason, in English (what machine outputs keep)
    ExitCode code;        // io: could not be read; invalid_input: not responses
  };

  // `files`: the files named on the command line (none: standard input);
  // `strict`: the first unread file stops the reading (score --strict).
  UnreadFiles(const std::vector<std::string>& files, std::string lang, bool strict = false);

  // io::ReadRequest::on_unreadable: prints "alliance: <reason>" to stderr,
  // keeps the file; whether to go on (false under --strict).
  bool add(const std::string& file, const Error& error);

  bool any() const { return !unread_.empty(); }
  const std::vector<Unread>& unread() const { return unread_; }
  // Whether `file` (as named) is one of them.
  bool contains(const std::string& file) const;
  // Nothing was read: no response (`responses` read in all), every file
  // named unread or --strict stopped at the first. The command then writes
  // no output, as when its one file cannot be read.
  bool nothing_read(long responses) const;
  // --strict stopped the reading at an unread file.
  bool stopped() const { return strict_ && any(); }

  // With more than one file named and some unread, prints to stderr
  // "alliance: 2 of 5 files could not be read: b.csv, c.csv" (with
  // `left_out`, " (left out of the results)", for the commands whose result
  // is one computation over every file), or under --strict where it stopped
  // and the files not read after it.
  void print_summary(bool left_out) const;

  // A command that cannot make its result (nothing left to draw, no norm)
  // after some files were unread: says `error` and the summary, and returns
  // status(error's code).
  int end_with(const Error& error, bool left_out) const;

  // The exit status of a command whose own status is `status`: 3 when a file
  // could not be read (over 1 and 4, as for an output that cannot be written),
  // else `status` when it is not 0, else 1 when a file was not responses.
  int status(int status) const;

 private:
  std::vector<std::string> files_;
  std::string lang_;
  bool strict_;
  std::vector<Unread> unread_;
};

}  // namespace alliance::cli
