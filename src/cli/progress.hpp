// A progress line on standard error for a long read ("1 200 000 responses
// read…"), redrawn in place: shown only when standard error is a terminal
// (never in a pipe or a file), only once the read has lasted
// ALLIANCE_PROGRESS_AFTER seconds (default 2), at most four times a second,
// and erased when the read ends, so that it never mixes with what follows.
#pragma once

#include <chrono>
#include <string>

namespace alliance::cli {

class ProgressLine {
 public:
  explicit ProgressLine(std::string lang);
  ~ProgressLine();  // erases the line if it was shown
  ProgressLine(const ProgressLine&) = delete;
  ProgressLine& operator=(const ProgressLine&) = delete;

  // One more response read. Cheap: looks at the clock every 1024 calls.
  void tick() {
    if (enabled_ && (++count_ & 1023) == 0) draw();
  }
  // Erases the line now (before the command's own closing lines).
  void done();

 private:
  void draw();

  std::string lang_;
  bool enabled_ = false;
  bool shown_ = false;
  long count_ = 0;
  std::chrono::steady_clock::time_point start_, next_;
};

}  // namespace alliance::cli
