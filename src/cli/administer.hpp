// Inside `alliance administer` (administer_cmd.cpp): its options, where the
// response is saved (administer_files.cpp), and the commands it prints for the
// user to run next. Every message is in the session's language, from the
// admin catalogue (alliance/admin/messages.hpp).
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "alliance/admin/messages.hpp"
#include "alliance/core/questionnaire.hpp"
#include "alliance/io/env.hpp"
#include "alliance/io/files.hpp"
#include "alliance/io/response_writer.hpp"
#include "context.hpp"

namespace alliance::cli {

// `arg` as a POSIX shell reads it back: unquoted when it is only safe ASCII
// characters, else in single quotes.
std::string shell_quote(std::string_view arg);

// The command to run an administration again, complete (--path, --session,
// --lang, --plain, --hide-scores as in this one) and runnable as printed:
// with `-o output` when `output` is not empty, and --resume when `resume`.
std::string administer_command(const AdministerOptions& o, const GlobalOptions& global,
                               const std::string& lang, const std::string& output, bool resume);

// `alliance score` for the response in `file`, in `lang`.
std::string score_command(const AdministerOptions& o, const GlobalOptions& global, const std::string& lang,
                          const std::filesystem::path& file);

// Why a file could not be read or written, in words of the catalogue.
std::string reason(const admin::Messages& m, const io::FileError& e);

// Where the response goes, decided before the first question.
struct Target {
  std::filesystem::path file;
  bool resume = false;
  io::ResponseDocument document;              // resume: as read from `file`
  std::optional<std::filesystem::path> keep;  // --force: where the unfinished `file` is kept first
  std::string note;                           // said before the session starts, or ""
};

// The file of this administration (docs/administration.md, "Files"):
// --resume finds the unfinished one (-o FILE, or the one unfinished
// default-named file of this respondent and questionnaire in the directory,
// any session unless --session, any date); a new administration takes -o FILE
// or the next default name for `today`. Never a complete response: that is
// refused even with --force, which only replaces an unfinished session, kept
// under `keep`. Throws Error with a message in `lang`'s words `m`.
// REQUIRES: o.respondent is checked and NFC.
// Every file is looked at and read through `env`.
Target choose_target(const AdministerOptions& o, const GlobalOptions& global, const core::Questionnaire& q,
                     const std::string& lang, const std::string& today, const std::string& stamp,
                     io::Env& env);

}  // namespace alliance::cli
