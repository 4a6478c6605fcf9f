// The real terminal, in one place: raw mode, the alternate screen, keys,
// window size, and the signals that must leave the terminal usable.
//
// Contract: whatever way the process ends — normal return, exception, exit(),
// SIGINT, SIGTERM, SIGHUP, SIGQUIT — a terminal taken over by Terminal is given back
// as it was (echo, canonical mode, cursor shown, main screen). Only SIGKILL
// cannot be caught; the shell's `reset` (or `stty sane`) repairs that.
#pragma once

#include <signal.h>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace alliance::admin {

enum class KeyKind {
  none,       // a key with no meaning here (F1, an unknown escape sequence)
  character,  // `text` holds it (one UTF-8 character)
  enter,
  backspace,
  left,
  right,
  up,
  down,
  escape,
  resize,        // the window changed size (or the process came back from Ctrl-Z): redraw
  end_of_input,  // the terminal is gone (closed window, hung-up line)
};

struct Key {
  KeyKind kind = KeyKind::none;
  std::string text;
  // The same key again, come too soon after it to be pressed anew: a key held
  // down, repeated by the terminal (KeyRepeats). Screens take it only where
  // the key was first pressed: a key held down answers one item.
  bool repeat = false;
};

// Tells a key held down, which the terminal repeats (a first repeat after a
// delay of up to kRepeatDelayMs, then one every kRepeatIntervalMs at most),
// from the same key pressed again. Pure: times are milliseconds of a steady
// clock, given by the caller (Terminal), so it is tested without a terminal.
class KeyRepeats {
 public:
  static constexpr long kRepeatDelayMs = 1000;
  static constexpr long kRepeatIntervalMs = 100;
  enum class Verdict {
    pressed,            // a new key press
    repeat,             // the last key again, within kRepeatIntervalMs of a repeat
                        // (or of keys discarded): still held down
    repeat_if_followed  // the last key again within kRepeatDelayMs: the first repeat
                        // of a key held down, or a new press; the caller looks whether
                        // the same key follows within kRepeatIntervalMs, and says (held)
  };
  // `key` arrived at `at_ms`; it becomes the last key.
  Verdict next(const Key& key, long at_ms);
  // What a repeat_if_followed key turned out to be.
  void held(bool repeat);
  // Bytes were discarded unread at `at_ms` (keys typed ahead): taken as the
  // last key still held down, so its next repeat is known as one.
  void discarded(long at_ms);

 private:
  std::optional<Key> last_;
  long last_at_ms_ = 0;
  bool last_repeat_ = false;  // the last key was a repeat, or keys were discarded after it
};

// Decodes the first key of `bytes` (raw terminal input) into `key` and returns
// how many bytes it used; 0 when the bytes so far are the start of a longer
// sequence (a lone ESC, "ESC [") and `complete` is false. With `complete`
// true, nothing more is coming: a lone ESC is the Escape key. The numeric
// keypad in application mode (ESC O p … ESC O y, ESC O M, ESC O n …) gives
// the same keys as the main keyboard: '0'…'9', Enter, '.', ',', '-', '+'.
// REQUIRES: !bytes.empty().
std::size_t decode_key(std::string_view bytes, bool complete, Key& key);

// What the terminal is sent to take it over and to give it back. Tests look
// for kRestoreSequence at the end of the output of an interrupted session.
inline constexpr std::string_view kEnterSequence = "\x1b[?1049h\x1b[?25l";
inline constexpr std::string_view kRestoreSequence = "\x1b[0m\x1b[?25h\x1b[?1049l";

struct TerminalSize {
  std::size_t columns = 80;
  std::size_t rows = 24;
};

// What the full-screen front end needs of a terminal: keys, whole frames, the
// window size, and a way to drop keys typed ahead. Terminal is the real one;
// tests drive the screens through their own.
class Console {
 public:
  virtual ~Console() = default;
  // Blocks for the next key. KeyKind::resize when the window changed,
  // KeyKind::end_of_input when the terminal has gone away.
  virtual Key read_key() = 0;
  // Writes all of `text` (a whole frame at once, so redraws do not flicker).
  virtual void write(std::string_view text) = 0;
  virtual TerminalSize size() const = 0;
  // Drops every key typed but not read yet: the runner calls it just before
  // it draws a new screen, so no key typed before the screen was visible
  // counts on it. Returns how much was dropped (Terminal: bytes, at least one
  // per key; a resize is not a key and is never dropped); 0 when nothing
  // was, so the screen says so only when keys were lost.
  virtual std::size_t discard_typed_ahead() = 0;
};

class Terminal : public Console {
 public:
  // Takes over the terminal: raw input (no echo, no line buffering; Ctrl-C
  // still raises SIGINT), the alternate screen, the cursor hidden. Throws
  // Error(io) when `in_fd` is not a terminal. Only one Terminal at a time.
  Terminal(int in_fd, int out_fd);
  ~Terminal() override;
  Terminal(const Terminal&) = delete;
  Terminal& operator=(const Terminal&) = delete;

  Key read_key() override;
  void write(std::string_view text) override;
  TerminalSize size() const override;
  // The bytes read but not used, and the terminal's input queue (counted
  // with FIONREAD, then tcflush).
  std::size_t discard_typed_ahead() override;

 private:
  bool wait_readable(int timeout_ms);
  bool read_more();  // appends what the terminal has to pending_; false when it is gone

  int in_fd_;
  int out_fd_;
  std::string pending_;
  long pending_at_ms_ = 0;  // when pending_ was last read into
  KeyRepeats repeats_;
};

// How an administration is shown, decided from what the process was given,
// so that the rule is tested without a terminal (tests/admin/front_end_test.cpp).
enum class FrontEnd {
  full_screen,  // one item per screen (Console)
  plain,        // line by line, for a person (a screen reader, a dumb terminal)
  scripted,     // answers one per line from a pipe or a file
};
struct TerminalFacts {
  bool input_is_terminal = false;       // standard input
  bool output_is_terminal = false;      // standard output
  std::optional<std::string> term;      // TERM; nullopt when not set
  std::optional<std::string> no_color;  // NO_COLOR; nullopt when not set
};
// Scripted when standard input is not a terminal; plain with --plain
// (`plain`), with TERM unset, empty or "dumb", or when standard output is not
// a terminal; full screen otherwise.
FrontEnd choose_front_end(const TerminalFacts& facts, bool plain);
// Colour and reverse video: standard output a terminal, TERM set, not empty
// and not "dumb", NO_COLOR unset or empty (https://no-color.org).
bool colour_allowed(const TerminalFacts& facts);
// isatty() of standard input and output, TERM and NO_COLOR are the caller's
// to fill in (the cli reads them through io::Env).

// The width in columns of the terminal on `fd`; 0 when `fd` is not a
// terminal, or its width is not known.
std::size_t terminal_columns(int fd);

// Handlers for SIGINT, SIGTERM, SIGHUP and SIGQUIT (and SIGTSTP/SIGWINCH for a taken-
// over terminal): give the terminal back, write `message` to standard error,
// and exit with 128 + the signal number (130, 143, 129, 131). Whatever is on disk
// stays: saves are made with the signals blocked (SignalBlock), so a save is
// either complete or not begun.
void install_exit_handlers(const std::string& message);

// Holds SIGINT, SIGTERM, SIGHUP, SIGQUIT and SIGTSTP for its lifetime; one that
// arrives meanwhile is delivered (and ends the process) when it is destroyed.
class SignalBlock {
 public:
  SignalBlock();
  ~SignalBlock();
  SignalBlock(const SignalBlock&) = delete;
  SignalBlock& operator=(const SignalBlock&) = delete;

 private:
  sigset_t saved_;
};

}  // namespace alliance::admin
