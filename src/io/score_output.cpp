// The output of `alliance score` (docs/output-format.md): the records of
// score_records.hpp, rendered by the record model's writers for JSON and
// NDJSON, and spelled out for CSV and TSV, where the bytes of millions of
// rows are most of the time spent.
#include <algorithm>
#include <memory>
#include <optional>
#include <vector>

#include "alliance/core/error.hpp"
#include "alliance/core/text.hpp"
#include "alliance/io/result_writer.hpp"
#include "alliance/text/messages.hpp"
#include "output_buffer.hpp"
#include "record_format.hpp"
#include "score_records.hpp"
#include "score_table.hpp"

namespace alliance::io {

namespace {

std::string joined_names(const std::vector<ScoreColumn>& columns, char sep) {
  std::string out;
  for (const ScoreColumn& c : columns) out += (out.empty() ? "" : std::string(1, sep)) + c.name;
  return out;
}

// The columns `names` asks for, in that order. Throws Error(usage) for an
// empty list or name, an unknown name (listing the layout's names) or a name
// given twice (R's read.csv and pandas rename a repeated column).
std::vector<ScoreColumn> select_columns(const std::vector<ScoreColumn>& layout,
                                        const std::vector<std::string>& names,
                                        const std::string& questionnaire_id, bool long_format) {
  const std::string available = text::nested(
      long_format ? text::Msg::output_columns_long_layout : text::Msg::output_columns_wide_layout,
      {questionnaire_id, joined_names(layout, ',')});
  if (names.empty())
    throw Error(ExitCode::usage, text::Message{text::Msg::output_columns_empty, {available}});
  std::vector<ScoreColumn> out;
  for (std::size_t i = 0; i < names.size(); ++i) {
    const std::string& name = names[i];
    if (name.empty())
      throw Error(ExitCode::usage, text::Message{text::Msg::output_columns_blank, {std::to_string(i + 1)}});
    const auto found =
        std::find_if(layout.begin(), layout.end(), [&](const ScoreColumn& c) { return c.name == name; });
    if (found == layout.end()) {
      std::vector<std::string> all;
      for (const ScoreColumn& c : layout) all.push_back(c.name);
      const std::optional<std::string> close = core::closest_match(name, all);
      const std::string hint = close ? text::nested(text::Msg::output_columns_did_you_mean, {*close}) : "";
      throw Error(ExitCode::usage, text::Message{text::Msg::output_columns_unknown, {name, hint, available}});
    }
    if (std::any_of(out.begin(), out.end(), [&](const ScoreColumn& c) { return c.name == name; }))
      throw Error(ExitCode::usage, text::Message{text::Msg::output_columns_twice, {name}});
    out.push_back(*found);
  }
  return out;
}

// CSV (RFC 4180) and TSV, wide (one row per response) or long (one row per
// response and scale): the bytes the record model's CSV/TSV writer gives for
// score_layout and ScoreRecords (tests/io/score_writer_test.cpp checks both
// ways on every kind of row), written without building the record.
//
// Two ways to write a row, sharing the cell helpers: the full layout, the
// default, spelled out column after column; and the columns chosen with
// WriterOptions::columns, a loop over their descriptors that formats only
// those. The loop costs about 55 instructions a column more than the
// spelled-out row (3,800 a 28-column row against 2,200, callgrind), so the
// default does not go through it.
class ScoreRowWriter final : public ResultWriter {
 public:
  ScoreRowWriter(const core::Questionnaire& q, const Provenance& p, const WriterOptions& o, std::FILE* out)
      : options_(o),
        layout_(score_layout(q, o.long_format)),
        sep_(o.format == OutputFormat::tsv ? '\t'
             : o.excel_fr                  ? ';'
                                           : ','),
        comma_(o.excel_fr),
        selected_(o.columns.has_value()),
        out_(out) {
    columns_ = selected_ ? select_columns(layout_.columns, *o.columns, q.id, o.long_format) : layout_.columns;
    for (const core::ScaleRef& scale : layout_.scales) {
      std::string id;
      append_delimited_cell(id, scale.id, sep_);
      scale_ids_.push_back(std::move(id));
    }
    const std::vector<const std::string*> values = provenance_values(p);
    for (std::size_t i = 0; i < 4; ++i) {
      if (values[i]->empty())
        provenance_cells_[i] = kMissingDelimited;
      else
        append_delimited_cell(provenance_cells_[i], *values[i], sep_);
    }
    suffix_ = delimited_provenance(p, sep_);
    for (core::Status status : {core::Status::ok, core::Status::insufficient, core::Status::invalid})
      status_no_range_[static_cast<std::size_t>(status)] = std::string(core::to_string(status)) + sep_ +
                                                           std::string(kMissingDelimited) + sep_ +
                                                           std::string(kMissingDelimited);
    if (comma_) out_.put("\xEF\xBB\xBF");  // Excel reads UTF-8 only after its byte-order mark
    out_.put(joined_names(columns_, sep_));
    out_.put('\n');
  }

  void write(const ResponseRecord& record, const core::ScoreSheet& sheet) override {
    if (options_.long_format) {
      for (std::size_t i = 0; i < layout_.scales.size(); ++i) {
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

  bool shows_possible_scores() const override {
    return std::any_of(columns_.begin(), columns_.end(), [](const ScoreColumn& c) {
      return c.cell == ScoreCell::possible_low || c.cell == ScoreCell::possible_high ||
             c.cell == ScoreCell::band_settled;
    });
  }

 private:
  // The chosen columns. `row_scale` is the scale of a long row; a wide row's
  // scale columns carry their own.
  void write_selected_row(const ResponseRecord& record, const core::ScoreSheet& sheet,
                          std::size_t row_scale) {
    for (std::size_t i = 0; i < columns_.size(); ++i) {
      if (i) out_.put(sep_);
      const ScoreColumn& c = columns_[i];
      put_column(c, record, sheet, options_.long_format ? row_scale : c.scale);
    }
    out_.put('\n');
  }

  void put_column(const ScoreColumn& c, const ResponseRecord& record, const core::ScoreSheet& sheet,
                  std::size_t scale) {
    const core::Response& r = record.response;
    switch (c.cell) {
      case ScoreCell::respondent: return put_text(r.respondent);
      case ScoreCell::session: return put_session(r);
      case ScoreCell::form: return put_text(r.form);
      case ScoreCell::date: return put_text(r.date);
      case ScoreCell::language: return put_text(r.language);
      case ScoreCell::response_status: return out_.put(response_status(record, sheet));
      case ScoreCell::problems: return put_problems(record);
      case ScoreCell::source: return put_text(record.location);
      case ScoreCell::provenance: return out_.put(provenance_cells_[c.scale]);
      default: return put_scale_column(c.cell, scale, scale_score(sheet, scale), record.valid());
    }
  }

  void put_scale_column(ScoreCell cell, std::size_t index, const core::ScaleScore& s, bool valid) {
    const core::ScaleRef& v = layout_.scales[index];
    switch (cell) {
      case ScoreCell::scale: return out_.put(scale_ids_[index]);
      case ScoreCell::score: return put_score(s);
      case ScoreCell::answered: return put_count(s.answered, valid);
      case ScoreCell::missing: return put_count(s.missing, valid);
      case ScoreCell::scale_status: return out_.put(core::to_string(s.status));
      case ScoreCell::possible_low: return put_possible_cell(s, false);
      case ScoreCell::possible_high: return put_possible_cell(s, true);
      case ScoreCell::band: return put_band(v, s);
      case ScoreCell::band_settled: return put_settled(v, s);
      case ScoreCell::z: return put_norm(v, s, s.z);
      case ScoreCell::t: return put_norm(v, s, s.t);
      case ScoreCell::percentile: return put_norm(v, s, s.percentile);
      default: return;  // not a scale column: put_column wrote it
    }
  }

  // The full wide layout (docs/output-format.md), as score_layout lists it.
  void write_wide_row(const ResponseRecord& record, const core::ScoreSheet& sheet) {
    put_identity(record);
    out_.put(response_status(record, sheet));
    for (std::size_t i = 0; i < layout_.scales.size(); ++i) {
      const core::ScaleRef& v = layout_.scales[i];
      const core::ScaleScore& s = scale_score(sheet, i);
      put_scale_counts(s, record.valid());
      put_status_possible(s);
      if (*v.bands) {
        out_.put(sep_);
        put_band(v, s);
        out_.put(sep_);
        put_settled(v, s);
      }
      if (!v.norms->empty()) {
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
    const core::ScaleRef& v = layout_.scales[i];
    const core::ScaleScore& s = scale_score(sheet, i);
    put_identity(record);
    out_.put(scale_ids_[i]);
    put_scale_counts(s, record.valid());
    put_status_possible(s);
    out_.put(sep_);
    put_band(v, s);
    out_.put(sep_);
    put_settled(v, s);
    for (const auto* value : {&s.z, &s.t, &s.percentile}) {
      out_.put(sep_);
      put_norm(v, s, *value);
    }
    put_tail(record);
  }

  // respondent to language, each followed by a separator.
  void put_identity(const ResponseRecord& record) {
    const core::Response& r = record.response;
    put_text(r.respondent);
    out_.put(sep_);
    put_session(r);
    out_.put(sep_);
    put_text(r.form);
    out_.put(sep_);
    put_text(r.date);
    out_.put(sep_);
    put_text(r.language);
    out_.put(sep_);
  }

  // A scale's score, answered and missing, each after a separator.
  void put_scale_counts(const core::ScaleScore& s, bool valid) {
    out_.put(sep_);
    put_score(s);
    out_.put(sep_);
    put_count(s.answered, valid);
    out_.put(sep_);
    put_count(s.missing, valid);
    out_.put(sep_);
  }

  // The scale's status, possible_low and possible_high: one constant when
  // there is no range (no missing answer: most rows).
  void put_status_possible(const core::ScaleScore& s) {
    if (s.status != core::Status::ok || !s.possible)
      return out_.put(status_no_range_[static_cast<std::size_t>(s.status)]);
    out_.put(std::string_view("ok"));
    out_.put(sep_);
    put_decimal(s.possible->low);
    out_.put(sep_);
    put_decimal(s.possible->high);
  }

  // problems, source and the provenance, ending the row.
  void put_tail(const ResponseRecord& record) {
    out_.put(sep_);
    put_problems(record);
    out_.put(sep_);
    put_text(record.location);
    out_.put(suffix_);
  }

  // Text from the input, made safe; NA when it is not given.
  void put_text(std::string_view text) {
    if (text.empty())
      out_.put(kMissingDelimited);
    else
      out_.put_delimited_cell(text, sep_);
  }

  // The located messages of an invalid response, joined: empty when none.
  void put_problems(const ResponseRecord& record) {
    if (record.problems.empty()) return;
    if (record.problems.size() == 1) return out_.put_delimited_cell(record.problems[0], sep_);
    scratch_.clear();
    for (const std::string& p : record.problems) scratch_ += (scratch_.empty() ? "" : " | ") + p;
    out_.put_delimited_cell(scratch_, sep_);
  }

  void put_session(const core::Response& r) {
    if (r.session)
      out_.put_int(*r.session);
    else
      out_.put(kMissingDelimited);
  }

  void put_value(const core::ScaleScore& s, const std::optional<double>& value) {
    if (s.status == core::Status::ok && value) {
      const std::size_t mark = out_.size();
      out_.put_number(*value, options_.precision);
      if (comma_) [[unlikely]]
        out_.decimal_comma_since(mark);
    } else {
      out_.put(kMissingDelimited);
    }
  }

  // The score: with --precision, rounded from its exact value when it has one.
  void put_score(const core::ScaleScore& s) {
    if (options_.precision >= 0 && s.status == core::Status::ok && s.value && s.exact) {
      const std::size_t mark = out_.size();
      out_.put(core::format_fixed(*s.exact, options_.precision));
      if (comma_) [[unlikely]]
        out_.decimal_comma_since(mark);
    } else {
      put_value(s, s.value);
    }
  }

  // A number, with a decimal comma under --csv-dialect excel-fr.
  void put_decimal(double value) {
    const std::size_t mark = out_.size();
    out_.put_number(value, options_.precision);
    if (comma_) [[unlikely]]
      out_.decimal_comma_since(mark);
  }

  void put_possible_cell(const core::ScaleScore& s, bool high) {
    if (s.status != core::Status::ok || !s.possible) return out_.put(kMissingDelimited);
    put_decimal(high ? s.possible->high : s.possible->low);
  }

  // TRUE or FALSE; NA without a score or without bands.
  void put_settled(const core::ScaleRef& v, const core::ScaleScore& s) {
    if (const std::optional<bool> settled = core::band_settled(s, v.bands->has_value()))
      out_.put(*settled ? "TRUE" : "FALSE");
    else
      out_.put(kMissingDelimited);
  }

  // An invalid response has no counts: nothing was scored.
  void put_count(int count, bool valid) {
    if (valid)
      out_.put_int(count);
    else
      out_.put(kMissingDelimited);
  }

  // The label in --lang; NA when there is no score or the scale has no bands.
  void put_band(const core::ScaleRef& v, const core::ScaleScore& s) {
    put_text(band_label(v, s, options_.language));
  }

  // NA when the scale has no norms (a long row of such a scale) or there is no score.
  void put_norm(const core::ScaleRef& v, const core::ScaleScore& s, const std::optional<double>& value) {
    if (!v.norms->empty())
      put_value(s, value);
    else
      out_.put(kMissingDelimited);
  }

  WriterOptions options_;
  ScoreLayout layout_;
  char sep_;
  bool comma_;                          // WriterOptions::excel_fr: decimal commas
  bool selected_;                       // WriterOptions::columns given
  std::vector<ScoreColumn> columns_;    // the layout's, or the chosen ones
  std::vector<std::string> scale_ids_;  // made safe once
  std::string provenance_cells_[4];
  std::string suffix_;              // separator, the four provenance cells, line end
  std::string status_no_range_[3];  // by core::Status: "ok,NA,NA" (put_status_possible without a range)
  OutputBuffer out_;
  std::string scratch_;
};

// The variable labels of a .sav or .dta file (Field::title), in `language`:
// a score is labelled with its scale's title, its companions after it.
ScoreLayout labelled(ScoreLayout layout, const std::string& language) {
  const text::Messages& m = text::messages(language);
  const bool long_format = layout.table.name == "scores";
  for (std::size_t i = 0; i < layout.table.fields.size(); ++i) {
    const ScoreColumn& column = layout.columns[i];
    const std::string scale =
        long_format ? m.label_scale : core::pick_text(*layout.scales[column.scale].title, language);
    std::string& title = layout.table.fields[i].title;
    switch (column.cell) {
      case ScoreCell::respondent: title = m.label_respondent; break;
      case ScoreCell::session: title = m.label_session; break;
      case ScoreCell::form: title = m.label_form; break;
      case ScoreCell::date: title = m.label_date; break;
      case ScoreCell::language: title = m.label_language; break;
      case ScoreCell::response_status: title = m.label_status; break;
      case ScoreCell::scale: title = m.label_scale; break;
      case ScoreCell::score: title = long_format ? m.label_score : scale; break;
      case ScoreCell::answered: title = text::fill(m.label_answered, {scale}); break;
      case ScoreCell::missing: title = text::fill(m.label_missing, {scale}); break;
      case ScoreCell::scale_status: title = text::fill(m.label_scale_status, {scale}); break;
      case ScoreCell::band: title = text::fill(m.label_band, {scale}); break;
      case ScoreCell::z: title = text::fill(m.label_z, {scale}); break;
      case ScoreCell::t: title = text::fill(m.label_t, {scale}); break;
      case ScoreCell::percentile: title = text::fill(m.label_percentile, {scale}); break;
      case ScoreCell::possible_low: title = text::fill(m.label_possible_low, {scale}); break;
      case ScoreCell::possible_high: title = text::fill(m.label_possible_high, {scale}); break;
      case ScoreCell::band_settled: title = text::fill(m.label_band_settled, {scale}); break;
      case ScoreCell::problems: title = m.label_problems; break;
      case ScoreCell::source: title = m.label_source; break;
      case ScoreCell::provenance: break;
    }
  }
  return layout;
}

// NDJSON (one object per line), JSON (one document), SPSS .sav and Stata
// .dta: the records of the layout through the record model's writers.
class JsonWriter final : public ResultWriter {
 public:
  JsonWriter(const core::Questionnaire& q, const Provenance& p, const WriterOptions& o, std::FILE* out)
      : long_format_(o.long_format),
        layout_(o.format == OutputFormat::sav || o.format == OutputFormat::dta
                    ? labelled(score_layout(q, o.long_format), o.language)
                    : score_layout(q, o.long_format)),
        records_(layout_, o.long_format, o.language),
        writer_(make_record_writer(o.format, p, RecordOptions{o.precision, o.language}, out)) {
    writer_->begin(layout_.table);
  }

  void write(const ResponseRecord& record, const core::ScoreSheet& sheet) override {
    if (!long_format_) return writer_->write(records_.values(record, sheet, 0));
    for (std::size_t i = 0; i < layout_.scales.size(); ++i) writer_->write(records_.values(record, sheet, i));
  }

  void finish() override {
    writer_->end();
    writer_->finish();
  }

 private:
  bool long_format_;
  ScoreLayout layout_;
  ScoreRecords records_;
  std::unique_ptr<RecordWriter> writer_;
};

// Why --output-columns was refused, and what to do instead.
text::Message not_delimited_message(OutputFormat format) {
  if (format == OutputFormat::table) return {text::Msg::output_columns_not_table, {}};
  if (format == OutputFormat::sav || format == OutputFormat::dta)
    return {text::Msg::output_columns_not_stat, {}};
  return {text::Msg::output_columns_not_json, {"'{respondent, total: .scores.total.score}'"}};
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
    case OutputFormat::ndjson:
    case OutputFormat::sav:
    case OutputFormat::dta: return std::make_unique<JsonWriter>(questionnaire, provenance, options, out);
    case OutputFormat::csv:
    case OutputFormat::tsv: break;
  }
  return std::make_unique<ScoreRowWriter>(questionnaire, provenance, options, out);
}

}  // namespace alliance::io
