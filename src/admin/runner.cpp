#include "alliance/admin/runner.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <optional>
#include <utility>

#include "alliance/admin/messages.hpp"
#include "alliance/core/text.hpp"
#include "screens.hpp"
#include "typed_ahead.hpp"

namespace alliance::admin {

namespace {

constexpr std::size_t kMaxTyped = 12;

// A typed number: "7", "7.5", "7,5" (the French decimal comma).
std::optional<double> parse_typed_number(std::string text) {
  std::replace(text.begin(), text.end(), ',', '.');
  if (!text.empty() && text.front() == '+') text.erase(0, 1);
  double value = 0;
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (text.empty() || ec != std::errc() || ptr != end) return std::nullopt;
  return value;
}

std::string trimmed(const std::string& text) {
  const std::size_t first = text.find_first_not_of(" \t\r");
  if (first == std::string::npos) return "";
  return text.substr(first, text.find_last_not_of(" \t\r") - first + 1);
}

bool is_char(const Key& key, std::string_view lower) {
  return key.kind == KeyKind::character && key.text.size() == 1 &&
         (key.text[0] == lower[0] || key.text[0] == lower[0] - 'a' + 'A');
}

// Enter, o (oui) or y (yes): the answer to "Stop now?" and "Submit now?".
bool confirms(const Key& key) {
  return key.kind == KeyKind::enter || is_char(key, "o") || is_char(key, "y");
}

// Why an event was refused, in words; "" when there is nothing to say.
std::string explain(Outcome outcome, const Session& session, const core::Questionnaire& q,
                    const std::string& lang) {
  const Messages& m = messages(lang);
  const auto number = [&lang](double v) { return number_text(v, lang); };
  switch (outcome) {
    case Outcome::invalid_answer: return fill(m.invalid_answer, {number(q.scale.min), number(q.scale.max)});
    case Outcome::skip_not_allowed:
      return fill(m.skip_not_allowed,
                  {core::pick_text(q.subscales[q.items[session.item()].subscale].title, lang)});
    case Outcome::at_first_item: return m.at_first_item;
    case Outcome::accepted:
    case Outcome::not_now: return "";
  }
  return "";
}

// What the Saver has to tell, or "".
std::string save_now(const Saver& save, const Session& session) {
  SignalBlock hold;
  return save(session);
}

// The full screen. Nothing is answered unseen: a key answers only on a screen
// that showed the whole item (screens.hpp), keys typed before a screen was
// drawn are discarded, and the review submits only once every row of it has
// been on screen.
class FullScreen {
 public:
  FullScreen(Session& session, const core::Questionnaire& q, const RunnerOptions& options, Console& console,
             const Saver& save)
      : session_(session), q_(q), console_(console), save_(save), seen_(session.size(), false) {
    context_.questionnaire = &q;
    context_.lang = options.lang;
    context_.colour = options.colour;
    cursor_ = session.size();
  }

  Ending run() {
    while (true) {
      if (session_.phase() == Phase::done) return Ending::completed;
      if (session_.phase() == Phase::stopped) return quit_small_ ? Ending::quit_small : Ending::quit;
      draw();
      const Key key = console_.read_key();
      if (key.kind == KeyKind::end_of_input) return Ending::hangup;
      if (!typed_ahead_.takes(key, complete_) || key.kind == KeyKind::none) continue;
      on_key(key);
    }
  }

 private:
  enum class Overlay { none, help, quit, finish };

  // What is on screen, as far as keys typed ahead are concerned: a change of
  // any of these is a new screen. The review's cursor is one too, so a burst
  // of ↓ and Enter cannot reach "Submit" past rows drawn too fast to be read.
  struct View {
    Phase phase;
    std::size_t item;
    std::size_t cursor;
    Overlay overlay;
    bool complete;
    bool operator==(const View&) const = default;
  };

  // Draws the screen; on a new one (View), first discards the keys typed
  // ahead, and says so when there were any.
  void draw() {
    const TerminalSize size = console_.size();
    context_.columns = size.columns;
    context_.rows = size.rows;
    bool complete = true;
    std::vector<std::string> lines = screen_lines(complete);
    const View view{session_.phase(), session_.item(), session_.phase() == Phase::review ? cursor_ : 0,
                    overlay_, complete};
    if (last_view_ != view && typed_ahead_.on_new_screen(console_, complete))
      lines = screen_lines(complete);  // the same layout of what must be seen: the sign is never a must
    complete_ = complete;
    last_view_ = view;
    console_.write(frame(lines));
  }

  std::vector<std::string> screen_lines(bool& complete) {
    const Messages& m = messages(context_.lang);
    const bool review = session_.phase() == Phase::review;
    std::vector<std::string> lines;
    complete = true;
    if (overlay_ == Overlay::help) {
      lines = help_screen(context_, review);
    } else if (overlay_ != Overlay::none) {
      lines = text_screen(context_, overlay_ == Overlay::quit ? m.quit_confirm : m.finish_offer);
    } else if (!review) {
      Screen screen = item_screen(context_, session_, typed_, notice_, typed_ahead_.sign());
      complete = screen.complete;
      lines = std::move(screen.lines);
      if (complete) seen_[session_.item()] = false;  // its answer may change: to be seen again
    } else {
      ReviewScreen screen =
          review_screen(context_, session_, first_cursor(), typed_, notice_, typed_ahead_.sign());
      complete = screen.complete;
      lines = std::move(screen.lines);
      for (std::size_t row = screen.first; complete && row < std::min(screen.end, seen_.size()); ++row)
        seen_[row] = true;
    }
    if (overlay_ != Overlay::none && typed_ahead_.sign())
      lines = with_typed_ahead(context_, std::move(lines));
    return lines;
  }

  // The cursor when the review opens: on "Submit" when every row is on
  // screen, else on the item just changed, or on the first row — so reaching
  // "Submit" passes every row. Decided on the first complete review screen.
  std::size_t first_cursor() {
    if (!entering_review_) return cursor_;
    const std::size_t submit = session_.size();
    const ReviewScreen whole = review_screen(context_, session_, submit, typed_, notice_);
    if (!whole.complete) return cursor_ = submit;
    entering_review_ = false;
    const bool everything = whole.first == 0 && whole.end == submit + 1;
    return cursor_ = everything ? submit : changed_.value_or(0);
  }

  void on_key(const Key& key) {
    const Messages& m = messages(context_.lang);
    if (overlay_ != Overlay::none) {
      const Overlay overlay = std::exchange(overlay_, Overlay::none);
      if (overlay == Overlay::quit && confirms(key)) session_.quit();
      if (overlay == Overlay::finish && confirms(key)) submit();
      if (overlay == Overlay::finish && is_char(key, "q")) session_.quit();
      return;
    }
    if (!complete_) {  // the "enlarge the window" screen: only q works
      if (is_char(key, "q")) ask_to_stop();
      return;
    }
    notice_.clear();
    const Phase before = session_.phase();
    const std::optional<std::size_t> changing =
        before == Phase::item && session_.changing() ? std::optional(session_.item()) : std::nullopt;
    if (before == Phase::item)
      on_item_key(key, m);
    else
      on_review_key(key, m);
    if (session_.phase() == Phase::review && before != Phase::review) {
      entering_review_ = true;
      changed_ = changing;
    }
  }

  // Applies an event; events that change answers are saved before the next draw.
  void apply(Outcome outcome, bool changes_answers) {
    if (outcome == Outcome::accepted) {
      typed_.clear();
      if (changes_answers) notice_ = save_now(save_, session_);
      return;
    }
    notice_ = explain(outcome, session_, q_, context_.lang);
  }

  void ask_to_stop() {
    quit_small_ = !complete_;  // the way out the "too small" screen offered: resume with --plain
    const bool all_settled =
        std::all_of(session_.settled().begin(), session_.settled().end(), [](bool b) { return b; });
    overlay_ = session_.phase() == Phase::review && all_settled ? Overlay::finish : Overlay::quit;
  }

  void submit() {
    if (std::all_of(seen_.begin(), seen_.end(), [](bool b) { return b; }))
      session_.submit();
    else
      notice_ = messages(context_.lang).not_all_seen;
  }

  bool common_key(const Key& key) {
    if (key.kind == KeyKind::left || is_char(key, "b")) {
      apply(session_.back(), false);
    } else if (key.kind == KeyKind::character && key.text == "?") {
      overlay_ = Overlay::help;
    } else if (is_char(key, "q")) {
      ask_to_stop();
    } else if (key.kind == KeyKind::backspace) {
      if (!typed_.empty()) typed_.pop_back();
    } else if (key.kind == KeyKind::escape) {
      typed_.clear();
    } else {
      return false;
    }
    return true;
  }

  void on_item_key(const Key& key, const Messages& m) {
    const core::Scale& scale = q_.scale;
    const bool one_key = one_key_scale(scale);
    const std::optional<int> digit =
        key.kind == KeyKind::character ? digit_of(key.text, !one_key && scale.min < 0) : std::nullopt;
    if (digit && one_key) {
      apply(session_.answer(*digit), true);
    } else if (key.kind == KeyKind::character && !one_key &&
               (digit || key.text == "." || key.text == "," || (key.text == "-" && typed_.empty()))) {
      if (typed_.size() < kMaxTyped) typed_ += digit ? std::to_string(*digit) : key.text;
    } else if (is_char(key, "s")) {
      apply(session_.skip(), true);
    } else if (key.kind == KeyKind::enter && !typed_.empty()) {
      const std::optional<double> value = parse_typed_number(typed_);
      apply(value ? session_.answer(*value) : Outcome::invalid_answer, true);
    } else if (key.kind == KeyKind::enter || key.kind == KeyKind::right) {
      if (session_.next() != Outcome::accepted) {  // no answer yet: say how to give one
        const std::string low = number_text(scale.min, context_.lang);
        const std::string high = number_text(scale.max, context_.lang);
        notice_ = fill(session_.can_skip() ? m.needs_answer_or_skip : m.needs_answer, {low, high});
      }
    } else if (!common_key(key) && key.kind == KeyKind::character) {
      notice_ = fill(m.not_understood, {key.text});
    }
  }

  void on_review_key(const Key& key, const Messages& m) {
    const std::optional<int> digit =
        key.kind == KeyKind::character ? digit_of(key.text, false) : std::nullopt;
    if (digit) {
      if (typed_.size() < kMaxTyped) typed_ += std::to_string(*digit);
    } else if (key.kind == KeyKind::up || is_char(key, "k")) {
      if (cursor_ > 0) --cursor_;
    } else if (key.kind == KeyKind::down || is_char(key, "j")) {
      if (cursor_ < session_.size()) ++cursor_;
    } else if (key.kind == KeyKind::enter && !typed_.empty()) {
      const std::size_t number = std::stoul(typed_);
      typed_.clear();
      if (number >= 1 && number <= session_.size())
        session_.change(number - 1);
      else
        notice_ = fill(m.unknown_item, {std::to_string(number)});
    } else if (key.kind == KeyKind::enter) {
      if (cursor_ < session_.size())
        session_.change(cursor_);
      else
        submit();
    } else if (!common_key(key) && key.kind == KeyKind::character) {
      notice_ = fill(m.not_understood, {key.text});
    }
  }

  Session& session_;
  const core::Questionnaire& q_;
  Console& console_;
  const Saver& save_;
  ScreenContext context_;
  std::string typed_;
  std::string notice_;
  Overlay overlay_ = Overlay::none;
  std::size_t cursor_ = 0;
  bool complete_ = false;               // the screen on display shows all it must: keys count
  std::vector<bool> seen_;              // review rows on screen since their item was last shown
  bool entering_review_ = true;         // the review's first cursor is still to be decided
  std::optional<std::size_t> changed_;  // the item changed from the review, back to it
  std::optional<View> last_view_;
  TypedAhead typed_ahead_;
  bool quit_small_ = false;  // q was pressed on a screen too small for its item
};

// Line by line. Interactive (a person at a plain terminal): an empty line
// on an unanswered item is asked again (a skip is `s`), and q asks first.
// Scripted: an empty line skips, q stops, and a refusal ends the session.
class ByLines {
 public:
  ByLines(Session& session, const core::Questionnaire& q, const RunnerOptions& options, std::istream& in,
          std::ostream& prompts, bool interactive, const Saver& save)
      : session_(session), q_(q), in_(in), prompts_(prompts), interactive_(interactive), save_(save) {
    context_.questionnaire = &q;
    context_.lang = options.lang;
  }

  LineResult run() {
    const Messages& m = messages(context_.lang);
    prompts_ << shown_text(context_, q_.title) << '\n' << (interactive_ ? m.plain_hint : m.line_hint) << '\n';
    std::string line;
    for (long number = 1;; ++number) {
      if (session_.phase() == Phase::done) return {Ending::completed, ""};
      if (session_.phase() == Phase::stopped) return {Ending::quit, ""};
      prompts_ << (session_.phase() == Phase::item ? item_prompt(context_, session_)
                                                   : review_list(context_, session_))
               << std::flush;
      if (!read_line(line)) return {Ending::end_of_input, m.end_of_input};
      const std::string refusal =
          session_.phase() == Phase::item ? on_item_line(trimmed(line)) : on_review_line(trimmed(line));
      if (ended_) return {Ending::end_of_input, m.end_of_input};
      if (refusal.empty()) continue;
      if (!interactive_) return {Ending::rejected, fill(m.line_error, {std::to_string(number), refusal})};
      prompts_ << refusal << '\n';
    }
  }

 private:
  bool read_line(std::string& line) {
    if (!std::getline(in_, line)) {
      prompts_ << '\n';
      ended_ = true;
      return false;
    }
    if (!interactive_) prompts_ << '\n';  // the answer was not echoed: end the prompt's line
    return true;
  }

  // Each returns why the line was refused, or "".
  std::string apply(Outcome outcome, bool changes_answers) {
    if (outcome == Outcome::accepted && changes_answers) {
      const std::string said = save_now(save_, session_);
      if (!said.empty()) prompts_ << said << '\n';
    }
    return explain(outcome, session_, q_, context_.lang);
  }

  // q: a script stops at once; a person is asked first, and on the review with
  // every item settled is offered to submit instead.
  std::string on_quit() {
    const Messages& m = messages(context_.lang);
    if (!interactive_) return apply(session_.quit(), false);
    const bool all_settled =
        std::all_of(session_.settled().begin(), session_.settled().end(), [](bool b) { return b; });
    const bool finish = session_.phase() == Phase::review && all_settled;
    prompts_ << (finish ? m.line_finish_offer : m.line_quit_confirm) << std::flush;
    std::string answer;
    if (!read_line(answer)) return "";
    answer = trimmed(answer);
    std::transform(answer.begin(), answer.end(), answer.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    const bool yes = answer.empty() || answer == "o" || answer == "y" || answer == "oui" || answer == "yes";
    if (yes) return apply(finish ? session_.submit() : session_.quit(), false);
    if (finish && answer == "q") return apply(session_.quit(), false);
    return "";
  }

  std::string on_item_line(const std::string& line) {
    const Messages& m = messages(context_.lang);
    if (line.empty() && session_.settled()[session_.item()]) return apply(session_.next(), false);
    if (line.empty() && interactive_) {
      const std::string low = number_text(q_.scale.min, context_.lang);
      const std::string high = number_text(q_.scale.max, context_.lang);
      return fill(session_.can_skip() ? m.line_needs_answer_or_skip : m.line_needs_answer, {low, high});
    }
    if (line.empty() || line == "s" || line == "S") return apply(session_.skip(), true);
    if (line == "b" || line == "B") return apply(session_.back(), false);
    if (line == "q" || line == "Q") return on_quit();
    if (line == "?") {
      prompts_ << line_help(context_, false);
      return "";
    }
    const std::optional<double> value = parse_typed_number(line);
    if (!value) return fill(m.not_understood, {line});
    return apply(session_.answer(*value), true);
  }

  std::string on_review_line(const std::string& line) {
    const Messages& m = messages(context_.lang);
    if (line.empty()) return apply(session_.submit(), false);
    if (line == "b" || line == "B") return apply(session_.back(), false);
    if (line == "q" || line == "Q") return on_quit();
    if (line == "?") {
      prompts_ << line_help(context_, true);
      return "";
    }
    const std::optional<double> value = parse_typed_number(line);
    if (!value) return fill(m.not_understood, {line});
    if (*value < 1 || *value > static_cast<double>(session_.size()) ||
        *value != static_cast<double>(static_cast<long>(*value)))
      return fill(m.unknown_item, {line});
    return apply(session_.change(static_cast<std::size_t>(*value) - 1), false);
  }

  Session& session_;
  const core::Questionnaire& q_;
  std::istream& in_;
  std::ostream& prompts_;
  bool interactive_;
  const Saver& save_;
  ScreenContext context_;
  bool ended_ = false;  // the input ended (while asking to confirm)
};

}  // namespace

Ending run_full_screen(Session& session, const core::Questionnaire& questionnaire,
                       const RunnerOptions& options, Console& console, const Saver& save) {
  return FullScreen(session, questionnaire, options, console, save).run();
}

LineResult run_by_lines(Session& session, const core::Questionnaire& questionnaire,
                        const RunnerOptions& options, std::istream& in, std::ostream& prompts,
                        bool interactive, const Saver& save) {
  return ByLines(session, questionnaire, options, in, prompts, interactive, save).run();
}

std::string scores_summary(const core::Questionnaire& questionnaire, const core::Answers& answers,
                           const std::string& lang, std::size_t width) {
  ScreenContext context;
  context.questionnaire = &questionnaire;
  context.lang = lang;
  return scores_text(context, core::score(questionnaire, answers), width);
}

}  // namespace alliance::admin
