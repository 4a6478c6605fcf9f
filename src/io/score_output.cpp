// CSV, TSV, NDJSON and JSON output of scores (docs/output-format.md).
#include <memory>

#include "alliance/core/error.hpp"
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

// CSV (RFC 4180) and TSV, wide (one row per response) or long (one row per
// response and scale). Cells from user data are quoted or cleaned and never
// start a spreadsheet formula.
class DelimitedWriter final : public WriterBase {
 public:
  DelimitedWriter(const core::Questionnaire& q, const Provenance& p, const WriterOptions& o, std::FILE* out)
      : WriterBase(q, p, o, out), sep_(o.format == OutputFormat::tsv ? '\t' : ',') {
    build_provenance_suffix();
    write_header();
  }

  void write(const ResponseRecord& record, const core::ScoreSheet& sheet) override {
    if (options_.long_format) {
      for (std::size_t i = 0; i < scales_.size(); ++i) write_long_row(record, sheet, i);
    } else {
      write_wide_row(record, sheet);
    }
    out_.maybe_flush();
  }

  void finish() override { out_.flush(); }

 private:
  void build_provenance_suffix() {
    for (const std::string* cell : {&provenance_.questionnaire_id, &provenance_.questionnaire_version,
                                    &provenance_.definition_hash, &provenance_.alliance_version}) {
      suffix_ += sep_;
      append_delimited_cell(suffix_, *cell, sep_);
    }
    suffix_ += '\n';
  }

  void write_header() {
    std::string h = "respondent" + std::string(1, sep_) + "session" + sep_ + "form" + sep_ + "date" + sep_ +
                    "language" + sep_;
    if (options_.long_format) {
      h += std::string("scale") + sep_ + "score" + sep_ + "answered" + sep_ + "missing" + sep_ + "status" +
           sep_ + "band" + sep_ + "z" + sep_ + "t" + sep_ + "percentile";
    } else {
      h += "status";
      for (const ScaleView& v : scales_) {
        h += sep_ + v.id + sep_ + v.id + "_answered" + sep_ + v.id + "_missing" + sep_ + v.id + "_status";
        if (*v.bands) h += sep_ + v.id + "_band";
        if (v.has_norms) h += sep_ + v.id + "_z" + sep_ + v.id + "_t" + sep_ + v.id + "_percentile";
      }
    }
    h += std::string(1, sep_) + "problems" + sep_ + "source" + sep_ + "questionnaire" + sep_ +
         "questionnaire_version" + sep_ + "definition_hash" + sep_ + "alliance_version\n";
    out_.put(h);
  }

  void put_cell(std::string_view cell) { out_.put_delimited_cell(cell, sep_); }

  void put_identity(const ResponseRecord& record) {
    const core::Response& r = record.response;
    put_cell(r.respondent);
    out_.put(sep_);
    if (r.session) out_.put_int(*r.session);
    out_.put(sep_);
    put_cell(r.form);
    out_.put(sep_);
    put_cell(r.date);
    out_.put(sep_);
    put_cell(r.language);
    out_.put(sep_);
  }

  void put_value(const core::ScaleScore& s, const std::optional<double>& value) {
    if (s.status == core::Status::ok && value)
      out_.put_number(*value, options_.precision);
    else
      out_.put("NA");
  }

  void put_counts(const core::ScaleScore& s, bool valid) {
    if (valid) {
      out_.put_int(s.answered);
      out_.put(sep_);
      out_.put_int(s.missing);
    } else {
      out_.put("NA");
      out_.put(sep_);
      out_.put("NA");
    }
  }

  void put_tail(const ResponseRecord& record) {
    out_.put(sep_);
    put_cell(joined_problems(record));
    out_.put(sep_);
    put_cell(record.location);
    out_.put(suffix_);
  }

  void write_wide_row(const ResponseRecord& record, const core::ScoreSheet& sheet) {
    put_identity(record);
    out_.put(record_status(record, sheet));
    for (std::size_t i = 0; i < scales_.size(); ++i) {
      const ScaleView& v = scales_[i];
      const core::ScaleScore& s = score_of(sheet, i);
      out_.put(sep_);
      put_value(s, s.value);
      out_.put(sep_);
      put_counts(s, record.valid());
      out_.put(sep_);
      out_.put(core::to_string(s.status));
      if (*v.bands) {
        out_.put(sep_);
        put_cell(band_label(v, s));
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

  void write_long_row(const ResponseRecord& record, const core::ScoreSheet& sheet, std::size_t i) {
    const ScaleView& v = scales_[i];
    const core::ScaleScore& s = score_of(sheet, i);
    put_identity(record);
    out_.put(v.id);
    out_.put(sep_);
    put_value(s, s.value);
    out_.put(sep_);
    put_counts(s, record.valid());
    out_.put(sep_);
    out_.put(core::to_string(s.status));
    out_.put(sep_);
    if (*v.bands) put_cell(band_label(v, s));
    for (const auto* value : {&s.z, &s.t, &s.percentile}) {
      out_.put(sep_);
      if (v.has_norms) put_value(s, *value);
    }
    put_tail(record);
  }

  char sep_;
  std::string suffix_;
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
    if (value.empty())
      out_.put("null");
    else
      out_.put_json_string(value);
    out_.put(',');
  }

  void put_identity(const ResponseRecord& record) {
    const core::Response& r = record.response;
    put_key("respondent");
    out_.put_json_string(r.respondent);
    out_.put(",\"session\":");
    if (r.session)
      out_.put_int(*r.session);
    else
      out_.put("null");
    out_.put(',');
    put_optional_string("form", r.form);
    put_optional_string("date", r.date);
    put_optional_string("language", r.language);
  }

  void put_number_or_null(const core::ScaleScore& s, const std::optional<double>& value) {
    if (s.status == core::Status::ok && value)
      out_.put_number(*value, options_.precision);
    else
      out_.put("null");
  }

  void put_scale_members(const ScaleView& v, const core::ScaleScore& s, bool valid) {
    put_key("score");
    put_number_or_null(s, s.value);
    out_.put(",\"answered\":");
    if (valid)
      out_.put_int(s.answered);
    else
      out_.put("null");
    out_.put(",\"missing\":");
    if (valid)
      out_.put_int(s.missing);
    else
      out_.put("null");
    out_.put(",\"status\":");
    out_.put_json_string(core::to_string(s.status));
    if (*v.bands) {
      out_.put(",\"band\":");
      const std::string label = band_label(v, s);
      if (label.empty())
        out_.put("null");
      else
        out_.put_json_string(label);
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

}  // namespace

std::unique_ptr<ResultWriter> make_result_writer(const core::Questionnaire& questionnaire,
                                                 const Provenance& provenance, const WriterOptions& options,
                                                 std::FILE* out) {
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
