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
#include "alliance/version.hpp"
#include "commands.hpp"
#include "context.hpp"
#include "input_options.hpp"
#include "trend_records.hpp"

namespace alliance::cli {

namespace {

const char* flag_label(core::TrendFlag flag, const std::string& lang) {
  switch (flag) {
    case core::TrendFlag::below_band: return tr(lang, "below band", "sous le seuil");
    case core::TrendFlag::reliable_drop: return tr(lang, "reliable drop", "baisse fiable");
    case core::TrendFlag::rupture: return tr(lang, "rupture", "rupture");
    case core::TrendFlag::repair: return tr(lang, "repair", "réparation");
    case core::TrendFlag::ceiling: return tr(lang, "ceiling", "plafond");
    case core::TrendFlag::low_item: return tr(lang, "low item", "item bas");
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
  const int decimals = o.precision < 0 ? 2 : o.precision;
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
      std::cout << tr(lang, "sessions ", "séances ") << *records.front().session << "–"
                << *records.back().session;
    else if (records.front().session && records.size() == 1)
      std::cout << tr(lang, "session ", "séance ") << *records.front().session;
    else
      std::cout << records.size() << ' '
                << (records.size() == 1 ? tr(lang, "session", "séance") : tr(lang, "sessions", "séances"));
    std::cout << '\n';
    io::TextTable table({tr(lang, "SCALE", "ÉCHELLE"), tr(lang, "SESSIONS", "SÉANCES"),
                         tr(lang, "LATEST", "DERNIER"), tr(lang, "CHANGE", "ÉCART"),
                         tr(lang, "FLAGS (SESSIONS)", "SIGNAUX (SÉANCES)")});
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
        change =
            (*last.change_previous >= 0 ? "+" : "") + core::format_fixed(*last.change_previous, decimals);
      table.add({title.empty() ? (k < n ? names[s] : std::string(tr(lang, "Total", "Total"))) : title,
                 sparkline(values, k < n ? ranges.subscales[k] : ranges.total),
                 last.score ? core::format_fixed(*last.score, decimals) : io::kMissingCell, change, flags});
    }
    table.print(std::cout);
  }
  std::cout << '\n'
            << people.size() << ' '
            << (people.size() == 1 ? tr(lang, "respondent", "répondant")
                                   : tr(lang, "respondents", "répondants"))
            << ", " << responses << ' '
            << (responses == 1 ? tr(lang, "response", "réponse") : tr(lang, "responses", "réponses")) << '\n';
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
  if (!no_sd.empty())
    notes.push_back(
        std::string(tr(lang, "No reliable change index for ", "Pas d'indice de changement fiable pour ")) +
        no_sd + tr(lang, ": no reference SD (--sd).", " : pas d'écart-type de référence (--sd)."));
  if (!no_r.empty())
    notes.push_back(
        std::string(tr(lang, "No reliable change index for ", "Pas d'indice de changement fiable pour ")) +
        no_r + tr(lang, ": no test-retest r (--retest-r).", " : pas de fidélité test-retest (--retest-r)."));
  if (!perfect_r.empty())
    notes.push_back(
        std::string(tr(lang, "No reliable change index for ", "Pas d'indice de changement fiable pour ")) +
        perfect_r +
        tr(lang, ": the definition's test-retest r is 1, which leaves no measurement error (--retest-r).",
           " : la fidélité test-retest de la définition vaut 1, sans erreur de mesure (--retest-r)."));
  return notes;
}

}  // namespace

int run_trend(const TrendOptions& o, const GlobalOptions& global) {
  const io::LoadedQuestionnaire loaded = make_catalog(global).load(o.questionnaire);
  const core::Questionnaire& q = loaded.questionnaire;
  const std::string lang = choose_language(o.lang);
  const core::TrendSettings settings = trend_settings(o, q);
  const unsigned fail_on = core::parse_trend_flags(o.fail_on);
  const io::OutputFormat output = choose_output_format(o.format);

  core::RespondentGroups groups;
  long total = 0, invalid = 0;
  LineCount lines;
  const core::Scorer scorer(q);
  for_each_response(q, o.input, [&](const io::ResponseRecord& record) {
    ++total;
    lines.add(record);
    if (!record.valid()) {
      ++invalid;
      report_problems(record);
      return true;
    }
    const core::Response& r = record.response;
    core::SessionScores session;
    session.session = r.session;
    session.date = r.date;
    session.answers = r.answers;
    session.sheet = scorer.score(r.answers);
    groups.add(r.respondent, std::move(session), record.location);
    return true;
  });

  std::vector<std::vector<io::TrendRecord>> people = trend_records(q, groups, settings);

  // Alerts: the listed flags, in every session (only the latest with --latest).
  long alerts = 0;
  if (fail_on != 0) {
    const std::vector<std::string> names = io::trend_scale_names(q);
    for (const std::vector<io::TrendRecord>& records : people)
      for (std::size_t i = o.latest ? records.size() - 1 : 0; i < records.size(); ++i) {
        const io::TrendRecord& r = records[i];
        for (const core::TrendAlert& alert : core::trend_alerts(q, r.point, fail_on)) {
          ++alerts;
          std::cerr << r.source << ": " << core::to_string(alert.flag) << ": "
                    << respondent_label(r.respondent);
          if (r.session)
            std::cerr << " session " << *r.session;
          else if (!r.date.empty())
            std::cerr << ' ' << r.date;
          std::cerr << ": " << names[alert.scale] << " = "
                    << core::format_readable(*r.point.scales[alert.scale].score) << '\n';
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
    for (const std::string& note : rc_notes(q, settings, "en")) std::cerr << "note: " << note << '\n';
  }

  print_line_count(lines);
  if (invalid > 0)
    std::cerr << "alliance: " << invalid << " of " << total << " response" << (total == 1 ? "" : "s")
              << (invalid == 1 ? " is" : " are") << " invalid\n";
  if (alerts > 0) return static_cast<int>(ExitCode::threshold);
  return invalid > 0 ? static_cast<int>(ExitCode::invalid_input) : 0;
}

}  // namespace alliance::cli
