// The one record model of every output (docs/output-format.md). A command
// describes its rows once — a Table of Fields, each with a name, a type and
// so the missing-value rule of that type — and hands each row to a
// RecordWriter as a Record of Values, in the fields' order. One writer per
// format renders any table:
//
//   csv, tsv  a header row, then one line per record; the provenance as the
//             last four columns; a missing value is NA
//   ndjson    one object per line, the provenance object in each; null
//   json      one document: the provenance object, then each table as an
//             array of records (or one object for a single-record table); null
//   table     aligned columns for people; a missing value is "–"
//   sav, dta  an SPSS or Stata file: one variable per field, labelled with
//             its title; a missing number is system-missing (.), missing
//             text empty; the provenance as the file's label and notes
//
// The provenance is the writer's, never the command's: every output carries
// the same object, written the same way.
#pragma once

#include <cstdio>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "alliance/core/exact.hpp"

namespace alliance::io {

enum class OutputFormat { table, json, ndjson, csv, tsv, sav, dta };

// "table" (or "text", its former name in show and validate), "json",
// "ndjson" (or "jsonl"), "csv", "tsv", "sav", "dta"; throws Error(usage) otherwise.
OutputFormat parse_output_format(const std::string& name);

// Where a result comes from, in every machine output: in CSV and TSV the
// last four columns (questionnaire, questionnaire_version, definition_hash,
// alliance_version), in JSON and NDJSON an object `provenance` with those
// four keys. When one output rests on several definitions (compare), each of
// the first three lists them in order, separated by ';'.
struct Provenance {
  std::string questionnaire_id;
  std::string questionnaire_version;
  std::string definition_hash;  // core::content_hash of the normalised definition
  std::string alliance_version;
};

// What a field holds. Every type may be missing (Value::missing()).
enum class FieldType : unsigned char {
  text,     // CSV: the text, made safe for spreadsheets; JSON: a string
  integer,  // digits, whatever --precision says
  number,   // shortest exact form, or --precision decimals (tables: 2)
  boolean,  // CSV: TRUE/FALSE (what R and pandas read as logical); JSON: true/false
  list,     // texts; CSV: joined with Field::join in one cell (empty when none); JSON: an array
  records,  // elements of Field::fields; CSV: each as its in_cell fields joined with ':', the
            // elements joined with Field::join; JSON: an array of objects
};

struct Field {
  std::string name;  // the CSV/TSV header; also the JSON key unless `key` is set
  FieldType type = FieldType::text;
  // JSON: the objects the field sits in, outermost first ({"scores",
  // "goals"}); empty at the top level. Consecutive fields share them.
  std::vector<std::string> group;
  std::string key;            // JSON key when it is not `name` ("score" for the column "goals")
  std::string title;          // table heading when it is not `name` in capitals; sav, dta: the variable label
  std::string join = ";";     // list, records: between the elements of a CSV/TSV cell
  std::vector<Field> fields;  // records: the fields of each element (no groups)
  bool in_cell = true;        // an element's field: part of the CSV/TSV cell

  const std::string& json_key() const { return key.empty() ? name : key; }
};

// A field of `type` named `name`, in the JSON objects `group`, under JSON key
// `key` when it is not `name`: how every command describes its columns.
inline Field field(std::string name, FieldType type, std::vector<std::string> group = {}, std::string key = "") {
  Field f;
  f.name = std::move(name);
  f.type = type;
  f.group = std::move(group);
  f.key = std::move(key);
  return f;
}

// A set of records sharing their fields. CSV, TSV and NDJSON outputs hold one
// table; a JSON document holds any number, each under its name.
struct Table {
  std::string name;  // the JSON document's member ("responses", "scales")
  std::vector<Field> fields;
  bool single = false;  // exactly one record: a JSON object instead of an array
};

class Value;
using Record = std::vector<Value>;

// One value of a record. Text and lists are views: what they point to must
// live until RecordWriter::write returns.
class Value {
 public:
  Value() = default;  // missing
  static Value missing() { return {}; }
  // Empty text is missing (the input did not say).
  static Value text(std::string_view text);
  static Value integer(long long value);
  static Value integer(const std::optional<long long>& value);
  static Value integer(const std::optional<int>& value);
  // Not finite is missing.
  static Value number(double value);
  static Value number(const std::optional<double>& value);
  // A number with its exact value (a score, core::ScaleScore::exact), which
  // --precision rounds instead of the double; a view, like text.
  static Value number(const std::optional<double>& value, const std::optional<core::Fraction>& exact);
  static Value boolean(bool value);
  static Value list(const std::vector<std::string>& items);
  static Value records(const std::vector<Record>& elements);

  bool is_missing() const { return missing_; }
  FieldType type() const { return type_; }
  std::string_view as_text() const { return text_; }
  long long as_integer() const { return integer_; }
  double as_number() const { return number_; }
  const core::Fraction* exact() const { return exact_; }  // null when not given
  bool as_boolean() const { return integer_ != 0; }
  const std::vector<std::string>& as_list() const { return *list_; }
  const std::vector<Record>& as_records() const { return *records_; }

 private:
  FieldType type_ = FieldType::text;
  bool missing_ = true;
  long long integer_ = 0;
  double number_ = 0;
  const core::Fraction* exact_ = nullptr;
  std::string_view text_;
  const std::vector<std::string>* list_ = nullptr;
  const std::vector<Record>* records_ = nullptr;
};

struct RecordOptions {
  int precision = -1;           // decimals of numbers; -1 = shortest exact form (tables: 2)
  std::string language = "en";  // tables: yes/no ("oui"/"non" in French)
};

// Writes the tables of one output, streaming: a record is written (or, for
// a table for people, kept) as it comes. Throws Error(io) when writing fails.
class RecordWriter {
 public:
  virtual ~RecordWriter() = default;
  // Starts a table. REQUIRES: the previous one ended; for csv, tsv and
  // ndjson, no table before (they hold one).
  virtual void begin(const Table& table) = 0;
  // REQUIRES: one value per field of the table, of the field's type or missing.
  virtual void write(const Record& record) = 0;
  virtual void end() = 0;
  // Completes the output (the JSON document's closing brace) and flushes it.
  virtual void finish() = 0;
};

// `provenance`: nullopt for an output that rests on no definition (list).
std::unique_ptr<RecordWriter> make_record_writer(OutputFormat format,
                                                 const std::optional<Provenance>& provenance,
                                                 const RecordOptions& options, std::FILE* out);

}  // namespace alliance::io
