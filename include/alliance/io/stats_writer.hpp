// Writes the statistics of `alliance stats` (a core::StatsReport) as a table,
// JSON, CSV or TSV, and the per-response quality listing of --quality.
// Every key and column is specified in docs/stats.md; numbers are
// locale-independent.
#pragma once

#include <cstdio>
#include <memory>
#include <string>

#include "alliance/core/questionnaire.hpp"
#include "alliance/core/stats.hpp"
#include "alliance/io/response_reader.hpp"
#include "alliance/io/result_writer.hpp"

namespace alliance::io {

struct StatsWriterOptions {
  OutputFormat format = OutputFormat::csv;  // table, json, csv or tsv (ndjson is written as json)
  int precision = -1;                       // decimals; -1 = shortest exact form (2, or 3 for
                                            // coefficients, in tables)
  std::string language = "en";              // table headings and messages
};

// A warning as a sentence, in "en" or "fr".
std::string describe(const core::Questionnaire& questionnaire, const core::StatsReport& report,
                     const core::StatsWarning& warning, const std::string& language);

// `invalid`: responses that were reported and left out.
void write_stats(const core::Questionnaire& questionnaire, const Provenance& provenance,
                 const core::StatsReport& report, long invalid, const StatsWriterOptions& options,
                 std::FILE* out);

// The responses --quality flags, one at a time.
class QualityWriter {
 public:
  virtual ~QualityWriter() = default;
  virtual void write(const ResponseRecord& record, const core::ResponseQuality& quality) = 0;
  // `responses`: valid responses examined.
  virtual void finish(long responses) = 0;
};

std::unique_ptr<QualityWriter> make_quality_writer(int run_limit, const StatsWriterOptions& options,
                                                   std::FILE* out);

}  // namespace alliance::io
