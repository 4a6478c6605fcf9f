// Internal to io: how each format writes the values and the provenance of
// the record model (alliance/io/records.hpp), shared by the generic writers
// and by score's spelled-out CSV rows, which must give the same bytes.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "alliance/io/records.hpp"
#include "output_buffer.hpp"

namespace alliance::io {

// The missing value of CSV and TSV: what R's read.csv and pandas read as
// missing by default, whatever the column's type.
inline constexpr std::string_view kMissingDelimited = "NA";

// The names of the provenance columns, in order.
inline constexpr const char* kProvenanceNames[4] = {"questionnaire", "questionnaire_version",
                                                    "definition_hash", "alliance_version"};

// The provenance's four values, in the order of kProvenanceNames.
std::vector<const std::string*> provenance_values(const Provenance& provenance);

// The header row, line end included: the fields' names, then the provenance
// columns when `provenance`.
std::string delimited_header(const std::vector<Field>& fields, char sep, bool provenance);

// The provenance cells, each after a separator, then the line end: what
// ends every CSV/TSV row.
std::string delimited_provenance(const Provenance& provenance, char sep);

// `"provenance":{...}`: the object JSON and NDJSON carry.
std::string json_provenance(const Provenance& provenance);

// One cell of CSV (sep ',') or TSV (sep '\t'). `scratch` is reused between
// calls (lists are joined in it before they are made safe).
void put_delimited_value(OutputBuffer& out, const Field& field, const Value& value, char sep, int precision,
                         std::string& scratch);

// An SPSS .sav or Stata .dta file (format sav or dta) of one table, written
// at finish() (stat_file_writer.cpp): one variable per field, labelled with
// Field::title; missing numbers are system-missing; the provenance in the
// file label and notes.
std::unique_ptr<RecordWriter> make_stat_file_writer(OutputFormat format,
                                                    const std::optional<Provenance>& provenance,
                                                    const RecordOptions& options, std::FILE* out);

// One JSON value (a string, a number, null, an array...).
void put_json_value(OutputBuffer& out, const Field& field, const Value& value, int precision);

}  // namespace alliance::io
