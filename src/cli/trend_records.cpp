#include "trend_records.hpp"

#include <iostream>

#include "alliance/core/error.hpp"
#include "alliance/core/text.hpp"
#include "alliance/core/utf8.hpp"
#include "alliance/text/messages.hpp"
#include "context.hpp"
#include "thresholds.hpp"

namespace alliance::cli {

SessionsRead read_sessions(const core::Questionnaire& q, const InputOptions& input, const std::string& lang,
                           const std::set<std::string>& only, core::RespondentGroups& groups) {
  const core::Scorer scorer(q);
  SessionsRead read;
  for_each_response(q, input, lang, [&](const io::ResponseRecord& record) {
    read.lines.add(record);
    if (!record.valid()) {
      ++read.invalid;
      report_problems(record, lang);
      return true;
    }
    const core::Response& r = record.response;
    if (!only.empty() && !only.count(r.respondent)) return true;
    core::SessionScores session;
    session.session = r.session;
    session.date = r.date;
    session.answers = r.answers;
    session.sheet = scorer.score(r.answers);
    groups.add(r.respondent, std::move(session), record.location);
    return true;
  });
  return read;
}

core::TrendSettings trend_settings(const TrendOptions& o, const core::Questionnaire& q) {
  core::TrendSettings settings = core::settings_from_norms(q);
  const std::size_t n = q.subscales.size();
  for (const Threshold& t : parse_scale_list("--sd", o.sd, q)) {
    if (!(t.value > 0))
      throw Error(ExitCode::usage, text::Message{text::Msg::trend_sd_not_positive, {t.spec}});
    settings.reference_sd[t.subscale.value_or(n)] = t.value;
  }
  for (const Threshold& t : parse_scale_list("--retest-r", o.retest_r, q)) {
    if (!(t.value >= 0 && t.value < 1))
      throw Error(ExitCode::usage, text::Message{text::Msg::trend_retest_out_of_range, {t.spec}});
    settings.retest_r[t.subscale.value_or(n)] = t.value;
  }
  settings.rupture_sds = o.rupture == "strict" ? 2 : 1;
  settings.baseline = o.baseline;
  settings.repair_within = o.repair_within;
  if (o.low_item && !(*o.low_item >= q.scale.min && *o.low_item <= q.scale.max))
    throw Error(ExitCode::usage,
                text::Message{text::Msg::trend_low_item_outside,
                              {core::format_number(*o.low_item), q.id, core::format_number(q.scale.min),
                               core::format_number(q.scale.max)}});
  settings.low_item = o.low_item;
  settings.reliable_z = o.reliable_z;
  return settings;
}

std::string respondent_label(const std::string& id, const std::string& lang) {
  return id.empty() ? std::string(text::messages(lang).no_respondent_id) : core::terminal_safe(id);
}

std::vector<std::vector<io::TrendRecord>> trend_records(const core::Questionnaire& q,
                                                        const core::RespondentGroups& groups,
                                                        const core::TrendSettings& settings,
                                                        const std::string& lang) {
  const text::Messages& m = text::messages(lang);
  std::vector<std::vector<io::TrendRecord>> people;
  for (const core::RespondentSessions& person : groups.respondents()) {
    std::vector<core::TrendPoint> points = core::analyse_trend(q, person.sessions, settings);
    const core::SessionOrdering ordering = core::session_ordering(person.sessions);
    if (ordering == core::SessionOrdering::as_given && person.sessions.size() > 1)
      std::cerr << m.warning_prefix
                << text::fill(m.trend_unordered, {respondent_label(person.respondent, lang)}) << '\n';
    std::vector<io::TrendRecord> records;
    for (std::size_t p = 0; p < points.size(); ++p) {
      const core::SessionScores& s = person.sessions[points[p].input];
      if (points[p].tied)
        std::cerr << m.warning_prefix
                  << text::fill(ordering == core::SessionOrdering::by_number ? m.trend_tied_number
                                                                             : m.trend_tied_date,
                                {person.sources[points[p].input], respondent_label(person.respondent, lang),
                                 person.sources[records.back().point.input]})
                  << '\n';
      records.push_back({person.respondent, s.session, s.date, person.sources[points[p].input], p + 1,
                         std::move(points[p])});
    }
    people.push_back(std::move(records));
  }
  return people;
}

}  // namespace alliance::cli
