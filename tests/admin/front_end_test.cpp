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

}  // namespace
}  // namespace alliance::admin
