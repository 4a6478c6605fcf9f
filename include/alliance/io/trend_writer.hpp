// Writes `alliance trend` records — one per respondent x session — as JSON,
// NDJSON, CSV or TSV with the stable columns of docs/trend.md, in the record
// model of alliance/io/records.hpp. Numbers are locale-independent; CSV/TSV
// cells from user data are made safe.
#pragma once

#include <cstddef>
#include <cstdio>
#include <memory>
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

// Where a scale's reference SD or test-retest r came from.
enum class ParameterSource { none, norms, option };
const char* to_string(ParameterSource source);  // "norms", "option"; "" for none

// What a trend was computed with, recorded in every output (docs/trend.md):
// the settings, where each scale's reference SD and r came from, and the file
// whose norms gave them.
struct TrendParameters {
  core::TrendSettings settings;
  std::vector<ParameterSource> sd_source;  // per scale (subscales, then the total)
  std::vector<ParameterSource> r_source;   // per scale
  std::string norms_file;                  // the definition's origin; used when a source is norms
};

// The scale names of the columns: subscale ids in definition order, then
// "total" when the questionnaire has one.
std::vector<std::string> trend_scale_names(const core::Questionnaire& questionnaire);

// Every flag of a record as "scale:flag", in scale then flag order.
std::vector<std::string> trend_flag_list(const core::Questionnaire& questionnaire,
                                         const core::TrendPoint& point);

// Writes records one at a time, as trend reads its input (a respondent's
// records are written as soon as the respondent is complete): the header (or
// the JSON document's start) at construction, a record per write(), the end
// at finish(). precision < 0 = shortest exact numbers. With
// OutputFormat::table, the records as an aligned table (the command's own
// view of a respondent's series is in the cli). Throws Error(io) when writing
// fails. `questionnaire` and `parameters` outlive the writer.
class TrendWriter {
 public:
  TrendWriter(const core::Questionnaire& questionnaire, const TrendParameters& parameters,
              OutputFormat format, int precision, const Provenance& provenance, std::FILE* out);
  ~TrendWriter();
  TrendWriter(const TrendWriter&) = delete;
  TrendWriter& operator=(const TrendWriter&) = delete;
  void write(const TrendRecord& record);
  void finish();

 private:
  struct State;
  std::unique_ptr<State> state_;
};

// All of `records` through a TrendWriter.
void write_trend(const core::Questionnaire& questionnaire, const TrendParameters& parameters,
                 const std::vector<TrendRecord>& records, OutputFormat format, int precision,
                 const Provenance& provenance, std::FILE* out);

}  // namespace alliance::io
