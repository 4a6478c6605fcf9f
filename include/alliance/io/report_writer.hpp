// `alliance report`: the alliance over sessions drawn as one self-contained
// HTML page (or one chart as an SVG file), from what `trend` and `compare`
// compute (docs/report.md). Pure functions from the report's data to text:
// no file, no clock, no network. The page has inline styles and inline SVG,
// no script, and a Content-Security-Policy that forbids every fetch; every
// text taken from the data (ids, titles, item wording) is escaped, so an id
// such as "<script>" comes out as inert text. The same data gives the same
// bytes: nothing depends on the locale, the time (the date of the report is
// given), or the order of a hash map.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "alliance/core/agreement.hpp"
#include "alliance/core/questionnaire.hpp"
#include "alliance/core/trend.hpp"
#include "alliance/io/records.hpp"
#include "alliance/io/trend_writer.hpp"

namespace alliance::io {

// One questionnaire form of the report and what it was read from.
struct ReportForm {
  const core::Questionnaire* questionnaire = nullptr;  // outlives the report
  Provenance provenance;
  std::vector<std::string> files;  // as given; none = standard input
  // Those of `files` ("-" for standard input) that could not be read: named
  // on the page as left out.
  std::vector<std::string> unread;
};

// One client: trend's records of the client's form and, with a therapist's
// form, its records and compare's comparison of this client's responses.
struct ReportClient {
  std::string respondent;
  std::vector<TrendRecord> sessions;   // as cli trend makes them: session order; not empty
  core::Answers latest_answers;        // the answers of sessions.back()
  std::vector<TrendRecord> therapist;  // the therapist form's records of this client; may be empty
  std::optional<core::Comparison>
      agreement;  // compare_forms over this client's two forms (client − therapist)
};

struct Report {
  ReportForm client;
  std::optional<ReportForm> therapist;
  core::TrendSettings settings;            // as trend used them
  std::vector<ParameterSource> sd_source;  // per scale (subscales, then the total)
  std::vector<ParameterSource> r_source;   // per scale
  std::string language = "en";             // "en" or "fr"
  std::string generated_at;                // "2026-12-05T06:45:00Z"
  std::size_t invalid = 0;                 // responses that could not be read or scored
  std::vector<ReportClient> clients;       // in input order
};

// The whole page. One client: that client's section; more: the caseload
// table first (attention_order), then a section per client in that order.
std::string report_html(const Report& report);

// One chart as a standalone SVG document with its own styles: client
// `client`, scale `scale` (0..n-1 the subscales, n the total).
// REQUIRES: client < report.clients.size(), scale within the questionnaire's scales.
std::string report_svg(const Report& report, std::size_t client, std::size_t scale);

// The clients in the order the caseload lists them, those needing attention
// first: (1) the latest session has a rupture, a reliable drop or a score in
// a concern band, on any scale; (2) the latest session has a low item, or no
// total score; (3) the others. Within each group, the lowest latest total
// first (none before any), then by respondent id. Indices into report.clients.
std::vector<std::size_t> attention_order(const Report& report);

// The geometry every chart uses, in SVG user units (viewBox 0 0 640 240):
// the plotting area runs from x 56 to 624 and from y 16 (the scale's top) to
// y 196 (its bottom). Sessions are placed by number from the lowest to the
// highest number of the client's (and therapist's) sessions — by position
// when a session has no number — and a lone session in the middle (x 340).
struct ChartAxis {
  double low = 0;   // the first session (number or position)
  double high = 0;  // the last
  double x(double session) const;
};
struct ChartScale {
  double low = 0;  // the scale's lowest possible score
  double high = 0;
  double y(double score) const;
};
inline constexpr double kChartLeft = 56, kChartRight = 624, kChartTop = 16, kChartBottom = 196;

}  // namespace alliance::io
