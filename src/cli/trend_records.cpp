#include "trend_records.hpp"

#include <iostream>
#include <optional>
#include <type_traits>
#include <utility>

#include "alliance/core/error.hpp"
#include "alliance/core/respondent_stream.hpp"
#include "alliance/core/text.hpp"
#include "alliance/core/utf8.hpp"
#include "alliance/text/messages.hpp"
#include "context.hpp"
#include "thresholds.hpp"

namespace alliance::cli {

namespace {

// The option spec that set scale k's value, if any.
std::optional<std::string> option_spec(const std::string& flag, const std::vector<std::string>& specs,
                                       const core::Questionnaire& q, std::size_t k) {
  std::optional<std::string> out;
  for (const Threshold& t : parse_scale_list(flag, specs, q))
    if (t.subscale.value_or(q.subscales.size()) == k) out = flag + " " + t.spec;
  return out;
}

// Reads every response of `input`, counting its lines; an invalid one is
// reported and counted, each valid one handed to `visit`.
template <class Visit>
SessionsRead read_valid_responses(const core::Questionnaire& q, const InputOptions& input,
                                  const std::string& lang, UnreadFiles& unread, Visit&& visit) {
  SessionsRead read;
  for_each_response(q, input, lang, unread, [&](const io::ResponseRecord& record) {
    read.lines.add(record);
    if (!record.valid()) {
      ++read.invalid;
      report_problems(record, lang);
    } else {
      visit(record);
    }
    return true;
  });
  return read;
}

// The advice of trend_not_grouped for inputs read in these formats (a bit
// per io::InputFormat): how to sort what was read, in its own terms.
text::Msg not_grouped_message(unsigned formats) {
  const auto bit = [](io::InputFormat f) { return 1u << static_cast<unsigned>(f); };
  const unsigned stat = bit(io::InputFormat::sav) | bit(io::InputFormat::por) | bit(io::InputFormat::dta) |
                        bit(io::InputFormat::sas7bdat) | bit(io::InputFormat::xpt);
  if ((formats & ~(bit(io::InputFormat::csv) | bit(io::InputFormat::tsv))) == 0)
    return text::Msg::trend_not_grouped;
  if (formats == bit(io::InputFormat::ndjson)) return text::Msg::trend_not_grouped_ndjson;
  if (formats == bit(io::InputFormat::json)) return text::Msg::trend_not_grouped_json;
  if ((formats & ~stat) == 0) return text::Msg::trend_not_grouped_stat;
  return text::Msg::trend_not_grouped_mixed;
}

}  // namespace

SessionsRead stream_sessions(const core::Questionnaire& q, const InputOptions& input, const std::string& lang,
                             UnreadFiles& unread, std::size_t hold,
                             const std::function<void(core::RespondentSessions&&)>& visit) {
  const core::Scorer scorer(q);
  core::RespondentStream stream(scorer, hold, visit);
  unsigned formats = 0;  // a bit per io::InputFormat read
  try {
    const SessionsRead read =
        read_valid_responses(q, input, lang, unread, [&](const io::ResponseRecord& record) {
          formats |= 1u << static_cast<unsigned>(record.format);
          stream.add(record.response, record.location);
        });
    stream.finish();
    return read;
  } catch (const core::RespondentStream::NotGrouped& back) {
    throw Error(ExitCode::invalid_input,
                text::Message{not_grouped_message(formats),
                              {back.source, respondent_label(back.respondent, lang), std::to_string(hold)}});
  }
}

io::TrendParameters trend_parameters(const TrendOptions& o, const io::LoadedQuestionnaire& loaded,
                                     const core::TrendSettings& settings) {
  const core::Questionnaire& q = loaded.questionnaire;
  io::TrendParameters out;
  out.settings = settings;
  out.norms_file = loaded.origin;
  const auto sources = [&](const std::string& flag, const std::vector<std::string>& specs,
                           const std::vector<std::optional<double>>& values) {
    std::vector<io::ParameterSource> list(values.size(), io::ParameterSource::none);
    for (std::size_t k = 0; k < values.size(); ++k)
      if (values[k]) list[k] = io::ParameterSource::norms;
    for (const Threshold& t : parse_scale_list(flag, specs, q))
      list[t.subscale.value_or(q.subscales.size())] = io::ParameterSource::option;
    return list;
  };
  out.sd_source = sources("--sd", o.sd, settings.reference_sd);
  out.r_source = sources("--retest-r", o.retest_r, settings.retest_r);
  return out;
}

std::string scale_metric(const core::Questionnaire& q, std::size_t k, const std::string& lang) {
  const core::ScoreRanges ranges = core::score_ranges(q);
  const std::size_t n = q.subscales.size();
  const core::ScoreRange range = k < n ? ranges.subscales[k] : ranges.total;
  const core::Method method = k < n ? q.subscales[k].method : q.total.method;
  return text::say(lang,
                   method == core::Method::sum ? text::Msg::trend_metric_sum : text::Msg::trend_metric_mean,
                   {text::decimal(lang, core::format_readable(range.low)),
                    text::decimal(lang, core::format_readable(range.high))});
}

void warn_implausible_sds(const TrendOptions& o, const io::LoadedQuestionnaire& loaded,
                          const io::TrendParameters& parameters, const std::string& lang) {
  const core::Questionnaire& q = loaded.questionnaire;
  const std::vector<std::string> names = io::trend_scale_names(q);
  const core::ScoreRanges ranges = core::score_ranges(q);
  const std::size_t n = q.subscales.size();
  for (std::size_t s = 0; s < names.size(); ++s) {
    const std::size_t k = s < n ? s : n;
    const std::optional<double>& sd = parameters.settings.reference_sd[k];
    if (!sd) continue;
    const std::optional<core::SdProblem> problem = core::implausible_sd(q, k, *sd);
    if (!problem) continue;
    const std::string from = parameters.sd_source[k] == io::ParameterSource::option
                                 ? option_spec("--sd", o.sd, q, k).value_or("--sd")
                                 : text::say(lang, text::Msg::trend_from_norms, {loaded.origin});
    const core::ScoreRange range = k < n ? ranges.subscales[k] : ranges.total;
    const double limit =
        *problem == core::SdProblem::below_step ? core::score_step(q, k) : (range.high - range.low) / 2;
    std::cerr << text::say(lang, text::Msg::warning_prefix, {})
              << text::say(lang,
                           *problem == core::SdProblem::below_step ? text::Msg::trend_sd_below_step
                                                                   : text::Msg::trend_sd_above_range,
                           {from, text::decimal(lang, core::format_readable(*sd)), names[s],
                            text::decimal(lang, core::format_readable(limit)), scale_metric(q, k, lang)})
              << '\n';
  }
}

SessionsRead read_sessions(const core::Questionnaire& q, const InputOptions& input, const std::string& lang,
                           UnreadFiles& unread, const std::set<std::string>& only,
                           core::RespondentGroups& groups) {
  const core::Scorer scorer(q);
  return read_valid_responses(q, input, lang, unread, [&](const io::ResponseRecord& record) {
    const core::Response& r = record.response;
    if (only.empty() || only.count(r.respondent))
      groups.add(r.respondent, core::scored_session(scorer, r), record.location);
  });
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
  settings.reliable_from = o.reliable_from == "first"  ? core::ReliableFrom::first
                           : o.reliable_from == "both" ? core::ReliableFrom::both
                                                       : core::ReliableFrom::previous;
  return settings;
}

std::string respondent_label(const std::string& id, const std::string& lang) {
  return id.empty() ? std::string(text::messages(lang).no_respondent_id) : core::terminal_safe(id);
}

namespace {

// respondent_records, copying the respondent's texts or (from an rvalue) moving them.
template <class Sessions>
std::vector<io::TrendRecord> trend_records_of(const core::Questionnaire& q, Sessions&& person,
                                              const core::TrendSettings& settings, const std::string& lang) {
  constexpr bool take = !std::is_const_v<std::remove_reference_t<Sessions>>;
  const text::Messages& m = text::messages(lang);
  std::vector<core::TrendPoint> points = core::analyse_trend(q, person.sessions, settings);
  const core::SessionOrdering ordering = core::session_ordering(person.sessions);
  if (ordering == core::SessionOrdering::as_given && person.sessions.size() > 1)
    std::cerr << m.warning_prefix
              << text::fill(m.trend_unordered, {respondent_label(person.respondent, lang)}) << '\n';
  std::vector<io::TrendRecord> records;
  records.reserve(points.size());
  for (std::size_t p = 0; p < points.size(); ++p) {
    auto& s = person.sessions[points[p].input];
    auto& source = person.sources[points[p].input];
    if (points[p].tied)
      std::cerr << m.warning_prefix
                << text::fill(
                       ordering == core::SessionOrdering::by_number ? m.trend_tied_number : m.trend_tied_date,
                       {source, respondent_label(person.respondent, lang), records.back().source})
                << '\n';
    if constexpr (take)
      records.push_back(
          {person.respondent, s.session, std::move(s.date), std::move(source), p + 1, std::move(points[p])});
    else
      records.push_back({person.respondent, s.session, s.date, source, p + 1, std::move(points[p])});
  }
  return records;
}

}  // namespace

std::vector<io::TrendRecord> respondent_records(const core::Questionnaire& q,
                                                const core::RespondentSessions& person,
                                                const core::TrendSettings& settings,
                                                const std::string& lang) {
  return trend_records_of(q, person, settings, lang);
}

std::vector<io::TrendRecord> respondent_records(const core::Questionnaire& q,
                                                core::RespondentSessions&& person,
                                                const core::TrendSettings& settings,
                                                const std::string& lang) {
  return trend_records_of(q, std::move(person), settings, lang);
}

std::vector<std::vector<io::TrendRecord>> trend_records(const core::Questionnaire& q,
                                                        const core::RespondentGroups& groups,
                                                        const core::TrendSettings& settings,
                                                        const std::string& lang) {
  std::vector<std::vector<io::TrendRecord>> people;
  for (const core::RespondentSessions& person : groups.respondents())
    people.push_back(respondent_records(q, person, settings, lang));
  return people;
}

}  // namespace alliance::cli
