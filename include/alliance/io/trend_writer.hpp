// Writes `alliance trend` records — one per respondent x session — as JSON,
// NDJSON, CSV or TSV with the stable columns of docs/trend.md, in the record
// model of alliance/io/records.hpp. Numbers are locale-independent; CSV/TSV
// cells from user data are made safe.
#pragma once

#include <cstddef>
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

#include "alliance/core/questionnaire.hpp"
#include "alliance/core/trend.hpp"
#include "alliance/io/records.hpp"

namespace alliance::io {

struct TrendRecord {
  std::string respondent;
  std::optional<int> session;
  std::string date;
  std::string source;        // "file:line"
  std::size_t position = 0;  // 1-based, in the respondent's session order
  core::TrendPoint point;
};

// The scale names of the columns: subscale ids in definition order, then
// "total" when the questionnaire has one.
std::vector<std::string> trend_scale_names(const core::Questionnaire& questionnaire);

// Every flag of a record as "scale:flag", in scale then flag order.
std::vector<std::string> trend_flag_list(const core::Questionnaire& questionnaire,
                                         const core::TrendPoint& point);

// precision < 0 = shortest exact numbers. With OutputFormat::table, the
// records as an aligned table (the command's own view of a respondent's
// series is in the cli). Throws Error(io) when writing fails.
void write_trend(const core::Questionnaire& questionnaire, const std::vector<TrendRecord>& records,
                 OutputFormat format, int precision, const Provenance& provenance, std::FILE* out);

}  // namespace alliance::io
