// What std::cerr goes through: control characters and bytes that are not
// UTF-8 escaped, line feeds and tabs kept, a character split between two
// writes kept whole.
#include "alliance/io/safe_stream.hpp"

#include <gtest/gtest.h>

#include <sstream>

namespace alliance::io {
namespace {

TEST(TerminalSafeBuffer, EscapesWhatCouldDriveATerminal) {
  std::stringbuf target;
  TerminalSafeBuffer safe(&target);
  std::ostream out(&safe);
  out << "file.csv:2: item 1 = \"\x1b[31m\" is not a number\n";
  out << "P\xE9" << '\t' << "\xE2\x80\xAE"
      << "end\n";
  out << "\xC3";  // the first byte of é ...
  out << "\xA9t\xC3"
      << "\xA9\n";  // ... and the second, in the next write
  out.flush();
  EXPECT_EQ(target.str(),
            "file.csv:2: item 1 = \"\\x1b[31m\" is not a number\n"
            "P\\xe9\t\\u202eend\n"
            "été\n");
}

}  // namespace
}  // namespace alliance::io
