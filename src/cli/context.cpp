#include "context.hpp"

#include <unistd.h>

#include <cstdlib>
#include <cstring>

#include "alliance/admin/terminal.hpp"
#include "alliance/io/env.hpp"

namespace alliance::cli {

io::Catalog make_catalog(const GlobalOptions& global) {
  return io::Catalog(io::Catalog::search_directories(global.paths, io::real_env()), io::real_env());
}

std::string locale_language() {
  return io::locale_language(io::real_env());
}

std::string choose_language(const std::string& flag) {
  return io::choose_language(flag, io::real_env());
}

bool stdout_is_terminal() {
  return ::isatty(STDOUT_FILENO) == 1;
}

bool use_colour() {
  io::Env& env = io::real_env();
  return admin::colour_allowed({false, stdout_is_terminal(), env.variable("TERM"), env.variable("NO_COLOR")});
}

io::OutputFormat choose_output_format(const std::string& flag, io::OutputFormat machine) {
  if (!flag.empty()) return io::parse_output_format(flag);
  return stdout_is_terminal() ? io::OutputFormat::table : machine;
}

}  // namespace alliance::cli
