// alliance trend: each respondent's alliance over sessions — scores, changes,
// reliable change and flags (ruptures, repairs, ...), per subscale and total.
// The arithmetic is in core/trend; this file reads, groups and prints.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <limits>
#include <optional>
#include <sstream>
#include <utility>

#include "alliance/core/error.hpp"
#include "alliance/core/text.hpp"
#include "alliance/core/trend.hpp"
#include "alliance/core/trend_series.hpp"
#include "alliance/core/utf8.hpp"
#include "alliance/io/text_table.hpp"
#include "alliance/io/trend_writer.hpp"
#include "alliance/text/messages.hpp"
#include "alliance/version.hpp"
#include "commands.hpp"
#include "context.hpp"
#include "input_options.hpp"
#include "thresholds.hpp"
#include "trend_records.hpp"

namespace alliance::cli {

namespace {

const char* flag_label(core::TrendFlag flag, const std::string& lang) {
  const text::Messages& m = text::messages(lang);
  switch (flag) {
    case core::TrendFlag::below_band: return m.flag_below_band;
    case core::TrendFlag::reliable_drop: return m.flag_reliable_drop;
    case core::TrendFlag::rupture: return m.flag_rupture;
    case core::TrendFlag::repair: return m.flag_repair;
    case core::TrendFlag::ceiling: return m.flag_ceiling;
    case core::TrendFlag::low_item: return m.flag_low_item;
  }
  return "?";
}

// How a respondent's records are ordered (as core::session_ordering decided).
core::SessionOrdering records_ordering(const std::vector<io::TrendRecord>& records) {
  if (std::all_of(records.begin(), records.end(),
                  [](const io::TrendRecord& r) { return r.session.has_value(); }))
    return core::SessionOrdering::by_number;
  if (std::all_of(records.begin(), records.end(), [](const io::TrendRecord& r) { return !r.date.empty(); }))
    return core::SessionOrdering::by_date;
  return core::SessionOrdering::as_given;
}

// One glyph of ▁▂▃▄▅▆▇█ per session, on the scale's own range (its lowest
// possible score ▁, its highest █: the same value always gets the same
// glyph); · for a session without a score. Numbered sessions are placed by
// number: a missing number leaves a blank (a run of more than 3, one …); a
// number given twice shows once, as its later response.
std::string trend_sparkline(const std::vector<io::TrendRecord>& records, std::size_t k,
                            core::ScoreRange range, core::SessionOrdering ordering) {
  static const char* const kBlocks[] = {"▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"};
  const auto glyph = [&](const std::optional<double>& v) -> std::string {
    if (!v) return "·";
    const double span = range.high - range.low;
    const double level = span > 0 ? (*v - range.low) / span * 7 : 7;
    return kBlocks[static_cast<int>(std::lround(std::clamp(level, 0.0, 7.0)))];
  };
  std::string out;
  std::size_t last_glyph = 0;  // where the previous session's glyph starts in `out`
  for (std::size_t i = 0; i < records.size(); ++i) {
    const std::string g = glyph(records[i].point.scales[k].score);
    if (ordering == core::SessionOrdering::by_number && i > 0) {
      const long gap = static_cast<long>(*records[i].session) - *records[i - 1].session - 1;
      if (gap < 0) {  // the same number again: its later response replaces the glyph
        out.replace(last_glyph, std::string::npos, g);
        continue;
      }
      out += gap > 3 ? std::string("…") : std::string(static_cast<std::size_t>(gap), ' ');
    }
    last_glyph = out.size();
    out += g;
  }
  return out;
}

// The session a flag is listed under: its number, its date, or #position
// for a series in input order (the heading says which).
std::string session_label(const io::TrendRecord& r, core::SessionOrdering ordering) {
  switch (ordering) {
    case core::SessionOrdering::by_number: return std::to_string(*r.session);
    case core::SessionOrdering::by_date: return r.date;
    case core::SessionOrdering::as_given: break;
  }
  return "#" + std::to_string(r.position);
}

std::string series_heading(const std::vector<io::TrendRecord>& records, core::SessionOrdering ordering,
                           const std::string& lang) {
  const io::TrendRecord& first = records.front();
  const io::TrendRecord& last = records.back();
  const std::string count = std::to_string(records.size());
  switch (ordering) {
    case core::SessionOrdering::by_number: {
      if (records.size() == 1)
        return text::say(lang, text::Msg::trend_session, {std::to_string(*first.session)});
      const std::string from = std::to_string(*first.session), to = std::to_string(*last.session);
      const long numbers = static_cast<long>(*last.session) - *first.session + 1;
      if (numbers == static_cast<long>(records.size()))
        return text::say(lang, text::Msg::trend_sessions_range, {from, to});
      return text::say(lang, text::Msg::trend_sessions_range_count, {from, to, count});
    }
    case core::SessionOrdering::by_date:
      return text::say(lang, text::Msg::trend_sessions_by_date, {count, first.date, last.date});
    case core::SessionOrdering::as_given: break;
  }
  if (records.size() == 1) return text::say(lang, text::Msg::trend_session_count, {count});
  return text::say(lang, text::Msg::trend_sessions_input_order, {count});
}

// The table, one block per respondent as each is complete, then the totals
// and the parameters.
class TrendTable {
 public:
  TrendTable(const core::Questionnaire& q, const TrendOptions& o, const std::string& lang)
      : q_(q), o_(o), lang_(lang), names_(io::trend_scale_names(q)), ranges_(core::score_ranges(q)) {
    for (std::size_t s = 0; s < names_.size(); ++s) metrics_.push_back(scale_metric(q, index(s), lang));
  }

  void add(const std::vector<io::TrendRecord>& records) {
    const text::Messages& m = text::messages(lang_);
    const int decimals = o_.precision < 0 ? 2 : o_.precision;
    const auto fixed = [&](double value) {
      return text::decimal(lang_, core::format_fixed(value, decimals));
    };
    const std::size_t n = q_.subscales.size();
    const core::SessionOrdering ordering = records_ordering(records);
    responses_ += static_cast<long>(records.size());
    if (respondents_++ > 0) std::cout << '\n';
    std::cout << respondent_label(records.front().respondent, lang_) << ", "
              << series_heading(records, ordering, lang_) << '\n';
    io::TextTable table({m.col_scale, m.col_metric, m.col_sessions, m.col_latest, m.col_change, m.col_flags});
    for (std::size_t s = 0; s < names_.size(); ++s) {
      const std::size_t k = index(s);
      const std::string title = core::pick_text(k < n ? q_.subscales[k].title : q_.total.title, lang_);
      const core::ScalePoint& last = records.back().point.scales[k];
      std::string flags;
      for (core::TrendFlag flag : core::all_trend_flags()) {
        std::string when, previous;
        for (std::size_t i = o_.latest ? records.size() - 1 : 0; i < records.size(); ++i) {
          if (records[i].point.scales[k].own_sd) own_sd_used_ = true;
          if (!records[i].point.scales[k].has(flag)) continue;
          const std::string label = session_label(records[i], ordering);
          if (label == previous) continue;  // a session number given twice is listed once
          when += (when.empty() ? "" : ", ") + label;
          previous = label;
        }
        if (when.empty()) continue;
        if (!flags.empty()) flags += "; ";
        flags += std::string(flag_label(flag, lang_)) + " " + when;
      }
      std::string change = io::kMissingCell;
      if (last.change_previous)
        change = (*last.change_previous >= 0 ? "+" : "") + fixed(*last.change_previous);
      table.add({title.empty() ? (k < n ? names_[s] : std::string(m.total)) : title, metrics_[s],
                 trend_sparkline(records, k, k < n ? ranges_.subscales[k] : ranges_.total, ordering),
                 last.score ? fixed(*last.score) : io::kMissingCell, change, flags});
    }
    table.print(std::cout);
  }

  void finish(const io::TrendParameters& parameters, const std::string& origin) {
    const core::TrendSettings& t = parameters.settings;
    std::cout << '\n'
              << text::say(lang_, text::Msg::trend_summary,
                           {std::to_string(respondents_), std::to_string(responses_)})
              << '\n';
    const text::Msg from = t.reliable_from == core::ReliableFrom::first  ? text::Msg::trend_from_first
                           : t.reliable_from == core::ReliableFrom::both ? text::Msg::trend_from_both
                                                                         : text::Msg::trend_from_previous;
    std::cout << text::say(
                     lang_, text::Msg::trend_parameters,
                     {text::decimal(lang_, core::format_readable(t.rupture_sds)), std::to_string(t.baseline),
                      std::to_string(t.repair_within),
                      text::decimal(lang_, core::format_readable(t.reliable_z)), text::say(lang_, from)})
              << '\n';
    for (std::size_t s = 0; s < names_.size(); ++s) {
      const std::size_t k = index(s);
      std::cout << text::say(
                       lang_, text::Msg::trend_parameter_scale,
                       {names_[s], metrics_[s],
                        value("--sd", o_.sd, t.reference_sd[k], parameters.sd_source[k], origin, k),
                        value("--retest-r", o_.retest_r, t.retest_r[k], parameters.r_source[k], origin, k)})
                << '\n';
    }
    if (own_sd_used_) std::cout << text::say(lang_, text::Msg::trend_own_sd_note) << '\n';
  }

 private:
  std::size_t index(std::size_t s) const { return std::min(s, q_.subscales.size()); }

  // "4 (--sd total=4)", "0.8 (norms in clinic.json)", "none".
  std::string value(const std::string& flag, const std::vector<std::string>& specs,
                    const std::optional<double>& v, io::ParameterSource source, const std::string& origin,
                    std::size_t k) const {
    if (!v) return text::say(lang_, text::Msg::trend_value_none);
    std::string where = text::say(lang_, text::Msg::trend_from_norms, {origin});
    if (source == io::ParameterSource::option)
      for (const Threshold& t : parse_scale_list(flag, specs, q_))
        if (t.subscale.value_or(q_.subscales.size()) == k) where = flag + " " + t.spec;
    return text::say(lang_, text::Msg::trend_value_from,
                     {text::decimal(lang_, core::format_readable(*v)), where});
  }

  const core::Questionnaire& q_;
  const TrendOptions& o_;
  std::string lang_;
  std::vector<std::string> names_;
  core::ScoreRanges ranges_;
  std::vector<std::string> metrics_;
  long respondents_ = 0, responses_ = 0;
  bool own_sd_used_ = false;
};

// The --fail-on alerts of one respondent's records on stderr; returns how many.
long print_alerts(const core::Questionnaire& q, const std::vector<io::TrendRecord>& records, unsigned fail_on,
                  bool latest, const std::string& lang) {
  const text::Messages& m = text::messages(lang);
  const std::vector<std::string> names = io::trend_scale_names(q);
  long alerts = 0;
  for (std::size_t i = latest ? records.size() - 1 : 0; i < records.size(); ++i) {
    const io::TrendRecord& r = records[i];
    for (const core::TrendAlert& alert : core::trend_alerts(q, r.point, fail_on)) {
      ++alerts;
      const std::string when = r.session ? text::fill(m.trend_alert_session, {std::to_string(*r.session)})
                               : !r.date.empty() ? " " + r.date
                                                 : "";
      std::cerr << text::fill(
                       m.trend_alert,
                       {r.source, core::to_string(alert.flag), respondent_label(r.respondent, lang), when,
                        names[alert.scale],
                        text::decimal(lang, core::format_readable(*r.point.scales[alert.scale].score))})
                << '\n';
    }
  }
  return alerts;
}

// Scales without a reliable change index, and why: said, not guessed.
std::vector<std::string> rc_notes(const core::Questionnaire& q, const core::TrendSettings& settings,
                                  const std::string& lang) {
  const std::vector<std::string> names = io::trend_scale_names(q);
  const std::size_t n = q.subscales.size();
  std::string no_sd, no_r, perfect_r;
  for (std::size_t s = 0; s < names.size(); ++s) {
    const std::size_t k = s < n ? s : n;
    std::string* list = !settings.reference_sd[k]    ? &no_sd
                        : !settings.retest_r[k]      ? &no_r
                        : *settings.retest_r[k] >= 1 ? &perfect_r
                                                     : nullptr;
    if (list) *list += (list->empty() ? "" : ", ") + names[s];
  }
  std::vector<std::string> notes;
  if (!no_sd.empty()) notes.push_back(text::say(lang, text::Msg::trend_no_sd, {no_sd}));
  if (!no_r.empty()) notes.push_back(text::say(lang, text::Msg::trend_no_r, {no_r}));
  if (!perfect_r.empty()) notes.push_back(text::say(lang, text::Msg::trend_perfect_r, {perfect_r}));
  return notes;
}

}  // namespace

int run_trend(const TrendOptions& o, const GlobalOptions& global) {
  const io::LoadedQuestionnaire loaded = make_catalog(global).load(o.questionnaire);
  const core::Questionnaire& q = loaded.questionnaire;
  const std::string lang = choose_language(o.lang);
  const text::Messages& m = text::messages(lang);
  const core::TrendSettings settings = trend_settings(o, q);
  const io::TrendParameters parameters = trend_parameters(o, loaded, settings);
  const unsigned fail_on = core::parse_trend_flags(o.fail_on);
  const io::OutputFormat output = choose_output_format(o.format);
  warn_implausible_sds(o, loaded, parameters, lang);

  // Each respondent is analysed and written as soon as the input has all of
  // their sessions (stream_sessions), so memory holds one respondent when the
  // input is grouped by respondent.
  std::optional<TrendTable> table;
  std::optional<io::TrendWriter> writer;
  if (output == io::OutputFormat::table)
    table.emplace(q, o, lang);
  else
    writer.emplace(q, parameters, output, o.precision, io::Provenance{q.id, q.version, loaded.hash, kVersion},
                   stdout);
  long alerts = 0;
  UnreadFiles unread(o.input.files, lang);
  const SessionsRead read = stream_sessions(
      q, o.input, lang, unread, static_cast<std::size_t>(o.hold), [&](core::RespondentSessions&& person) {
        const std::vector<io::TrendRecord> records = respondent_records(q, std::move(person), settings, lang);
        if (fail_on != 0) alerts += print_alerts(q, records, fail_on, o.latest, lang);
        if (table) {
          table->add(records);
          return;
        }
        for (std::size_t i = o.latest ? records.size() - 1 : 0; i < records.size(); ++i)
          writer->write(records[i]);
      });

  if (unread.nothing_read(read.lines.responses)) {  // as when its one file cannot be read: nothing written
    return unread.status(0);
  }
  if (table) {
    table->finish(parameters, loaded.origin);
    for (const std::string& note : rc_notes(q, settings, lang)) std::cout << note << '\n';
  } else {
    writer->finish();
    for (const std::string& note : rc_notes(q, settings, lang)) std::cerr << m.note_prefix << note << '\n';
  }

  print_line_count(read.lines, lang);
  if (read.invalid > 0)
    std::cerr << text::fill(m.error_line,
                            {text::fill(m.invalid_count, {std::to_string(read.invalid),
                                                          std::to_string(read.lines.responses)})})
              << '\n';
  unread.print_summary(true);
  if (alerts > 0) return unread.status(static_cast<int>(ExitCode::threshold));
  return unread.status(read.invalid > 0 ? static_cast<int>(ExitCode::invalid_input) : 0);
}

}  // namespace alliance::cli
