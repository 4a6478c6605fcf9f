// alliance: administer and score therapeutic alliance questionnaires.
#include <csignal>

#include <iostream>

#include "alliance/io/safe_stream.hpp"
#include "app.hpp"

int main(int argc, char** argv) {
  // A filter whose reader goes away (`alliance score ... | head`) ends at once
  // and quietly, killed by SIGPIPE (status 141 in the shell), even when the
  // parent process left SIGPIPE ignored.
  std::signal(SIGPIPE, SIG_DFL);
  // Messages quote input (ids, cells, file names): never raw control characters or bytes that are not UTF-8.
  alliance::io::make_terminal_safe(std::cerr);
  return alliance::cli::run(argc, argv);
}
