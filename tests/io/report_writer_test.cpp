// The report writer (alliance/io/report_writer.hpp): points at the coordinates
// the geometry gives for known scores (worked out by hand below), marks at
// their sessions, sessions without a score left out, text from the data
// made inert, the words of both languages.
#include "alliance/io/report_writer.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "alliance/io/catalog.hpp"
#include "io/report_parts.hpp"
#include "io/report_text.hpp"

namespace alliance::io {
namespace {

// SRS: four subscales 0–10, a total 0–40 (index 4) with a concern band below 36.
const core::Questionnaire& srs() {
  static const core::Questionnaire q = Catalog({}).load("srs").questionnaire;
  return q;
}

constexpr std::size_t kTotal = 4;

TrendRecord session(const std::string& id, std::optional<int> number, std::size_t position,
                    std::optional<double> total, unsigned total_flags = 0) {
  TrendRecord r;
  r.respondent = id;
  r.session = number;
  r.position = position;
  r.point.scales.resize(5);
  for (std::size_t k = 0; k < 4; ++k)
    if (total) r.point.scales[k].score = *total / 4;
  r.point.scales[kTotal].score = total;
  r.point.scales[kTotal].flags = total_flags;
  return r;
}

ReportClient client(const std::string& id, std::vector<TrendRecord> sessions) {
  ReportClient c;
  c.respondent = id;
  c.sessions = std::move(sessions);
  c.latest_answers = {9.0, 8.5, 9.5, 7.0};
  return c;
}

Report report_of(std::vector<ReportClient> clients, const std::string& lang = "en") {
  Report r;
  r.client.questionnaire = &srs();
  r.client.provenance = {"srs", "3.0", "fnv1a64:0123456789abcdef", "0.1.0"};
  r.client.files = {"s.ndjson"};
  r.settings = core::settings_from_norms(srs());
  r.sd_source = r.r_source = std::vector<ParameterSource>(5, ParameterSource::none);
  r.language = lang;
  r.generated_at = "2026-01-05T14:22:33Z";
  r.clients = std::move(clients);
  return r;
}

std::size_t count(const std::string& text, const std::string& part) {
  std::size_t n = 0;
  for (std::size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
  return n;
}

constexpr unsigned kRupture = static_cast<unsigned>(core::TrendFlag::rupture);

// Sessions 1, 2 and 4 (no response for 3), totals 36, 40 and 20 on 0–40.
// x = 56 + (session − 1) / (4 − 1) × 568: 56.0, 245.3 (56 + 189.33), 624.0.
// y = 16 + (40 − score) / 40 × 180: 36 → 34.0, 40 → 16.0, 20 → 106.0.
Report three_sessions() {
  return report_of(
      {client("C1", {session("C1", 1, 1, 36), session("C1", 2, 2, 40), session("C1", 4, 3, 20, kRupture)})});
}

TEST(ReportChart, PointsSitWhereTheScoresPlaceThem) {
  const std::string svg = report_svg(three_sessions(), 0, kTotal);
  EXPECT_NE(svg.find("<circle class=\"pt\" cx=\"56.0\" cy=\"34.0\" r=\"4\" data-session=\"1\">"),
            std::string::npos)
      << svg;
  EXPECT_NE(svg.find("<circle class=\"pt\" cx=\"245.3\" cy=\"16.0\" r=\"4\" data-session=\"2\">"),
            std::string::npos);
  EXPECT_NE(svg.find("<circle class=\"pt\" cx=\"624.0\" cy=\"106.0\" r=\"4\" data-session=\"4\">"),
            std::string::npos);
  EXPECT_EQ(count(svg, "<circle class=\"pt\""), 3u);
  // The line joins 1 and 2 and stops: session 3 is missing, so 2 and 4 are not joined.
  EXPECT_EQ(count(svg, "<polyline"), 1u);
  EXPECT_NE(svg.find("<polyline class=\"line\" points=\"56.0,34.0 245.3,16.0\"/>"), std::string::npos);
  // The y axis is the scale's own: 0, 10, 20, 30, 40 at 196, 151, 106, 61, 16.
  EXPECT_NE(svg.find("<text x=\"50.0\" y=\"200.0\" text-anchor=\"end\">0</text>"), std::string::npos);
  EXPECT_NE(svg.find("<text x=\"50.0\" y=\"20.0\" text-anchor=\"end\">40</text>"), std::string::npos);
}

TEST(ReportChart, AMissingSessionIsAbsentNeverZero) {
  Report r = three_sessions();
  r.clients[0].sessions.push_back(session("C1", 5, 4, std::nullopt));  // too many missing answers
  const std::string svg = report_svg(r, 0, kTotal);
  EXPECT_EQ(count(svg, "data-session=\"3\""), 1u);  // the gap alone: no point, no mark
  EXPECT_NE(svg.find("<g class=\"gap\" data-session=\"3\"><title>Session 3: no response</title>"),
            std::string::npos)
      << svg;
  EXPECT_NE(svg.find("<g class=\"gap\" data-session=\"5\"><title>Session 5: no score (too many missing "
                     "answers)</title>"),
            std::string::npos);
  EXPECT_EQ(count(svg, "<circle class=\"pt\""), 3u);
  EXPECT_EQ(svg.find("cy=\"196.0\""), std::string::npos);  // nothing drawn at 0
}

TEST(ReportChart, ARuptureIsMarkedAtItsSession) {
  const std::string svg = report_svg(three_sessions(), 0, kTotal);
  // A triangle under the point (624, 106): from (618, 114), 12 wide, 10 down.
  EXPECT_NE(svg.find("<path class=\"mark rupture\" data-session=\"4\" d=\"M618.0 114.0h12l-6 10z\"/>"),
            std::string::npos)
      << svg;
  EXPECT_EQ(count(svg, "class=\"mark rupture\""), 1u);
  EXPECT_NE(svg.find("data-session=\"4\" x=\"584.0\" y=\"92.0\">rupture</text>"), std::string::npos);
  EXPECT_NE(svg.find("marked: rupture 4"), std::string::npos);  // in the chart's description
}

TEST(ReportChart, TheConcernBandIsShadedAndNamed) {
  const std::string svg = report_svg(three_sessions(), 0, kTotal);
  // Below 36: from y(36) = 34 down to y(0) = 196.
  EXPECT_NE(svg.find("<rect class=\"band\" x=\"56.0\" y=\"34.0\" width=\"568.0\" height=\"162.0\"/>"),
            std::string::npos)
      << svg;
  EXPECT_NE(svg.find("<line class=\"cut\" x1=\"56.0\" x2=\"624.0\" y1=\"34.0\" y2=\"34.0\"/>"),
            std::string::npos);
  EXPECT_NE(svg.find(">Possible alliance concern: discuss with the client</text>"), std::string::npos);
  // A subscale without bands has none.
  EXPECT_EQ(report_svg(three_sessions(), 0, 0).find("class=\"band\""), std::string::npos);
}

TEST(ReportChart, TheTherapistsLineIsDrawnBesideTheClients) {
  Report r = three_sessions();
  r.therapist = ReportForm{&srs(), {"srs", "3.0", "fnv1a64:0", "0.1.0"}, {"t.csv"}, {}};
  r.clients[0].therapist = {session("C1", 1, 1, 32), session("C1", 2, 2, 30)};
  const std::string svg = report_svg(r, 0, kTotal);
  // Squares 8 wide centred on (56, y(32) = 52) and (245.3, y(30) = 61).
  EXPECT_NE(svg.find("<rect class=\"pt\" x=\"52.0\" y=\"48.0\" width=\"8\" height=\"8\" data-session=\"1\">"),
            std::string::npos)
      << svg;
  EXPECT_NE(svg.find("<polyline class=\"line\" points=\"56.0,52.0 245.3,61.0\"/>"), std::string::npos);
  EXPECT_LT(svg.find("<g class=\"therapist\">"), svg.find("<g class=\"client\">"));  // the client's on top
}

TEST(ReportChart, SessionsWithoutNumbersArePlacedByPosition) {
  const std::string svg = report_svg(
      report_of({client("C1", {session("C1", std::nullopt, 1, 40), session("C1", std::nullopt, 2, 20)})}), 0,
      kTotal);
  EXPECT_NE(svg.find("cx=\"56.0\" cy=\"16.0\" r=\"4\" data-session=\"#1\""), std::string::npos) << svg;
  EXPECT_NE(svg.find("cx=\"624.0\" cy=\"106.0\" r=\"4\" data-session=\"#2\""), std::string::npos);
}

TEST(ReportChart, StandaloneSvgCarriesItsNamespaceAndStyles) {
  const std::string svg = report_svg(three_sessions(), 0, kTotal);
  EXPECT_TRUE(svg.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg class=\"chart\""));
  EXPECT_NE(svg.find("xmlns=\"http://www.w3.org/2000/svg\""), std::string::npos);
  EXPECT_NE(svg.find("<style>.chart{"), std::string::npos);
  EXPECT_NE(svg.find("<title id=\"chart-t\">Total over sessions, C1</title>"), std::string::npos);
}

TEST(ReportHtml, TextFromTheDataIsInert) {
  const std::string hostile = "<script>alert(1)</script>\"'&\u202Eevil";
  const std::string html =
      report_html(report_of({client(hostile, {session(hostile, 1, 1, 30)}),
                             client("<img src=x onerror=alert(1)>", {session("x", 1, 1, 38)})}));
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("<img"), std::string::npos);
  EXPECT_EQ(html.find("\u202E"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&amp;\uFFFDevil"), std::string::npos);
  EXPECT_NE(html.find("&lt;img src=x onerror=alert(1)&gt;"), std::string::npos);
}

TEST(ReportHtml, ThePageFetchesNothing) {
  const std::string html = report_html(three_sessions());
  EXPECT_NE(html.find("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src "
                      "'unsafe-inline'\">"),
            std::string::npos);
  for (const char* part : {"http://", "https://", "src=", "url(", "<script", "@import", "<link", "//"})
    EXPECT_EQ(html.find(part), std::string::npos) << part;
  EXPECT_EQ(count(html, "<svg class=\"chart\" viewBox=\"0 0 640 240\""), 5u);  // the total and 4 subscales
  EXPECT_EQ(html.find("id=\"caseload\""), std::string::npos);                  // one client: no caseload
}

TEST(ReportHtml, FrenchHasDecimalCommasAndFrenchWords) {
  const std::string html = report_html(report_of({client("C1", {session("C1", 1, 1, 37.6)})}, "fr"));
  EXPECT_NE(html.find("<html lang=\"fr\">"), std::string::npos);
  EXPECT_NE(html.find("<td class=\"num\">37,60</td>"), std::string::npos) << html;
  EXPECT_NE(html.find("Scores par séance"), std::string::npos);
  EXPECT_NE(html.find("Dernier score global\u00A0: 37,60"), std::string::npos);
  EXPECT_EQ(html.find("37.60"), std::string::npos);
}

TEST(ReportHtml, TheCaseloadListsThoseNeedingAttentionFirst) {
  const Report r =
      report_of({client("A", {session("A", 1, 1, 39)}), client("B", {session("B", 1, 1, 38, kRupture)}),
                 client("C", {session("C", 1, 1, 33)}), client("D", {session("D", 1, 1, std::nullopt)})});
  EXPECT_EQ(attention_order(r), (std::vector<std::size_t>{1, 3, 2, 0}));
  const std::string html = report_html(r);
  EXPECT_NE(html.find("id=\"caseload\""), std::string::npos);
  EXPECT_LT(html.find(">B</a>"), html.find(">D</a>"));
  EXPECT_LT(html.find(">C</a>"), html.find(">A</a>"));
  EXPECT_NE(html.find("<tr class=\"attention\"><td><a href=\"#client-1\">B</a>"), std::string::npos);
}

// The page's words are catalogue messages (page_…; tests/text/messages_test.cpp
// checks both texts, placeholders and typography); the page also sets a
// no-break space before '%' in French, and no English word holds one.
TEST(ReportWords, EveryWordInTheCatalogueWithFrenchTypography) {
  std::size_t words = 0;
  for (std::size_t w = 0; w < text::kMessageCount; ++w) {
    const auto id = static_cast<report::Word>(w);
    if (!text::name(id).starts_with("page_")) continue;
    ++words;
    const std::string en = report::word(id, "en");
    const std::string fr = report::word(id, "fr");
    SCOPED_TRACE(en);
    EXPECT_EQ(en, text::text("en", id));
    EXPECT_EQ(fr, text::text("fr", id));
    EXPECT_EQ(en.find("\u00A0"), std::string::npos);
    for (std::size_t at = fr.find('%'); at != std::string::npos; at = fr.find('%', at + 1))
      EXPECT_TRUE(at >= 2 && fr.compare(at - 2, 2, "\u00A0") == 0) << fr;
  }
  EXPECT_GE(words, 80u);  // the page's words, all in the catalogue
  EXPECT_EQ(report::fill(report::word(report::Word::page_caseload_summary, "en"), {"1", "3", "0"}),
            "1 client, 3 sessions; 0 to look at first (latest session flagged)");
  EXPECT_EQ(report::fill(report::word(report::Word::page_caseload_summary, "fr"), {"2", "1", "1"}),
            "2\u00A0personnes suivies, 1\u00A0séance\u00A0; 1 à regarder d’abord (dernière séance signalée)");
}

TEST(ReportText, NumbersInTheReadersLanguage) {
  EXPECT_EQ(report::number(3.425, 2, "en"), "3.43");  // format_fixed: a tie away from zero
  EXPECT_EQ(report::number(3.425, 2, "fr"), "3,43");
  EXPECT_EQ(report::number(-0.8, 2, "fr", true), "\u22120,80");
  EXPECT_EQ(report::number(0.8, 2, "en", true), "+0.80");
  EXPECT_EQ(report::number(0, 2, "en", true), "0.00");
  EXPECT_EQ(report::fill("{1} of {2}", {"1", "2"}), "1 of 2");
  EXPECT_EQ(report::escape("a\x01"
                           "b\xff"
                           "c"),
            "a\uFFFDb\uFFFDc");
}

// A reliable rise is tested on the change trend's reliable drop uses
// (--reliable-from, previous by default): a rise from the first session only
// is no mark unless asked, as a drop from the first session is no flag.
TEST(ReportWriter, ReliableRiseTestsTheChangeReliableFromNames) {
  core::ScalePoint point;
  point.rc_first = 2.5;     // above z = 1.96
  point.rc_previous = 0.4;  // below
  Report page = report_of({});
  const std::string rise = report::word(report::Word::page_reliable_rise, "en");
  const auto has_rise = [&] {
    const std::vector<std::string> words = report::mark_words(page, point);
    return std::find(words.begin(), words.end(), rise) != words.end();
  };
  EXPECT_FALSE(has_rise());
  page.settings.reliable_from = core::ReliableFrom::first;
  EXPECT_TRUE(has_rise());
  page.settings.reliable_from = core::ReliableFrom::both;
  EXPECT_TRUE(has_rise());
  point.rc_previous = 2.0;
  page.settings.reliable_from = core::ReliableFrom::previous;
  EXPECT_TRUE(has_rise());
}

}  // namespace
}  // namespace alliance::io
