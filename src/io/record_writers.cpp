// The record model's values and its one writer per format
// (alliance/io/records.hpp, docs/output-format.md).
#include <cmath>
#include <stdexcept>

#include "alliance/core/error.hpp"
#include "alliance/core/text.hpp"
#include "alliance/io/records.hpp"
#include "alliance/io/text_table.hpp"
#include "alliance/text/messages.hpp"
#include "output_buffer.hpp"
#include "record_format.hpp"

namespace alliance::io {

OutputFormat parse_output_format(const std::string& name) {
  if (name == "table" || name == "text") return OutputFormat::table;
  if (name == "json") return OutputFormat::json;
  if (name == "ndjson" || name == "jsonl") return OutputFormat::ndjson;
  if (name == "csv") return OutputFormat::csv;
  if (name == "tsv") return OutputFormat::tsv;
  if (name == "sav") return OutputFormat::sav;
  if (name == "dta") return OutputFormat::dta;
  throw Error(ExitCode::usage,
              "unknown output format '" + name + "' (expected table, json, ndjson, csv, tsv, sav or dta)");
}

// ---------------------------------------------------------------- values

Value Value::text(std::string_view text) {
  Value v;
  v.type_ = FieldType::text;
  v.missing_ = text.empty();
  v.text_ = text;
  return v;
}

Value Value::integer(long long value) {
  Value v;
  v.type_ = FieldType::integer;
  v.missing_ = false;
  v.integer_ = value;
  return v;
}

Value Value::integer(const std::optional<long long>& value) {
  if (!value) {
    Value v;
    v.type_ = FieldType::integer;
    return v;
  }
  return integer(*value);
}

Value Value::integer(const std::optional<int>& value) {
  return integer(value ? std::optional<long long>(*value) : std::nullopt);
}

Value Value::number(double value) {
  Value v;
  v.type_ = FieldType::number;
  v.missing_ = !std::isfinite(value);
  v.number_ = value;
  return v;
}

Value Value::number(const std::optional<double>& value) {
  if (!value) {
    Value v;
    v.type_ = FieldType::number;
    return v;
  }
  return number(*value);
}

Value Value::number(const std::optional<double>& value, const std::optional<core::Fraction>& exact) {
  Value v = number(value);
  if (exact) v.exact_ = &*exact;
  return v;
}

Value Value::boolean(bool value) {
  Value v;
  v.type_ = FieldType::boolean;
  v.missing_ = false;
  v.integer_ = value ? 1 : 0;
  return v;
}

Value Value::list(const std::vector<std::string>& items) {
  Value v;
  v.type_ = FieldType::list;
  v.missing_ = false;
  v.list_ = &items;
  return v;
}

Value Value::records(const std::vector<Record>& elements) {
  Value v;
  v.type_ = FieldType::records;
  v.missing_ = false;
  v.records_ = &elements;
  return v;
}

// ---------------------------------------------------------------- cells shared with score's rows

namespace {

// A value as plain text, for a list element's field in a CSV cell or a
// table: `missing` when it has none, numbers with `precision` (shortest when
// negative, as in CSV).
void append_plain(std::string& out, const Field& field, const Value& value, int precision,
                  std::string_view missing, std::string_view list_join) {
  if (value.is_missing()) {
    out += missing;
    return;
  }
  switch (value.type()) {
    case FieldType::text: out += value.as_text(); return;
    case FieldType::integer: out += std::to_string(value.as_integer()); return;
    case FieldType::number:
      out += precision < 0   ? core::format_number(value.as_number())
             : value.exact() ? core::format_fixed(*value.exact(), precision)
                             : core::format_fixed(value.as_number(), precision);
      return;
    case FieldType::boolean: out += value.as_boolean() ? "TRUE" : "FALSE"; return;
    case FieldType::list: {
      bool first = true;
      for (const std::string& item : value.as_list()) {
        if (!first) out += list_join;
        first = false;
        out += item;
      }
      return;
    }
    case FieldType::records: {
      bool first = true;
      for (const Record& element : value.as_records()) {
        if (!first) out += list_join;
        first = false;
        bool first_field = true;
        for (std::size_t f = 0; f < field.fields.size(); ++f) {
          if (!field.fields[f].in_cell) continue;
          if (!first_field) out += ':';
          first_field = false;
          append_plain(out, field.fields[f], element[f], precision, missing, field.fields[f].join);
        }
      }
      return;
    }
  }
}

}  // namespace

std::vector<const std::string*> provenance_values(const Provenance& p) {
  return {&p.questionnaire_id, &p.questionnaire_version, &p.definition_hash, &p.alliance_version};
}

std::string delimited_header(const std::vector<Field>& fields, char sep, bool provenance) {
  std::string out;
  for (const Field& field : fields) {
    if (!out.empty()) out += sep;
    out += field.name;
  }
  if (provenance)
    for (const char* name : kProvenanceNames) {
      if (!out.empty()) out += sep;
      out += name;
    }
  out += '\n';
  return out;
}

std::string delimited_provenance(const Provenance& provenance, char sep) {
  std::string out;
  for (const std::string* value : provenance_values(provenance)) {
    out += sep;
    if (value->empty())
      out += kMissingDelimited;
    else
      append_delimited_cell(out, *value, sep);
  }
  out += '\n';
  return out;
}

std::string json_provenance(const Provenance& provenance) {
  std::string out = "\"provenance\":{";
  const std::vector<const std::string*> values = provenance_values(provenance);
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (i) out += ',';
    append_json_string(out, kProvenanceNames[i]);
    out += ':';
    if (values[i]->empty())
      out += "null";
    else
      append_json_string(out, *values[i]);
  }
  out += '}';
  return out;
}

namespace {

// A number, from its exact value when it has one and precision asks for decimals.
void put_number_value(OutputBuffer& out, const Value& value, int precision) {
  if (precision >= 0 && value.exact()) return out.put(core::format_fixed(*value.exact(), precision));
  out.put_number(value.as_number(), precision);
}

}  // namespace

void put_delimited_value(OutputBuffer& out, const Field& field, const Value& value, char sep, int precision,
                         std::string& scratch) {
  if (value.is_missing()) return out.put(kMissingDelimited);
  switch (value.type()) {
    case FieldType::text: return out.put_delimited_cell(value.as_text(), sep);
    case FieldType::integer: return out.put_int(value.as_integer());
    case FieldType::number: return put_number_value(out, value, precision);
    case FieldType::boolean: return out.put(value.as_boolean() ? "TRUE" : "FALSE");
    case FieldType::list:
    case FieldType::records:
      scratch.clear();
      append_plain(scratch, field, value, precision, kMissingDelimited, field.join);
      return out.put_delimited_cell(scratch, sep);
  }
}

void put_json_value(OutputBuffer& out, const Field& field, const Value& value, int precision) {
  if (value.is_missing()) return out.put("null");
  switch (value.type()) {
    case FieldType::text: return out.put_json_string(value.as_text());
    case FieldType::integer: return out.put_int(value.as_integer());
    case FieldType::number: return put_number_value(out, value, precision);
    case FieldType::boolean: return out.put(value.as_boolean() ? "true" : "false");
    case FieldType::list: {
      out.put('[');
      bool first = true;
      for (const std::string& item : value.as_list()) {
        if (!first) out.put(',');
        first = false;
        out.put_json_string(item);
      }
      return out.put(']');
    }
    case FieldType::records: {
      out.put('[');
      bool first = true;
      for (const Record& element : value.as_records()) {
        if (!first) out.put(',');
        first = false;
        out.put('{');
        for (std::size_t f = 0; f < field.fields.size(); ++f) {
          if (f) out.put(',');
          out.put_json_string(field.fields[f].json_key());
          out.put(':');
          put_json_value(out, field.fields[f], element[f], precision);
        }
        out.put('}');
      }
      return out.put(']');
    }
  }
}

namespace {

void check_record(const Table& table, const Record& record) {
  if (record.size() != table.fields.size())
    throw std::logic_error("record of " + std::to_string(record.size()) + " values for table '" + table.name +
                           "' of " + std::to_string(table.fields.size()) + " fields");
}

// ---------------------------------------------------------------- CSV and TSV

class DelimitedWriter final : public RecordWriter {
 public:
  DelimitedWriter(char sep, const std::optional<Provenance>& provenance, const RecordOptions& options,
                  std::FILE* out)
      : sep_(sep),
        provenance_(provenance.has_value()),
        suffix_(provenance ? delimited_provenance(*provenance, sep) : "\n"),
        options_(options),
        out_(out) {}

  void begin(const Table& table) override {
    if (table_) throw std::logic_error("CSV and TSV hold one table");
    table_ = &table;
    out_.put(delimited_header(table.fields, sep_, provenance_));
  }

  void write(const Record& record) override {
    check_record(*table_, record);
    for (std::size_t i = 0; i < record.size(); ++i) {
      if (i) out_.put(sep_);
      put_delimited_value(out_, table_->fields[i], record[i], sep_, options_.precision, scratch_);
    }
    out_.put(suffix_);
    out_.maybe_flush();
  }

  void end() override {}
  void finish() override { out_.flush(); }

 private:
  char sep_;
  bool provenance_;
  std::string suffix_;  // the provenance cells and the line end
  RecordOptions options_;
  OutputBuffer out_;
  const Table* table_ = nullptr;
  std::string scratch_;
};

// ---------------------------------------------------------------- JSON and NDJSON

// What to write before each field's value (the keys, and the objects of its
// group opened or closed), and after the last: computed once per table.
struct JsonShape {
  std::vector<std::string> before;
  std::string close;  // the open groups' braces (not the record's own)

  explicit JsonShape(const std::vector<Field>& fields) {
    std::vector<std::string> open;
    for (std::size_t i = 0; i < fields.size(); ++i) {
      const std::vector<std::string>& group = fields[i].group;
      std::size_t common = 0;
      while (common < open.size() && common < group.size() && open[common] == group[common]) ++common;
      std::string text = i == 0 ? "{" : std::string(open.size() - common, '}') + ",";
      for (std::size_t k = common; k < group.size(); ++k) {
        append_json_string(text, group[k]);
        text += ":{";
      }
      append_json_string(text, fields[i].json_key());
      text += ':';
      before.push_back(std::move(text));
      open = group;
    }
    close.assign(open.size(), '}');
    if (fields.empty()) before.clear(), close = "{";
  }
};

// One object per record. `after` ends each record (the provenance, for NDJSON).
void put_json_record(OutputBuffer& out, const Table& table, const JsonShape& shape, const Record& record,
                     int precision, std::string_view after) {
  check_record(table, record);
  for (std::size_t i = 0; i < record.size(); ++i) {
    out.put(shape.before[i]);
    put_json_value(out, table.fields[i], record[i], precision);
  }
  out.put(shape.close);
  if (record.empty())
    out.put(after.empty() ? "" : after.substr(1));  // no field: no comma before the provenance
  else
    out.put(after);
  out.put('}');
}

class NdjsonWriter final : public RecordWriter {
 public:
  NdjsonWriter(const std::optional<Provenance>& provenance, const RecordOptions& options, std::FILE* out)
      : after_(provenance ? "," + json_provenance(*provenance) : ""), options_(options), out_(out) {}

  void begin(const Table& table) override {
    if (table_) throw std::logic_error("NDJSON holds one table");
    table_ = &table;
    shape_.emplace(table.fields);
  }

  void write(const Record& record) override {
    put_json_record(out_, *table_, *shape_, record, options_.precision, after_);
    out_.put('\n');
    out_.maybe_flush();
  }

  void end() override {}
  void finish() override { out_.flush(); }

 private:
  std::string after_;
  RecordOptions options_;
  OutputBuffer out_;
  const Table* table_ = nullptr;
  std::optional<JsonShape> shape_;
};

// {"provenance":{...},
// "table":[
// {...},
// {...}
// ]}
class JsonDocumentWriter final : public RecordWriter {
 public:
  JsonDocumentWriter(const std::optional<Provenance>& provenance, const RecordOptions& options,
                     std::FILE* out)
      : options_(options), out_(out) {
    out_.put('{');
    if (provenance) {
      out_.put(json_provenance(*provenance));
      members_ = 1;
    }
  }

  void begin(const Table& table) override {
    table_ = &table;
    shape_.emplace(table.fields);
    records_ = 0;
    if (members_++) out_.put(",\n");
    out_.put_json_string(table.name);
    out_.put(table.single ? ":" : ":[");
  }

  void write(const Record& record) override {
    if (!table_->single) out_.put(records_ ? ",\n" : "\n");
    ++records_;
    put_json_record(out_, *table_, *shape_, record, options_.precision, "");
    out_.maybe_flush();
  }

  void end() override {
    if (table_->single) {
      if (records_ == 0) out_.put("null");
    } else {
      out_.put(records_ ? "\n]" : "]");
    }
    table_ = nullptr;
  }

  void finish() override {
    out_.put("}\n");
    out_.flush();
  }

 private:
  RecordOptions options_;
  OutputBuffer out_;
  const Table* table_ = nullptr;
  std::optional<JsonShape> shape_;
  long records_ = 0;
  int members_ = 0;
};

// ---------------------------------------------------------------- a table for people

std::string heading(const Field& field) {
  if (!field.title.empty()) return field.title;
  std::string out = field.name;
  for (char& c : out)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return out;
}

class PeopleTableWriter final : public RecordWriter {
 public:
  PeopleTableWriter(const RecordOptions& options, std::FILE* out)
      : options_(options), decimals_(options.precision < 0 ? 2 : options.precision), out_(out) {}

  void begin(const Table& table) override {
    table_ = &table;
    std::vector<std::string> header;
    for (const Field& field : table.fields) header.push_back(heading(field));
    text_ = TextTable(std::move(header));
  }

  void write(const Record& record) override {
    check_record(*table_, record);
    std::vector<std::string> row;
    for (std::size_t i = 0; i < record.size(); ++i) row.push_back(cell(table_->fields[i], record[i]));
    text_.add(std::move(row));
  }

  void end() override {
    if (tables_++) out_.put('\n');
    out_.put(text_.render());
    out_.maybe_flush();
  }

  void finish() override { out_.flush(); }

 private:
  std::string cell(const Field& field, const Value& value) const {
    if (value.is_missing()) return kMissingCell;
    switch (value.type()) {
      case FieldType::number:
        return text::decimal(options_.language, core::format_fixed(value.as_number(), decimals_));
      case FieldType::boolean: return value.as_boolean() ? words_.yes : words_.no;
      case FieldType::list:
      case FieldType::records: {
        std::string out;
        append_plain(out, field, value, decimals_, kMissingCell, ", ");
        return out;
      }
      default: {
        std::string out;
        append_plain(out, field, value, decimals_, kMissingCell, field.join);
        return out;
      }
    }
  }

  RecordOptions options_;
  int decimals_;
  const text::Messages& words_ = text::messages(options_.language);
  OutputBuffer out_;
  const Table* table_ = nullptr;
  TextTable text_;
  int tables_ = 0;
};

}  // namespace

std::unique_ptr<RecordWriter> make_record_writer(OutputFormat format,
                                                 const std::optional<Provenance>& provenance,
                                                 const RecordOptions& options, std::FILE* out) {
  switch (format) {
    case OutputFormat::csv: return std::make_unique<DelimitedWriter>(',', provenance, options, out);
    case OutputFormat::tsv: return std::make_unique<DelimitedWriter>('\t', provenance, options, out);
    case OutputFormat::ndjson: return std::make_unique<NdjsonWriter>(provenance, options, out);
    case OutputFormat::json: return std::make_unique<JsonDocumentWriter>(provenance, options, out);
    case OutputFormat::sav:
    case OutputFormat::dta: return make_stat_file_writer(format, provenance, options, out);
    case OutputFormat::table: break;
  }
  return std::make_unique<PeopleTableWriter>(options, out);
}

}  // namespace alliance::io
