// alliance: administer and score therapeutic alliance questionnaires.
#include "app.hpp"

int main(int argc, char** argv) {
  return alliance::cli::run(argc, argv);
}
