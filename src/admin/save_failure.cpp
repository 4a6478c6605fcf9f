#include "alliance/admin/save_failure.hpp"

#include <signal.h>

#include <algorithm>
#include <optional>

#include "alliance/admin/messages.hpp"
#include "alliance/core/text.hpp"
#include "screens.hpp"
#include "typed_ahead.hpp"
#include "typography.hpp"

namespace alliance::admin {

namespace {

// Lets the exit signals through for its lifetime (a save holds them with
// SignalBlock; the user may take a while to choose).
class LetSignalsThrough {
 public:
  LetSignalsThrough() {
    sigset_t let;
    sigemptyset(&let);
    for (int s : {SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGTSTP}) sigaddset(&let, s);
    ::sigprocmask(SIG_UNBLOCK, &let, &saved_);
  }
  ~LetSignalsThrough() { ::sigprocmask(SIG_SETMASK, &saved_, nullptr); }
  LetSignalsThrough(const LetSignalsThrough&) = delete;
  LetSignalsThrough& operator=(const LetSignalsThrough&) = delete;

 private:
  sigset_t saved_;
};

// The lines of `text` ("\n" starts a new one) wrapped to `width`.
std::vector<std::string> wrapped(const std::string& text, std::size_t width) {
  return wrap_words(text, std::max<std::size_t>(width, 1));
}

// "key\tmeaning" entries: the keys in a column, each meaning wrapped beside its key.
std::vector<std::string> key_lines(const std::vector<std::string>& entries, std::size_t width) {
  std::size_t column = 0;
  for (const std::string& entry : entries)
    column = std::max(column, core::display_width(entry.substr(0, entry.find('\t'))) + 2);
  const std::size_t room = width > column + 2 ? width - column - 2 : 1;
  std::vector<std::string> lines;
  for (const std::string& entry : entries) {
    const std::size_t tab = entry.find('\t');
    const std::vector<std::string> meaning = wrapped(entry.substr(tab + 1), room);
    for (std::size_t i = 0; i < meaning.size(); ++i)
      lines.push_back("  " + core::pad_right(i == 0 ? entry.substr(0, tab) : "", column) + meaning[i]);
  }
  return lines;
}

std::string without_last_character(std::string text) {
  while (!text.empty()) {
    const auto byte = static_cast<unsigned char>(text.back());
    text.pop_back();
    if ((byte & 0xC0) != 0x80) break;
  }
  return text;
}

bool is(const Key& key, char lower) {
  return key.kind == KeyKind::character && key.text.size() == 1 &&
         (key.text[0] == lower || key.text[0] == lower - 'a' + 'A');
}

// How much each part matters (screens.hpp, Section): 0 must be on screen for
// a key to count; the others go, largest first, when the window is short.
enum Priority : int {
  kMust = 0,
  kNotice = 1,         // what came of the last choice
  kWhere = 2,          // which answers are not saved, what the file holds (must when asking to stop)
  kKeysDiscarded = 3,  // keys typed before the screen was drawn were not used
  kInMemory = 4,
  kTitle = 5,
  kBlank = 8,
};

class FailureScreen {
 public:
  FailureScreen(Console& console, const SaveProblem& problem, const std::string& lang, bool colour)
      : console_(console),
        problem_(problem),
        m_(messages(lang)),
        lang_(lang),
        colour_(colour),
        notice_(problem.notice) {}

  SaveChoice run() {
    LetSignalsThrough let;
    while (true) {
      draw();
      const Key key = console_.read_key();
      if (key.kind == KeyKind::end_of_input) return {SaveChoice::Kind::stop, ""};
      if (!typed_ahead_.takes(key, complete_) || key.kind == KeyKind::none) continue;
      if (std::optional<SaveChoice> choice = on_key(key)) return *choice;
    }
  }

 private:
  enum class State { menu, typing, confirming };

  std::optional<SaveChoice> on_key(const Key& key) {
    if (!complete_) {  // "enlarge the window": q asks to stop, Esc stops typing; nothing else counts
      if (state_ == State::menu && is(key, 'q'))
        state_ = State::confirming;
      else if (state_ == State::typing && key.kind == KeyKind::escape)
        state_ = State::menu;
      else if (state_ == State::confirming && !is(key, 'q'))
        state_ = State::menu;
      return std::nullopt;
    }
    if (state_ == State::typing) {
      if (key.kind == KeyKind::enter) {
        if (!place_.empty()) return SaveChoice{SaveChoice::Kind::elsewhere, place_};
        notice_ = m_.save_place_empty;
      } else if (key.kind == KeyKind::escape) {
        state_ = State::menu;
      } else if (key.kind == KeyKind::backspace) {
        place_ = without_last_character(place_);
      } else if (key.kind == KeyKind::character) {
        place_ += key.text;
      }
      return std::nullopt;
    }
    if (state_ == State::confirming) {
      if (is(key, 'o') || is(key, 'y')) return SaveChoice{SaveChoice::Kind::stop, ""};
      state_ = State::menu;
      return std::nullopt;
    }
    notice_.clear();
    if (key.kind == KeyKind::enter || is(key, 'r')) return SaveChoice{SaveChoice::Kind::retry, ""};
    if (is(key, 'a'))
      state_ = State::typing;
    else if (is(key, 'q'))
      state_ = State::confirming;
    else if (key.kind == KeyKind::character)
      notice_ = fill(m_.save_unknown_key, {key.text});
    return std::nullopt;
  }

  std::vector<Section> sections(std::size_t width) const {
    std::vector<Section> out;
    const auto blank = [&out] { out.push_back({{""}, kBlank}); };
    std::vector<std::string> title = wrapped(m_.save_failed_title, width);
    if (colour_)
      for (std::string& line : title) line = "\x1b[1m" + line + "\x1b[0m";
    out.push_back({title, kTitle});
    blank();
    out.push_back({wrapped(problem_.what, width), kMust});
    out.push_back({wrapped(m_.save_in_memory, width), kInMemory});
    for (const std::string& line : problem_.where)
      out.push_back({wrapped(line, width), state_ == State::confirming ? kMust : kWhere});
    blank();
    if (state_ == State::menu)
      out.push_back({key_lines({m_.save_retry_key, m_.save_elsewhere_key, m_.save_stop_key}, width), kMust});
    if (state_ == State::typing)
      out.push_back({wrapped(fill(m_.save_place_prompt, {place_ + "_"}), width), kMust});
    if (state_ == State::confirming) out.push_back({wrapped(m_.save_stop_confirm, width), kMust});
    if (!notice_.empty() || typed_ahead_.sign()) blank();
    if (!notice_.empty()) out.push_back({wrapped(notice_, width), kNotice});
    if (typed_ahead_.sign())
      out.push_back(
          {wrapped(m_.typed_ahead_screen, width), kKeysDiscarded, wrapped(m_.typed_ahead_short, width)});
    return out;
  }

  // Draws the screen; on a new one (View), first discards the keys typed
  // ahead, and says so when there were any.
  void draw() {
    const TerminalSize size = console_.size();
    std::vector<std::string> lines = screen_lines(size);
    const View view{state_, complete_};
    // A new screen: keys typed before it do not count.
    if (last_view_ != view && typed_ahead_.on_new_screen(console_, complete_))
      lines = screen_lines(size);  // as complete as before: the sign is never a must
    last_view_ = view;
    console_.write(frame(lines));
  }

  std::vector<std::string> screen_lines(TerminalSize size) {
    std::optional<std::vector<std::string>> lines;
    if (size.columns >= kMinColumns) lines = lay_out(sections(size.columns), size.rows);
    complete_ = lines.has_value();
    if (!complete_) {  // a size where all of it fits
      const std::size_t columns = std::max(size.columns, kSuggestedColumns);
      std::size_t rows = 0;
      for (const Section& section : sections(columns)) rows += section.lines.size();
      ScreenContext context;
      context.lang = lang_;
      context.columns = size.columns;
      context.rows = size.rows;
      // Without --plain: q here cannot be confirmed in a window that small, and would lose what is not saved.
      lines = too_small_screen(context, {columns, rows}, false);
    }
    // No blank line at the top, nor two in a row, where the parts between them were left out.
    std::vector<std::string> shown;
    for (std::string& line : *lines)
      if (!line.empty() || (!shown.empty() && !shown.back().empty())) shown.push_back(std::move(line));
    return shown;
  }

  struct View {
    State state;
    bool complete;
    bool operator==(const View&) const = default;
  };

  Console& console_;
  const SaveProblem& problem_;
  const Messages& m_;
  std::string lang_;
  bool colour_;
  State state_ = State::menu;
  bool complete_ = false;
  std::optional<View> last_view_;
  TypedAhead typed_ahead_;
  std::string notice_;
  std::string place_;
};

}  // namespace

SaveChoice ask_after_failed_save(Console& console, const SaveProblem& problem, const std::string& lang,
                                 bool colour) {
  return FailureScreen(console, problem, lang, colour).run();
}

SaveChoice ask_after_failed_save(std::istream& in, std::ostream& out, const SaveProblem& problem,
                                 const std::string& lang) {
  LetSignalsThrough let;
  const Messages& m = messages(lang);
  out << '\n' << m.save_failed_title << '\n' << problem.what << '\n' << m.save_in_memory << '\n';
  for (const std::string& line : problem.where) out << line << '\n';
  if (!problem.notice.empty()) out << problem.notice << '\n';
  std::string line;
  while (true) {
    out << m.save_line_choice << std::flush;
    if (!std::getline(in, line)) return {SaveChoice::Kind::stop, ""};
    if (line.empty() || line == "r" || line == "R") return {SaveChoice::Kind::retry, ""};
    if (line == "a" || line == "A") {
      out << m.save_line_place << std::flush;
      if (!std::getline(in, line)) return {SaveChoice::Kind::stop, ""};
      if (!line.empty()) return {SaveChoice::Kind::elsewhere, line};
      out << m.save_place_empty << '\n';
    } else if (line == "q" || line == "Q") {
      out << m.save_line_stop_confirm << std::flush;
      if (!std::getline(in, line) || line == "o" || line == "O" || line == "y" || line == "Y")
        return {SaveChoice::Kind::stop, ""};
    } else {
      out << fill(m.save_unknown_key, {line}) << '\n';
    }
  }
}

}  // namespace alliance::admin
