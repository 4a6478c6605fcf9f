#include "progress.hpp"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>

#include "alliance/io/env.hpp"
#include "alliance/text/messages.hpp"

namespace alliance::cli {

namespace {

// Seconds before the line appears: ALLIANCE_PROGRESS_AFTER when it is a
// number (0 shows it at once; tests use it), else 2.
double progress_delay() {
  const std::optional<std::string> value = io::real_env().variable("ALLIANCE_PROGRESS_AFTER");
  if (!value || value->empty()) return 2;
  char* end = nullptr;
  const double seconds = std::strtod(value->c_str(), &end);
  return end && *end == '\0' && seconds >= 0 ? seconds : 2;
}

}  // namespace

ProgressLine::ProgressLine(std::string lang) : lang_(std::move(lang)) {
  enabled_ = ::isatty(STDERR_FILENO) == 1;
  if (!enabled_) return;
  start_ = std::chrono::steady_clock::now();
  next_ = start_ + std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                       std::chrono::duration<double>(progress_delay()));
}

ProgressLine::~ProgressLine() {
  done();
}

void ProgressLine::draw() {
  const auto now = std::chrono::steady_clock::now();
  if (now < next_) return;
  next_ = now + std::chrono::milliseconds(250);
  const std::string line =
      "\r" + text::say(lang_, text::Msg::progress_read, {std::to_string(count_)}) + "\x1b[K";
  std::fputs(line.c_str(), stderr);
  std::fflush(stderr);
  shown_ = true;
}

void ProgressLine::done() {
  if (!shown_) return;
  shown_ = false;
  enabled_ = false;
  std::fputs("\r\x1b[K", stderr);
  std::fflush(stderr);
}

}  // namespace alliance::cli
