// The charts of the report: one SVG per client and scale, drawn on the
// scale's own range (docs/report.md#the-charts).
#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "alliance/core/scoring.hpp"
#include "alliance/io/report_writer.hpp"
#include "report_parts.hpp"
#include "report_text.hpp"

namespace alliance::io {

double ChartAxis::x(double session) const {
  if (!(high > low)) return (kChartLeft + kChartRight) / 2;
  return kChartLeft + (session - low) / (high - low) * (kChartRight - kChartLeft);
}

double ChartScale::y(double score) const {
  if (!(high > low)) return (kChartTop + kChartBottom) / 2;
  return kChartTop + (high - score) / (high - low) * (kChartBottom - kChartTop);
}

namespace report {

// Colours from Okabe & Ito's palette, which colour-blind readers tell apart;
// the client's and therapist's lines differ in dash and marker shape too, and
// every mark is a shape with a word beside it, so nothing rests on colour.
const char* const kChartStyle =
    ".chart{width:100%;height:auto;font:13px system-ui,-apple-system,'Segoe UI',Roboto,sans-serif}"
    ".chart text{fill:#222}"
    ".chart .frame{fill:none;stroke:#555}"
    ".chart .grid line{stroke:#e3e3e3}"
    ".chart .band{fill:#f6d8b8}"
    ".chart .cut{stroke:#a0522d;stroke-width:1.5;stroke-dasharray:5 3}"
    ".chart .band-label{fill:#6b3410;font-style:italic}"
    ".chart .line{fill:none;stroke-width:2.5}"
    ".chart .client .line{stroke:#0072b2}"
    ".chart .client .pt{fill:#0072b2;stroke:#fff;stroke-width:1}"
    ".chart .therapist .line{stroke:#d55e00;stroke-width:2;stroke-dasharray:7 4}"
    ".chart .therapist .pt{fill:#fff;stroke:#d55e00;stroke-width:2}"
    ".chart .gap line{stroke:#777;stroke-dasharray:2 3}"
    ".chart .gap text{fill:#555;font-style:italic}"
    ".chart .mark{fill:#222}"
    ".chart .mark.repair{fill:#fff;stroke:#222;stroke-width:1.5}"
    ".chart .mark.reliable{fill:none;stroke:#222;stroke-width:1.5}"
    ".chart .mark-label{font-weight:700;text-anchor:middle}"
    ".chart .axis-title{text-anchor:middle}";

std::string scale_title(const core::Questionnaire& q, std::size_t scale, const std::string& lang) {
  const std::size_t n = q.subscales.size();
  const std::string& title = core::pick_text(scale < n ? q.subscales[scale].title : q.total.title, lang);
  if (!title.empty()) return title;
  return scale < n ? q.subscales[scale].id : word(Word::page_total, lang);
}

std::optional<std::size_t> therapist_scale(const Report& report, std::size_t scale) {
  if (!report.therapist) return std::nullopt;
  const core::Questionnaire& c = *report.client.questionnaire;
  const core::Questionnaire& t = *report.therapist->questionnaire;
  if (scale >= c.subscales.size())
    return t.total.present ? std::optional<std::size_t>(t.subscales.size()) : std::nullopt;
  return t.find_subscale(c.subscales[scale].id);
}

bool placed_by_number(const ReportClient& client) {
  const auto numbered = [](const TrendRecord& r) { return r.session.has_value(); };
  return std::all_of(client.sessions.begin(), client.sessions.end(), numbered) &&
         std::all_of(client.therapist.begin(), client.therapist.end(), numbered);
}

std::string session_name(const TrendRecord& record) {
  return record.session ? std::to_string(*record.session) : "#" + std::to_string(record.position);
}

std::vector<std::string> mark_words(const Report& report, const core::ScalePoint& point) {
  std::vector<std::string> words;
  const std::string& lang = report.language;
  if (point.has(core::TrendFlag::rupture)) words.emplace_back(word(Word::page_flag_rupture, lang));
  if (point.has(core::TrendFlag::repair)) words.emplace_back(word(Word::page_flag_repair, lang));
  if (point.has(core::TrendFlag::reliable_drop))
    words.emplace_back(word(Word::page_flag_reliable_drop, lang));
  // A rise is tested on the same change(s) as trend's reliable drop (--reliable-from).
  const double z = report.settings.reliable_z;
  const core::ReliableFrom from = report.settings.reliable_from;
  const bool on_previous = from != core::ReliableFrom::first, on_first = from != core::ReliableFrom::previous;
  if ((on_previous && point.rc_previous && *point.rc_previous > z) ||
      (on_first && point.rc_first && *point.rc_first > z))
    words.emplace_back(word(Word::page_reliable_rise, lang));
  return words;
}

namespace {

std::string join(const std::vector<std::string>& parts, const char* separator) {
  std::string out;
  for (const std::string& p : parts) out += (out.empty() ? "" : separator) + p;
  return out;
}

// Decimals that write every tick of the axis exactly (at most 2).
int tick_decimals(double low, double step) {
  for (int d = 0; d < 2; ++d) {
    const double scale = std::pow(10.0, d);
    if (std::fabs(low * scale - std::round(low * scale)) < 1e-9 &&
        std::fabs(step * scale - std::round(step * scale)) < 1e-9)
      return d;
  }
  return 2;
}

struct Placed {
  double x = 0;
  const TrendRecord* record = nullptr;
};

class Chart {
 public:
  Chart(const Report& report, const ReportClient& client, std::size_t scale, const std::string& id)
      : report_(report), client_(client), scale_(scale), id_(id), lang_(report.language) {
    const core::Questionnaire& q = *report.client.questionnaire;
    const core::ScoreRanges ranges = core::score_ranges(q);
    const std::size_t n = q.subscales.size();
    range_ = {scale < n ? ranges.subscales[scale].low : ranges.total.low,
              scale < n ? ranges.subscales[scale].high : ranges.total.high};
    by_number_ = placed_by_number(client);
    for (const TrendRecord& r : client.sessions)
      sessions_.push_back({by_number_ ? *r.session : static_cast<double>(r.position), &r});
    therapist_scale_ = by_number_ ? therapist_scale(report, scale) : std::nullopt;
    if (therapist_scale_)
      for (const TrendRecord& r : client.therapist)
        therapist_.push_back({static_cast<double>(*r.session), &r});
    axis_.low = axis_.high = sessions_.front().x;
    for (const std::vector<Placed>* series : {&sessions_, &therapist_})
      for (const Placed& p : *series) {
        axis_.low = std::min(axis_.low, p.x);
        axis_.high = std::max(axis_.high, p.x);
      }
  }

  std::string svg(bool standalone) const {
    std::string out;
    if (standalone) out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    out += "<svg class=\"chart\" viewBox=\"0 0 640 240\" role=\"img\" aria-labelledby=\"" + id_ + "-t " +
           id_ + "-d\"";
    if (standalone) out += " xmlns=\"http://www.w3.org/2000/svg\" width=\"640\" height=\"240\"";
    out += ">\n";
    if (standalone) out += std::string("<style>") + kChartStyle + "</style>\n";
    out += "<title id=\"" + id_ + "-t\">" + escape(title()) + "</title>\n";
    out += "<desc id=\"" + id_ + "-d\">" + escape(description()) + "</desc>\n";
    bands(out);
    grid(out);
    gaps(out);
    if (!therapist_.empty()) series(out, therapist_, "therapist", therapist_scale_.value_or(0));
    series(out, sessions_, "client", scale_);
    marks(out);
    out += "</svg>\n";
    return out;
  }

 private:
  std::string title() const {
    return fill(word(Word::page_chart_of, lang_),
                {scale_title(*report_.client.questionnaire, scale_, lang_), client_.respondent});
  }

  std::string value(double v) const { return number(v, 2, lang_); }

  std::string description() const {
    std::string text = fill(word(Word::page_chart_range, lang_), {value(range_.low), value(range_.high)});
    const Placed* first = nullptr;
    const Placed* last = nullptr;
    std::vector<std::string> marked;
    for (const Placed& p : sessions_) {
      const core::ScalePoint& point = p.record->point.scales[scale_];
      if (!point.score) continue;
      if (!first) first = &p;
      last = &p;
      const std::vector<std::string> words = mark_words(report_, point);
      if (!words.empty()) marked.push_back(join(words, ", ") + " " + session_name(*p.record));
    }
    if (first)
      text += "; " + fill(word(Word::page_chart_from_to, lang_),
                          {value(*first->record->point.scales[scale_].score), session_name(*first->record),
                           value(*last->record->point.scales[scale_].score), session_name(*last->record)});
    if (!marked.empty()) text += "; " + fill(word(Word::page_chart_marks, lang_), {join(marked, "; ")});
    if (!therapist_.empty()) text += "; " + std::string(word(Word::page_chart_therapist, lang_));
    return text + ".";
  }

  void bands(std::string& out) const {
    const core::Questionnaire& q = *report_.client.questionnaire;
    const std::optional<core::Bands>& bands =
        scale_ < q.subscales.size() ? q.subscales[scale_].bands : q.total.bands;
    if (!bands) return;
    for (const core::Band& band : bands->ranges) {
      if (!band.concern) continue;
      const double top = std::min(band.max.value_or(range_.high), range_.high);
      const double bottom = std::max(band.min.value_or(range_.low), range_.low);
      if (!(top > bottom)) continue;
      const double y0 = range_.y(top), y1 = range_.y(bottom);
      std::string label = core::pick_text(band.label, lang_);
      if (label.empty()) label = word(Word::page_band_concern, lang_);
      out += "<g class=\"concern\"><rect class=\"band\" x=\"" + coordinate(kChartLeft) + "\" y=\"" +
             coordinate(y0) + "\" width=\"" + coordinate(kChartRight - kChartLeft) + "\" height=\"" +
             coordinate(y1 - y0) + "\"/>";
      for (const double edge : {top, bottom})
        if (edge > range_.low && edge < range_.high)
          out += "<line class=\"cut\" x1=\"" + coordinate(kChartLeft) + "\" x2=\"" + coordinate(kChartRight) +
                 "\" y1=\"" + coordinate(range_.y(edge)) + "\" y2=\"" + coordinate(range_.y(edge)) + "\"/>";
      out += "<text class=\"band-label\" x=\"" + coordinate(kChartLeft + 6) + "\" y=\"" + coordinate(y1 - 5) +
             "\">" + escape(label) + "</text></g>\n";
    }
  }

  void grid(std::string& out) const {
    out += "<g class=\"grid\">";
    const double step = (range_.high - range_.low) / 4;
    const int decimals = tick_decimals(range_.low, step);
    for (int i = 0; i <= 4; ++i) {
      const double v = range_.low + step * i;
      const std::string y = coordinate(range_.y(v));
      out += "<line x1=\"" + coordinate(kChartLeft) + "\" x2=\"" + coordinate(kChartRight) + "\" y1=\"" + y +
             "\" y2=\"" + y + "\"/><text x=\"" + coordinate(kChartLeft - 6) + "\" y=\"" +
             coordinate(range_.y(v) + 4) + "\" text-anchor=\"end\">" + number(v, decimals, lang_) + "</text>";
    }
    out += "</g>\n<rect class=\"frame\" x=\"" + coordinate(kChartLeft) + "\" y=\"" + coordinate(kChartTop) +
           "\" width=\"" + coordinate(kChartRight - kChartLeft) + "\" height=\"" +
           coordinate(kChartBottom - kChartTop) + "\"/>\n<g class=\"x-axis\">";
    // At most about 20 session labels: every k-th when there are more.
    std::vector<double> ticks;
    if (by_number_ && axis_.high - axis_.low <= 1000)
      for (double s = axis_.low; s <= axis_.high; ++s) ticks.push_back(s);
    else
      for (const Placed& p : sessions_) ticks.push_back(p.x);
    const std::size_t every = ticks.size() / 20 + 1;
    for (std::size_t i = 0; i < ticks.size(); i += every)
      out += "<text x=\"" + coordinate(axis_.x(ticks[i])) + "\" y=\"" + coordinate(kChartBottom + 15) +
             "\" text-anchor=\"middle\">" +
             (by_number_ ? std::to_string(static_cast<long long>(ticks[i]))
                         : "#" + std::to_string(static_cast<long long>(ticks[i]))) +
             "</text>";
    out += "<text class=\"axis-title\" x=\"" + coordinate((kChartLeft + kChartRight) / 2) + "\" y=\"" +
           coordinate(kChartBottom + 36) + "\">" + escape(word(Word::page_session, lang_)) + "</text></g>\n";
  }

  // Sessions without a score: a dotted line and a word, never a point at 0.
  void gaps(std::string& out) const {
    std::map<double, Word> absent;
    if (by_number_ && axis_.high - axis_.low <= 1000)
      for (double s = axis_.low; s <= axis_.high; ++s) absent[s] = Word::page_no_response;
    for (const Placed& p : sessions_) absent.erase(p.x);
    for (const Placed& p : sessions_)
      if (!p.record->point.scales[scale_].score) absent[p.x] = Word::page_no_score;
    if (absent.empty()) return;
    out += "<g class=\"gaps\">";
    for (const auto& [x, why] : absent) {
      const std::string cx = coordinate(axis_.x(x));
      const std::string name = by_number_ ? std::to_string(static_cast<long long>(x))
                                          : "#" + std::to_string(static_cast<long long>(x));
      out += "<g class=\"gap\" data-session=\"" + name + "\"><title>" +
             escape(std::string(word(Word::page_session, lang_)) + " " + name + lang_colon() +
                    word(why, lang_)) +
             "</title><line x1=\"" + cx + "\" x2=\"" + cx + "\" y1=\"" + coordinate(kChartTop) + "\" y2=\"" +
             coordinate(kChartBottom) + "\"/><text x=\"" + cx + "\" y=\"" + coordinate(kChartBottom - 6) +
             "\" text-anchor=\"middle\">–</text></g>";
    }
    out += "</g>\n";
  }

  std::string lang_colon() const { return lang_ == "fr" ? "\u00A0: " : ": "; }

  void series(std::string& out, const std::vector<Placed>& placed, const char* role,
              std::size_t scale) const {
    out += std::string("<g class=\"") + role + "\">";
    // The line is broken at a session without a score, and between two
    // numbered sessions with a missing one between them.
    std::string line;
    std::optional<double> previous;
    const auto flush = [&] {
      if (line.find(' ') != std::string::npos) out += "<polyline class=\"line\" points=\"" + line + "\"/>";
      line.clear();
    };
    for (const Placed& p : placed) {
      const std::optional<double>& score = p.record->point.scales[scale].score;
      if (!score) {
        flush();
        previous.reset();
        continue;
      }
      if (previous && by_number_ && p.x > *previous + 1) flush();
      if (!line.empty()) line += ' ';
      line += coordinate(axis_.x(p.x)) + "," + coordinate(range_.y(*score));
      previous = p.x;
    }
    flush();
    const bool client = role[0] == 'c';
    for (const Placed& p : placed) {
      const std::optional<double>& score = p.record->point.scales[scale].score;
      if (!score) continue;
      const double x = axis_.x(p.x), y = range_.y(*score);
      const std::string tip =
          std::string(word(Word::page_session, lang_)) + " " + session_name(*p.record) +
          (client ? "" : std::string(" (") + word(Word::page_therapist_short, lang_) + ")") + lang_colon() +
          value(*score);
      if (client)
        out += "<circle class=\"pt\" cx=\"" + coordinate(x) + "\" cy=\"" + coordinate(y) + "\" r=\"4\"";
      else
        out += "<rect class=\"pt\" x=\"" + coordinate(x - 4) + "\" y=\"" + coordinate(y - 4) +
               "\" width=\"8\" height=\"8\"";
      out += " data-session=\"" + session_name(*p.record) + "\"><title>" + escape(tip) + "</title>" +
             (client ? "</circle>" : "</rect>");
    }
    out += "</g>\n";
  }

  void marks(std::string& out) const {
    std::string marks;
    for (const Placed& p : sessions_) {
      const core::ScalePoint& point = p.record->point.scales[scale_];
      if (!point.score) continue;
      const double x = axis_.x(p.x), y = range_.y(*point.score);
      const std::string at = " data-session=\"" + session_name(*p.record) + "\"";
      if (point.has(core::TrendFlag::rupture))
        marks += "<path class=\"mark rupture\"" + at + " d=\"M" + coordinate(x - 6) + " " +
                 coordinate(y + 8) + "h12l-6 10z\"/>";
      if (point.has(core::TrendFlag::repair))
        marks += "<path class=\"mark repair\"" + at + " d=\"M" + coordinate(x - 6) + " " +
                 coordinate(y + 18) + "h12l-6 -10z\"/>";
      const std::vector<std::string> words = mark_words(report_, point);
      const bool reliable =
          point.has(core::TrendFlag::reliable_drop) ||
          std::find(words.begin(), words.end(), word(Word::page_reliable_rise, lang_)) != words.end();
      if (reliable)
        marks += "<circle class=\"mark reliable\"" + at + " cx=\"" + coordinate(x) + "\" cy=\"" +
                 coordinate(y) + "\" r=\"8\"/>";
      if (words.empty()) continue;
      const double label_y = y - 14 < kChartTop + 10 ? y + 34 : y - 14;
      const double label_x = std::clamp(x, kChartLeft + 40, kChartRight - 40);
      marks += "<text class=\"mark-label\"" + at + " x=\"" + coordinate(label_x) + "\" y=\"" +
               coordinate(label_y) + "\">" + escape(join(words, " · ")) + "</text>";
    }
    if (!marks.empty()) out += "<g class=\"marks\">" + marks + "</g>\n";
  }

  const Report& report_;
  const ReportClient& client_;
  std::size_t scale_;
  std::string id_;
  const std::string& lang_;
  ChartScale range_;
  ChartAxis axis_;
  bool by_number_ = true;
  std::vector<Placed> sessions_;
  std::vector<Placed> therapist_;
  std::optional<std::size_t> therapist_scale_;
};

}  // namespace

std::string chart_svg(const Report& report, const ReportClient& client, std::size_t scale,
                      const std::string& id, bool standalone) {
  return Chart(report, client, scale, id).svg(standalone);
}

}  // namespace report

std::string report_svg(const Report& report, std::size_t client, std::size_t scale) {
  return report::chart_svg(report, report.clients[client], scale, "chart", true);
}

}  // namespace alliance::io
