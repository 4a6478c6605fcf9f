#pragma once

namespace alliance::cli {

// Parses the command line, runs the subcommand, and returns the documented
// exit status (README.md): errors never escape as CLI11's own codes.
int run(int argc, char** argv);

}  // namespace alliance::cli
