// The files of a batch that could not be read (unread_files.hpp).
#include "unread_files.hpp"

#include <algorithm>
#include <iostream>
#include <utility>

#include "alliance/io/files.hpp"
#include "alliance/text/messages.hpp"

namespace alliance::cli {

namespace {

// "a.csv, b.csv", the first ten, then ", … (5 more)"; standard input as its messages name it.
std::string unread_file_list(const std::vector<std::string>& names, const std::string& lang) {
  constexpr std::size_t kShown = 10;
  std::string out;
  for (std::size_t i = 0; i < names.size() && i < kShown; ++i)
    out += (i ? ", " : "") + (names[i] == "-" ? std::string("<stdin>") : names[i]);
  if (names.size() > kShown)
    out += text::say(lang, text::Msg::files_more, {std::to_string(names.size() - kShown)});
  return out;
}

}  // namespace

UnreadFiles::UnreadFiles(const std::vector<std::string>& files, std::string lang, bool strict)
    : files_(files.empty() ? std::vector<std::string>{"-"} : files),
      lang_(std::move(lang)),
      strict_(strict) {}

bool UnreadFiles::add(const std::string& file, const Error& error) {
  std::cerr << text::say(lang_, text::Msg::error_line, {error.in_language(lang_)}) << '\n';
  unread_.push_back({file, error.what(), error.code()});
  return !strict_;
}

bool UnreadFiles::contains(const std::string& file) const {
  return std::any_of(unread_.begin(), unread_.end(), [&](const Unread& u) { return u.file == file; });
}

bool UnreadFiles::nothing_read(long responses) const {
  return any() && responses == 0 &&
         (unread_.size() == files_.size() || (stopped() && unread_.front().file == files_.front()));
}

void UnreadFiles::print_summary(bool left_out) const {
  if (!any() || files_.size() < 2) return;
  std::string message;
  if (stopped()) {
    // The files after the one it stopped at: those past its first occurrence not yet unread.
    const auto at = std::find(files_.begin(), files_.end(), unread_.front().file);
    const std::vector<std::string> after(at == files_.end() ? at : at + 1, files_.end());
    message = text::say(lang_, text::Msg::files_strict_stopped, {unread_.front().file});
    if (!after.empty())
      message += text::say(lang_, text::Msg::files_not_read_after, {unread_file_list(after, lang_)});
  } else {
    std::vector<std::string> names;
    for (const Unread& u : unread_) names.push_back(u.file);
    message = text::say(
        lang_, text::Msg::files_unread,
        {std::to_string(unread_.size()), std::to_string(files_.size()), unread_file_list(names, lang_)});
    if (left_out && unread_.size() < files_.size())
      message += text::say(lang_, text::Msg::files_unread_results);
  }
  std::cerr << text::say(lang_, text::Msg::error_line, {message}) << '\n';
}

int UnreadFiles::end_with(const Error& error, bool left_out) const {
  std::cerr << text::say(lang_, text::Msg::error_line, {error.in_language(lang_)}) << '\n';
  print_summary(left_out);
  return status(exit_status(error.code()));
}

int UnreadFiles::status(int status) const {
  const bool io =
      std::any_of(unread_.begin(), unread_.end(), [](const Unread& u) { return u.code == ExitCode::io; });
  if (io) return exit_status(ExitCode::io);
  if (status != 0 || !any()) return status;
  return exit_status(ExitCode::invalid_input);
}

}  // namespace alliance::cli
