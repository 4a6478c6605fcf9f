// alliance: administer and score therapeutic alliance questionnaires.
#include <csignal>

#include "app.hpp"

int main(int argc, char** argv) {
  // A filter whose reader goes away (`alliance score ... | head`) ends at once
  // and quietly, killed by SIGPIPE (status 141 in the shell), even when the
  // parent process left SIGPIPE ignored.
  std::signal(SIGPIPE, SIG_DFL);
  return alliance::cli::run(argc, argv);
}
