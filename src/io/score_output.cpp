// CSV, TSV, NDJSON and JSON output of scores (docs/output-format.md).
#include <algorithm>
#include <memory>
#include <optional>
#include <vector>

#include "alliance/core/error.hpp"
#include "alliance/core/text.hpp"
#include "alliance/io/result_writer.hpp"
#include "output_buffer.hpp"
#include "score_table.hpp"

namespace alliance::io {

OutputFormat parse_output_format(const std::string& name) {
  if (name == "table") return OutputFormat::table;
  if (name == "json") return OutputFormat::json;
  if (name == "ndjson" || name == "jsonl") return OutputFormat::ndjson;
  if (name == "csv") return OutputFormat::csv;
  if (name == "tsv") return OutputFormat::tsv;
  throw Error(ExitCode::usage,
              "unknown output format '" + name + "' (expected table, json, ndjson, csv or tsv)");
}

namespace {

const char* record_status(const ResponseRecord& record, const core::ScoreSheet& sheet) {
  if (!record.valid()) return "invalid";
  for (const core::ScaleScore& s : sheet.subscales)
    if (s.status != core::Status::ok) return "insufficient";
  if (sheet.total.status == core::Status::insufficient) return "insufficient";
  return "ok";
}

// A subscale or the total, seen the same way by every writer.
struct ScaleView {
  std::string id;
  const std::optional<core::Bands>* bands;
  bool has_norms;
};

std::vector<ScaleView> scale_views(const core::Questionnaire& q) {
  std::vector<ScaleView> out;
  for (const core::Subscale& s : q.subscales) out.push_back({s.id, &s.bands, !s.norms.empty()});
  if (q.total.present) out.push_back({"total", &q.total.bands, !q.total.norms.empty()});
  return out;
}

const core::ScaleScore& score_of(const core::ScoreSheet& sheet, std::size_t index) {
  return index < sheet.subscales.size() ? sheet.subscales[index] : sheet.total;
}

std::string joined_problems(const ResponseRecord& record) {
  std::string out;
  for (const std::string& p : record.problems) out += (out.empty() ? "" : " | ") + p;
  return out;
}

class WriterBase : public ResultWriter {
 protected:
  WriterBase(const core::Questionnaire& q, const Provenance& p, const WriterOptions& o, std::FILE* out)
      : q_(q), provenance_(p), options_(o), scales_(scale_views(q)), out_(out) {}

  std::string band_label(const ScaleView& view, const core::ScaleScore& s) const {
    if (!s.band || !*view.bands) return "";
    return core::pick_text((*view.bands)->ranges[*s.band].label, options_.language);
  }

  const core::Questionnaire& q_;
  Provenance provenance_;
  WriterOptions options_;
  std::vector<ScaleView> scales_;
  OutputBuffer out_;
};

// What a CSV/TSV column holds. The scale kinds (scale .. percentile) read the
// scale at Column::index in the wide layout and the row's scale in the long
// one; provenance reads the provenance cell at Column::index.
enum class Cell : unsigned char {
  respondent,
  session,
  form,
  date,
  language,
  response_status,
  scale,
  score,
  answered,
  missing,
  scale_status,
  band,
  z,
  t,
  percentile,
  problems,
  source,
  provenance
};

// One column of a layout: its header name and what to write under it.
struct Column {
  std::string name;
  Cell cell;
  std::size_t index = 0;
};

// The columns of the wide or long layout, in the documented order
// (docs/output-format.md). The header is written from this list, and so are
// the rows of a selection; the full rows spell out the same order
// (write_wide_row, write_long_row; the tests check that both agree).
std::vector<Column> layout_columns(const std::vector<ScaleView>& scales, bool long_format) {
  std::vector<Column> c = {{"respondent", Cell::respondent},
                           {"session", Cell::session},
                           {"form", Cell::form},
                           {"date", Cell::date},
                           {"language", Cell::language}};
  if (long_format) {
    for (const Column& column :
         {Column{"scale", Cell::scale}, Column{"score", Cell::score}, Column{"answered", Cell::answered},
          Column{"missing", Cell::missing}, Column{"status", Cell::scale_status}, Column{"band", Cell::band},
          Column{"z", Cell::z}, Column{"t", Cell::t}, Column{"percentile", Cell::percentile}})
      c.push_back(column);
  } else {
    c.push_back({"status", Cell::response_status});
    for (std::size_t i = 0; i < scales.size(); ++i) {
      const ScaleView& v = scales[i];
      c.push_back({v.id, Cell::score, i});
      c.push_back({v.id + "_answered", Cell::answered, i});
      c.push_back({v.id + "_missing", Cell::missing, i});
      c.push_back({v.id + "_status", Cell::scale_status, i});
      if (*v.bands) c.push_back({v.id + "_band", Cell::band, i});
      if (v.has_norms) {
        c.push_back({v.id + "_z", Cell::z, i});
        c.push_back({v.id + "_t", Cell::t, i});
        c.push_back({v.id + "_percentile", Cell::percentile, i});
      }
    }
  }
  c.push_back({"problems", Cell::problems});
  c.push_back({"source", Cell::source});
  const char* provenance[] = {"questionnaire", "questionnaire_version", "definition_hash",
                              "alliance_version"};
  for (std::size_t i = 0; i < 4; ++i) c.push_back({provenance[i], Cell::provenance, i});
  return c;
}

std::string joined_names(const std::vector<Column>& columns, char sep) {
  std::string out;
  for (const Column& c : columns) out += (out.empty() ? "" : std::string(1, sep)) + c.name;
  return out;
}

// The columns `names` asks for, in that order. Throws Error(usage) for an
// empty list or name, an unknown name (listing the layout's names) or a name
// given twice (R's read.csv and pandas rename a repeated column).
std::vector<Column> select_columns(const std::vector<Column>& layout, const std::vector<std::string>& names,
                                   const std::string& questionnaire_id, bool long_format) {
  const auto available = [&] {
    return questionnaire_id + "'s " + (long_format ? "long layout (--long)" : "wide layout") +
           " has: " + joined_names(layout, ',');
  };
  if (names.empty()) throw Error(ExitCode::usage, "--output-columns: empty list; " + available());
  std::vector<Column> out;
  for (std::size_t i = 0; i < names.size(); ++i) {
    const std::string& name = names[i];
    if (name.empty())
      throw Error(ExitCode::usage, "--output-columns: column " + std::to_string(i + 1) +
                                       " has an empty name (a comma too many?)");
    const auto found =
        std::find_if(layout.begin(), layout.end(), [&](const Column& c) { return c.name == name; });
    if (found == layout.end()) {
      std::vector<std::string> all;
      for (const Column& c : layout) all.push_back(c.name);
      const std::optional<std::string> close = core::closest_match(name, all);
      throw Error(ExitCode::usage, "--output-columns: unknown column '" + name + "'" +
                                       (close ? " (did you mean '" + *close + "'?)" : "") + "; " +
                                       available());
    }
    if (std::any_of(out.begin(), out.end(), [&](const Column& c) { return c.name == name; }))
      throw Error(ExitCode::usage, "--output-columns: column '" + name +
                                       "' is named twice (R's read.csv and pandas would rename the second)");
    out.push_back(*found);
  }
  return out;
}

// CSV (RFC 4180) and TSV, wide (one row per response) or long (one row per
// response and scale). Cells from user data are quoted or cleaned and never
// start a spreadsheet formula.
//
// Two ways to write a row, sharing the cell helpers: the full layout, the
// default, spelled out column after column; and the columns chosen with
// WriterOptions::columns, a loop over their descriptors that formats only
// those. The loop costs about 55 instructions a column more than the
// spelled-out row (3,800 a 28-column row against 2,200, callgrind), so the
// default does not go through it.
class DelimitedWriter final : public WriterBase {
 public:
  DelimitedWriter(const core::Questionnaire& q, const Provenance& p, const WriterOptions& o, std::FILE* out)
      : WriterBase(q, p, o, out),
        sep_(o.format == OutputFormat::tsv ? '\t' : ','),
        selected_(o.columns.has_value()) {
    columns_ = layout_columns(scales_, o.long_format);
    if (selected_) columns_ = select_columns(columns_, *o.columns, q.id, o.long_format);
    build_provenance_cells();
    out_.put(joined_names(columns_, sep_));
    out_.put('\n');
  }

  void write(const ResponseRecord& record, const core::ScoreSheet& sheet) override {
    if (options_.long_format) {
      for (std::size_t i = 0; i < scales_.size(); ++i) {
        if (selected_)
          write_selected_row(record, sheet, i);
        else
          write_long_row(record, sheet, i);
      }
    } else if (selected_) {
      write_selected_row(record, sheet, 0);
    } else {
      write_wide_row(record, sheet);
    }
    out_.maybe_flush();
  }

  void finish() override { out_.flush(); }

 private:
  // Made safe once: they are the same in every row. The full layout ends
  // every row with all four, so they are also joined into one suffix.
  void build_provenance_cells() {
    const std::string* cells[] = {&provenance_.questionnaire_id, &provenance_.questionnaire_version,
                                  &provenance_.definition_hash, &provenance_.alliance_version};
    for (std::size_t i = 0; i < 4; ++i) {
      append_delimited_cell(provenance_cells_[i], *cells[i], sep_);
      suffix_ += sep_ + provenance_cells_[i];
    }
    suffix_ += '\n';
  }

  // The chosen columns. `row_scale` is the scale of a long row; a wide row's
  // scale columns carry their own.
  void write_selected_row(const ResponseRecord& record, const core::ScoreSheet& sheet,
                          std::size_t row_scale) {
    for (std::size_t i = 0; i < columns_.size(); ++i) {
      if (i) out_.put(sep_);
      const Column& c = columns_[i];
      put_column(c, record, sheet, options_.long_format ? row_scale : c.index);
    }
    out_.put('\n');
  }

  void put_column(const Column& c, const ResponseRecord& record, const core::ScoreSheet& sheet,
                  std::size_t scale) {
    const core::Response& r = record.response;
    switch (c.cell) {
      case Cell::respondent: return put_cell(r.respondent);
      case Cell::session: return put_session(r);
      case Cell::form: return put_cell(r.form);
      case Cell::date: return put_cell(r.date);
      case Cell::language: return put_cell(r.language);
      case Cell::response_status: return out_.put(record_status(record, sheet));
      case Cell::problems: return put_cell(joined_problems(record));
      case Cell::source: return put_cell(record.location);
      case Cell::provenance: return out_.put(provenance_cells_[c.index]);
      default: return put_scale_column(c.cell, scales_[scale], score_of(sheet, scale), record.valid());
    }
  }

  void put_scale_column(Cell cell, const ScaleView& v, const core::ScaleScore& s, bool valid) {
    switch (cell) {
      case Cell::scale: return out_.put(v.id);
      case Cell::score: return put_value(s, s.value);
      case Cell::answered: return put_count(s.answered, valid);
      case Cell::missing: return put_count(s.missing, valid);
      case Cell::scale_status: return out_.put(core::to_string(s.status));
      case Cell::band: return put_band(v, s);
      case Cell::z: return put_norm(v, s, s.z);
      case Cell::t: return put_norm(v, s, s.t);
      case Cell::percentile: return put_norm(v, s, s.percentile);
      default: return;  // not a scale column: put_column wrote it
    }
  }

  // The full wide layout (docs/output-format.md), as layout_columns lists it.
  void write_wide_row(const ResponseRecord& record, const core::ScoreSheet& sheet) {
    put_identity(record);
    out_.put(record_status(record, sheet));
    for (std::size_t i = 0; i < scales_.size(); ++i) {
      const ScaleView& v = scales_[i];
      const core::ScaleScore& s = score_of(sheet, i);
      put_scale_counts_status(s, record.valid());
      if (*v.bands) {
        out_.put(sep_);
        put_band(v, s);
      }
      if (v.has_norms) {
        for (const auto* value : {&s.z, &s.t, &s.percentile}) {
          out_.put(sep_);
          put_value(s, *value);
        }
      }
    }
    put_tail(record);
  }

  // The full long layout: one row of scale `i`.
  void write_long_row(const ResponseRecord& record, const core::ScoreSheet& sheet, std::size_t i) {
    const ScaleView& v = scales_[i];
    const core::ScaleScore& s = score_of(sheet, i);
    put_identity(record);
    out_.put(v.id);
    put_scale_counts_status(s, record.valid());
    out_.put(sep_);
    put_band(v, s);
    for (const auto* value : {&s.z, &s.t, &s.percentile}) {
      out_.put(sep_);
      put_norm(v, s, *value);
    }
    put_tail(record);
  }

  // respondent to language, each followed by a separator.
  void put_identity(const ResponseRecord& record) {
    const core::Response& r = record.response;
    put_cell(r.respondent);
    out_.put(sep_);
    put_session(r);
    out_.put(sep_);
    put_cell(r.form);
    out_.put(sep_);
    put_cell(r.date);
    out_.put(sep_);
    put_cell(r.language);
    out_.put(sep_);
  }

  // A scale's score, answered, missing and status, each after a separator.
  void put_scale_counts_status(const core::ScaleScore& s, bool valid) {
    out_.put(sep_);
    put_value(s, s.value);
    out_.put(sep_);
    put_count(s.answered, valid);
    out_.put(sep_);
    put_count(s.missing, valid);
    out_.put(sep_);
    out_.put(core::to_string(s.status));
  }

  // problems, source and the provenance, ending the row.
  void put_tail(const ResponseRecord& record) {
    out_.put(sep_);
    put_cell(joined_problems(record));
    out_.put(sep_);
    put_cell(record.location);
    out_.put(suffix_);
  }

  void put_cell(std::string_view cell) { out_.put_delimited_cell(cell, sep_); }

  void put_session(const core::Response& r) {
    if (r.session) out_.put_int(*r.session);
  }

  void put_value(const core::ScaleScore& s, const std::optional<double>& value) {
    if (s.status == core::Status::ok && value)
      out_.put_number(*value, options_.precision);
    else
      out_.put("NA");
  }

  // An invalid response has no counts: nothing was scored.
  void put_count(int count, bool valid) {
    if (valid)
      out_.put_int(count);
    else
      out_.put("NA");
  }

  // The label in --lang; empty when there is no score or the scale has no bands.
  void put_band(const ScaleView& v, const core::ScaleScore& s) {
    if (*v.bands) put_cell(band_label(v, s));
  }

  // Empty when the scale has no norms (a long row of such a scale: not
  // applicable); NA when it has them and there is no score.
  void put_norm(const ScaleView& v, const core::ScaleScore& s, const std::optional<double>& value) {
    if (v.has_norms) put_value(s, value);
  }

  char sep_;
  bool selected_;                // WriterOptions::columns given
  std::vector<Column> columns_;  // the layout's, or the chosen ones
  std::string provenance_cells_[4];
  std::string suffix_;  // separator, the four provenance cells, line end
};

// NDJSON (one object per line) and JSON (an array of the same objects).
class JsonWriter final : public WriterBase {
 public:
  JsonWriter(const core::Questionnaire& q, const Provenance& p, const WriterOptions& o, std::FILE* out)
      : WriterBase(q, p, o, out), array_(o.format == OutputFormat::json) {
    if (array_) out_.put('[');
  }

  void write(const ResponseRecord& record, const core::ScoreSheet& sheet) override {
    if (options_.long_format) {
      for (std::size_t i = 0; i < scales_.size(); ++i) {
        begin_object();
        put_identity(record);
        put_key("scale");
        out_.put_json_string(scales_[i].id);
        out_.put(',');
        put_scale_members(scales_[i], score_of(sheet, i), record.valid());
        out_.put(',');
        put_tail(record);
      }
    } else {
      begin_object();
      put_identity(record);
      put_key("status");
      out_.put_json_string(record_status(record, sheet));
      out_.put(",\"scores\":{");
      for (std::size_t i = 0; i < scales_.size(); ++i) {
        if (i) out_.put(',');
        put_key(scales_[i].id);
        out_.put('{');
        put_scale_members(scales_[i], score_of(sheet, i), record.valid());
        out_.put('}');
      }
      out_.put("},");
      put_tail(record);
    }
    out_.maybe_flush();
  }

  void finish() override {
    if (array_) out_.put(count_ ? "\n]\n" : "]\n");
    out_.flush();
  }

 private:
  void begin_object() {
    if (array_) out_.put(count_ ? ",\n" : "\n");
    ++count_;
    out_.put('{');
  }

  void put_key(std::string_view key) {
    out_.put_json_string(key);
    out_.put(':');
  }

  void put_optional_string(std::string_view key, const std::string& value) {
    put_key(key);
    out_.put_json_string_or_null(value);
    out_.put(',');
  }

  void put_identity(const ResponseRecord& record) {
    const core::Response& r = record.response;
    put_key("respondent");
    out_.put_json_string(r.respondent);
    out_.put(",\"session\":");
    out_.put_json_int_or_null(r.session);
    out_.put(',');
    put_optional_string("form", r.form);
    put_optional_string("date", r.date);
    put_optional_string("language", r.language);
  }

  void put_number_or_null(const core::ScaleScore& s, const std::optional<double>& value) {
    out_.put_json_number_or_null(s.status == core::Status::ok ? value : std::nullopt, options_.precision);
  }

  void put_scale_members(const ScaleView& v, const core::ScaleScore& s, bool valid) {
    put_key("score");
    put_number_or_null(s, s.value);
    out_.put(",\"answered\":");
    out_.put_json_int_or_null(valid ? std::optional<long long>(s.answered) : std::nullopt);
    out_.put(",\"missing\":");
    out_.put_json_int_or_null(valid ? std::optional<long long>(s.missing) : std::nullopt);
    out_.put(",\"status\":");
    out_.put_json_string(core::to_string(s.status));
    if (*v.bands) {
      out_.put(",\"band\":");
      out_.put_json_string_or_null(band_label(v, s));
    }
    if (v.has_norms) {
      out_.put(",\"z\":");
      put_number_or_null(s, s.z);
      out_.put(",\"t\":");
      put_number_or_null(s, s.t);
      out_.put(",\"percentile\":");
      put_number_or_null(s, s.percentile);
    }
  }

  void put_tail(const ResponseRecord& record) {
    out_.put("\"problems\":[");
    for (std::size_t i = 0; i < record.problems.size(); ++i) {
      if (i) out_.put(',');
      out_.put_json_string(record.problems[i]);
    }
    out_.put("],\"source\":");
    out_.put_json_string(record.location);
    out_.put(",\"questionnaire\":{\"id\":");
    out_.put_json_string(provenance_.questionnaire_id);
    out_.put(",\"version\":");
    out_.put_json_string(provenance_.questionnaire_version);
    out_.put(",\"hash\":");
    out_.put_json_string(provenance_.definition_hash);
    out_.put("},\"alliance_version\":");
    out_.put_json_string(provenance_.alliance_version);
    out_.put(array_ ? "}" : "}\n");
  }

  bool array_;
  long count_ = 0;
};

// Why --output-columns was refused, and what to do instead.
std::string not_delimited_message(OutputFormat format) {
  const std::string start = "--output-columns applies to csv and tsv output only";
  if (format == OutputFormat::table)
    return start + ", not a table (the default on a terminal); add --format csv or --format tsv";
  return start +
         ", not JSON; to keep some fields of JSON, use jq (e.g. jq -c '{respondent, total: "
         ".scores.total.score}' on --format ndjson)";
}

}  // namespace

std::unique_ptr<ResultWriter> make_result_writer(const core::Questionnaire& questionnaire,
                                                 const Provenance& provenance, const WriterOptions& options,
                                                 std::FILE* out) {
  if (options.columns && options.format != OutputFormat::csv && options.format != OutputFormat::tsv)
    throw Error(ExitCode::usage, not_delimited_message(options.format));
  switch (options.format) {
    case OutputFormat::table: return make_table_writer(questionnaire, options, out);
    case OutputFormat::json:
    case OutputFormat::ndjson: return std::make_unique<JsonWriter>(questionnaire, provenance, options, out);
    case OutputFormat::csv:
    case OutputFormat::tsv: break;
  }
  return std::make_unique<DelimitedWriter>(questionnaire, provenance, options, out);
}

}  // namespace alliance::io
