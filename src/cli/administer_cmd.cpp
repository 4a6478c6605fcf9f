// alliance administer: one respondent answers one questionnaire, on a
// terminal (full screen, or --plain line by line) or from a script (answers
// one per line on standard input). Every answer is saved the moment it is
// given; a complete response is never overwritten; every message is in the
// session's language. docs/administration.md describes keys, files and exit
// statuses.
#include <unistd.h>

#include <algorithm>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <optional>
#include <string_view>
#include <vector>

#include "administer.hpp"
#include "alliance/admin/messages.hpp"
#include "alliance/admin/runner.hpp"
#include "alliance/admin/save_failure.hpp"
#include "alliance/admin/session.hpp"
#include "alliance/admin/terminal.hpp"
#include "alliance/core/error.hpp"
#include "alliance/core/text.hpp"
#include "alliance/io/env.hpp"
#include "alliance/io/files.hpp"
#include "alliance/io/response_files.hpp"
#include "alliance/io/response_writer.hpp"
#include "commands.hpp"
#include "context.hpp"
#include "response_store.hpp"

namespace alliance::cli {

namespace {

namespace fs = std::filesystem;

constexpr std::size_t kMaxFileName = 255;  // bytes, NAME_MAX of Linux file systems

using Mode = admin::FrontEnd;

// The session's language: --lang, else the locale's.
std::string session_language(const std::string& flag) {
  return flag == "fr" || flag == "en" ? flag : locale_language();
}

void check_command_line(AdministerOptions& o, const admin::Messages& m) {
  if (!o.lang.empty() && o.lang != "fr" && o.lang != "en")
    throw Error(ExitCode::usage, admin::fill(m.bad_lang, {o.lang}));
  if (o.questionnaire.empty()) throw Error(ExitCode::usage, m.missing_questionnaire);
  if (!o.respondent_given)
    throw Error(ExitCode::usage, admin::fill(m.missing_respondent, {shell_quote(o.questionnaire)}));
  if (!o.session_text.empty()) {
    const bool digits =
        o.session_text.size() <= 9 && std::all_of(o.session_text.begin(), o.session_text.end(),
                                                  [](char c) { return c >= '0' && c <= '9'; });
    if (!digits) throw Error(ExitCode::usage, admin::fill(m.bad_session, {o.session_text}));
    o.session = std::atoi(o.session_text.c_str());
  }
  if (o.force && o.resume) throw Error(ExitCode::usage, m.force_and_resume);
}

// The respondent id, NFC-normalised, or a usage error saying what is wrong with it.
void check_respondent(AdministerOptions& o, const core::Questionnaire& q, const admin::Messages& m,
                      io::Env& env) {
  const io::RespondentId id = io::check_respondent_id(o.respondent);
  switch (id.problem) {
    case io::IdProblem::none: break;
    case io::IdProblem::invalid_utf8: throw Error(ExitCode::usage, m.id_invalid_utf8);
    case io::IdProblem::control_character: throw Error(ExitCode::usage, m.id_control);
    case io::IdProblem::blank: throw Error(ExitCode::usage, m.id_blank);
    case io::IdProblem::edge_space: {
      const std::size_t first = id.id.find_first_not_of(" ");
      const std::string inner =
          first == std::string::npos ? "" : id.id.substr(first, id.id.find_last_not_of(" ") - first + 1);
      throw Error(ExitCode::usage, admin::fill(m.id_edge_space, {id.id, inner}));
    }
    case io::IdProblem::too_long:
      throw Error(ExitCode::usage, admin::fill(m.id_too_long, {std::to_string(id.length),
                                                               std::to_string(io::kMaxRespondentLength)}));
  }
  // "--respondent --plain": CLI11 took the next option for the id.
  if (id.id.starts_with("--") || id.id == "-o")
    throw Error(ExitCode::usage, admin::fill(m.id_option, {id.id}));
  o.respondent = id.id;
  const bool default_name =
      o.output.empty() || o.output.ends_with('/') || env.target_kind(o.output) == io::FileKind::directory;
  // The longest default name this id can get: a session and a sequence number of 9 digits.
  const std::size_t longest =
      io::default_file_name({o.respondent, q.id, 999999999, "2026-01-01", 999999999}).size();
  if (default_name && longest > kMaxFileName)
    throw Error(ExitCode::usage, admin::fill(m.id_name_too_long, {std::to_string(longest)}));
}

io::LoadedQuestionnaire load_questionnaire(const AdministerOptions& o, const GlobalOptions& global,
                                           const std::string& lang) {
  const admin::Messages& m = admin::messages(lang);
  const io::Catalog catalog = make_catalog(global);
  try {
    return catalog.load(o.questionnaire);
  } catch (const io::FileError& e) {
    throw Error(ExitCode::io, admin::fill(m.cannot_read, {e.path().string(), io::plain_reason(m, e)}));
  } catch (const Error& e) {
    if (e.code() == ExitCode::usage) {  // not a file, not an id the catalog knows
      const std::optional<std::string> close = core::closest_match(o.questionnaire, catalog.ids());
      throw Error(ExitCode::usage,
                  admin::fill(m.unknown_questionnaire,
                              {o.questionnaire, close ? admin::fill(m.did_you_mean, {*close}) : ""}));
    }
    throw Error(e.code(), admin::fill(m.definition_problems, {o.questionnaire, e.in_language(lang)}));
  }
}

void check_administrable(const core::Questionnaire& q, const admin::Messages& m) {
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

io::ResponseDocument new_document(const AdministerOptions& o, const core::Questionnaire& q,
                                  const std::string& today, io::Env& env) {
  io::ResponseDocument doc;
  doc.response.respondent = o.respondent;
  doc.response.session = o.session;
  doc.response.date = today;
  doc.response.answers.assign(q.items.size(), std::nullopt);
  doc.settled.assign(q.items.size(), false);
  doc.started_at = io::utc_now(env);
  return doc;
}

admin::TerminalFacts terminal_facts(io::Env& env) {
  return {::isatty(STDIN_FILENO) == 1, stdout_is_terminal(), env.variable("TERM"), env.variable("NO_COLOR")};
}

int finish(const AdministerOptions& o, const GlobalOptions& global, const core::Questionnaire& q,
           const ResponseStore& store, const std::string& lang) {
  const admin::Messages& m = admin::messages(lang);
  std::cerr << admin::fill(m.saved, {store.file().string()}) << '\n';
  for (const fs::path& earlier : store.earlier_copies())
    std::cerr << admin::fill(m.save_old_copy, {earlier.string()}) << '\n';
  if (o.hide_scores)
    std::cerr << admin::fill(m.scores_hidden, {score_command(o, global, lang, store.file())}) << '\n';
  else
    std::cout << admin::scores_summary(q, store.document().response.answers, lang,
                                       admin::terminal_columns(STDOUT_FILENO));
  return 0;
}

int report_unfinished(const AdministerOptions& o, const GlobalOptions& global, const admin::Session& session,
                      const fs::path& file, const std::string& lang, const std::string& message) {
  const admin::Messages& m = admin::messages(lang);
  if (!message.empty()) std::cerr << admin::fill(m.error_line, {message}) << '\n';
  std::cerr << admin::fill(m.stopped, {std::to_string(session.answered_count()),
                                       std::to_string(session.size()), file.string()})
            << '\n'
            << admin::fill(m.resume_hint, {administer_command(o, global, lang, file.string(), true)}) << '\n';
  return exit_status(ExitCode::unfinished);
}

// `lang` is the session's language as soon as it is known (the caller reports errors in it).
int run_administer(AdministerOptions o, const GlobalOptions& global, std::string& lang, io::Env& env) {
  lang = session_language(o.lang);
  check_command_line(o, admin::messages(lang));
  const io::LoadedQuestionnaire loaded = load_questionnaire(o, global, lang);
  const core::Questionnaire& q = loaded.questionnaire;
  check_administrable(q, admin::messages(lang));
  check_respondent(o, q, admin::messages(lang), env);
  const std::string today = io::local_date(env);
  Target target = choose_target(o, global, q, lang, today, io::file_stamp(env), env);

  io::ResponseDocument doc;
  if (target.resume) {
    doc = std::move(target.document);
    if (o.lang.empty() && (doc.response.language == "en" || doc.response.language == "fr"))
      lang = doc.response.language;
    if (!o.session) o.session = doc.response.session;
  } else {
    doc = new_document(o, q, today, env);
  }
  doc.response.language = text_language(q, lang);
  const admin::Messages& m = admin::messages(lang);
  if (target.resume) {
    std::size_t settled = 0;
    for (const bool s : doc.settled) settled += s;
    std::cerr << admin::fill(m.resuming,
                             {target.file.string(), std::to_string(settled), std::to_string(q.items.size())})
              << '\n';
  }
  if (!target.note.empty()) std::cerr << target.note << '\n';

  // A file too large for `ulimit -f` is an error to report, not a signal that kills the session.
  std::signal(SIGXFSZ, SIG_IGN);
  const io::DefaultName name{o.respondent, q.id, o.session,
                             doc.response.date.empty() ? today : doc.response.date, 1};
  ResponseStore store(
      q, std::move(doc), target.file, name, lang,
      [&o, &global, &lang](const std::optional<fs::path>& file) {
        return file ? administer_command(o, global, lang, file->string(), true)
                    : administer_command(o, global, lang, o.output, false);
      },
      env);
  try {  // Saved at once: the file is known to be writable before the first question.
    store.start(target.resume || target.keep ? io::Overwrite::allow : io::Overwrite::refuse, target.keep);
  } catch (const io::FileError& e) {
    throw Error(ExitCode::io, admin::fill(m.cannot_write, {e.path().string(), io::plain_reason(m, e)}));
  }

  const admin::TerminalFacts facts = terminal_facts(env);
  const Mode mode = admin::choose_front_end(facts, o.plain);
  admin::Session session(q, mode != Mode::scripted, store.document().response.answers,
                         store.document().settled);
  const admin::RunnerOptions options{lang, mode == Mode::full_screen && admin::colour_allowed(facts)};
  const admin::Saver save = [&store](const admin::Session& s) { return store.save(s); };
  std::optional<admin::Terminal> terminal;
  admin::LineResult result;
  try {
    if (mode == Mode::full_screen && session.phase() != admin::Phase::done) {
      terminal.emplace(STDIN_FILENO, STDOUT_FILENO);
      store.set_asker([&terminal, &options](const admin::SaveProblem& problem) {
        return admin::ask_after_failed_save(*terminal, problem, options.lang, options.colour);
      });
      result.ending = admin::run_full_screen(session, q, options, *terminal, save);
    } else {
      if (mode == Mode::plain)
        store.set_asker([&lang](const admin::SaveProblem& problem) {
          return admin::ask_after_failed_save(std::cin, std::cerr, problem, lang);
        });
      result = admin::run_by_lines(session, q, options, std::cin, std::cerr, mode == Mode::plain, save);
    }
    if (result.ending == admin::Ending::completed) store.complete(session);
  } catch (const SaveAbandoned& abandoned) {
    terminal.reset();
    std::cerr << abandoned.message;
    return static_cast<int>(ExitCode::io);
  }
  terminal.reset();
  switch (result.ending) {
    case admin::Ending::completed: return finish(o, global, q, store, lang);
    case admin::Ending::rejected:
      report_unfinished(o, global, session, store.file(), lang, result.message);
      return static_cast<int>(ExitCode::invalid_input);
    case admin::Ending::hangup: return exit_status(ExitCode::hangup);
    case admin::Ending::quit:
    case admin::Ending::end_of_input:
      return report_unfinished(o, global, session, store.file(), lang, result.message);
    case admin::Ending::quit_small: {  // stopped in a window too small: the way out it offered
      AdministerOptions plain = o;
      plain.plain = true;
      return report_unfinished(plain, global, session, store.file(), lang, result.message);
    }
  }
  return exit_status(ExitCode::unfinished);
}

}  // namespace

// Every error of the command in the session's language.
int administer(const AdministerOptions& o, const GlobalOptions& global) {
  std::string lang = session_language(o.lang);
  try {
    return run_administer(o, global, lang, io::real_env());
  } catch (const io::FileError& e) {
    const admin::Messages& m = admin::messages(lang);
    const bool reading = e.step() == io::FileError::Step::open || e.step() == io::FileError::Step::read;
    std::cerr << admin::fill(m.error_line, {admin::fill(reading ? m.cannot_read : m.cannot_write,
                                                        {e.path().string(), io::plain_reason(m, e)})})
              << '\n';
    return static_cast<int>(e.code());
  } catch (const Error& e) {
    std::cerr << admin::fill(admin::messages(lang).error_line, {e.in_language(lang)}) << '\n';
    return static_cast<int>(e.code());
  }
}

}  // namespace alliance::cli
