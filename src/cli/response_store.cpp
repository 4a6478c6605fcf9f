#include "response_store.hpp"

#include <cstdlib>

#include "administer.hpp"
#include "alliance/admin/terminal.hpp"

namespace alliance::cli {

namespace fs = std::filesystem;

namespace {

bool is_settled(const std::vector<bool>& settled, std::size_t i) {
  return settled.empty() || settled[i];  // empty: every item (a complete document)
}

std::string trimmed(const std::string& text) {
  const std::size_t first = text.find_first_not_of(" \t");
  if (first == std::string::npos) return "";
  return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

}  // namespace

ResponseStore::ResponseStore(const core::Questionnaire& q, io::ResponseDocument document, fs::path file,
                             io::DefaultName name, const std::string& lang, Command command, io::Env& env)
    : q_(q),
      env_(env),
      document_(std::move(document)),
      file_(std::move(file)),
      name_(std::move(name)),
      m_(admin::messages(lang)),
      command_(std::move(command)) {}

void ResponseStore::start(io::Overwrite overwrite, const std::optional<fs::path>& keep) {
  admin::SignalBlock hold;
  if (keep) env_.keep_under_name(file_, *keep);
  document_.updated_at = io::utc_now(env_);
  env_.write_file_atomic(file_, io::response_to_json(q_, document_), overwrite);
  saved_answers_ = document_.response.answers;
  saved_settled_ = document_.settled;
  on_exit_say(false);
}

std::string ResponseStore::save(const admin::Session& session) {
  document_.response.answers = session.answers();
  document_.settled = session.settled();
  document_.updated_at = io::utc_now(env_);
  const fs::path before = file_;
  write_or_ask(io::Overwrite::allow);
  return file_ == before ? "" : admin::fill(m_.save_moved, {file_.string()});
}

void ResponseStore::complete(const admin::Session& session) {
  admin::SignalBlock hold;
  document_.response.answers = session.answers();
  document_.status = io::ResponseStatus::complete;
  document_.updated_at.clear();
  document_.completed_at = io::utc_now(env_);
  document_.settled.clear();
  write_or_ask(io::Overwrite::allow);
}

void ResponseStore::write_or_ask(io::Overwrite overwrite) {
  std::string notice;
  bool failed = false;
  while (true) {
    std::optional<io::FileError> error;
    try {
      env_.write_file_atomic(file_, io::response_to_json(q_, document_), overwrite);
    } catch (const io::FileError& e) {
      error = e;
    }
    if (!error) break;
    failed = true;
    const std::string what = admin::fill(m_.save_failed, {file_.string(), io::plain_reason(m_, *error)});
    on_exit_say(true);
    if (!asker_) throw abandon(what);
    admin::SaveProblem problem;
    problem.what = what;
    problem.where = where_the_answers_are();
    problem.notice = notice;
    const admin::SaveChoice choice = asker_(problem);
    if (choice.kind == admin::SaveChoice::Kind::stop) throw abandon(what);
    notice.clear();
    if (choice.kind == admin::SaveChoice::Kind::elsewhere && try_move(choice.place, notice)) break;
  }
  saved_answers_ = document_.response.answers;
  saved_settled_ = document_.settled;
  if (failed) on_exit_say(false);
}

// Saves to the directory or new file `place`, typed by the user, and from then
// on there. False, with `notice` saying why, when it cannot.
bool ResponseStore::try_move(const std::string& place, std::string& notice) {
  std::string typed = trimmed(place);
  if (const std::optional<std::string> home = io::nonempty_variable(env_, "HOME");
      home && (typed == "~" || typed.starts_with("~/")))
    typed = *home + typed.substr(1);
  fs::path target(typed);
  if (env_.target_kind(target) == io::FileKind::directory) {
    io::DefaultName name = name_;
    name.sequence = io::next_sequence(
        io::default_named_files(target, name.respondent, name.questionnaire, env_), name.session, name.date);
    target /= io::default_file_name(name);
  } else if (const io::FileKind kind = env_.file_kind(target); kind == io::FileKind::regular) {
    notice = admin::fill(m_.save_place_exists, {typed});
    return false;
  } else if (kind != io::FileKind::missing) {  // a device, a FIFO, a link: never written over
    notice = admin::fill(m_.save_failed, {target.string(), m_.reason_not_regular});
    return false;
  }
  try {
    env_.write_file_atomic(target, io::response_to_json(q_, document_), io::Overwrite::refuse);
  } catch (const io::FileError& e) {
    notice = admin::fill(m_.save_failed, {target.string(), io::plain_reason(m_, e)});
    return false;
  }
  if (on_disk()) earlier_.push_back(file_);
  file_ = target;
  return true;
}

// The file holds the answers of the last save that succeeded: it is there, a
// regular file (not a directory or anything else put in its place since).
bool ResponseStore::on_disk() const {
  return env_.file_kind(file_) == io::FileKind::regular;
}

// Items answered or skipped in memory that the file does not hold as they are.
std::vector<std::size_t> ResponseStore::unsaved_items() const {
  const bool saved = on_disk();
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < document_.response.answers.size(); ++i) {
    if (!is_settled(document_.settled, i)) continue;
    if (!saved || !is_settled(saved_settled_, i) || saved_answers_[i] != document_.response.answers[i])
      out.push_back(i);
  }
  return out;
}

// "question 4", "questions 4 and 5", "questions 4, 5 and 7".
std::string ResponseStore::items_text(const std::vector<std::size_t>& items) const {
  std::string list;
  for (std::size_t k = 0; k < items.size(); ++k) {
    if (k > 0) list += k + 1 == items.size() ? m_.list_and : ", ";
    list += std::to_string(items[k] + 1);
  }
  return admin::fill(items.size() == 1 ? m_.item_one : m_.item_many, {list});
}

std::vector<std::string> ResponseStore::where_the_answers_are() const {
  const std::vector<std::size_t> items = unsaved_items();
  std::vector<std::string> out;
  if (!items.empty()) out.push_back(admin::fill(m_.save_not_saved, {items_text(items)}));
  if (!on_disk())
    out.push_back(admin::fill(m_.save_file_gone, {file_.string()}));
  else
    out.push_back(admin::fill(items.empty() ? m_.save_on_disk_all : m_.save_on_disk, {file_.string()}));
  return out;
}

// After the session has stopped on a failed save: what is not saved, where
// the rest is, and the command to continue (or to start again).
std::vector<std::string> ResponseStore::abandoned_lines() const {
  std::vector<std::string> out;
  const std::vector<std::size_t> items = unsaved_items();
  if (!on_disk()) {
    out.push_back(admin::fill(m_.save_start_again, {file_.string(), command_(std::nullopt)}));
    return out;
  }
  if (!items.empty()) out.push_back(admin::fill(m_.save_unsaved_items, {items_text(items)}));
  out.push_back(admin::fill(items.empty() ? m_.save_on_disk_all : m_.save_on_disk, {file_.string()}));
  out.push_back(admin::fill(m_.resume_hint, {command_(file_)}));
  return out;
}

SaveAbandoned ResponseStore::abandon(const std::string& what) const {
  std::string message = admin::fill(m_.error_line, {what}) + "\n" + m_.save_abandoned + "\n";
  for (const std::string& line : abandoned_lines()) message += line + "\n";
  return SaveAbandoned{message};
}

// What the exit signals (Ctrl-C, SIGTERM, SIGHUP, SIGQUIT) print.
void ResponseStore::on_exit_say(bool failing) {
  std::string message = "\n";
  if (failing) {
    message += std::string(m_.interrupted_unsaved) + "\n";
    for (const std::string& line : abandoned_lines()) message += line + "\n";
  } else {
    message += admin::fill(m_.interrupted, {file_.string()}) + "\n" +
               admin::fill(m_.resume_hint, {command_(file_)}) + "\n";
  }
  admin::install_exit_handlers(message);
}

}  // namespace alliance::cli
