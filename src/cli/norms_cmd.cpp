// alliance norms: reads responses as score does, computes the local norms
// (core/norms.hpp) and writes them as a definition that extends the
// questionnaire (io/norms_writer.hpp), atomically, mode 0600, only where -o
// says; warnings name the place in that file they concern (docs/norms.md).
#include <cstdio>
#include <iostream>

#include "alliance/core/error.hpp"
#include "alliance/core/norms.hpp"
#include "alliance/core/text.hpp"
#include "alliance/io/env.hpp"
#include "alliance/io/files.hpp"
#include "alliance/io/norms_writer.hpp"
#include "alliance/io/text_table.hpp"
#include "alliance/text/messages.hpp"
#include "alliance/version.hpp"
#include "commands.hpp"
#include "context.hpp"
#include "input_options.hpp"

namespace alliance::cli {

namespace {

core::NormSample norm_sample(const std::string& name) {
  if (name == "last") return core::NormSample::last;
  if (name == "all") return core::NormSample::all;
  return core::NormSample::first;
}

// At most 10 significant digits, a decimal comma in French.
std::string norms_number(double value, const std::string& lang) {
  return text::decimal(lang, core::format_readable(value));
}

// "a sum, 4 to 20": the metric a scale's scores are on.
std::string norms_metric(const core::Questionnaire& q, std::size_t scale, const std::string& lang) {
  const bool sum = scale < q.subscales.size() ? q.subscales[scale].method == core::Method::sum
                                              : q.total.method == core::Method::sum;
  const core::ScoreRange range =
      scale < q.subscales.size() ? core::subscale_range(q, scale) : core::total_range(q);
  return text::say(lang, sum ? text::Msg::norms_metric_sum : text::Msg::norms_metric_mean,
                   {norms_number(range.low, lang), norms_number(range.high, lang)});
}

void print_norms_warning(const core::Questionnaire& q, const core::NormsReport& report,
                         const core::NormWarning& w, const std::string& file, const std::string& lang) {
  const std::vector<core::ScaleRef> scales = core::scale_list(q);
  const std::string& name = scales[w.scale].id;
  const std::string where = file + ":" + io::norm_pointer(q, report, w.scale);
  const auto whole = [](double x) { return std::to_string(static_cast<long>(x)); };
  std::string message;
  switch (w.kind) {
    case core::NormWarningKind::small_sample:
      message = text::say(lang, text::Msg::norms_small_sample, {where, name, whole(w.value), whole(w.limit)});
      break;
    case core::NormWarningKind::sd_below_step:
      message = text::say(lang, text::Msg::norms_sd_below_step,
                          {where + "/sd", name, norms_number(w.value, lang), norms_number(w.limit, lang),
                           norms_metric(q, w.scale, lang)});
      break;
    case core::NormWarningKind::no_sd:
      message = text::say(lang, text::Msg::norms_no_sd, {file, name, whole(w.value)});
      break;
    case core::NormWarningKind::retest_missing:
      message = text::say(lang, text::Msg::norms_retest_missing, {where, name, whole(w.value)});
      break;
    case core::NormWarningKind::retest_unusable:
      message = text::say(lang, text::Msg::norms_retest_unusable, {where, name, norms_number(w.value, lang)});
      break;
  }
  std::cerr << text::text(lang, text::Msg::warning_prefix) << message << '\n';
}

// The summary a person reads on a terminal: one row per scale.
void print_norms_table(const core::Questionnaire& q, const core::NormsReport& report,
                       const std::string& lang) {
  const text::Messages& m = text::messages(lang);
  // Mean intervals to one decimal always ("1.0 sessions": a measure, plural as such).
  const auto shown = [&](double x) { return text::decimal(lang, core::format_fixed(x, 1)); };
  const auto fixed = [&](const std::optional<double>& x) {
    return x ? text::decimal(lang, core::format_fixed(*x, 2)) : std::string("—");
  };
  io::TextTable table(
      {m.col_scale, m.col_n, m.col_mean, m.col_sd, m.col_alpha, m.col_retest_r, m.col_pairs, m.col_interval});
  const std::vector<core::ScaleRef> scales = core::scale_list(q);
  for (std::size_t s = 0; s < scales.size(); ++s) {
    const core::ScaleNorm& n = report.scales[s];
    std::string interval;
    if (n.retest.mean_sessions)
      interval = text::fill(m.norms_interval_sessions, {shown(*n.retest.mean_sessions)});
    if (n.retest.mean_days)
      interval +=
          (interval.empty() ? "" : ", ") + text::fill(m.norms_interval_days, {shown(*n.retest.mean_days)});
    table.add({scales[s].id, std::to_string(n.n), core::writable(n) ? fixed(n.mean) : "—",
               core::writable(n) ? fixed(n.sd) : "—", fixed(n.alpha), fixed(n.retest.r),
               std::to_string(n.retest.pairs), interval});
  }
  table.print(std::cout);
}

// Each file's content hash, read again after the norms were computed; "" for
// standard input or a file that cannot be read again.
// A file that could not be read carries the reason (in English, as machine output's texts).
std::vector<io::NormsSourceFile> norms_sources(const InputOptions& input, const UnreadFiles& unread) {
  std::vector<io::NormsSourceFile> out;
  const auto error = [&unread](const std::string& path) {
    for (const UnreadFiles::Unread& u : unread.unread())
      if (u.file == path) return u.message;
    return std::string();
  };
  if (input.files.empty()) out.push_back({"-", "", error("-")});
  for (const std::string& path : input.files) {
    io::NormsSourceFile file{path, "", error(path)};
    if (path != "-") {
      try {
        file.hash = core::content_hash(io::real_env().read_file(path));
      } catch (const Error&) {
        // Read once already; a file gone since (or one that could not be read: a directory) is
        // recorded without a hash.
      }
    }
    out.push_back(std::move(file));
  }
  return out;
}

}  // namespace

int run_norms(const NormsOptions& o, const GlobalOptions& global) {
  const io::LoadedQuestionnaire loaded = make_catalog(global).load(o.questionnaire);
  const core::Questionnaire& q = loaded.questionnaire;
  const std::string lang = choose_language(o.lang);
  if (o.output != "-") {
    const io::FileKind kind = io::real_env().file_kind(o.output);
    if (kind != io::FileKind::missing && kind != io::FileKind::regular)
      throw Error(ExitCode::io, text::Message{text::Msg::report_not_regular, {o.output}});
  }

  const core::Scorer scorer(q);
  std::vector<core::NormResponse> responses;
  long invalid = 0;
  LineCount lines;
  UnreadFiles unread(o.input.files, lang);
  for_each_response(q, o.input, lang, unread, [&](const io::ResponseRecord& record) {
    lines.add(record);
    if (!record.valid()) {
      ++invalid;
      report_problems(record, lang);
      return true;
    }
    const core::Response& r = record.response;
    responses.push_back({r.respondent, r.session, r.date, r.answers, scorer.score(r.answers)});
    return true;
  });
  if (unread.nothing_read(lines.responses)) {  // as when its one file cannot be read: nothing written
    return unread.status(0);
  }
  const core::NormsReport report = core::compute_norms(q, responses, norm_sample(o.sessions), o.min_n);
  const std::string shown_file = o.output == "-" ? "(stdout)" : o.output;
  for (const core::NormWarning& w : report.warnings) print_norms_warning(q, report, w, shown_file, lang);
  const bool any = std::any_of(report.scales.begin(), report.scales.end(),
                               [](const core::ScaleNorm& n) { return core::writable(n); });
  if (!any) {
    const Error nothing(ExitCode::invalid_input, text::Message{text::Msg::norms_nothing, {q.id}});
    if (!unread.any()) throw nothing;
    return unread.end_with(nothing, true);
  }

  io::NormsProvenance provenance{loaded.hash, kVersion, io::utc_now(io::real_env()),
                                 norms_sources(o.input, unread)};
  const std::string content = io::norms_definition(q, report, provenance);
  if (o.output == "-") {
    if (std::fwrite(content.data(), 1, content.size(), stdout) != content.size())
      throw Error(ExitCode::io, text::Message{text::Msg::cannot_write_stdout, {""}});
  } else {
    io::real_env().write_file_atomic(o.output, content, io::Overwrite::allow);
    if (stdout_is_terminal()) print_norms_table(q, report, lang);
    const text::Messages& m = text::messages(lang);
    const char* sample = report.sample == core::NormSample::first  ? m.norms_sample_first
                         : report.sample == core::NormSample::last ? m.norms_sample_last
                                                                   : m.norms_sample_all;
    std::cerr << text::say(lang, text::Msg::error_line,
                           {text::say(lang, text::Msg::norms_written,
                                      {o.output, q.id, std::to_string(report.respondents),
                                       std::to_string(report.sampled), sample})})
              << '\n';
  }
  print_line_count(lines, lang);
  if (invalid > 0)
    std::cerr << text::say(lang, text::Msg::error_line,
                           {text::say(lang, text::Msg::norms_invalid, {std::to_string(invalid)})})
              << '\n';
  unread.print_summary(true);
  return unread.status(invalid > 0 ? static_cast<int>(ExitCode::invalid_input) : 0);
}

}  // namespace alliance::cli
