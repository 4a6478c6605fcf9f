// Where an administration is saved (docs/administration.md, "Files"): the
// default name, an unfinished file to resume, a complete one never
// overwritten. Every file is looked at and read through an io::Env; every
// message is in the session's language, from the admin catalogue
// (messages.hpp). The command line (src/cli/administer_commands.cpp) turns its
// options into a FileRequest and says how the commands it suggests are written.
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "alliance/admin/messages.hpp"
#include "alliance/core/questionnaire.hpp"
#include "alliance/io/env.hpp"
#include "alliance/io/files.hpp"
#include "alliance/io/response_writer.hpp"

namespace alliance::admin {

// What administer was asked, as far as the file goes.
struct FileRequest {
  std::string respondent;      // checked and NFC
  std::optional<int> session;  // --session
  std::string output;          // -o: a file, a directory (ending in '/' or existing), or "" for "."
  bool resume = false;         // --resume
  bool force = false;          // --force
  bool lang_given = false;     // --lang: a resumed file's own language is not suggested instead
};

// The commands a message tells the user to run, written as the command line
// writes them (it knows the options given).
struct SuggestedCommands {
  // `alliance administer` for `request`'s respondent and session, in `lang`:
  // with `-o output` when `output` is not empty, and --resume when `resume`.
  std::function<std::string(const FileRequest& request, const std::string& lang, const std::string& output,
                            bool resume)>
      administer;
  // `alliance score` for the response in `file`, in `lang`.
  std::function<std::string(const std::string& lang, const std::filesystem::path& file)> score;
};

// `arg` as a POSIX shell reads it back: unquoted when it is only safe ASCII
// characters, else in single quotes.
std::string shell_quote(std::string_view arg);

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
// under `keep`. Throws Error with a message in `lang`'s words, naming the
// commands of `commands` where one would help.
// Every file is looked at and read through `env`.
Target choose_target(const FileRequest& request, const SuggestedCommands& commands,
                     const core::Questionnaire& q, const std::string& lang, const std::string& today,
                     const std::string& stamp, io::Env& env);

}  // namespace alliance::admin
