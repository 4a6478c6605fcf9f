#include "alliance/admin/terminal.hpp"

#include <poll.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <cstring>

#include "alliance/core/error.hpp"
#include "alliance/text/messages.hpp"

namespace alliance::admin {

namespace {

// What the signal handlers need, kept in plain globals: a handler may touch
// nothing else (async-signal safety). There is one terminal per process.
struct TakenOver {
  int in_fd = -1;
  int out_fd = -1;
  termios saved{};
  termios raw{};
  volatile std::sig_atomic_t active = 0;
};
TakenOver g_terminal;
char g_message[4096];
std::size_t g_message_length = 0;
volatile std::sig_atomic_t g_resized = 0;
constexpr int kKeyTimeoutMs = 50;  // how long the rest of an escape sequence may take to arrive

void write_fully(int fd, const char* data, std::size_t size) noexcept {
  while (size > 0) {
    const ssize_t n = ::write(fd, data, size);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return;  // a terminal that is gone: nothing more to do
    data += n;
    size -= static_cast<std::size_t>(n);
  }
}

void take_over() noexcept {
  ::tcsetattr(g_terminal.in_fd, TCSANOW, &g_terminal.raw);
  write_fully(g_terminal.out_fd, kEnterSequence.data(), kEnterSequence.size());
  g_terminal.active = 1;
}

// Async-signal-safe: tcsetattr and write only.
void give_back() noexcept {
  if (!g_terminal.active) return;
  g_terminal.active = 0;
  ::tcsetattr(g_terminal.in_fd, TCSANOW, &g_terminal.saved);
  write_fully(g_terminal.out_fd, kRestoreSequence.data(), kRestoreSequence.size());
}

extern "C" void give_back_at_exit() {
  give_back();
}

// The statuses on_exit_signal exits with are ExitCode's (README's table).
static_assert(128 + SIGHUP == exit_status(ExitCode::hangup) &&
              128 + SIGINT == exit_status(ExitCode::interrupted) &&
              128 + SIGQUIT == exit_status(ExitCode::quit) &&
              128 + SIGTERM == exit_status(ExitCode::terminated) &&
              128 + SIGPIPE == exit_status(ExitCode::broken_pipe));

extern "C" void on_exit_signal(int signal) {
  give_back();
  write_fully(STDERR_FILENO, g_message, g_message_length);
  ::_exit(128 + signal);
}

extern "C" void on_resize(int) {
  g_resized = 1;
}

void install(int signal, void (*handler)(int)) {
  struct sigaction action {};
  action.sa_handler = handler;
  sigemptyset(&action.sa_mask);
  for (int s : {SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGTSTP}) sigaddset(&action.sa_mask, s);
  action.sa_flags = 0;  // no SA_RESTART: a blocked read returns, so a resize redraws at once
  ::sigaction(signal, &action, nullptr);
}

// Ctrl-Z: give the terminal back, stop, and take it over again on `fg`.
extern "C" void on_stop(int) {
  const int saved_errno = errno;
  const bool was_active = g_terminal.active != 0;
  give_back();
  std::signal(SIGTSTP, SIG_DFL);
  sigset_t stop;
  sigemptyset(&stop);
  sigaddset(&stop, SIGTSTP);
  ::sigprocmask(SIG_UNBLOCK, &stop, nullptr);
  ::raise(SIGTSTP);  // stopped here until SIGCONT
  install(SIGTSTP, on_stop);
  if (was_active) take_over();
  g_resized = 1;
  errno = saved_errno;
}

// The numeric keypad in application mode: ESC O and one of these.
bool keypad_key(unsigned char final_byte, Key& key) {
  constexpr std::string_view kSymbols = "*+,-./";  // ESC O j … ESC O o
  if (final_byte >= 'p' && final_byte <= 'y') {
    key = {KeyKind::character, std::string(1, static_cast<char>('0' + (final_byte - 'p')))};
  } else if (final_byte >= 'j' && final_byte <= 'o') {
    key = {KeyKind::character, std::string(1, kSymbols[final_byte - 'j'])};
  } else if (final_byte == 'M') {
    key = {KeyKind::enter, ""};
  } else {
    return false;
  }
  return true;
}

KeyKind sequence_key(unsigned char final_byte) {
  switch (final_byte) {
    case 'A': return KeyKind::up;
    case 'B': return KeyKind::down;
    case 'C': return KeyKind::right;
    case 'D': return KeyKind::left;
    default: return KeyKind::none;
  }
}

std::size_t decode_escape(std::string_view bytes, bool complete, Key& key) {
  if (bytes.size() == 1) {
    if (!complete) return 0;
    key.kind = KeyKind::escape;
    return 1;
  }
  if (bytes[1] != '[' && bytes[1] != 'O') {
    key.kind = KeyKind::escape;
    return 1;
  }
  // CSI (ESC [) or SS3 (ESC O): parameter bytes, then one final byte.
  for (std::size_t i = 2; i < bytes.size(); ++i) {
    const auto byte = static_cast<unsigned char>(bytes[i]);
    if (byte >= 0x40 && byte <= 0x7e) {
      if (!(bytes[1] == 'O' && i == 2 && keypad_key(byte, key))) key.kind = sequence_key(byte);
      return i + 1;
    }
    if (byte < 0x20 || byte > 0x3f) {  // not a sequence after all: drop what was read
      key.kind = KeyKind::none;
      return i;
    }
  }
  if (!complete) return 0;
  key.kind = KeyKind::none;
  return bytes.size();
}

long steady_now_ms() {
  return static_cast<long>(std::chrono::duration_cast<std::chrono::milliseconds>(
                               std::chrono::steady_clock::now().time_since_epoch())
                               .count());
}

bool same_key_again(const Key& a, const Key& b) {
  return a.kind == b.kind && a.text == b.text;
}

std::size_t utf8_length(unsigned char lead) {
  if (lead >= 0xF0) return 4;
  if (lead >= 0xE0) return 3;
  if (lead >= 0xC0) return 2;
  return 1;
}

}  // namespace

std::size_t decode_key(std::string_view bytes, bool complete, Key& key) {
  key = Key{};
  const auto first = static_cast<unsigned char>(bytes[0]);
  if (first == 0x1b) return decode_escape(bytes, complete, key);
  if (first == '\r' || first == '\n') {
    key.kind = KeyKind::enter;
    return 1;
  }
  if (first == 0x7f || first == 0x08) {
    key.kind = KeyKind::backspace;
    return 1;
  }
  if (first < 0x20) return 1;  // other control keys mean nothing here
  const std::size_t length = utf8_length(first);
  if (bytes.size() < length) {
    if (!complete) return 0;
    return bytes.size();
  }
  key.kind = KeyKind::character;
  key.text = std::string(bytes.substr(0, length));
  return length;
}

KeyRepeats::Verdict KeyRepeats::next(const Key& key, long at_ms) {
  Verdict verdict = Verdict::pressed;
  if (last_ && same_key_again(*last_, key)) {
    // Soon after a press (not a repeat) comes no repeat: the terminal waits its delay first.
    const long gap = at_ms - last_at_ms_;
    if (gap <= kRepeatIntervalMs && last_repeat_)
      verdict = Verdict::repeat;
    else if (gap <= kRepeatDelayMs)
      verdict = Verdict::repeat_if_followed;
  }
  last_ = key;
  last_at_ms_ = at_ms;
  last_repeat_ = verdict == Verdict::repeat;
  return verdict;
}

void KeyRepeats::held(bool repeat) {
  last_repeat_ = repeat;
}

void KeyRepeats::discarded(long at_ms) {
  if (!last_) return;
  last_at_ms_ = at_ms;
  last_repeat_ = true;
}

Terminal::Terminal(int in_fd, int out_fd) : in_fd_(in_fd), out_fd_(out_fd) {
  termios saved{};
  if (::isatty(in_fd) != 1 || ::tcgetattr(in_fd, &saved) != 0)
    throw Error(ExitCode::io, text::Message{text::Msg::stdin_not_terminal, {}});
  g_terminal.in_fd = in_fd;
  g_terminal.out_fd = out_fd;
  g_terminal.saved = saved;
  termios raw = saved;
  // Keys arrive one by one, unechoed; ISIG stays on so Ctrl-C is SIGINT.
  raw.c_lflag &= ~static_cast<tcflag_t>(ICANON | ECHO | IEXTEN);
  raw.c_iflag &= ~static_cast<tcflag_t>(ICRNL | INLCR | IGNCR | IXON);
  raw.c_cc[VMIN] = 1;
  raw.c_cc[VTIME] = 0;
  g_terminal.raw = raw;
  static bool registered = false;
  if (!registered) {
    std::atexit(give_back_at_exit);
    registered = true;
  }
  install(SIGWINCH, on_resize);
  install(SIGTSTP, on_stop);
  take_over();  // TCSANOW: nothing flushed here; the runner discards keys typed ahead before each new screen
}

Terminal::~Terminal() {
  give_back();
  std::signal(SIGTSTP, SIG_DFL);
  std::signal(SIGWINCH, SIG_DFL);
}

bool Terminal::wait_readable(int timeout_ms) {
  pollfd poll_fd{in_fd_, POLLIN, 0};
  return ::poll(&poll_fd, 1, timeout_ms) > 0;
}

Key Terminal::read_key() {
  while (true) {
    if (g_resized) {
      g_resized = 0;
      return Key{KeyKind::resize, ""};
    }
    if (!pending_.empty()) {
      Key key;
      std::size_t used = decode_key(pending_, false, key);
      if (used == 0 && !wait_readable(kKeyTimeoutMs)) used = decode_key(pending_, true, key);
      if (used > 0) {
        pending_.erase(0, used);
        const KeyRepeats::Verdict verdict = repeats_.next(key, pending_at_ms_);
        key.repeat = verdict == KeyRepeats::Verdict::repeat;
        if (verdict == KeyRepeats::Verdict::repeat_if_followed) {
          // The first repeat of a key held down comes after a delay, like a
          // second press: it is one when the same key follows it at once.
          if (pending_.empty() && wait_readable(static_cast<int>(KeyRepeats::kRepeatIntervalMs))) read_more();
          Key following;
          key.repeat = !pending_.empty() && decode_key(pending_, false, following) > 0 &&
                       same_key_again(following, key);
          repeats_.held(key.repeat);
        }
        return key;
      }
    } else if (!wait_readable(-1)) {
      continue;  // a signal (resize): look again
    }
    if (!read_more()) return Key{KeyKind::end_of_input, ""};
  }
}

bool Terminal::read_more() {
  char buffer[256];
  const ssize_t n = ::read(in_fd_, buffer, sizeof buffer);
  if (n > 0) {
    pending_.append(buffer, static_cast<std::size_t>(n));
    pending_at_ms_ = steady_now_ms();
    return true;
  }
  return n < 0 && (errno == EINTR || errno == EAGAIN);
}

std::size_t Terminal::discard_typed_ahead() {
  int queued = 0;  // in the terminal's input queue, not read yet
  if (::ioctl(in_fd_, FIONREAD, &queued) != 0 || queued < 0) queued = 0;
  const std::size_t dropped = pending_.size() + static_cast<std::size_t>(queued);
  pending_.clear();
  ::tcflush(in_fd_, TCIFLUSH);
  if (dropped > 0) repeats_.discarded(steady_now_ms());
  return dropped;
}

void Terminal::write(std::string_view text) {
  write_fully(out_fd_, text.data(), text.size());
}

TerminalSize Terminal::size() const {
  winsize ws{};
  if (::ioctl(out_fd_, TIOCGWINSZ, &ws) != 0 || ws.ws_col == 0) ::ioctl(in_fd_, TIOCGWINSZ, &ws);
  TerminalSize out;
  if (ws.ws_col > 0) out.columns = ws.ws_col;
  if (ws.ws_row > 0) out.rows = ws.ws_row;
  return out;
}

FrontEnd choose_front_end(const TerminalFacts& facts, bool plain) {
  if (!facts.input_is_terminal) return FrontEnd::scripted;
  const bool dumb = !facts.term || facts.term->empty() || *facts.term == "dumb";
  return plain || dumb || !facts.output_is_terminal ? FrontEnd::plain : FrontEnd::full_screen;
}

bool colour_allowed(const TerminalFacts& facts) {
  return facts.output_is_terminal && facts.term && !facts.term->empty() && *facts.term != "dumb" &&
         !(facts.no_color && !facts.no_color->empty());
}

std::size_t terminal_columns(int fd) {
  winsize ws{};
  if (::isatty(fd) != 1 || ::ioctl(fd, TIOCGWINSZ, &ws) != 0) return 0;
  return ws.ws_col;
}

void install_exit_handlers(const std::string& message) {
  g_message_length = std::min(message.size(), sizeof g_message);
  std::memcpy(g_message, message.data(), g_message_length);
  for (int signal : {SIGINT, SIGTERM, SIGHUP, SIGQUIT}) install(signal, on_exit_signal);
}

SignalBlock::SignalBlock() {
  sigset_t block;
  sigemptyset(&block);
  for (int s : {SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGTSTP}) sigaddset(&block, s);
  ::sigprocmask(SIG_BLOCK, &block, &saved_);
}

SignalBlock::~SignalBlock() {
  ::sigprocmask(SIG_SETMASK, &saved_, nullptr);
}

}  // namespace alliance::admin
