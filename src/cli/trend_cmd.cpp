// alliance trend: each respondent's alliance over sessions — scores, changes,
// reliable change and flags (ruptures, repairs, ...), per subscale and total.
// The arithmetic is in core/trend; this file reads, groups and prints.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <limits>
#include <sstream>

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

// ▁▂▃▄▅▆▇█ from the respondent's lowest to highest score on the scale, over
// at least a tenth of the scale's possible range (so that a wobble of a few
// tenths stays flat); · for a session without a score.
std::string sparkline(const std::vector<std::optional<double>>& values, core::ScoreRange range) {
  static const char* const kBlocks[] = {"▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"};
  double low = range.high, high = range.low;
  for (const std::optional<double>& v : values)
    if (v) {
      low = std::min(low, *v);
      high = std::max(high, *v);
    }
  const double least = (range.high - range.low) / 10;
  if (high - low < least) {
    const double middle = (low + high) / 2;
    low = std::max(range.low, middle - least / 2);
    high = std::min(range.high, low + least);
    low = high - least;
  }
  std::string out;
  for (const std::optional<double>& v : values) {
    if (!v) {
      out += "·";
      continue;
    }
    const double span = high - low;
    const double level = span > 0 ? (*v - low) / span * 7 : 7;
    out += kBlocks[static_cast<int>(std::lround(std::clamp(level, 0.0, 7.0)))];
  }
  return out;
}

std::string session_label(const io::TrendRecord& r) {
  return r.session ? std::to_string(*r.session) : "#" + std::to_string(r.position);
}

void print_table(const core::Questionnaire& q, const std::vector<std::vector<io::TrendRecord>>& people,
                 const TrendOptions& o, const std::string& lang) {
  const text::Messages& m = text::messages(lang);
  const int decimals = o.precision < 0 ? 2 : o.precision;
  const auto fixed = [&](double value) { return text::decimal(lang, core::format_fixed(value, decimals)); };
  const std::vector<std::string> names = io::trend_scale_names(q);
  const core::ScoreRanges ranges = core::score_ranges(q);
  const std::size_t n = q.subscales.size();
  long responses = 0;
  for (std::size_t person = 0; person < people.size(); ++person) {
    const std::vector<io::TrendRecord>& records = people[person];
    responses += static_cast<long>(records.size());
    if (person > 0) std::cout << '\n';
    std::cout << respondent_label(records.front().respondent, lang) << ", ";
    if (records.front().session && records.back().session && records.size() > 1)
      std::cout << text::fill(m.trend_sessions_range, {std::to_string(*records.front().session),
                                                       std::to_string(*records.back().session)});
    else if (records.front().session && records.size() == 1)
      std::cout << text::fill(m.trend_session, {std::to_string(*records.front().session)});
    else
      std::cout << text::fill(m.trend_session_count, {std::to_string(records.size())});
    std::cout << '\n';
    io::TextTable table({m.col_scale, m.col_sessions, m.col_latest, m.col_change, m.col_flags});
    for (std::size_t s = 0; s < names.size(); ++s) {
      const std::size_t k = s < n ? s : n;
      const std::string title = core::pick_text(k < n ? q.subscales[k].title : q.total.title, lang);
      std::vector<std::optional<double>> values;
      for (const io::TrendRecord& r : records) values.push_back(r.point.scales[k].score);
      const core::ScalePoint& last = records.back().point.scales[k];
      std::string flags;
      for (core::TrendFlag flag : core::all_trend_flags()) {
        std::string when;
        const std::size_t from = o.latest ? records.size() - 1 : 0;
        for (std::size_t i = from; i < records.size(); ++i)
          if (records[i].point.scales[k].has(flag))
            when += (when.empty() ? "" : ", ") + session_label(records[i]);
        if (when.empty()) continue;
        if (!flags.empty()) flags += "; ";
        flags += std::string(flag_label(flag, lang)) + " " + when;
      }
      std::string change = io::kMissingCell;
      if (last.change_previous)
        change = (*last.change_previous >= 0 ? "+" : "") + fixed(*last.change_previous);
      table.add({title.empty() ? (k < n ? names[s] : std::string(m.total)) : title,
                 sparkline(values, k < n ? ranges.subscales[k] : ranges.total),
                 last.score ? fixed(*last.score) : io::kMissingCell, change, flags});
    }
    table.print(std::cout);
  }
  std::cout << '\n'
            << text::fill(m.trend_summary, {std::to_string(people.size()), std::to_string(responses)})
            << '\n';
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
  const unsigned fail_on = core::parse_trend_flags(o.fail_on);
  const io::OutputFormat output = choose_output_format(o.format);

  core::RespondentGroups groups;
  const SessionsRead read = read_sessions(q, o.input, lang, {}, groups);

  std::vector<std::vector<io::TrendRecord>> people = trend_records(q, groups, settings, lang);

  // Alerts: the listed flags, in every session (only the latest with --latest).
  long alerts = 0;
  if (fail_on != 0) {
    const std::vector<std::string> names = io::trend_scale_names(q);
    for (const std::vector<io::TrendRecord>& records : people)
      for (std::size_t i = o.latest ? records.size() - 1 : 0; i < records.size(); ++i) {
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
  }

  if (output == io::OutputFormat::table) {
    print_table(q, people, o, lang);
    for (const std::string& note : rc_notes(q, settings, lang)) std::cout << note << '\n';
  } else {
    std::vector<io::TrendRecord> all;
    for (std::vector<io::TrendRecord>& records : people)
      for (std::size_t i = o.latest ? records.size() - 1 : 0; i < records.size(); ++i)
        all.push_back(std::move(records[i]));
    io::write_trend(q, all, output, o.precision, {q.id, q.version, loaded.hash, kVersion}, stdout);
    for (const std::string& note : rc_notes(q, settings, lang)) std::cerr << m.note_prefix << note << '\n';
  }

  print_line_count(read.lines, lang);
  if (read.invalid > 0)
    std::cerr << text::fill(m.error_line,
                            {text::fill(m.invalid_count, {std::to_string(read.invalid),
                                                          std::to_string(read.lines.responses)})})
              << '\n';
  if (alerts > 0) return static_cast<int>(ExitCode::threshold);
  return read.invalid > 0 ? static_cast<int>(ExitCode::invalid_input) : 0;
}

}  // namespace alliance::cli
