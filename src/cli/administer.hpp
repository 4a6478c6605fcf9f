// Inside `alliance administer` (administer_cmd.cpp): its options, where the
// response is saved (admin's rules, alliance/admin/administer_files.hpp), and
// the commands it prints for the user to run next (administer_commands.cpp). Every message is in the
// session's language, from the admin catalogue (alliance/admin/messages.hpp).
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "alliance/admin/administer_files.hpp"
#include "alliance/admin/messages.hpp"
#include "alliance/core/questionnaire.hpp"
#include "alliance/io/env.hpp"
#include "alliance/io/files.hpp"
#include "alliance/io/response_writer.hpp"
#include "context.hpp"

namespace alliance::cli {

using admin::shell_quote;
using admin::Target;

// The command to run an administration again, complete (--path, --session,
// --lang, --plain, --hide-scores as in this one) and runnable as printed:
// with `-o output` when `output` is not empty, and --resume when `resume`.
std::string administer_command(const AdministerOptions& o, const GlobalOptions& global,
                               const std::string& lang, const std::string& output, bool resume);

// `alliance score` for the response in `file`, in `lang`.
std::string score_command(const AdministerOptions& o, const GlobalOptions& global, const std::string& lang,
                          const std::filesystem::path& file);

// admin::choose_target (alliance/admin/administer_files.hpp) for these
// options, the commands it suggests written as above.
// REQUIRES: o.respondent is checked and NFC.
Target choose_target(const AdministerOptions& o, const GlobalOptions& global, const core::Questionnaire& q,
                     const std::string& lang, const std::string& today, const std::string& stamp,
                     io::Env& env);

}  // namespace alliance::cli
