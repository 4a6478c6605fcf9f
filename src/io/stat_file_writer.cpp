// The record model written as an SPSS .sav or a Stata .dta file through
// ReadStat (alliance/io/records.hpp, docs/output-format.md).
//
// Both formats state the number of rows before the first one, so the
// records are kept until finish(), compactly: 8 bytes per number, the bytes
// of each text and 8 for its end.
#include <readstat.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <limits>

#include "alliance/core/error.hpp"
#include "alliance/core/text.hpp"
#include "alliance/io/records.hpp"
#include "alliance/text/messages.hpp"
#include "record_format.hpp"
#include "stat_reasons.hpp"

namespace alliance::io {

namespace {

std::string stat_ascii_lower(std::string text) {
  for (char& c : text)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return text;
}

// Stata keeps str1…str2045 in the row; longer text goes in a strL.
constexpr std::size_t kStataStrMax = 2045;
// Variable labels: Stata keeps 80 bytes.
constexpr std::size_t kStataLabelMax = 80;

// `text` cut to at most `max` bytes, not inside a UTF-8 character.
std::string stat_cut_utf8(std::string text, std::size_t max) {
  if (text.size() <= max) return text;
  std::size_t end = max;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  text.resize(end);
  return text;
}

// A variable name both SPSS and Stata take: letters, digits and '_', not
// starting with a digit, at most 32 bytes, not a reserved word; made unique.
std::string stat_variable_name(const std::string& wanted, std::vector<std::string>& taken) {
  std::string name;
  for (char c : wanted) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    name.push_back(ok ? c : '_');
  }
  if (name.empty() || (name[0] >= '0' && name[0] <= '9') || name[0] == '_') name = "v" + name;
  name = name.substr(0, 32);
  static const char* const kReserved[] = {"all", "and",  "by",    "eq",     "ge",  "gt",   "le",
                                          "lt",  "ne",   "not",   "or",     "to",  "with", "byte",
                                          "int", "long", "float", "double", "if",  "in",   "using",
                                          "str", "strL", "_n",    "_N",     "_pi", "_b",   "_coef"};
  for (const char* word : kReserved)
    if (stat_ascii_lower(name) == stat_ascii_lower(word)) name += "_";
  std::string unique = name;
  for (int n = 2; std::find(taken.begin(), taken.end(), stat_ascii_lower(unique)) != taken.end(); ++n)
    unique = name.substr(0, 28) + "_" + std::to_string(n);
  taken.push_back(stat_ascii_lower(unique));
  return unique;
}

ssize_t stat_put_bytes(const void* data, size_t length, void* context) {
  std::FILE* out = static_cast<std::FILE*>(context);
  return std::fwrite(data, 1, length, out) == length ? static_cast<ssize_t>(length) : -1;
}

class StatFileWriter final : public RecordWriter {
 public:
  StatFileWriter(OutputFormat format, std::optional<Provenance> provenance, const RecordOptions& options,
                 std::FILE* out)
      : format_(format), provenance_(std::move(provenance)), options_(options), out_(out) {}

  void begin(const Table& table) override {
    if (table_) throw std::logic_error("StatFileWriter: one table per file");
    table_ = &table;
    for (const Field& f : table.fields) {
      const bool text =
          f.type == FieldType::text || f.type == FieldType::list || f.type == FieldType::records;
      text_.push_back(text);
      (text ? texts_per_row_ : numbers_per_row_)++;
    }
    widths_.assign(table.fields.size(), 1);
  }

  void write(const Record& record) override {
    for (std::size_t c = 0; c < record.size() && c < table_->fields.size(); ++c) {
      const Value& v = record[c];
      if (!text_[c]) {
        numbers_.push_back(number(v));
        continue;
      }
      const std::size_t start = arena_.size();
      if (!v.is_missing()) put_text(table_->fields[c], v);
      widths_[c] = std::max(widths_[c], arena_.size() - start);
      ends_.push_back(arena_.size());
    }
    ++rows_;
  }

  void end() override {}

  void finish() override {
    if (!table_) return;
    readstat_writer_t* writer = readstat_writer_init();
    try {
      write_file(writer);
    } catch (...) {
      readstat_writer_free(writer);
      throw;
    }
    readstat_writer_free(writer);
    if (std::fflush(out_) != 0 || std::ferror(out_))
      throw Error(ExitCode::io, text::Message{text::Msg::stat_file_write_failed,
                                              {format_name(), text::system_reason(errno)}});
  }

 private:
  const char* format_name() const { return format_ == OutputFormat::sav ? "SPSS" : "Stata"; }

  double number(const Value& v) const {
    if (v.is_missing()) return std::numeric_limits<double>::quiet_NaN();
    double x = 0;
    switch (v.type()) {
      case FieldType::integer: x = static_cast<double>(v.as_integer()); break;
      case FieldType::boolean: x = v.as_boolean() ? 1 : 0; break;
      case FieldType::number: x = v.as_number(); break;
      default: return std::numeric_limits<double>::quiet_NaN();
    }
    if (options_.precision >= 0 && v.type() == FieldType::number) {
      const double scale = std::pow(10.0, options_.precision);
      x = std::round(x * scale) / scale;
    }
    return x;
  }

  void put_text(const Field& f, const Value& v) {
    switch (v.type()) {
      case FieldType::list: {
        bool first = true;
        for (const std::string& item : v.as_list()) {
          if (!first) arena_ += f.join;
          arena_ += item;
          first = false;
        }
        return;
      }
      case FieldType::records: {
        bool first_element = true;
        for (const Record& element : v.as_records()) {
          if (!first_element) arena_ += f.join;
          first_element = false;
          bool first = true;
          for (std::size_t i = 0; i < element.size() && i < f.fields.size(); ++i) {
            if (!f.fields[i].in_cell) continue;
            if (!first) arena_ += ':';
            first = false;
            const Value& e = element[i];
            if (e.is_missing()) continue;
            if (e.type() == FieldType::text)
              arena_ += e.as_text();
            else if (e.type() == FieldType::integer)
              arena_ += std::to_string(e.as_integer());
            else if (e.type() == FieldType::number)
              arena_ += core::format_number(e.as_number());
          }
        }
        return;
      }
      default: arena_ += v.as_text(); return;
    }
  }

  void check(readstat_error_t error) const {
    if (error != READSTAT_OK)
      throw Error(ExitCode::io, text::Message{text::Msg::stat_file_write_failed,
                                              {format_name(), stat_reason_argument(error)}});
  }

  void write_file(readstat_writer_t* writer) {
    const bool dta = format_ == OutputFormat::dta;
    check(readstat_set_data_writer(writer, &stat_put_bytes));
    if (dta) check(readstat_writer_set_file_format_version(writer, 118));  // Stata 14 and later: UTF-8
    if (!dta) check(readstat_writer_set_compression(writer, READSTAT_COMPRESS_ROWS));
    std::vector<std::string> notes;
    if (provenance_) {
      const std::vector<const std::string*> values = provenance_values(*provenance_);
      for (std::size_t i = 0; i < 4; ++i)
        notes.push_back(std::string(kProvenanceNames[i]) + ": " + *values[i]);
      file_label_ =
          stat_cut_utf8("alliance " + provenance_->alliance_version + ": " + provenance_->questionnaire_id +
                            " " + provenance_->questionnaire_version,
                        kStataLabelMax);
      check(readstat_writer_set_file_label(writer, file_label_.c_str()));
      for (const std::string& note : notes) readstat_add_note(writer, note.c_str());
    }
    std::vector<std::string> taken;
    std::vector<readstat_variable_t*> variables;
    std::vector<bool> refs(table_->fields.size(), false);
    names_.clear();
    labels_.clear();
    for (std::size_t c = 0; c < table_->fields.size(); ++c) {
      const Field& f = table_->fields[c];
      names_.push_back(stat_variable_name(f.name, taken));
      labels_.push_back(dta ? stat_cut_utf8(f.title, kStataLabelMax) : stat_cut_utf8(f.title, 255));
    }
    for (std::size_t c = 0; c < table_->fields.size(); ++c) {
      readstat_variable_t* v = nullptr;
      if (!text_[c]) {
        v = readstat_add_variable(writer, names_[c].c_str(), READSTAT_TYPE_DOUBLE, 0);
        if (table_->fields[c].type == FieldType::integer || table_->fields[c].type == FieldType::boolean)
          readstat_variable_set_format(v, dta ? "%9.0g" : "F8.0");
      } else if (dta && widths_[c] > kStataStrMax) {
        refs[c] = true;
        v = readstat_add_variable(writer, names_[c].c_str(), READSTAT_TYPE_STRING_REF, 0);
      } else {
        v = readstat_add_variable(writer, names_[c].c_str(), READSTAT_TYPE_STRING, widths_[c]);
      }
      if (!labels_[c].empty()) readstat_variable_set_label(v, labels_[c].c_str());
      variables.push_back(v);
    }
    // strL texts are kept by the writer until it ends.
    std::vector<readstat_string_ref_t*> string_refs;
    if (dta) {
      std::size_t t = 0;
      for (std::size_t row = 0; row < rows_; ++row)
        for (std::size_t c = 0; c < text_.size(); ++c) {
          if (!text_[c]) continue;
          if (refs[c]) string_refs.push_back(readstat_add_string_ref(writer, text_at(t).c_str()));
          ++t;
        }
    }
    const readstat_error_t started = dta ? readstat_begin_writing_dta(writer, out_, static_cast<long>(rows_))
                                         : readstat_begin_writing_sav(writer, out_, static_cast<long>(rows_));
    check(started);
    std::size_t n = 0, t = 0, r = 0;
    std::string cell;
    for (std::size_t row = 0; row < rows_; ++row) {
      check(readstat_begin_row(writer));
      for (std::size_t c = 0; c < text_.size(); ++c) {
        if (!text_[c]) {
          const double x = numbers_[n++];
          check(std::isnan(x) ? readstat_insert_missing_value(writer, variables[c])
                              : readstat_insert_double_value(writer, variables[c], x));
          continue;
        }
        if (refs[c]) {
          check(readstat_insert_string_ref(writer, variables[c], string_refs[r++]));
          ++t;
          continue;
        }
        cell = text_at(t++);
        check(readstat_insert_string_value(writer, variables[c], cell.c_str()));
      }
      check(readstat_end_row(writer));
    }
    check(readstat_end_writing(writer));
  }

  // The text cell `t`, in row order.
  std::string text_at(std::size_t t) const {
    const std::size_t start = t == 0 ? 0 : ends_[t - 1];
    return arena_.substr(start, ends_[t] - start);
  }

  OutputFormat format_;
  std::optional<Provenance> provenance_;
  RecordOptions options_;
  std::FILE* out_;
  const Table* table_ = nullptr;
  std::vector<bool> text_;           // per field: kept as text
  std::vector<std::size_t> widths_;  // per field: the longest text, in bytes (at least 1)
  std::size_t texts_per_row_ = 0, numbers_per_row_ = 0;
  std::size_t rows_ = 0;
  std::vector<double> numbers_;    // row by row, the numeric fields (NaN: missing)
  std::vector<std::size_t> ends_;  // row by row, the end of each text in arena_
  std::string arena_;              // every text, one after the other
  std::vector<std::string> names_, labels_;
  std::string file_label_;
};

}  // namespace

std::unique_ptr<RecordWriter> make_stat_file_writer(OutputFormat format,
                                                    const std::optional<Provenance>& provenance,
                                                    const RecordOptions& options, std::FILE* out) {
  return std::make_unique<StatFileWriter>(format, provenance, options, out);
}

}  // namespace alliance::io
