// alliance report: trend's series of each client (and compare's agreement
// with the therapist's form) drawn in one self-contained HTML file, or one
// chart as SVG (docs/report.md). Glue: reads and scores as trend and compare
// do, then hands the data to io's report writer and writes the file.
#include <charconv>
#include <cstdio>
#include <iostream>
#include <map>
#include <optional>
#include <set>

#include "alliance/core/agreement.hpp"
#include "alliance/core/error.hpp"
#include "alliance/core/text.hpp"
#include "alliance/core/utf8.hpp"
#include "alliance/io/env.hpp"
#include "alliance/io/report_writer.hpp"
#include "alliance/text/messages.hpp"
#include "alliance/version.hpp"
#include "commands.hpp"
#include "context.hpp"
#include "input_options.hpp"
#include "thresholds.hpp"
#include "trend_records.hpp"

namespace alliance::cli {

namespace {

// One form's valid responses, scored, by respondent (only those asked for).
struct ReadForm {
  io::LoadedQuestionnaire loaded;
  std::vector<std::string> files;
  core::RespondentGroups groups;
  std::vector<std::vector<io::TrendRecord>> people;
};

SessionsRead read_form(ReadForm& form, const InputOptions& input, const std::set<std::string>& only,
                       const std::string& lang, UnreadFiles& unread) {
  InputOptions options = input;
  options.files = form.files;
  const SessionsRead read =
      read_sessions(form.loaded.questionnaire, options, lang, unread, only, form.groups);
  print_line_count(read.lines, lang);
  return read;
}

// The files of `form` that could not be read, as the page names them.
std::vector<std::string> unread_of(const ReadForm& form, const UnreadFiles& unread) {
  std::vector<std::string> out;
  for (const std::string& file : form.files.empty() ? std::vector<std::string>{"-"} : form.files)
    if (unread.contains(file)) out.push_back(file);
  return out;
}

// SOURCE_DATE_EPOCH (reproducible builds' convention) when set to whole
// seconds, else now.
std::string report_date(io::Env& env) {
  if (const std::optional<std::string> epoch = io::nonempty_variable(env, "SOURCE_DATE_EPOCH")) {
    long long seconds = 0;
    const char* end = epoch->data() + epoch->size();
    const auto [at, ec] = std::from_chars(epoch->data(), end, seconds);
    if (ec == std::errc() && at == end && seconds >= 0) return io::utc_timestamp(seconds);
    throw Error(ExitCode::usage, text::Message{text::Msg::report_epoch, {*epoch}});
  }
  return io::utc_now(env);
}

ReadForm load_therapist(const ReportOptions& o, const GlobalOptions& global,
                        const core::Questionnaire& client) {
  if (o.therapist.size() < 2)
    throw Error(ExitCode::usage, text::Message{text::Msg::compare_form_needs_files, {"--therapist"}});
  ReadForm form{
      make_catalog(global).load(o.therapist[0]), {o.therapist.begin() + 1, o.therapist.end()}, {}, {}};
  const core::Questionnaire& q = form.loaded.questionnaire;
  if (q.form != core::Form::therapist)
    throw Error(ExitCode::usage, text::Message{text::Msg::report_not_therapist_form,
                                               {o.therapist[0], q.id, std::string(core::to_string(q.form))}});
  if (const std::optional<text::Message> problem = core::comparability_message(client, q))
    throw Error(ExitCode::usage,
                text::Message{text::Msg::compare_cannot, {text::nested(problem->id, problem->args)}});
  return form;
}

// compare's computation restricted to one client: the pairs of the client's
// and the therapist's sessions, and their agreement.
core::Comparison client_comparison(const core::RespondentSessions& client,
                                   const core::RespondentSessions& therapist, const core::Questionnaire& cq,
                                   const core::Questionnaire& tq) {
  std::vector<core::FormResponses> forms(2);
  const core::RespondentSessions* people[] = {&client, &therapist};
  const core::Questionnaire* questionnaires[] = {&cq, &tq};
  for (std::size_t f = 0; f < 2; ++f) {
    forms[f].questionnaire = questionnaires[f];
    for (const core::SessionScores& s : people[f]->sessions) {
      forms[f].answers.push_back(&s.answers);
      forms[f].sheets.push_back(s.sheet);
      forms[f].keys.push_back(core::pair_key(people[f]->respondent, s.session, s.date));
    }
  }
  return std::move(core::compare_forms(forms, cq, 3).comparisons.front());
}

void write_output(const std::string& path, const std::string& content) {
  if (path == "-") {
    if (std::fwrite(content.data(), 1, content.size(), stdout) != content.size())
      throw Error(ExitCode::io, text::Message{text::Msg::cannot_write_stdout, {""}});
    return;
  }
  io::real_env().write_file_atomic(path, content, io::Overwrite::allow);
}

// The scale --format svg draws. Throws Error(usage) naming the scales.
std::size_t svg_scale(const ReportOptions& o, const core::Questionnaire& q, const std::string& lang) {
  const std::vector<std::string> names = io::trend_scale_names(q);
  const auto found = std::find(names.begin(), names.end(), o.scale);
  if (found != names.end()) return static_cast<std::size_t>(found - names.begin());
  std::string list;
  for (const std::string& n : names) list += (list.empty() ? "" : ", ") + n;
  const std::optional<std::string> closest = core::closest_match(o.scale, names);
  throw Error(ExitCode::usage,
              text::Message{text::Msg::report_unknown_scale,
                            {o.scale, q.id, list,
                             closest ? text::say(lang, text::Msg::did_you_mean, {*closest}) : ""}});
}

// Checked before reading, so that a long read does not end in a refusal;
// write_file_atomic checks again when it writes.
void check_output(const std::string& path) {
  if (path == "-") return;
  const io::FileKind kind = io::real_env().file_kind(path);
  if (kind != io::FileKind::missing && kind != io::FileKind::regular)
    throw Error(ExitCode::io, text::Message{text::Msg::report_not_regular, {path}});
}

// Every --respondent has a valid response, and there is something to draw.
void check_respondents(const ReportOptions& o, const ReadForm& client) {
  std::set<std::string> seen;
  for (const core::RespondentSessions& p : client.groups.respondents()) seen.insert(p.respondent);
  for (const std::string& id : o.respondents)
    if (!seen.count(id))
      throw Error(ExitCode::invalid_input,
                  text::Message{text::Msg::report_unknown_respondent, {core::terminal_safe(id)}});
  if (seen.empty()) throw Error(ExitCode::invalid_input, text::Message{text::Msg::report_nothing, {}});
  if (o.format == "svg" && seen.size() != 1)
    throw Error(ExitCode::usage, text::Message{text::Msg::report_svg_one, {std::to_string(seen.size())}});
}

// Each client's trend records, and with the therapist's form its records and
// compare's comparison of the two.
void add_clients(io::Report& report, ReadForm& client, ReadForm* therapist, const UnreadFiles& unread) {
  const core::Questionnaire& q = client.loaded.questionnaire;
  client.people = trend_records(q, client.groups, report.settings, report.language);
  std::map<std::string, std::size_t> therapist_of;
  if (therapist) {
    const core::Questionnaire& tq = therapist->loaded.questionnaire;
    therapist->people = trend_records(tq, therapist->groups, core::settings_from_norms(tq), report.language);
    for (std::size_t p = 0; p < therapist->groups.respondents().size(); ++p)
      therapist_of.emplace(therapist->groups.respondents()[p].respondent, p);
    report.therapist = io::ReportForm{&tq,
                                      {tq.id, tq.version, therapist->loaded.hash, kVersion},
                                      therapist->files,
                                      unread_of(*therapist, unread)};
  }
  report.client = {
      &q, {q.id, q.version, client.loaded.hash, kVersion}, client.files, unread_of(client, unread)};
  for (std::size_t p = 0; p < client.people.size(); ++p) {
    const core::RespondentSessions& person = client.groups.respondents()[p];
    io::ReportClient& c = report.clients.emplace_back();
    c.respondent = person.respondent;
    c.latest_answers = person.sessions[client.people[p].back().point.input].answers;
    c.sessions = std::move(client.people[p]);
    const auto t = therapist_of.find(person.respondent);
    if (t == therapist_of.end()) continue;
    c.therapist = std::move(therapist->people[t->second]);
    c.agreement = client_comparison(person, therapist->groups.respondents()[t->second], q,
                                    therapist->loaded.questionnaire);
  }
}

}  // namespace

int run_report(const ReportOptions& o, const GlobalOptions& global) {
  ReadForm client{make_catalog(global).load(o.trend.questionnaire), o.trend.input.files, {}, {}};
  const core::Questionnaire& q = client.loaded.questionnaire;
  io::Report report;
  report.language = choose_language(o.trend.lang);
  report.settings = trend_settings(o.trend, q);
  const io::TrendParameters parameters = trend_parameters(o.trend, client.loaded, report.settings);
  report.sd_source = parameters.sd_source;
  report.r_source = parameters.r_source;
  warn_implausible_sds(o.trend, client.loaded, parameters, report.language);
  const std::size_t scale = o.format == "svg" ? svg_scale(o, q, report.language) : 0;
  std::optional<ReadForm> therapist;
  if (!o.therapist.empty()) therapist = load_therapist(o, global, q);
  check_output(o.output);
  report.generated_at = report_date(io::real_env());

  const std::set<std::string> only(o.respondents.begin(), o.respondents.end());
  std::vector<std::string> all_files = client.files.empty() ? std::vector<std::string>{"-"} : client.files;
  if (therapist) all_files.insert(all_files.end(), therapist->files.begin(), therapist->files.end());
  UnreadFiles unread(all_files, report.language);
  SessionsRead read = read_form(client, o.trend.input, only, report.language, unread);
  long invalid = read.invalid;
  long responses = read.lines.responses;
  if (therapist) {
    read = read_form(*therapist, o.trend.input, only, report.language, unread);
    invalid += read.invalid;
    responses += read.lines.responses;
  }
  if (unread.nothing_read(responses)) {  // as when its one file cannot be read: nothing written
    return unread.status(0);
  }
  try {
    check_respondents(o, client);
  } catch (const Error& e) {
    if (!unread.any()) throw;
    return unread.end_with(e, true);
  }
  report.invalid = static_cast<std::size_t>(invalid);
  add_clients(report, client, therapist ? &*therapist : nullptr, unread);

  const std::string content = o.format == "svg" ? io::report_svg(report, 0, scale) : io::report_html(report);
  write_output(o.output, content);
  if (o.output != "-") {
    std::size_t sessions = 0;
    for (const io::ReportClient& c : report.clients) sessions += c.sessions.size();
    std::cerr << text::say(report.language, text::Msg::error_line,
                           {text::say(report.language, text::Msg::report_written,
                                      {o.output, std::to_string(report.clients.size()),
                                       std::to_string(sessions), std::to_string(content.size())})})
              << '\n';
  }
  if (invalid > 0)
    std::cerr << text::say(report.language, text::Msg::error_line,
                           {text::say(report.language, text::Msg::report_invalid, {std::to_string(invalid)})})
              << '\n';
  unread.print_summary(true);
  return unread.status(invalid > 0 ? static_cast<int>(ExitCode::invalid_input) : 0);
}

}  // namespace alliance::cli
