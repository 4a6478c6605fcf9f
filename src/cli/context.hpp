// What every subcommand shares: the global options and the questionnaire catalog.
#pragma once

#include <string>
#include <vector>

#include "alliance/cli/options.hpp"
#include "alliance/io/catalog.hpp"
#include "alliance/io/result_writer.hpp"

namespace alliance::cli {

// The catalog for --path flags, ALLIANCE_PATH, the installed questionnaires and
// the bundled ones (io::Catalog::search_directories).
io::Catalog make_catalog(const GlobalOptions& global);

// io::locale_language of the real environment: LANGUAGE, LC_ALL, LC_MESSAGES, LANG.
std::string locale_language();

// The language to use: --lang when given, else the environment's
// (io::choose_language, the one place it is decided).
std::string choose_language(const std::string& flag);

// True when stdout is a terminal (tables and colour; pipes get machine formats).
bool stdout_is_terminal();

// The output format: --format when given, else a table on a terminal and the
// command's machine format in a pipe or a file: CSV for every command whose
// output is rows (score, stats, trend, compare, list), JSON for show and
// validate. Human text never goes into a pipe unless asked for.
io::OutputFormat choose_output_format(const std::string& flag,
                                      io::OutputFormat machine = io::OutputFormat::csv);

// Colour only on a terminal whose TERM is not "dumb" and when NO_COLOR is unset.
bool use_colour();

}  // namespace alliance::cli
