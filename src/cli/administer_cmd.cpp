// alliance administer: one respondent answers one questionnaire, on a
// terminal (full screen, or --plain line by line) or from a script (answers
// one per line on standard input). Every answer is saved the moment it is
// given; docs/administration.md describes keys, files and exit statuses.
#include <unistd.h>
#include <CLI/CLI.hpp>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <iostream>

#include "alliance/admin/messages.hpp"
#include "alliance/admin/runner.hpp"
#include "alliance/admin/session.hpp"
#include "alliance/admin/terminal.hpp"
#include "alliance/core/error.hpp"
#include "alliance/core/utf8.hpp"
#include "alliance/io/files.hpp"
#include "alliance/io/response_writer.hpp"
#include "context.hpp"

namespace alliance::cli {

namespace {

namespace fs = std::filesystem;

// Stopped before the end (q, or the end of scripted input): the answers given
// are saved, status "in_progress", for --resume. Signals: 128 + the signal.
constexpr int kExitUnfinished = 5;
constexpr int kExitHangup = 129;

struct AdministerOptions {
  std::string questionnaire;
  std::string respondent;
  int session = -1;  // -1 = not given
  std::string lang;
  std::string output;
  bool resume = false;
  bool force = false;
  bool hide_scores = false;
  bool plain = false;
};

enum class Mode { full_screen, plain, scripted };

std::string utc_now() {
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  ::gmtime_r(&now, &tm);
  char out[32];
  std::strftime(out, sizeof out, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return out;
}

std::string local_date() {
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  ::localtime_r(&now, &tm);
  char out[16];
  std::strftime(out, sizeof out, "%Y-%m-%d", &tm);
  return out;
}

// A respondent id made safe for a file name: anything but letters, digits,
// '.', '_' and '-' becomes '_' (and so does a leading dot).
std::string file_safe(const std::string& text) {
  std::string out = text;
  for (char& c : out)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '.' && c != '_' && c != '-') c = '_';
  if (!out.empty() && out.front() == '.') out.front() = '_';
  return out;
}

// "<respondent>-<questionnaire>[-s<session>]-": the default name without its date.
std::string name_prefix(const AdministerOptions& o, const core::Questionnaire& q) {
  return file_safe(o.respondent) + "-" + q.id + "-" +
         (o.session >= 0 ? "s" + std::to_string(o.session) + "-" : "");
}

bool is_date_json(const std::string& rest) {  // "YYYY-MM-DD.json"
  if (rest.size() != 15 || !rest.ends_with(".json")) return false;
  for (std::size_t i = 0; i < 10; ++i)
    if ((i == 4 || i == 7) ? rest[i] != '-' : !std::isdigit(static_cast<unsigned char>(rest[i])))
      return false;
  return true;
}

// --resume without a file: the one unfinished session of this respondent,
// questionnaire (and session) among the default names in `dir`.
fs::path find_unfinished(const AdministerOptions& o, const core::Questionnaire& q, const fs::path& dir) {
  const std::string prefix = name_prefix(o, q);
  std::vector<fs::path> found;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (!name.starts_with(prefix) || !is_date_json(name.substr(prefix.size()))) continue;
    try {
      if (io::read_response_document(q, it->path()).status == io::ResponseStatus::in_progress)
        found.push_back(it->path());
    } catch (const Error&) {
      // Not one of ours: ignored.
    }
  }
  std::sort(found.begin(), found.end());
  if (found.empty())
    throw Error(ExitCode::io, "no unfinished session to resume in " + dir.string() + " (looked for " +
                                  prefix +
                                  "YYYY-MM-DD.json with status \"in_progress\"); name the file with -o FILE");
  if (found.size() > 1) {
    std::string list;
    for (const fs::path& p : found) list += "\n  " + p.string();
    throw Error(ExitCode::usage, "several unfinished sessions match; name one with -o FILE:" + list);
  }
  return found.front();
}

// -o FILE, -o DIR (the default name in DIR), or the default name here.
fs::path output_path(const AdministerOptions& o, const core::Questionnaire& q) {
  std::error_code ec;
  const bool directory = !o.output.empty() && (o.output.ends_with('/') || fs::is_directory(o.output, ec));
  if (!o.output.empty() && !directory) return o.output;
  const fs::path dir = o.output.empty() ? fs::path(".") : fs::path(o.output);
  if (o.resume) return find_unfinished(o, q, dir);
  return (o.output.empty() ? fs::path() : dir) / (name_prefix(o, q) + local_date() + ".json");
}

void check_administrable(const core::Questionnaire& q, const std::string& lang) {
  const admin::Messages& m = admin::messages(lang);
  if (!q.administrable()) throw Error(ExitCode::usage, admin::fill(m.key_only, {q.id}));
  if (q.scale.labels.empty()) throw Error(ExitCode::usage, admin::fill(m.no_labels, {q.id}));
}

// The language the texts are shown in: the one asked for when the definition has it.
std::string text_language(const core::Questionnaire& q, const std::string& lang) {
  if (q.languages.empty() || std::find(q.languages.begin(), q.languages.end(), lang) != q.languages.end())
    return lang;
  return std::find(q.languages.begin(), q.languages.end(), "en") != q.languages.end() ? "en"
                                                                                      : q.languages.front();
}

std::string shell_quote(const std::string& arg) {
  if (!arg.empty() &&
      arg.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_./=:,+@") ==
          std::string::npos)
    return arg;
  std::string out = "'";
  for (char c : arg) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

std::string resume_command(const AdministerOptions& o, const fs::path& file) {
  std::string out =
      "alliance administer " + shell_quote(o.questionnaire) + " --respondent " + shell_quote(o.respondent);
  if (o.session >= 0) out += " --session " + std::to_string(o.session);
  return out + " -o " + shell_quote(file.string()) + " --resume";
}

io::ResponseDocument start_document(const AdministerOptions& o, const core::Questionnaire& q,
                                    const fs::path& file, std::string& lang) {
  if (o.resume) {
    io::ResponseDocument doc = io::read_response_document(q, file);
    if (doc.status == io::ResponseStatus::complete)
      throw Error(ExitCode::usage, file.string() +
                                       ": this session is complete, there is nothing to resume (its "
                                       "scores: alliance score " +
                                       o.questionnaire + " " + file.string() + ")");
    if (doc.response.respondent != o.respondent)
      throw Error(ExitCode::usage, file.string() + ": the respondent is '" + doc.response.respondent +
                                       "', not '" + o.respondent + "'");
    if (o.session >= 0 && doc.response.session != o.session)
      throw Error(ExitCode::usage,
                  file.string() + ": the session is " +
                      (doc.response.session ? std::to_string(*doc.response.session) : "not given") +
                      ", not " + std::to_string(o.session));
    if (o.lang.empty() && (doc.response.language == "en" || doc.response.language == "fr"))
      lang = doc.response.language;
    return doc;
  }
  std::error_code ec;
  if (!o.force && fs::exists(file, ec)) {
    bool unfinished = false;
    try {
      unfinished = io::read_response_document(q, file).status == io::ResponseStatus::in_progress;
    } catch (const Error&) {
    }
    throw Error(ExitCode::io,
                file.string() + (unfinished ? ": an unfinished session is saved here; continue it with "
                                              "--resume, or start again with --force"
                                            : ": the file exists; will not overwrite it (use --force)"));
  }
  io::ResponseDocument doc;
  doc.response.respondent = o.respondent;
  if (o.session >= 0) doc.response.session = o.session;
  doc.response.date = local_date();
  doc.response.answers.assign(q.items.size(), std::nullopt);
  doc.settled.assign(q.items.size(), false);
  doc.started_at = utc_now();
  return doc;
}

Mode choose_mode(bool plain) {
  if (::isatty(STDIN_FILENO) != 1) return Mode::scripted;
  const char* term = std::getenv("TERM");
  const bool dumb = !term || !*term || std::strcmp(term, "dumb") == 0;
  return plain || dumb || !stdout_is_terminal() ? Mode::plain : Mode::full_screen;
}

int finish(const AdministerOptions& o, const core::Questionnaire& q, io::ResponseDocument& doc,
           const fs::path& file, const std::string& lang) {
  const admin::Messages& m = admin::messages(lang);
  doc.status = io::ResponseStatus::complete;
  doc.updated_at.clear();
  doc.completed_at = utc_now();
  doc.settled.clear();
  {
    admin::SignalBlock hold;
    io::write_file_atomic(file, io::response_to_json(q, doc), io::Overwrite::allow);
  }
  std::cerr << admin::fill(m.saved, {file.string()}) << '\n';
  if (o.hide_scores)
    std::cerr << admin::fill(m.scores_hidden, {"alliance score " + shell_quote(o.questionnaire) + " " +
                                               shell_quote(file.string())})
              << '\n';
  else
    std::cout << admin::scores_summary(q, doc.response.answers, lang);
  return 0;
}

int report_unfinished(const AdministerOptions& o, const admin::Session& session, const fs::path& file,
                      const std::string& lang, const std::string& message) {
  const admin::Messages& m = admin::messages(lang);
  if (!message.empty()) std::cerr << "alliance: " << message << '\n';
  std::cerr << admin::fill(m.stopped, {std::to_string(session.answered_count()),
                                       std::to_string(session.size()), file.string()})
            << '\n'
            << admin::fill(m.resume_hint, {resume_command(o, file)}) << '\n';
  return kExitUnfinished;
}

int run_administer(const AdministerOptions& o, const GlobalOptions& global) {
  const io::LoadedQuestionnaire loaded = make_catalog(global).load(o.questionnaire);
  const core::Questionnaire& q = loaded.questionnaire;
  std::string lang = choose_language(o.lang);
  check_administrable(q, lang);
  if (o.respondent.empty() || std::any_of(o.respondent.begin(), o.respondent.end(),
                                          [](char c) { return static_cast<unsigned char>(c) < 0x20; }))
    throw Error(ExitCode::usage, "--respondent: expected a pseudonymous id such as P017");
  if (!core::is_valid_utf8(o.respondent))  // it is written into the response file, which is UTF-8
    throw Error(ExitCode::usage, "--respondent: not valid UTF-8 (is the terminal set to another encoding?)");
  const fs::path file = output_path(o, q);
  std::error_code ec;
  if (const fs::path dir = file.has_parent_path() ? file.parent_path() : "."; !fs::is_directory(dir, ec))
    throw Error(ExitCode::io,
                file.string() + ": cannot write there: " + dir.string() + " is not a directory");
  io::ResponseDocument doc = start_document(o, q, file, lang);
  doc.response.language = text_language(q, lang);
  const admin::Messages& m = admin::messages(lang);
  admin::install_exit_handlers("\n" + admin::fill(m.interrupted, {file.string()}) + "\n" +
                               admin::fill(m.resume_hint, {resume_command(o, file)}) + "\n");

  const auto save = [&](const admin::Session& s) {
    doc.response.answers = s.answers();
    doc.settled = s.settled();
    doc.updated_at = utc_now();
    io::write_file_atomic(file, io::response_to_json(q, doc), io::Overwrite::allow);
  };
  {  // Saved at once: the file is known to be writable before the first question.
    admin::SignalBlock hold;
    doc.updated_at = utc_now();
    io::write_file_atomic(file, io::response_to_json(q, doc),
                          o.resume || o.force ? io::Overwrite::allow : io::Overwrite::refuse);
  }

  const Mode mode = choose_mode(o.plain);
  admin::Session session(q, mode != Mode::scripted, doc.response.answers, doc.settled);
  const admin::RunnerOptions options{lang, mode == Mode::full_screen && use_colour()};
  admin::LineResult result;
  if (mode == Mode::full_screen && session.phase() != admin::Phase::done) {
    admin::Terminal terminal(STDIN_FILENO, STDOUT_FILENO);
    result.ending = admin::run_full_screen(session, q, options, terminal, save);
  } else {
    result = admin::run_by_lines(session, q, options, std::cin, std::cerr, mode == Mode::plain, save);
  }
  doc.response.answers = session.answers();
  switch (result.ending) {
    case admin::Ending::completed: return finish(o, q, doc, file, lang);
    case admin::Ending::rejected:
      report_unfinished(o, session, file, lang, result.message);
      return static_cast<int>(ExitCode::invalid_input);
    case admin::Ending::hangup: return kExitHangup;
    case admin::Ending::quit:
    case admin::Ending::end_of_input: return report_unfinished(o, session, file, lang, result.message);
  }
  return kExitUnfinished;
}

}  // namespace

void add_administer_command(CLI::App& app, const GlobalOptions& global, int& status) {
  auto o = std::make_shared<AdministerOptions>();
  CLI::App* cmd = app.add_subcommand(
      "administer",
      "Give a questionnaire to a respondent: on a terminal one item per screen, or answers one per "
      "line on standard input");
  cmd->add_option("questionnaire", o->questionnaire, "Questionnaire id or definition file (with item text)")
      ->required()
      ->type_name("ID|FILE");
  cmd->add_option("--respondent", o->respondent, "Pseudonymous respondent id, e.g. P017")
      ->required()
      ->type_name("ID");
  cmd->add_option("--session", o->session, "Session number (for trend and compare)")
      ->check(CLI::NonNegativeNumber)
      ->type_name("N");
  cmd->add_option("--lang", o->lang, "Language of prompts and texts: fr or en (default: from the locale)")
      ->check(CLI::IsMember({"en", "fr"}));
  cmd->add_option(
         "-o,--output", o->output,
         "Response file, or a directory for the default name "
         "<respondent>-<questionnaire>[-s<session>]-<YYYY-MM-DD>.json (default: that name in the current "
         "directory)")
      ->type_name("FILE|DIR");
  cmd->add_flag(
      "--resume", o->resume,
      "Continue an unfinished session at its first unanswered item (the -o file, or the one unfinished "
      "default-named file of this respondent)");
  cmd->add_flag("--force", o->force, "Overwrite an existing response file");
  cmd->add_flag("--hide-scores", o->hide_scores,
                "Do not show the scores at the end (read them later with alliance score)");
  cmd->add_flag("--plain", o->plain, "Line by line, no cursor movement and no colour (screen readers)");
  cmd->footer(
      "Keys: a digit answers, Enter/→ keeps an answer, ←/b back, s skip (where allowed), ? help, q stop.\n"
      "Without a terminal, answers are read one per line (an empty line skips) and prompts go to stderr.\n"
      "Every answer is saved at once (status in_progress); files are written atomically with mode 0600.\n"
      "Exit status: 0 complete, 1 a scripted answer was refused, 2 usage (e.g. a key-only definition),\n"
      "3 I/O (e.g. the file exists: --force or --resume), 5 stopped early (q, or end of input; --resume\n"
      "continues), 129 hang-up, 130 Ctrl-C (SIGINT), 131 SIGQUIT, 143 SIGTERM. See docs/administration.md.");
  cmd->callback([o, &global, &status] { status = run_administer(*o, global); });
}

}  // namespace alliance::cli
