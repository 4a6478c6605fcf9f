#include "app.hpp"

#include <CLI/CLI.hpp>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>

#include "alliance/core/error.hpp"
#include "alliance/version.hpp"
#include "context.hpp"

namespace alliance::cli {

namespace {

constexpr const char* kFooter = R"(Exit status: 0 ok, 1 invalid input, 2 usage error, 3 I/O failure,
4 --fail-below/--fail-on threshold met, 130 interrupted; administer also 5 stopped early,
129 hang-up, 131 SIGQUIT, 143 SIGTERM.
Questionnaires are found in --path directories, then ALLIANCE_PATH, then those bundled.)";

// Whatever went to standard output (std::cout, or stdio underneath it) must
// have reached it: a full disk is exit 3 with a message on every path, --help
// and --version included, never 0. (A closed pipe ends the process by SIGPIPE
// before this: main.cpp.)
int checked_output(int status) {
  errno = 0;  // so that the reason given is this flush's, or none
  std::cout.flush();
  const bool failed = !std::cout || std::fflush(stdout) != 0 || std::ferror(stdout);
  if (!failed) return status;
  const int error = errno;
  std::cerr << "alliance: cannot write to standard output"
            << (error ? std::string(": ") + std::strerror(error) : "") << '\n';
  return static_cast<int>(ExitCode::io);
}

int parse_error(const CLI::App& app, const CLI::ParseError& e) {
  if (e.get_exit_code() == static_cast<int>(CLI::ExitCodes::Success)) {
    app.exit(e);  // --help, --version
    return checked_output(0);
  }
  std::cerr << "alliance: " << e.what() << "\nRun 'alliance --help' for usage.\n";
  return static_cast<int>(ExitCode::usage);
}

}  // namespace

int run(int argc, char** argv) {
  CLI::App app{
      "alliance — administer and score therapeutic alliance questionnaires "
      "(goals, tasks, bond).",
      "alliance"};
  app.set_version_flag("--version", std::string("alliance ") + kVersion);
  app.footer(kFooter);
  app.require_subcommand(1);
  app.fallthrough();
  GlobalOptions global;
  app.add_option("--path", global.paths, "Also look for questionnaires in DIR (repeatable)")
      ->type_name("DIR");

  int status = 0;
  add_list_command(app, global, status);
  add_show_command(app, global, status);
  add_validate_command(app, global, status);
  add_score_command(app, global, status);
  add_stats_command(app, global, status);
  add_trend_command(app, global, status);
  add_compare_command(app, global, status);
  add_administer_command(app, global, status);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    if (const int code = administer_parse_error(e, argc, argv); code >= 0) return code;
    return parse_error(app, e);
  } catch (const Error& e) {
    std::cerr << "alliance: " << e.what() << '\n';
    return static_cast<int>(e.code());
  } catch (const std::exception& e) {
    std::cerr << "alliance: internal error: " << e.what() << '\n';
    return static_cast<int>(ExitCode::io);
  }
  return checked_output(status);
}

}  // namespace alliance::cli
