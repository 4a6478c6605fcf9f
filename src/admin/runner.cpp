#include "alliance/admin/runner.hpp"

#include <algorithm>
#include <charconv>
#include <optional>

#include "alliance/admin/messages.hpp"
#include "alliance/core/text.hpp"
#include "screens.hpp"

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

bool is_digit(const std::string& text) {
  return text.size() == 1 && text[0] >= '0' && text[0] <= '9';
}

// Why an event was refused, in words; "" when there is nothing to say.
std::string explain(Outcome outcome, const Session& session, const core::Questionnaire& q,
                    const std::string& lang) {
  const Messages& m = messages(lang);
  const auto number = [&lang](double v) {
    std::string out = core::format_number(v);
    if (lang == "fr") std::replace(out.begin(), out.end(), '.', ',');
    return out;
  };
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

void save_now(const Saver& save, const Session& session) {
  SignalBlock hold;
  save(session);
}

class FullScreen {
 public:
  FullScreen(Session& session, const core::Questionnaire& q, const RunnerOptions& options, Terminal& terminal,
             const Saver& save)
      : session_(session), q_(q), terminal_(terminal), save_(save) {
    context_.questionnaire = &q;
    context_.lang = options.lang;
    context_.colour = options.colour;
    cursor_ = session.size();
  }

  Ending run() {
    while (true) {
      if (session_.phase() == Phase::done) return Ending::completed;
      if (session_.phase() == Phase::stopped) return Ending::quit;
      draw();
      const Key key = terminal_.read_key();
      if (key.kind == KeyKind::end_of_input) return Ending::hangup;
      if (key.kind == KeyKind::resize || key.kind == KeyKind::none) continue;
      if (help_) {
        help_ = false;
        continue;
      }
      notice_.clear();
      const Phase before = session_.phase();
      if (before == Phase::item)
        on_item_key(key);
      else
        on_review_key(key);
      if (session_.phase() == Phase::review && before != Phase::review) cursor_ = session_.size();
    }
  }

 private:
  void draw() {
    const TerminalSize size = terminal_.size();
    context_.columns = size.columns;
    context_.rows = size.rows;
    std::vector<std::string> lines;
    if (help_)
      lines = help_screen(context_);
    else if (session_.phase() == Phase::item)
      lines = item_screen(context_, session_, typed_, notice_);
    else
      lines = review_screen(context_, session_, cursor_, typed_, notice_);
    terminal_.write(frame(lines));
  }

  // Applies an event; events that change answers are saved before the next draw.
  void apply(Outcome outcome, bool changes_answers) {
    if (outcome == Outcome::accepted) {
      typed_.clear();
      if (changes_answers) save_now(save_, session_);
      return;
    }
    notice_ = explain(outcome, session_, q_, context_.lang);
  }

  bool common_key(const Key& key) {
    if (key.kind == KeyKind::left ||
        (key.kind == KeyKind::character && (key.text == "b" || key.text == "B"))) {
      apply(session_.back(), false);
    } else if (key.kind == KeyKind::character && key.text == "?") {
      help_ = true;
    } else if (key.kind == KeyKind::character && (key.text == "q" || key.text == "Q")) {
      session_.quit();
    } else if (key.kind == KeyKind::backspace) {
      if (!typed_.empty()) typed_.pop_back();
    } else if (key.kind == KeyKind::escape) {
      typed_.clear();
    } else {
      return false;
    }
    return true;
  }

  void on_item_key(const Key& key) {
    const bool one_key = one_key_scale(q_.scale);
    if (key.kind == KeyKind::character && is_digit(key.text) && one_key) {
      apply(session_.answer(key.text[0] - '0'), true);
    } else if (key.kind == KeyKind::character && !one_key &&
               (is_digit(key.text) || key.text == "." || key.text == "," ||
                (key.text == "-" && typed_.empty()))) {
      if (typed_.size() < kMaxTyped) typed_ += key.text;
    } else if (key.kind == KeyKind::character && (key.text == "s" || key.text == "S")) {
      apply(session_.skip(), true);
    } else if (key.kind == KeyKind::enter && !typed_.empty()) {
      const std::optional<double> value = parse_typed_number(typed_);
      apply(value ? session_.answer(*value) : Outcome::invalid_answer, true);
    } else if (key.kind == KeyKind::enter || key.kind == KeyKind::right) {
      apply(session_.next(), false);
    } else if (!common_key(key) && key.kind == KeyKind::character) {
      notice_ = fill(messages(context_.lang).not_understood, {key.text});
    }
  }

  void on_review_key(const Key& key) {
    if (key.kind == KeyKind::character && is_digit(key.text)) {
      if (typed_.size() < kMaxTyped) typed_ += key.text;
    } else if (key.kind == KeyKind::up || (key.kind == KeyKind::character && key.text == "k")) {
      if (cursor_ > 0) --cursor_;
    } else if (key.kind == KeyKind::down || (key.kind == KeyKind::character && key.text == "j")) {
      if (cursor_ < session_.size()) ++cursor_;
    } else if (key.kind == KeyKind::enter && !typed_.empty()) {
      const std::size_t number = std::stoul(typed_);
      typed_.clear();
      if (number >= 1 && number <= session_.size())
        session_.change(number - 1);
      else
        notice_ = fill(messages(context_.lang).unknown_item, {std::to_string(number)});
    } else if (key.kind == KeyKind::enter) {
      if (cursor_ < session_.size())
        session_.change(cursor_);
      else
        session_.submit();
    } else if (!common_key(key) && key.kind == KeyKind::character) {
      notice_ = fill(messages(context_.lang).not_understood, {key.text});
    }
  }

  Session& session_;
  const core::Questionnaire& q_;
  Terminal& terminal_;
  const Saver& save_;
  ScreenContext context_;
  std::string typed_;
  std::string notice_;
  bool help_ = false;
  std::size_t cursor_ = 0;
};

class ByLines {
 public:
  ByLines(Session& session, const core::Questionnaire& q, const RunnerOptions& options, std::ostream& prompts,
          bool interactive, const Saver& save)
      : session_(session), q_(q), prompts_(prompts), interactive_(interactive), save_(save) {
    context_.questionnaire = &q;
    context_.lang = options.lang;
  }

  LineResult run(std::istream& in) {
    const Messages& m = messages(context_.lang);
    prompts_ << m.line_hint << '\n';
    std::string line;
    for (long number = 1;; ++number) {
      if (session_.phase() == Phase::done) return {Ending::completed, ""};
      if (session_.phase() == Phase::stopped) return {Ending::quit, ""};
      prompts_ << (session_.phase() == Phase::item ? item_prompt(context_, session_)
                                                   : review_list(context_, session_))
               << std::flush;
      if (!std::getline(in, line)) {
        prompts_ << '\n';
        return {Ending::end_of_input, m.end_of_input};
      }
      if (!interactive_) prompts_ << '\n';  // the answer was not echoed: end the prompt's line
      const std::string refusal =
          session_.phase() == Phase::item ? on_item_line(trimmed(line)) : on_review_line(trimmed(line));
      if (refusal.empty()) continue;
      if (!interactive_) return {Ending::rejected, fill(m.line_error, {std::to_string(number), refusal})};
      prompts_ << refusal << '\n';
    }
  }

 private:
  // Each returns why the line was refused, or "".
  std::string apply(Outcome outcome, bool changes_answers) {
    if (outcome == Outcome::accepted && changes_answers) save_now(save_, session_);
    return explain(outcome, session_, q_, context_.lang);
  }

  std::string on_item_line(const std::string& line) {
    const Messages& m = messages(context_.lang);
    if (line.empty() && session_.settled()[session_.item()]) return apply(session_.next(), false);
    if (line.empty() || line == "s" || line == "S") return apply(session_.skip(), true);
    if (line == "b" || line == "B") return apply(session_.back(), false);
    if (line == "q" || line == "Q") return apply(session_.quit(), false);
    if (line == "?") {
      prompts_ << line_help(context_);
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
    if (line == "q" || line == "Q") return apply(session_.quit(), false);
    if (line == "?") {
      prompts_ << line_help(context_);
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
  std::ostream& prompts_;
  bool interactive_;
  const Saver& save_;
  ScreenContext context_;
};

}  // namespace

Ending run_full_screen(Session& session, const core::Questionnaire& questionnaire,
                       const RunnerOptions& options, Terminal& terminal, const Saver& save) {
  return FullScreen(session, questionnaire, options, terminal, save).run();
}

LineResult run_by_lines(Session& session, const core::Questionnaire& questionnaire,
                        const RunnerOptions& options, std::istream& in, std::ostream& prompts,
                        bool interactive, const Saver& save) {
  return ByLines(session, questionnaire, options, prompts, interactive, save).run(in);
}

std::string scores_summary(const core::Questionnaire& questionnaire, const core::Answers& answers,
                           const std::string& lang) {
  ScreenContext context;
  context.questionnaire = &questionnaire;
  context.lang = lang;
  return scores_text(context, core::score(questionnaire, answers));
}

}  // namespace alliance::admin
