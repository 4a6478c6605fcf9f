// Writes scored responses as a table, JSON, NDJSON, CSV or TSV, one record at
// a time (streaming: nothing is kept but what a format needs to close), in
// the record model of alliance/io/records.hpp. Columns and keys follow
// definition order; numbers are locale-independent (docs/output-format.md
// specifies every column).
#pragma once

#include <cstdio>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "alliance/core/questionnaire.hpp"
#include "alliance/core/scoring.hpp"
#include "alliance/io/records.hpp"
#include "alliance/io/response_reader.hpp"

namespace alliance::io {

struct WriterOptions {
  OutputFormat format = OutputFormat::csv;
  bool long_format = false;     // one row per response x subscale (and total)
  int precision = -1;           // decimals; -1 = shortest text that reads back exactly
  std::string language = "en";  // titles and band labels
  bool colour = false;          // table only
  // CSV and TSV only (--output-columns): the columns to write, named as in
  // the layout's header, in this order; nullopt = every column. Only these
  // cells are formatted, which is what makes a narrow output faster.
  std::optional<std::vector<std::string>> columns;
  // CSV only (--csv-dialect excel-fr): ';' between fields, a decimal comma in
  // numbers and a UTF-8 byte-order mark first, so that Excel in a French
  // locale opens the file in columns with its accents right.
  bool excel_fr = false;
};

class ResultWriter {
 public:
  virtual ~ResultWriter() = default;
  // REQUIRES: sheet was scored from record (or is invalid_sheet when the
  // record is invalid).
  virtual void write(const ResponseRecord& record, const core::ScoreSheet& sheet) = 0;
  // Completes the output (the JSON document's closing brace, a table's rows).
  virtual void finish() = 0;
  // Whether the output shows what missing answers could change
  // (ScaleScore::possible: possible_low/high, band_settled); false only for
  // CSV/TSV columns chosen without them, whose sheets need not carry it.
  virtual bool shows_possible_scores() const { return true; }
};

// Writes to `out` (stdout in the CLI); output is buffered and flushed in large
// blocks. Throws Error(io) when writing fails. Throws Error(usage), before
// writing anything, when options.columns is set for a format other than CSV
// and TSV, is empty, or names an unknown column (the message lists the
// layout's columns) or a column twice.
std::unique_ptr<ResultWriter> make_result_writer(const core::Questionnaire& questionnaire,
                                                 const Provenance& provenance, const WriterOptions& options,
                                                 std::FILE* out);

}  // namespace alliance::io
