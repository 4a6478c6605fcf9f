// Which front end an administration gets, and whether it has colour
// (admin/terminal.hpp): the rule, case by case, without a terminal. The
// pseudo-terminal tests (tests/e2e/pty_test.cpp) check the real binary on a
// few of these end to end.
#include <gtest/gtest.h>

#include "alliance/admin/terminal.hpp"

namespace alliance::admin {
namespace {

struct Case {
  const char* what;
  TerminalFacts facts;
  bool plain;
  FrontEnd front_end;
  bool colour;
};

TEST(FrontEnd, FromTheTerminalsTermNoColorAndPlain) {
  const std::optional<std::string> unset;
  const Case cases[] = {
      {"a terminal", {true, true, "xterm-256color", unset}, false, FrontEnd::full_screen, true},
      {"--plain", {true, true, "xterm", unset}, true, FrontEnd::plain, true},
      {"TERM=dumb", {true, true, "dumb", unset}, false, FrontEnd::plain, false},
      {"TERM unset", {true, true, unset, unset}, false, FrontEnd::plain, false},
      {"TERM empty", {true, true, "", unset}, false, FrontEnd::plain, false},
      {"output to a file", {true, false, "xterm", unset}, false, FrontEnd::plain, false},
      {"answers piped in", {false, true, "xterm", unset}, false, FrontEnd::scripted, true},
      {"piped in, --plain", {false, false, "xterm", unset}, true, FrontEnd::scripted, false},
      {"NO_COLOR=1", {true, true, "xterm", "1"}, false, FrontEnd::full_screen, false},
      {"NO_COLOR empty", {true, true, "xterm", ""}, false, FrontEnd::full_screen, true},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(choose_front_end(c.facts, c.plain), c.front_end) << c.what;
    EXPECT_EQ(colour_allowed(c.facts), c.colour) << c.what;
  }
}

// A key held down: the terminal sends it again after a delay (250–1000 ms
// with the usual settings), then every 30–40 ms. Times here in milliseconds.
TEST(KeyRepeats, HeldDownFromPressedAgain) {
  using Verdict = KeyRepeats::Verdict;
  const Key four{KeyKind::character, "4"};
  const Key five{KeyKind::character, "5"};
  const Key down{KeyKind::down, ""};
  KeyRepeats held;
  EXPECT_EQ(held.next(four, 10'000), Verdict::pressed);
  EXPECT_EQ(held.next(four, 10'500), Verdict::repeat_if_followed);  // the first repeat, or pressed again
  held.held(true);                                                  // (another 4 followed at once)
  EXPECT_EQ(held.next(four, 10'533), Verdict::repeat);              // at the terminal's rate: held
  EXPECT_EQ(held.next(four, 10'633), Verdict::repeat);              // 100 ms: still
  EXPECT_EQ(held.next(five, 10'650), Verdict::pressed);             // another key
  EXPECT_EQ(held.next(four, 10'660), Verdict::pressed);
  // 40 ms after a press, not a repeat: no terminal repeats that soon, but it may start a hold.
  EXPECT_EQ(held.next(four, 10'700), Verdict::repeat_if_followed);
  held.held(false);  // nothing followed: pressed again
  EXPECT_EQ(held.next(four, 10'750), Verdict::repeat_if_followed);
  held.held(false);
  EXPECT_EQ(held.next(four, 11'751), Verdict::pressed);  // more than a second later: pressed again
  EXPECT_EQ(held.next(down, 11'800), Verdict::pressed);
  EXPECT_EQ(held.next(down, 12'000), Verdict::repeat_if_followed);
  held.held(true);
  EXPECT_EQ(held.next(down, 12'101),
            Verdict::repeat_if_followed);  // 101 ms after a repeat: maybe a new press

  // Keys dropped unread (typed ahead of a screen): the last key is taken as still held down.
  KeyRepeats dropped;
  EXPECT_EQ(dropped.next(four, 0), Verdict::pressed);
  dropped.discarded(3'000);  // a slow save: the repeats waited in the queue, and were dropped
  EXPECT_EQ(dropped.next(four, 3'030), Verdict::repeat);
  KeyRepeats nothing_before;
  nothing_before.discarded(100);
  EXPECT_EQ(nothing_before.next(four, 120), Verdict::pressed);
}

}  // namespace
}  // namespace alliance::admin
