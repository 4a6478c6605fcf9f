#include "thresholds.hpp"

#include <algorithm>

#include "alliance/core/error.hpp"
#include "alliance/core/text.hpp"
#include "alliance/core/utf8.hpp"
#include "alliance/text/messages.hpp"
#include "option_values.hpp"

namespace alliance::cli {

Error did_you_mean_error(text::Msg id, std::vector<std::string> args,
                         const std::optional<std::string>& close) {
  return Error(ExitCode::usage, [id, args, close](std::string_view lang) {
    std::vector<std::string> all = args;
    all.push_back(close ? text::say(lang, text::Msg::did_you_mean, {*close}) : "");
    return text::say(lang, text::Message{id, all});
  });
}

Threshold parse_scale_value(const std::string& flag, const std::string& spec, const core::Questionnaire& q) {
  std::vector<std::string> scales;
  for (const core::Subscale& s : q.subscales) scales.push_back(s.id);
  scales.push_back("total");
  const auto eq = spec.find('=');
  if (eq == std::string::npos || eq + 1 == spec.size())
    throw Error(ExitCode::usage, text::Message{text::Msg::scale_value_syntax, {flag, spec}});
  // Strictly: "nan" passes no comparison (--fail-below total=nan never fired), "inf" every one.
  const std::optional<double> value = parse_finite(std::string_view(spec).substr(eq + 1));
  if (!value)
    throw Error(ExitCode::usage,
                text::Message{text::Msg::scale_value_not_number, {flag, spec, spec.substr(eq + 1)}});
  const std::string name = spec.substr(0, eq);
  Threshold t{std::nullopt, *value, spec};
  if (name != "total") {
    t.subscale = q.find_subscale(name);
    if (!t.subscale)
      throw did_you_mean_error(text::Msg::no_such_subscale, {flag, spec, q.id, name},
                               core::closest_match(name, scales));
  } else if (!q.total.present) {
    throw Error(ExitCode::usage, text::Message{text::Msg::no_total_score, {flag, spec, q.id}});
  }
  return t;
}

namespace {

// A scale given twice ("--sd total=3 --sd total=4") would let one value win
// unseen: refused, naming both, as a repeated --map is.
void refuse_repeats(const std::string& flag, const std::vector<Threshold>& thresholds,
                    const core::Questionnaire& q) {
  for (std::size_t i = 0; i < thresholds.size(); ++i)
    for (std::size_t j = 0; j < i; ++j)
      if (thresholds[j].subscale == thresholds[i].subscale) {
        const std::string scale =
            thresholds[i].subscale ? q.subscales[*thresholds[i].subscale].id : std::string("total");
        throw Error(ExitCode::usage, text::Message{text::Msg::scale_given_twice,
                                                   {flag, thresholds[i].spec, scale, thresholds[j].spec}});
      }
}

}  // namespace

std::vector<Threshold> parse_thresholds(const std::vector<std::string>& specs, const core::Questionnaire& q) {
  std::vector<Threshold> out;
  for (const std::string& spec : specs) {
    const Threshold t = parse_scale_value("--fail-below", spec, q);
    // A threshold past the highest possible score alerts on every response,
    // one under the lowest on none: a sum's cut-off given for a mean, say.
    const core::ScoreRange range = t.subscale ? core::subscale_range(q, *t.subscale) : core::total_range(q);
    if (t.value < range.low || t.value > range.high)
      throw Error(ExitCode::usage,
                  text::Message{text::Msg::threshold_outside,
                                {spec, q.id, t.subscale ? q.subscales[*t.subscale].id : std::string("total"),
                                 core::format_number(range.low), core::format_number(range.high)}});
    out.push_back(t);
  }
  refuse_repeats("--fail-below", out, q);
  return out;
}

std::vector<Threshold> parse_scale_list(const std::string& flag, const std::vector<std::string>& specs,
                                        const core::Questionnaire& q) {
  std::vector<Threshold> out;
  for (const std::string& list : specs) {
    std::size_t start = 0;
    while (start <= list.size()) {
      const std::size_t comma = std::min(list.find(',', start), list.size());
      out.push_back(parse_scale_value(flag, list.substr(start, comma - start), q));
      start = comma + 1;
    }
  }
  refuse_repeats(flag, out, q);
  return out;
}

bool below_any(const std::vector<Threshold>& thresholds, const core::Questionnaire& q,
               const io::ResponseRecord& record, const core::ScoreSheet& sheet, std::ostream& log,
               const std::string& lang) {
  const text::Messages& m = text::messages(lang);
  bool below = false;
  for (const Threshold& t : thresholds) {
    const core::ScaleScore& s = t.subscale ? sheet.subscales[*t.subscale] : sheet.total;
    const std::optional<core::CutoffDecision> decision = core::cutoff_decision(s, t.value);
    // Reported: an alert, and a score above the threshold that its missing items could take below.
    if (!decision || (!decision->below && decision->settled)) continue;
    below = below || decision->below;
    const core::Response& r = record.response;
    const auto readable = [&lang](double value) { return text::decimal(lang, core::format_readable(value)); };
    const std::string who =
        r.respondent.empty() ? std::string(m.no_respondent_id) : core::terminal_safe(r.respondent);
    const std::string session =
        r.session ? text::fill(m.trend_alert_session, {std::to_string(*r.session)}) : "";
    const std::string scale = t.subscale ? q.subscales[*t.subscale].id : std::string("total");
    const std::string score = readable(*s.value);
    const std::string threshold = readable(t.value);
    if (!s.possible) {  // nothing missing: the alert as ever
      log << text::fill(m.below_threshold, {record.location, who, session, scale, score, threshold}) << '\n';
      continue;
    }
    const char* message = !decision->below    ? m.could_fall_below
                          : decision->settled ? m.below_threshold_settled
                                              : m.below_threshold_open;
    log << text::fill(message, {record.location, who, session, scale, score, threshold,
                                readable(s.possible->low), readable(s.possible->high)})
        << '\n';
  }
  return below;
}

}  // namespace alliance::cli
