// The response file of one administration, saved after every answer
// (admin::Saver), and what happens when a save fails: the answers stay in
// memory, the user is told what failed and where the answers are, and may
// try again, save elsewhere, or stop (docs/administration.md, "When a save
// fails"). Also keeps the message the exit signals print up to date.
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "alliance/admin/messages.hpp"
#include "alliance/admin/save_failure.hpp"
#include "alliance/admin/session.hpp"
#include "alliance/core/questionnaire.hpp"
#include "alliance/io/env.hpp"
#include "alliance/io/files.hpp"
#include "alliance/io/response_files.hpp"
#include "alliance/io/response_writer.hpp"

namespace alliance::cli {

// Thrown out of a save when the user stops after a failure, or nobody can be
// asked (scripted input). `message`: what to print once the terminal is given
// back — what failed, what is not saved, where the rest is, and the command to
// resume (or to start again).
struct SaveAbandoned {
  std::string message;
};

class ResponseStore {
 public:
  // Asks the user what to do after a failed save; empty: nobody to ask.
  using Asker = std::function<admin::SaveChoice(const admin::SaveProblem&)>;
  // The command that continues the session saved in a file, or (nullopt) starts it again.
  using Command = std::function<std::string(const std::optional<std::filesystem::path>&)>;

  // `name`: the default name's parts, for a directory typed after a failure.
  // Files are written, and time stamps taken, through `env`, which must outlive the store.
  ResponseStore(const core::Questionnaire& q, io::ResponseDocument document, std::filesystem::path file,
                io::DefaultName name, const std::string& lang, Command command, io::Env& env);

  // The first write, before the first question. `keep`: where an unfinished
  // file being replaced (--force) is kept first. Throws io::FileError
  // (nothing has been answered yet: nothing to ask).
  void start(io::Overwrite overwrite, const std::optional<std::filesystem::path>& keep);
  // After every answer and skip: status in_progress. Throws SaveAbandoned.
  // Returns what to tell the user on the next screen: where the answers are
  // saved from now on, after a failure made them choose another place; or "".
  std::string save(const admin::Session& session);
  // At the end: status complete. Throws SaveAbandoned.
  void complete(const admin::Session& session);

  void set_asker(Asker asker) { asker_ = std::move(asker); }
  io::ResponseDocument& document() { return document_; }
  const io::ResponseDocument& document() const { return document_; }
  const std::filesystem::path& file() const { return file_; }
  // Where the answers were saved before failures made the user choose other
  // places: those files hold earlier, unfinished copies.
  const std::vector<std::filesystem::path>& earlier_copies() const { return earlier_; }

 private:
  void write_or_ask(io::Overwrite overwrite);
  bool try_move(const std::string& place, std::string& notice);
  bool on_disk() const;
  std::vector<std::size_t> unsaved_items() const;
  std::string items_text(const std::vector<std::size_t>& items) const;
  std::vector<std::string> where_the_answers_are() const;
  std::vector<std::string> abandoned_lines() const;
  SaveAbandoned abandon(const std::string& what) const;
  void on_exit_say(bool failing);

  const core::Questionnaire& q_;
  io::Env& env_;  // every file and time stamp
  io::ResponseDocument document_;
  std::filesystem::path file_;
  io::DefaultName name_;
  const admin::Messages& m_;
  Command command_;
  Asker asker_;
  // What the file holds since the last save that succeeded.
  core::Answers saved_answers_;
  std::vector<bool> saved_settled_;
  std::vector<std::filesystem::path> earlier_;
};

}  // namespace alliance::cli
