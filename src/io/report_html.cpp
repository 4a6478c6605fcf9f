// The report as one HTML page: the caseload, a section per client, the
// parameters and provenance (docs/report.md).
#include <algorithm>
#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "alliance/core/agreement.hpp"
#include "alliance/core/text.hpp"
#include "alliance/core/trend_series.hpp"
#include "alliance/io/report_writer.hpp"
#include "report_parts.hpp"
#include "report_text.hpp"

namespace alliance::io {

namespace {

using report::escape;
using report::number;
using report::Word;

// Print: A4, one client per page, two charts a row; phone: one chart a row,
// wide tables scroll sideways inside their box.
constexpr const char* kPageStyle =
    "body{font:15px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#1a1a1a;background:#fff;"
    "margin:0 auto;max-width:1100px;padding:16px}"
    "h1{font-size:1.6em;margin:.2em 0}h2{font-size:1.3em;border-bottom:2px solid #0072b2;margin-top:1.6em}"
    "h3{font-size:1.05em;margin:1.2em 0 .3em}"
    "p.meta{color:#444;margin:.2em 0}"
    "table{border-collapse:collapse;font-size:.9em;margin:.4em 0}"
    "caption{text-align:left;font-weight:600;padding:.2em 0}"
    "th,td{border:1px solid #bbb;padding:3px 6px;text-align:left;vertical-align:top}"
    "th{background:#f2f2f2}td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}"
    "table.scores td{white-space:nowrap}table.scores td:last-child{white-space:normal;min-width:14em}"
    ".scroll{overflow-x:auto;max-width:100%}"
    ".charts{display:grid;grid-template-columns:repeat(auto-fill,minmax(400px,1fr));gap:10px 16px}"
    ".charts figure{margin:0}.charts figure.total{grid-column:1/-1}.charts figure.total svg{max-width:760px}"
    "figcaption{font-weight:600}"
    "tr.attention td:first-child{font-weight:700}"
    ".legend{display:flex;flex-wrap:wrap;gap:4px 18px;padding:0;margin:.4em 0;list-style:none;font-size:.9em}"
    ".legend svg{width:34px;height:14px;vertical-align:middle;margin-right:4px}"
    ".note{font-size:.9em;color:#333}"
    // A caseload of a thousand clients: the browser lays out only the sections in view (they stay
    // in the accessibility tree and in find-in-page); printing lays out every one.
    "@media screen{section.client{content-visibility:auto;contain-intrinsic-size:auto 1800px}}"
    "@media (max-width:640px){body{padding:8px;font-size:14px}.charts{grid-template-columns:1fr}"
    "th,td{padding:2px 4px}.charts .chart{font-size:20px}}"
    "@media print{@page{size:A4;margin:14mm}body{max-width:none;padding:0;font-size:10pt}"
    "section.client+section.client,#parameters{break-before:page}figure,tr{break-inside:avoid}"
    ".charts{grid-template-columns:1fr 1fr}a{color:inherit;text-decoration:none}nav{display:none}}";

std::string text_of(double v, const std::string& lang) {
  std::string t = core::format_readable(v);
  if (lang == "fr") std::replace(t.begin(), t.end(), '.', ',');
  if (!t.empty() && t[0] == '-') t = "\u2212" + t.substr(1);
  return t;
}

std::string score_text(const std::optional<double>& v, const std::string& lang) {
  return v ? number(*v, 2, lang) : "—";
}

std::string colon(const std::string& lang) {
  return lang == "fr" ? "\u00A0: " : ": ";
}

// The scale charts and tables show first: the total, then the subscales.
std::vector<std::size_t> scale_order(const core::Questionnaire& q) {
  std::vector<std::size_t> order;
  if (q.total.present) order.push_back(q.subscales.size());
  for (std::size_t s = 0; s < q.subscales.size(); ++s) order.push_back(s);
  return order;
}

// "rupture (Total, Bond); below band (Total)": a session's flags on every scale.
std::string flags_text(const Report& report, const TrendRecord& record) {
  const core::Questionnaire& q = *report.client.questionnaire;
  const std::string& lang = report.language;
  std::vector<std::pair<std::string, std::string>> flags;  // word, scales
  const auto add = [&](const std::string& w, std::size_t scale) {
    const std::string title = report::scale_title(q, scale, lang);
    for (auto& [name, scales] : flags)
      if (name == w) {
        scales += ", " + title;
        return;
      }
    flags.emplace_back(w, title);
  };
  static constexpr Word kFlagWords[] = {Word::page_flag_below_band, Word::page_flag_reliable_drop,
                                        Word::page_flag_rupture,    Word::page_flag_repair,
                                        Word::page_flag_ceiling,    Word::page_flag_low_item};
  // trend's flags as --fail-on would report them (core::trend_alerts), grouped by flag.
  const std::vector<core::TrendAlert> alerts = core::trend_alerts(q, record.point, ~0u);
  const std::vector<core::TrendFlag>& all = core::all_trend_flags();
  for (std::size_t f = 0; f < all.size(); ++f)
    for (const core::TrendAlert& alert : alerts)
      if (alert.flag == all[f]) add(report::word(kFlagWords[f], lang), alert.scale);
  for (std::size_t s = 0; s < q.subscales.size() + (q.total.present ? 1 : 0); ++s) {
    const std::vector<std::string> marks = report::mark_words(report, record.point.scales[s]);
    if (std::find(marks.begin(), marks.end(), report::word(Word::page_reliable_rise, lang)) != marks.end())
      add(report::word(Word::page_reliable_rise, lang), s);
  }
  std::string out;
  for (const auto& [name, scales] : flags) out += (out.empty() ? "" : "; ") + name + " (" + scales + ")";
  return out;
}

// 0: rupture, reliable drop or concern band in the latest session; 1: a low
// item or no total; 2: the others.
int attention_level(const Report& report, const ReportClient& client) {
  // What `trend --latest --fail-on rupture,reliable-drop,below-band` (then low-item) alerts on.
  const core::Questionnaire& q = *report.client.questionnaire;
  const core::TrendPoint& latest = client.sessions.back().point;
  const unsigned urgent = static_cast<unsigned>(core::TrendFlag::rupture) |
                          static_cast<unsigned>(core::TrendFlag::reliable_drop) |
                          static_cast<unsigned>(core::TrendFlag::below_band);
  if (!core::trend_alerts(q, latest, urgent).empty()) return 0;
  const bool low = !core::trend_alerts(q, latest, static_cast<unsigned>(core::TrendFlag::low_item)).empty();
  const bool no_total = q.total.present && !latest.scales[q.subscales.size()].score;
  return low || no_total ? 1 : 2;
}

std::optional<double> latest_total(const Report& report, const ReportClient& client) {
  const core::Questionnaire& q = *report.client.questionnaire;
  if (!q.total.present) return std::nullopt;
  return client.sessions.back().point.scales[q.subscales.size()].score;
}

std::string sessions_text(const ReportClient& client, const std::string& lang) {
  const TrendRecord& first = client.sessions.front();
  const TrendRecord& last = client.sessions.back();
  if (client.sessions.size() == 1)
    return report::fill(report::word(Word::page_one_session, lang), {report::session_name(first)});
  if (first.session && last.session)
    return report::fill(report::word(Word::page_sessions_range, lang),
                        {std::to_string(*first.session), std::to_string(*last.session)});
  return report::fill(report::word(Word::page_n_sessions, lang), {std::to_string(client.sessions.size())});
}

// Change of the total from the previous scored session, with its direction in words.
std::pair<std::string, std::string> change_text(const Report& report, const ReportClient& client) {
  const core::Questionnaire& q = *report.client.questionnaire;
  const std::string& lang = report.language;
  if (!q.total.present) return {"—", "—"};
  const std::optional<double>& change =
      client.sessions.back().point.scales[q.subscales.size()].change_previous;
  if (!change) return {"—", report::word(Word::page_no_change, lang)};
  const std::string value = number(*change, 2, lang, true);
  const std::string rounded = core::format_fixed(*change, 2);
  if (rounded == "0.00") return {value, std::string("→ ") + report::word(Word::page_same, lang)};
  return {value, *change > 0 ? std::string("↑ ") + report::word(Word::page_up, lang)
                             : std::string("↓ ") + report::word(Word::page_down, lang)};
}

std::string client_anchor(std::size_t index) {
  return "client-" + std::to_string(index + 1);
}

void caseload(std::string& out, const Report& report, const std::vector<std::size_t>& order) {
  const std::string& lang = report.language;
  std::size_t sessions = 0, flagged = 0;
  for (const ReportClient& c : report.clients) {
    sessions += c.sessions.size();
    if (attention_level(report, c) == 0) ++flagged;
  }
  out += "<section id=\"caseload\" aria-labelledby=\"caseload-h\">\n<h2 id=\"caseload-h\">" +
         escape(report::word(Word::page_caseload_title, lang)) + "</h2>\n<p>" +
         escape(report::fill(
             report::word(Word::page_caseload_summary, lang),
             {std::to_string(report.clients.size()), std::to_string(sessions), std::to_string(flagged)})) +
         "</p>\n<div class=\"scroll\"><table>\n<thead><tr><th scope=\"col\">" +
         escape(report::word(Word::page_client, lang)) + "</th><th scope=\"col\">" +
         escape(report::word(Word::page_session, lang)) + "</th><th scope=\"col\" class=\"num\">" +
         escape(report::word(Word::page_latest_total, lang)) + "</th><th scope=\"col\" class=\"num\">" +
         escape(report::word(Word::page_change, lang)) + "</th><th scope=\"col\">" +
         escape(report::word(Word::page_direction, lang)) + "</th><th scope=\"col\">" +
         escape(report::word(Word::page_flags, lang)) + "</th></tr></thead>\n<tbody>\n";
  for (std::size_t i = 0; i < order.size(); ++i) {
    const ReportClient& c = report.clients[order[i]];
    const auto [change, direction] = change_text(report, c);
    const std::string flags = flags_text(report, c.sessions.back());
    out += std::string("<tr") + (attention_level(report, c) == 0 ? " class=\"attention\"" : "") +
           "><td><a href=\"#" + client_anchor(i) + "\">" + escape(c.respondent) + "</a></td><td>" +
           escape(sessions_text(c, lang)) + "</td><td class=\"num\">" +
           score_text(latest_total(report, c), lang) + "</td><td class=\"num\">" + change + "</td><td>" +
           escape(direction) + "</td><td>" +
           escape(flags.empty() ? report::word(Word::page_no_flags, lang) : flags) + "</td></tr>\n";
  }
  out += "</tbody></table></div>\n</section>\n";
}

void legend(std::string& out, const Report& report, bool therapist) {
  const std::string& lang = report.language;
  const auto item = [&](const std::string& swatch, Word w) {
    out += "<li><svg class=\"chart\" viewBox=\"0 0 34 14\" aria-hidden=\"true\">" + swatch + "</svg>" +
           escape(report::word(w, lang)) + "</li>";
  };
  out += "<ul class=\"legend\" aria-label=\"" + escape(report::word(Word::page_legend, lang)) + "\">";
  item(
      "<g class=\"client\"><polyline class=\"line\" points=\"2,7 32,7\"/><circle class=\"pt\" cx=\"17\" "
      "cy=\"7\" r=\"4\"/></g>",
      Word::page_legend_client);
  if (therapist)
    item(
        "<g class=\"therapist\"><polyline class=\"line\" points=\"2,7 32,7\"/><rect class=\"pt\" x=\"13\" "
        "y=\"3\" width=\"8\" height=\"8\"/></g>",
        Word::page_legend_therapist);
  item("<path class=\"mark rupture\" d=\"M11 2h12l-6 10z\"/>", Word::page_flag_rupture);
  item("<path class=\"mark repair\" d=\"M11 12h12l-6 -10z\"/>", Word::page_flag_repair);
  item("<circle class=\"mark reliable\" cx=\"17\" cy=\"7\" r=\"5\"/>", Word::page_flag_reliable_drop);
  item("<circle class=\"mark reliable\" cx=\"17\" cy=\"7\" r=\"5\"/>", Word::page_reliable_rise);
  item("<rect class=\"band\" x=\"2\" y=\"1\" width=\"30\" height=\"12\"/>", Word::page_band_concern);
  item("<g class=\"gap\"><line x1=\"17\" x2=\"17\" y1=\"0\" y2=\"14\"/></g>", Word::page_legend_gap);
  out += "</ul>\n";
}

void scores_table(std::string& out, const Report& report, const ReportClient& client, std::size_t index) {
  const core::Questionnaire& q = *report.client.questionnaire;
  const std::string& lang = report.language;
  const bool therapist = !client.therapist.empty() && report::placed_by_number(client);
  struct Row {
    const TrendRecord* client = nullptr;
    const TrendRecord* therapist = nullptr;
  };
  std::vector<std::pair<std::tuple<long long, std::size_t>, Row>> rows;
  std::map<long long, std::size_t> by_session;
  for (const TrendRecord& r : client.sessions) {
    const long long key = r.session ? *r.session : static_cast<long long>(r.position);
    by_session.emplace(key, rows.size());
    rows.push_back({{key, rows.size()}, {&r, nullptr}});
  }
  if (therapist)
    for (const TrendRecord& r : client.therapist) {
      const auto found = by_session.find(*r.session);
      if (found != by_session.end() && !rows[found->second].second.therapist)
        rows[found->second].second.therapist = &r;
      else
        rows.push_back({{*r.session, rows.size()}, {nullptr, &r}});
    }
  std::stable_sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.first < b.first; });

  out += "<div class=\"scroll\"><table class=\"scores\" id=\"" + client_anchor(index) +
         "-scores\">\n<caption>" + escape(report::word(Word::page_scores_table, lang)) +
         "</caption>\n<thead><tr><th scope=\"col\">" + escape(report::word(Word::page_session, lang)) +
         "</th><th scope=\"col\">" + escape(report::word(Word::page_date, lang)) + "</th>";
  for (std::size_t s : scale_order(q)) {
    out += "<th scope=\"col\" class=\"num\">" + escape(report::scale_title(q, s, lang)) + "</th>";
    if (therapist && report::therapist_scale(report, s))
      out += "<th scope=\"col\" class=\"num\">" + escape(report::scale_title(q, s, lang)) + " (" +
             escape(report::word(Word::page_therapist_short, lang)) + ")</th>";
  }
  out += "<th scope=\"col\">" + escape(report::word(Word::page_session_flags, lang)) +
         "</th></tr></thead>\n<tbody>\n";
  for (const auto& [key, row] : rows) {
    const TrendRecord* any = row.client ? row.client : row.therapist;
    out += "<tr><th scope=\"row\">" + escape(report::session_name(*any)) + "</th><td>" + escape(any->date) +
           "</td>";
    for (std::size_t s : scale_order(q)) {
      if (!row.client)
        out += "<td>" + escape(report::word(Word::page_no_response, lang)) + "</td>";
      else if (const std::optional<double>& v = row.client->point.scales[s].score)
        out += "<td class=\"num\">" + number(*v, 2, lang) + "</td>";
      else
        out += "<td>" + escape(report::word(Word::page_no_score, lang)) + "</td>";
      if (therapist)
        if (const std::optional<std::size_t> t = report::therapist_scale(report, s))
          out +=
              "<td class=\"num\">" +
              (row.therapist ? score_text(row.therapist->point.scales[*t].score, lang) : std::string("—")) +
              "</td>";
    }
    out += "<td>" + (row.client ? escape(flags_text(report, *row.client)) : std::string()) + "</td></tr>\n";
  }
  out += "</tbody></table></div>\n";
}

void agreement_table(std::string& out, const Report& report, const ReportClient& client) {
  if (!client.agreement || client.agreement->pairs.empty()) return;
  const core::Questionnaire& q = *report.client.questionnaire;
  const std::string& lang = report.language;
  const auto cell = [&](const std::optional<double>& v) {
    return "<td class=\"num\">" + (v ? number(*v, 2, lang, false) : std::string("—")) + "</td>";
  };
  out += "<h3>" + escape(report::word(Word::page_agreement_title, lang)) +
         "</h3>\n<div class=\"scroll\"><table>\n<thead><tr><th scope=\"col\">" +
         escape(report::word(Word::page_scale, lang)) + "</th>";
  for (Word w : {Word::page_pairs, Word::page_client_mean, Word::page_therapist_mean,
                 Word::page_mean_difference, Word::page_limits, Word::page_pearson_r, Word::page_icc})
    out += "<th scope=\"col\" class=\"num\">" + escape(report::word(w, lang)) + "</th>";
  out += "</tr></thead>\n<tbody>\n";
  std::size_t most = 0;
  for (std::size_t s = 0; s < client.agreement->stats.size(); ++s) {
    const core::AgreementStats& a = client.agreement->stats[s];
    most = std::max(most, a.n);
    out += "<tr><th scope=\"row\">" + escape(report::scale_title(q, s, lang)) + "</th><td class=\"num\">" +
           std::to_string(a.n) + "</td>" + cell(a.mean_first) + cell(a.mean_second) +
           cell(a.mean_difference) + "<td class=\"num\">" +
           (a.loa_lower && a.loa_upper ? number(*a.loa_lower, 2, lang) + " … " + number(*a.loa_upper, 2, lang)
                                       : std::string("—")) +
           "</td>" + cell(a.pearson_r) + cell(a.icc) + "</tr>\n";
  }
  out += "</tbody></table></div>\n<p class=\"note\">" + escape(report::word(Word::page_agreement_note, lang));
  if (most < 10) out += " " + escape(report::word(Word::page_few_pairs, lang));
  out += "</p>\n";
}

void lowest_items(std::string& out, const Report& report, const ReportClient& client) {
  const core::Questionnaire& q = *report.client.questionnaire;
  const std::string& lang = report.language;
  std::vector<std::pair<double, std::size_t>> keyed;
  for (std::size_t i = 0; i < client.latest_answers.size() && i < q.items.size(); ++i)
    if (client.latest_answers[i])
      keyed.emplace_back(core::keyed_item_score(q, i, *client.latest_answers[i]), i);
  if (keyed.empty()) return;
  std::stable_sort(keyed.begin(), keyed.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  keyed.resize(std::min<std::size_t>(keyed.size(), 3));
  out += "<h3>" +
         escape(report::fill(report::word(Word::page_lowest_items, lang),
                             {report::session_name(client.sessions.back())})) +
         "</h3>\n<div class=\"scroll\"><table>\n<thead><tr>";
  for (Word w :
       {Word::page_item, Word::page_subscale, Word::page_wording, Word::page_answer, Word::page_keyed})
    out += std::string("<th scope=\"col\"") +
           (w == Word::page_answer || w == Word::page_keyed ? " class=\"num\"" : "") + ">" +
           escape(report::word(w, lang)) + "</th>";
  out += "</tr></thead>\n<tbody>\n";
  for (const auto& [score, i] : keyed) {
    const core::Item& item = q.items[i];
    const std::string& wording = core::pick_text(item.text, lang);
    out += "<tr><td>" + escape(item.id) + "</td><td>" + escape(report::scale_title(q, item.subscale, lang)) +
           "</td><td>" + escape(wording.empty() ? report::word(Word::page_key_only, lang) : wording) +
           "</td><td class=\"num\">" + text_of(*client.latest_answers[i], lang) + "</td><td class=\"num\">" +
           text_of(score, lang) + "</td></tr>\n";
  }
  out += "</tbody></table></div>\n";
}

void client_section(std::string& out, const Report& report, const ReportClient& client, std::size_t index) {
  const core::Questionnaire& q = *report.client.questionnaire;
  const std::string& lang = report.language;
  const std::string anchor = client_anchor(index);
  const auto [change, direction] = change_text(report, client);
  const std::string flags = flags_text(report, client.sessions.back());
  out += "<section class=\"client\" id=\"" + anchor + "\" aria-labelledby=\"" + anchor + "-h\">\n<h2 id=\"" +
         anchor + "-h\">" + escape(report::word(Word::page_client, lang)) + " " + escape(client.respondent) +
         "</h2>\n<p class=\"meta\">" + escape(sessions_text(client, lang));
  if (q.total.present)
    out += " · " + escape(report::word(Word::page_latest_total, lang)) + colon(lang) +
           score_text(latest_total(report, client), lang) + " (" + change + ", " + escape(direction) + ")";
  out += " · " + escape(report::word(Word::page_flags, lang)) + colon(lang) +
         escape(flags.empty() ? report::word(Word::page_no_flags, lang) : flags) + "</p>\n";
  const bool therapist_drawn = !client.therapist.empty() && report::placed_by_number(client);
  legend(out, report, therapist_drawn);
  if (!client.therapist.empty() && !therapist_drawn)
    out += "<p class=\"note\">" + escape(report::word(Word::page_therapist_unplaced, lang)) + "</p>\n";
  out += "<div class=\"charts\">\n";
  const core::ScoreRanges ranges = core::score_ranges(q);
  for (std::size_t s : scale_order(q)) {
    const core::ScoreRange r = s < q.subscales.size() ? ranges.subscales[s] : ranges.total;
    out += std::string("<figure") + (s == q.subscales.size() ? " class=\"total\"" : "") + "><figcaption>" +
           escape(report::scale_title(q, s, lang)) + " (" + number(r.low, 0, lang) + "–" +
           number(r.high, 0, lang) + ")</figcaption>\n" +
           report::chart_svg(report, client, s, anchor + "-s" + std::to_string(s), false) + "</figure>\n";
  }
  out += "</div>\n";
  scores_table(out, report, client, index);
  agreement_table(out, report, client);
  lowest_items(out, report, client);
  out += "</section>\n";
}

std::string source_word(ParameterSource source, const std::string& lang) {
  switch (source) {
    case ParameterSource::norms: return report::word(Word::page_from_norms, lang);
    case ParameterSource::option: return report::word(Word::page_from_option, lang);
    case ParameterSource::none: break;
  }
  return "—";
}

void form_rows(std::string& out, const ReportForm& form, Word title, const std::string& lang) {
  const core::Questionnaire& q = *form.questionnaire;
  const auto unread = [&form](const std::string& f) {
    return std::find(form.unread.begin(), form.unread.end(), f) != form.unread.end();
  };
  std::string files;
  for (const std::string& f : form.files)
    files += (files.empty() ? "" : ", ") + f + (unread(f) ? report::word(Word::page_not_read, lang) : "");
  if (files.empty())
    files = std::string(report::word(Word::page_standard_input, lang)) +
            (unread("-") ? report::word(Word::page_not_read, lang) : "");
  out += "<tr><th scope=\"row\">" + escape(report::word(title, lang)) + "</th><td>" + escape(q.id) + " — " +
         escape(core::pick_text(q.title, lang)) + ", " + escape(report::word(Word::page_version, lang)) +
         " " + escape(form.provenance.questionnaire_version) + ", " +
         escape(report::word(Word::page_definition_hash, lang)) + " <code>" +
         escape(form.provenance.definition_hash) + "</code></td></tr>\n<tr><th scope=\"row\">" +
         escape(report::word(Word::page_inputs, lang)) + "</th><td>" + escape(files) + "</td></tr>\n";
}

void parameters(std::string& out, const Report& report) {
  const core::Questionnaire& q = *report.client.questionnaire;
  const std::string& lang = report.language;
  const core::TrendSettings& s = report.settings;
  out += "<section id=\"parameters\" aria-labelledby=\"parameters-h\">\n<h2 id=\"parameters-h\">" +
         escape(report::word(Word::page_parameters_title, lang)) +
         "</h2>\n<div class=\"scroll\"><table>\n<tbody>\n";
  form_rows(out, report.client, Word::page_client_form, lang);
  if (report.therapist) form_rows(out, *report.therapist, Word::page_therapist_form, lang);
  out += "<tr><th scope=\"row\">" + escape(report::word(Word::page_alliance_version, lang)) + "</th><td>" +
         escape(report.client.provenance.alliance_version) + "</td></tr>\n<tr><th scope=\"row\">" +
         escape(report::word(Word::page_report_date, lang)) + "</th><td>" + escape(report.generated_at) +
         "</td></tr>\n</tbody></table></div>\n<div class=\"scroll\"><table>\n<thead><tr>";
  for (Word w :
       {Word::page_scale, Word::page_reference_sd, Word::page_source, Word::page_retest_r, Word::page_source})
    out += "<th scope=\"col\">" + escape(report::word(w, lang)) + "</th>";
  out += "</tr></thead>\n<tbody>\n";
  for (std::size_t k : scale_order(q)) {
    const auto cell = [&](const std::optional<double>& v, const std::vector<ParameterSource>& sources) {
      const ParameterSource source = k < sources.size() ? sources[k] : ParameterSource::none;
      return "<td class=\"num\">" + (v ? text_of(*v, lang) : std::string("—")) + "</td><td>" +
             escape(v ? source_word(source, lang) : report::word(Word::page_not_given, lang)) + "</td>";
    };
    out += "<tr><th scope=\"row\">" + escape(report::scale_title(q, k, lang)) + "</th>" +
           cell(s.reference_sd[k], report.sd_source) + cell(s.retest_r[k], report.r_source) + "</tr>\n";
  }
  out += "</tbody></table></div>\n<ul class=\"note\">\n";
  const auto rule = [&](Word w, const std::string& value) {
    out += "<li>" + escape(report::fill(report::word(w, lang), {value})) + "</li>\n";
  };
  rule(Word::page_rupture_rule, text_of(s.rupture_sds, lang));
  rule(Word::page_baseline_rule, std::to_string(s.baseline));
  rule(Word::page_repair_rule, std::to_string(s.repair_within));
  rule(Word::page_reliable_rule, text_of(s.reliable_z, lang));
  rule(Word::page_low_item_rule, text_of(s.low_item.value_or(q.scale.min), lang));
  if (report.invalid > 0) rule(Word::page_invalid_note, std::to_string(report.invalid));
  out += "</ul>\n</section>\n";
}

// The provenance of docs/output-format.md, for a script reading the page: its four fields as
// <meta name="alliance.FIELD">; with the therapist's form, each lists both forms, joined by ';'.
std::string provenance_meta(const Report& report) {
  const Provenance& c = report.client.provenance;
  const Provenance* t = report.therapist ? &report.therapist->provenance : nullptr;
  const auto both = [&](const std::string& first, const std::string* second) {
    return second ? first + ";" + *second : first;
  };
  const std::pair<const char*, std::string> fields[] = {
      {"questionnaire", both(c.questionnaire_id, t ? &t->questionnaire_id : nullptr)},
      {"questionnaire_version", both(c.questionnaire_version, t ? &t->questionnaire_version : nullptr)},
      {"definition_hash", both(c.definition_hash, t ? &t->definition_hash : nullptr)},
      {"alliance_version", c.alliance_version}};
  std::string out;
  for (const auto& [name, value] : fields)
    out += std::string("<meta name=\"alliance.") + name + "\" content=\"" + escape(value) + "\">\n";
  return out;
}

}  // namespace

std::vector<std::size_t> attention_order(const Report& report) {
  std::vector<std::size_t> order(report.clients.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::vector<std::tuple<int, bool, double, const std::string*>> keys;
  for (const ReportClient& c : report.clients) {
    const std::optional<double> total = latest_total(report, c);
    keys.emplace_back(attention_level(report, c), total.has_value(), total.value_or(0), &c.respondent);
  }
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    const auto& [la, ha, ta, ia] = keys[a];
    const auto& [lb, hb, tb, ib] = keys[b];
    if (la != lb) return la < lb;
    if (ha != hb) return !ha;
    if (ta != tb) return ta < tb;
    return *ia < *ib;
  });
  return order;
}

std::string report_html(const Report& report) {
  const core::Questionnaire& q = *report.client.questionnaire;
  const std::string& lang = report.language;
  const std::vector<std::size_t> order = attention_order(report);
  std::string title = report::word(Word::page_title, lang);
  title += " — " + core::pick_text(q.title, lang);
  if (report.clients.size() == 1) title += " — " + report.clients.front().respondent;
  std::string out;
  out.reserve(std::min<std::size_t>(4096 + report.clients.size() * 27000, std::size_t{1} << 28));
  out += "<!DOCTYPE html>\n<html lang=\"" + std::string(lang == "fr" ? "fr" : "en") +
         "\">\n<head>\n<meta charset=\"utf-8\">\n"
         "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src "
         "'unsafe-inline'\">\n"
         "<meta name=\"referrer\" content=\"no-referrer\">\n"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
         "<meta name=\"generator\" content=\"alliance " +
         escape(report.client.provenance.alliance_version) + "\">\n" + provenance_meta(report) + "<title>" +
         escape(title) + "</title>\n<style>" + kPageStyle + report::kChartStyle +
         "</style>\n</head>\n<body>\n<header>\n<h1>" + escape(report::word(Word::page_title, lang)) +
         "</h1>\n<p class=\"meta\">" + escape(core::pick_text(q.title, lang)) + " · " +
         escape(report::word(Word::page_report_date, lang)) + colon(lang) + escape(report.generated_at) +
         "</p>\n</header>\n<main>\n";
  if (report.clients.size() > 1) caseload(out, report, order);
  for (std::size_t i = 0; i < order.size(); ++i) client_section(out, report, report.clients[order[i]], i);
  parameters(out, report);
  out += "</main>\n</body>\n</html>\n";
  return out;
}

}  // namespace alliance::io
