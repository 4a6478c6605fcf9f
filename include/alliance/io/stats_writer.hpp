// Writes the statistics of `alliance stats` (a core::StatsReport) as a table
// for people, or as the tidy tables of the record model
// (alliance/io/records.hpp: summary, scales, items, correlations, warnings)
// in JSON, NDJSON, CSV or TSV; and the per-response quality listing of
// --quality. Every key and column is specified in docs/stats.md; numbers are
// locale-independent.
#pragma once

#include <cstdio>
#include <memory>
#include <string>

#include "alliance/core/questionnaire.hpp"
#include "alliance/core/stats.hpp"
#include "alliance/io/records.hpp"
#include "alliance/io/response_reader.hpp"

namespace alliance::io {

// The tables of the machine formats. A JSON document holds every one (or
// the one asked for); CSV, TSV and NDJSON hold one, `scales` unless another
// is asked for.
enum class StatsSection { all, summary, scales, items, correlations, warnings };

// "summary", "scales", "items", "correlations", "warnings"; throws
// Error(usage) otherwise.
StatsSection parse_stats_section(const std::string& name);

struct StatsWriterOptions {
  OutputFormat format = OutputFormat::csv;
  StatsSection section = StatsSection::all;  // not for tables, which show everything
  int precision = -1;                        // decimals; -1 = shortest exact form (2, or 3 for
                                             // coefficients, in tables)
  std::string language = "en";               // table headings and messages
};

// A warning as a sentence, in "en" or "fr".
std::string describe(const core::Questionnaire& questionnaire, const core::StatsReport& report,
                     const core::StatsWarning& warning, const std::string& language);

// `invalid`: responses that were reported and left out. Throws Error(io)
// when writing fails.
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

// Whether write_stats with these options writes the warnings (a table, the
// whole JSON document, the warnings section): when it does not, the command
// says them on standard error.
bool stats_output_has_warnings(const StatsWriterOptions& options);

std::unique_ptr<QualityWriter> make_quality_writer(int run_limit, const Provenance& provenance,
                                                   const StatsWriterOptions& options, std::FILE* out);

}  // namespace alliance::io
