// A person at a terminal, for tests of the full-screen front end and the
// failed-save screen (admin::Console), in memory.
#pragma once

#include <algorithm>
#include <deque>
#include <optional>
#include <string>
#include <vector>

#include "alliance/admin/terminal.hpp"

namespace alliance::admin {

// A person at a terminal. Each turn is what they type (all at once) once
// they have looked at the screen drawn last, maybe after resizing the window;
// keys of a turn still unread when a new screen is drawn are discarded, as a
// real terminal's are. When the turns run out, the terminal goes away.
class FakeConsole : public Console {
 public:
  struct Turn {
    std::vector<Key> keys;
    std::optional<TerminalSize> resize;
  };

  FakeConsole(std::size_t columns, std::size_t rows) : size_{columns, rows} {}

  void type(const std::string& text) { turns_.push_back({keys(text), std::nullopt}); }
  // A key pressed `times` times, looking at the screen each time.
  void press(KeyKind kind, std::size_t times = 1) {
    for (std::size_t i = 0; i < times; ++i) turns_.push_back({{Key{kind, ""}}, {}});
  }
  // Keys as they are, in one turn (a resize among them: the window changed as they were typed).
  void send(std::vector<Key> keys) { turns_.push_back({std::move(keys), std::nullopt}); }
  // A key held down: pressed once, then, once the next screen is drawn,
  // repeated `repeats` times by the terminal (Key::repeat).
  void hold(const std::string& text, std::size_t repeats) {
    turns_.push_back({keys(text), std::nullopt});
    std::vector<Key> repeated(repeats, keys(text).at(0));
    for (Key& key : repeated) key.repeat = true;
    turns_.push_back({repeated, std::nullopt});
  }
  void resize(std::size_t columns, std::size_t rows) {
    turns_.push_back({{Key{KeyKind::resize, ""}}, TerminalSize{columns, rows}});
  }

  Key read_key() override {
    if (pending_.empty()) {
      if (turns_.empty()) return Key{KeyKind::end_of_input, ""};
      Turn turn = std::move(turns_.front());
      turns_.pop_front();
      if (turn.resize) size_ = *turn.resize;
      pending_.assign(turn.keys.begin(), turn.keys.end());
    }
    const Key key = pending_.front();
    pending_.pop_front();
    return key;
  }
  void write(std::string_view text) override { frames_.emplace_back(text); }
  TerminalSize size() const override { return size_; }
  std::size_t discard_typed_ahead() override {
    const auto keys = static_cast<std::size_t>(std::count_if(
        pending_.begin(), pending_.end(), [](const Key& key) { return key.kind != KeyKind::resize; }));
    discarded_ += keys;
    pending_.clear();
    return keys;
  }

  // The last frame as plain lines.
  std::string screen() const {
    std::string out = frames_.empty() ? "" : frames_.back();
    for (const std::string_view code : {"\x1b[H", "\x1b[K", "\x1b[J"})
      for (std::size_t at; (at = out.find(code)) != std::string::npos;) out.erase(at, code.size());
    for (std::size_t at; (at = out.find("\r\n")) != std::string::npos;) out.replace(at, 2, "\n");
    return out;
  }
  // The last frame with its lines joined by spaces: wrapped sentences read whole.
  std::string flat() const {
    std::string out = screen();
    std::replace(out.begin(), out.end(), '\n', ' ');
    return out;
  }
  std::size_t discarded() const { return discarded_; }

  static std::vector<Key> keys(const std::string& text) {
    std::vector<Key> out;
    for (std::size_t i = 0; i < text.size();) {
      Key key;
      const std::size_t used = decode_key(std::string_view(text).substr(i), true, key);
      out.push_back(key);
      i += used;
    }
    return out;
  }

 private:
  TerminalSize size_;
  std::deque<Turn> turns_;
  std::deque<Key> pending_;
  std::vector<std::string> frames_;
  std::size_t discarded_ = 0;
};

}  // namespace alliance::admin
