// Internal to the report writer: the parts report_html and report_svg share.
#pragma once

#include <cstddef>
#include <string>

#include "alliance/io/report_writer.hpp"

namespace alliance::io::report {

// The styles of the charts, for the page's <style> and a standalone SVG's.
extern const char* const kChartStyle;

// The scale's title in the report's language ("Total" for a total without one).
std::string scale_title(const core::Questionnaire& questionnaire, std::size_t scale, const std::string& lang);

// The therapist form's scale matching the client's `scale` (same subscale
// id; the total to the total); nullopt when it has none.
std::optional<std::size_t> therapist_scale(const Report& report, std::size_t scale);

// Whether a chart places sessions by number (every session of the client's,
// and the therapist's, has one) and whether the therapist's line is drawn.
bool placed_by_number(const ReportClient& client);

// One chart: <svg> ... </svg>. `id` makes its element ids unique in the page
// ("c3-s1"). `standalone` adds the namespace, an XML declaration and the styles.
std::string chart_svg(const Report& report, const ReportClient& client, std::size_t scale,
                      const std::string& id, bool standalone);

// A session as the report names it: its number, else "#" and its position.
std::string session_name(const TrendRecord& record);

// The flags of a point on a scale as the words of the report, with "reliable
// rise" (an RC above the reliable z) beside trend's reliable drop.
std::vector<std::string> mark_words(const Report& report, const core::ScalePoint& point);

}  // namespace alliance::io::report
