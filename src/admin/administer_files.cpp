// Where an administration is saved (administer_files.hpp).
#include "alliance/admin/administer_files.hpp"

#include <cerrno>
#include <cstring>
#include <vector>

#include "alliance/core/error.hpp"
#include "alliance/io/files.hpp"
#include "alliance/io/response_files.hpp"

namespace alliance::admin {

namespace {

namespace fs = std::filesystem;

Error usage(const std::string& message) {
  return Error(ExitCode::usage, message);
}

Error io_error(const std::string& message) {
  return Error(ExitCode::io, message);
}

std::size_t answered(const io::ResponseDocument& doc) {
  std::size_t count = 0;
  for (const auto& answer : doc.response.answers) count += answer.has_value();
  return count;
}

// The response in `file` when it is one of `q`'s; nullopt when it cannot be
// read as one — and without opening anything but a regular file (a FIFO
// would block, a device never end).
std::optional<io::ResponseDocument> read_if_response(const core::Questionnaire& q, const fs::path& file,
                                                     io::Env& env) {
  if (env.file_kind(file) != io::FileKind::regular) return std::nullopt;
  try {
    return io::read_response_document(q, file, env);
  } catch (const Error&) {
    return std::nullopt;
  }
}

std::string respondent_of(const io::ResponseDocument& doc) {
  return io::check_respondent_id(doc.response.respondent).id;
}

// The command continuing the unfinished session in `file` (its own respondent and session).
std::string resume_command_for(const FileRequest& request, const SuggestedCommands& commands,
                               const std::string& lang, const fs::path& file,
                               const io::ResponseDocument& doc) {
  FileRequest its = request;
  its.respondent = doc.response.respondent;
  its.session = doc.response.session;
  const std::string& language = doc.response.language;
  const bool its_language = !request.lang_given && (language == "fr" || language == "en");
  return commands.administer(its, its_language ? language : lang, file.string(), true);
}

// "r.json" -> "r-2.json", "r-3.json"...: the first that does not exist.
fs::path free_name_beside(const fs::path& file, io::Env& env) {
  for (int n = 2;; ++n) {
    fs::path candidate = file;
    candidate.replace_filename(file.stem().string() + "-" + std::to_string(n) + file.extension().string());
    if (env.target_kind(candidate) == io::FileKind::missing) return candidate;
  }
}

class Chooser {
 public:
  Chooser(const FileRequest& o, const SuggestedCommands& commands, const core::Questionnaire& q,
          const std::string& lang, const std::string& today, const std::string& stamp, io::Env& env)
      : o_(o),
        commands_(commands),
        q_(q),
        lang_(lang),
        m_(admin::messages(lang)),
        today_(today),
        stamp_(stamp),
        env_(env) {}

  Target choose() {
    const bool to_directory = o_.output.empty() || o_.output.ends_with('/') ||
                              env_.target_kind(o_.output) == io::FileKind::directory;
    const fs::path dir =
        to_directory
            ? fs::path(o_.output.empty() ? "." : o_.output)
            : (fs::path(o_.output).has_parent_path() ? fs::path(o_.output).parent_path() : fs::path("."));
    const fs::path shown = to_directory ? in_directory(default_name(1)) : fs::path(o_.output);
    const io::FileKind dir_kind = env_.target_kind(dir);
    if (dir_kind == io::FileKind::missing)
      throw io_error(admin::fill(m_.dir_missing, {shown.string(), dir.string(), shell_quote(dir.string())}));
    if (dir_kind != io::FileKind::directory)
      throw io_error(admin::fill(m_.not_a_directory, {shown.string(), dir.string()}));
    if (!to_directory) refuse_unless_regular(o_.output);
    if (o_.resume) return to_directory ? find_unfinished(dir) : resume(o_.output);
    return to_directory ? new_in_directory(dir) : new_at(o_.output);
  }

 private:
  std::string default_name(int sequence) const {
    return io::default_file_name({o_.respondent, q_.id, o_.session, today_, sequence});
  }

  fs::path in_directory(const std::string& name) const {
    return o_.output.empty() ? fs::path(name) : fs::path(o_.output) / name;
  }

  // This respondent's files in `dir`, named as the user would write them (no "./").
  std::vector<io::NamedFile> named_files(const fs::path& dir) const {
    std::vector<io::NamedFile> files = io::default_named_files(dir, o_.respondent, q_.id, env_);
    for (io::NamedFile& file : files) file.path = in_directory(file.path.filename().string());
    return files;
  }

  // A directory in a message: the current one by its full name.
  std::string shown(const fs::path& dir) const {
    const std::optional<fs::path> here = env_.current_directory();
    return o_.output.empty() && here ? here->string() : dir.string();
  }

  // -o FILE: nothing there yet, or a regular file. A device (/dev/null), a
  // FIFO, a socket or a symbolic link is refused before anything is read or
  // written: the atomic rename would put a file in its place.
  void refuse_unless_regular(const fs::path& file) const {
    switch (env_.file_kind(file)) {
      case io::FileKind::missing:
      case io::FileKind::regular:
      case io::FileKind::directory: return;  // (a directory: the default name inside)
      case io::FileKind::symlink: {
        const std::optional<fs::path> to = env_.link_target(file);
        throw io_error(admin::fill(m_.is_symlink, {file.string(), to ? to->string() : "?"}));
      }
      case io::FileKind::fifo: throw io_error(admin::fill(m_.not_regular, {file.string(), m_.kind_fifo}));
      case io::FileKind::socket: throw io_error(admin::fill(m_.not_regular, {file.string(), m_.kind_socket}));
      case io::FileKind::device: throw io_error(admin::fill(m_.not_regular, {file.string(), m_.kind_device}));
    }
  }

  std::string who() const {
    return o_.session ? admin::fill(m_.respondent_session, {o_.respondent, std::to_string(*o_.session)})
                      : o_.respondent;
  }

  // --resume -o FILE.
  Target resume(const fs::path& file) const {
    if (env_.target_kind(file) == io::FileKind::missing)
      throw io_error(
          admin::fill(m_.resume_missing, {file.string(), commands_.administer(o_, lang_, o_.output, false)}));
    io::ResponseDocument doc;
    try {
      doc = io::read_response_document(q_, file, env_);
    } catch (const io::FileError& e) {
      throw io_error(admin::fill(m_.cannot_read, {file.string(), io::plain_reason(m_, e)}));
    } catch (const Error& e) {
      throw Error(e.code(), admin::fill(m_.resume_foreign, {file.string(), q_.id, e.in_language(lang_)}));
    }
    if (doc.status == io::ResponseStatus::complete)
      throw usage(admin::fill(m_.resume_complete, {file.string(), commands_.score(lang_, file)}));
    if (respondent_of(doc) != o_.respondent)
      throw usage(admin::fill(m_.resume_respondent, {file.string(), doc.response.respondent, o_.respondent}));
    if (o_.session && doc.response.session != o_.session)
      throw usage(admin::fill(
          m_.resume_session,
          {file.string(), doc.response.session ? std::to_string(*doc.response.session) : m_.session_none,
           std::to_string(*o_.session)}));
    Target out;
    out.file = file;
    out.resume = true;
    out.document = std::move(doc);
    return out;
  }

  // --resume with a directory: the one unfinished session of this respondent
  // and questionnaire (and session, when given), whatever its date.
  Target find_unfinished(const fs::path& dir) const {
    std::vector<std::pair<fs::path, io::ResponseDocument>> found;
    for (io::NamedFile& file : named_files(dir)) {
      if (o_.session && file.session != o_.session) continue;
      std::optional<io::ResponseDocument> doc = read_if_response(q_, file.path, env_);
      if (!doc || doc->status != io::ResponseStatus::in_progress || respondent_of(*doc) != o_.respondent)
        continue;
      if (o_.session && doc->response.session != o_.session) continue;
      found.emplace_back(file.path, std::move(*doc));
    }
    if (found.empty())
      throw io_error(admin::fill(
          m_.resume_none, {q_.id, who(), shown(dir), commands_.administer(o_, lang_, o_.output, false)}));
    if (found.size() > 1) {
      std::string list;
      for (const auto& [path, doc] : found)
        list += (list.empty() ? "  " : "\n  ") + resume_command_for(o_, commands_, lang_, path, doc);
      throw usage(admin::fill(m_.resume_several, {q_.id, who(), shown(dir), list}));
    }
    Target out;
    out.file = found.front().first;
    out.resume = true;
    out.document = std::move(found.front().second);
    return out;
  }

  // A new administration at -o FILE: never over a complete response.
  Target new_at(const fs::path& file) const {
    Target out;
    out.file = file;
    if (env_.target_kind(file) == io::FileKind::missing) return out;
    const std::optional<io::ResponseDocument> doc = read_if_response(q_, file, env_);
    if (!doc) throw io_error(admin::fill(m_.file_foreign, {file.string(), q_.id}));
    if (doc->status == io::ResponseStatus::complete)
      throw io_error(admin::fill(
          m_.file_complete,
          {file.string(), commands_.administer(o_, lang_, free_name_beside(file, env_).string(), false)}));
    return over_unfinished(file, *doc);
  }

  // A new administration in a directory: the default name, numbered after
  // today's earlier ones of this respondent, questionnaire and session.
  Target new_in_directory(const fs::path& dir) const {
    const std::vector<io::NamedFile> files = named_files(dir);
    const io::NamedFile* last = nullptr;
    for (const io::NamedFile& file : files) {
      if (file.legacy || file.session != o_.session || file.date != today_) continue;
      const std::optional<io::ResponseDocument> doc = read_if_response(q_, file.path, env_);
      if (doc && doc->status == io::ResponseStatus::in_progress && respondent_of(*doc) == o_.respondent)
        return over_unfinished(file.path, *doc);
      if (doc && doc->status == io::ResponseStatus::complete && (!last || file.sequence > last->sequence))
        last = &file;
    }
    Target out;
    out.file = in_directory(default_name(io::next_sequence(files, o_.session, today_)));
    if (last) out.note = admin::fill(m_.numbered_note, {last->path.string(), out.file.string()});
    return out;
  }

  // An unfinished session where the new one would go: continue it, or --force.
  Target over_unfinished(const fs::path& file, const io::ResponseDocument& doc) const {
    if (!o_.force) {
      fs::path kept = io::replaced_name(file, "");
      throw io_error(admin::fill(
          m_.file_unfinished,
          {file.string(), std::to_string(answered(doc)), std::to_string(doc.response.answers.size()),
           resume_command_for(o_, commands_, lang_, file, doc), kept.string() + "…"}));
    }
    Target out;
    out.file = file;
    out.keep = io::replaced_name(file, stamp_);
    out.note = admin::fill(m_.replaced_note, {file.string(), out.keep->string()});
    return out;
  }

  const FileRequest& o_;
  const SuggestedCommands& commands_;
  const core::Questionnaire& q_;
  const std::string& lang_;
  const admin::Messages& m_;
  std::string today_;
  std::string stamp_;
  io::Env& env_;
};

}  // namespace

std::string shell_quote(std::string_view arg) {
  if (!arg.empty() &&
      arg.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_./=:,+@%") ==
          std::string_view::npos)
    return std::string(arg);
  std::string out = "'";
  for (char c : arg) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

Target choose_target(const FileRequest& request, const SuggestedCommands& commands,
                     const core::Questionnaire& q, const std::string& lang, const std::string& today,
                     const std::string& stamp, io::Env& env) {
  return Chooser(request, commands, q, lang, today, stamp, env).choose();
}

}  // namespace alliance::admin
