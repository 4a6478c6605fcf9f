#include "alliance/admin/save_failure.hpp"

#include <signal.h>

#include "alliance/admin/messages.hpp"
#include "alliance/core/text.hpp"
#include "screens.hpp"

namespace alliance::admin {

namespace {

constexpr std::size_t kKeyColumn = 12;

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

void add_wrapped(std::vector<std::string>& lines, const std::string& text, std::size_t width) {
  for (const std::string& line : core::wrap(text, width > 1 ? width : 1)) lines.push_back(line);
}

// "key\tmeaning": the key in a column, the meaning wrapped beside it.
void add_key(std::vector<std::string>& lines, const std::string& entry, std::size_t width) {
  const std::size_t tab = entry.find('\t');
  const std::vector<std::string> meaning =
      core::wrap(entry.substr(tab + 1), width > kKeyColumn + 12 ? width - kKeyColumn - 2 : 10);
  for (std::size_t i = 0; i < meaning.size(); ++i)
    lines.push_back("  " + core::pad_right(i == 0 ? entry.substr(0, tab) : "", kKeyColumn) + meaning[i]);
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

class FailureScreen {
 public:
  FailureScreen(Terminal& terminal, const SaveProblem& problem, const std::string& lang, bool colour)
      : terminal_(terminal),
        problem_(problem),
        m_(messages(lang)),
        colour_(colour),
        notice_(problem.notice) {}

  SaveChoice run() {
    LetSignalsThrough let;
    while (true) {
      draw();
      const Key key = terminal_.read_key();
      if (key.kind == KeyKind::end_of_input) return {SaveChoice::Kind::stop, ""};
      if (key.kind == KeyKind::resize || key.kind == KeyKind::none) continue;
      if (std::optional<SaveChoice> choice = on_key(key)) return *choice;
    }
  }

 private:
  enum class State { menu, typing, confirming };

  std::optional<SaveChoice> on_key(const Key& key) {
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
    if (is(key, 'a')) state_ = State::typing;
    if (is(key, 'q')) state_ = State::confirming;
    return std::nullopt;
  }

  void draw() {
    const TerminalSize size = terminal_.size();
    std::vector<std::string> lines;
    lines.push_back(colour_ ? "\x1b[1m" + std::string(m_.save_failed_title) + "\x1b[0m"
                            : m_.save_failed_title);
    lines.emplace_back();
    for (const std::string& paragraph : problem_.lines) add_wrapped(lines, paragraph, size.columns);
    lines.emplace_back();
    for (const char* entry : {m_.save_retry_key, m_.save_elsewhere_key, m_.save_stop_key})
      add_key(lines, entry, size.columns);
    lines.emplace_back();
    if (!notice_.empty()) add_wrapped(lines, notice_, size.columns);
    if (state_ == State::typing) add_wrapped(lines, fill(m_.save_place_prompt, {place_ + "_"}), size.columns);
    if (state_ == State::confirming) add_wrapped(lines, m_.save_stop_confirm, size.columns);
    // Too tall for the window: the top goes first, so the keys and the prompt stay in view.
    if (lines.size() > size.rows) lines.erase(lines.begin(), lines.end() - static_cast<long>(size.rows));
    terminal_.write(frame(lines));
  }

  Terminal& terminal_;
  const SaveProblem& problem_;
  const Messages& m_;
  bool colour_;
  State state_ = State::menu;
  std::string notice_;
  std::string place_;
};

}  // namespace

SaveChoice ask_after_failed_save(Terminal& terminal, const SaveProblem& problem, const std::string& lang,
                                 bool colour) {
  return FailureScreen(terminal, problem, lang, colour).run();
}

SaveChoice ask_after_failed_save(std::istream& in, std::ostream& out, const SaveProblem& problem,
                                 const std::string& lang) {
  LetSignalsThrough let;
  const Messages& m = messages(lang);
  out << '\n' << m.save_failed_title << '\n';
  for (const std::string& line : problem.lines) out << line << '\n';
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
      out << m.save_stop_confirm << ' ' << std::flush;
      if (!std::getline(in, line) || line == "o" || line == "O" || line == "y" || line == "Y")
        return {SaveChoice::Kind::stop, ""};
    } else {
      out << fill(m.not_understood, {line}) << '\n';
    }
  }
}

}  // namespace alliance::admin
