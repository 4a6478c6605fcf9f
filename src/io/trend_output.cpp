// The records of `alliance trend` (docs/trend.md) in the record model: one
// per respondent and session.
#include "alliance/io/trend_writer.hpp"

#include <array>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <memory>

#include "output_buffer.hpp"
#include "record_format.hpp"
#include "trend_rows.hpp"

namespace alliance::io {

namespace {

// Per scale: the suffix of its CSV column, its JSON key, its type.
struct ScaleColumn {
  const char* suffix;
  const char* key;
  FieldType type;
};
constexpr std::size_t kIdentityColumns = 6;  // respondent to source
constexpr ScaleColumn kScaleColumns[] = {
    {"", "score", FieldType::number},
    {"_change_previous", "change_previous", FieldType::number},
    {"_change_first", "change_first", FieldType::number},
    {"_rc_previous", "rc_previous", FieldType::number},
    {"_rc_first", "rc_first", FieldType::number},
    {"_baseline", "baseline", FieldType::number},
    {"_sd", "sd", FieldType::number},
    {"_repair_level", "repair_level", FieldType::number},
    {"_flags", "flags", FieldType::list},
    {"_low_items", "low_items", FieldType::list},
    {"_sd_source", "sd_source", FieldType::text},
    {"_reference_sd", "reference_sd", FieldType::number},
    {"_reference_sd_from", "reference_sd_from", FieldType::text},
    {"_retest_r", "retest_r", FieldType::number},
    {"_retest_r_from", "retest_r_from", FieldType::text},
};

constexpr std::size_t kScaleFixed = 4;  // the last columns of a scale: the same on every record

// The run's settings, the same on every record (JSON: "parameters").
constexpr ScaleColumn kParameterColumns[] = {
    {"rupture_k", "rupture_k", FieldType::number},
    {"baseline_sessions", "baseline_sessions", FieldType::integer},
    {"repair_within", "repair_within", FieldType::integer},
    {"reliable_z", "reliable_z", FieldType::number},
    {"reliable_from", "reliable_from", FieldType::text},
    {"low_item", "low_item", FieldType::number},
    {"norms_file", "norms_file", FieldType::text},
};

Table trend_table(const std::vector<core::ScaleRef>& scales) {
  Table table;
  table.name = "sessions";
  std::vector<Field>& f = table.fields;
  f.push_back(field("respondent", FieldType::text));
  f.push_back(field("session", FieldType::integer));
  f.push_back(field("date", FieldType::text));
  f.push_back(field("position", FieldType::integer));
  f.push_back(field("tied", FieldType::boolean));
  f.push_back(field("source", FieldType::text));
  for (const core::ScaleRef& scale : scales)
    for (const ScaleColumn& c : kScaleColumns)
      f.push_back(field(scale.id + c.suffix, c.type, {"scales", scale.id}, c.key));
  f.push_back(field("flags", FieldType::list));
  for (const ScaleColumn& c : kParameterColumns) f.push_back(field(c.suffix, c.type, {"parameters"}, c.key));
  return table;
}

}  // namespace

// The values of one record; the lists they point to are kept here. (Not in
// the anonymous namespace: TrendWriter::State holds one.)
class TrendRecordValues {
 public:
  TrendRecordValues(const core::Questionnaire& q, const TrendParameters& parameters, std::size_t scales)
      : q_(q), names_(trend_scale_names(q)), flags_(scales), low_items_(scales) {
    const core::TrendSettings& t = parameters.settings;
    bool from_norms = false;
    for (std::size_t s = 0; s < scales; ++s) {
      const std::size_t k = s < q.subscales.size() ? s : q.subscales.size();
      from_norms = from_norms || source(parameters.sd_source, k) == ParameterSource::norms ||
                   source(parameters.r_source, k) == ParameterSource::norms;
    }
    norms_file_ = from_norms ? parameters.norms_file : "";
    fixed_ = {Value::number(t.rupture_sds),
              Value::integer(static_cast<long long>(t.baseline)),
              Value::integer(static_cast<long long>(t.repair_within)),
              Value::number(t.reliable_z),
              Value::text(core::to_string(t.reliable_from)),
              Value::number(t.low_item.value_or(q.scale.min)),
              Value::text(norms_file_)};
    for (std::size_t s = 0; s < scales; ++s) {
      const std::size_t k = s < q.subscales.size() ? s : q.subscales.size();
      scale_fixed_.push_back({Value::number(k < t.reference_sd.size() ? t.reference_sd[k] : std::nullopt),
                              Value::text(to_string(source(parameters.sd_source, k))),
                              Value::number(k < t.retest_r.size() ? t.retest_r[k] : std::nullopt),
                              Value::text(to_string(source(parameters.r_source, k)))});
    }
  }

  // The values the same on every record: the run's parameters (the last
  // fields), and each scale's reference SD and r with their sources (its last
  // kScaleFixed fields).
  const Record& fixed() const { return fixed_; }
  const Record& scale_fixed(std::size_t s) const { return scale_fixed_[s]; }

  const Record& values(const TrendRecord& r) {
    values_.clear();
    values_.push_back(Value::text(r.respondent));
    values_.push_back(Value::integer(r.session));
    values_.push_back(Value::text(r.date));
    values_.push_back(Value::integer(static_cast<long long>(r.position)));
    values_.push_back(Value::boolean(r.point.tied));
    values_.push_back(Value::text(r.source));
    for (std::size_t s = 0; s < flags_.size(); ++s) {
      const core::ScalePoint& p = r.point.scales[s];
      for (const std::optional<double>* value :
           {&p.score, &p.change_previous, &p.change_first, &p.rc_previous, &p.rc_first, &p.baseline,
            &p.rupture_sd, &p.repair_level})
        values_.push_back(Value::number(*value));
      flags_[s].clear();
      for (core::TrendFlag flag : core::all_trend_flags())
        if (p.has(flag)) flags_[s].emplace_back(core::to_string(flag));
      low_items_[s].clear();
      for (std::size_t item : p.low_items) low_items_[s].push_back(q_.items[item].id);
      values_.push_back(Value::list(flags_[s]));
      values_.push_back(Value::list(low_items_[s]));
      values_.push_back(p.rupture_sd ? Value::text(p.own_sd ? "own" : "reference") : Value::missing());
      values_.insert(values_.end(), scale_fixed_[s].begin(), scale_fixed_[s].end());
    }
    all_flags_.clear();
    for (std::size_t s = 0; s < flags_.size(); ++s)
      for (const std::string& flag : flags_[s]) all_flags_.push_back(names_[s] + ":" + flag);
    values_.push_back(Value::list(all_flags_));
    values_.insert(values_.end(), fixed_.begin(), fixed_.end());
    return values_;
  }

 private:
  static ParameterSource source(const std::vector<ParameterSource>& sources, std::size_t k) {
    return k < sources.size() ? sources[k] : ParameterSource::none;
  }

  const core::Questionnaire& q_;
  std::vector<std::string> names_;
  std::string norms_file_;
  Record fixed_;
  std::vector<Record> scale_fixed_;
  std::vector<std::vector<std::string>> flags_;
  std::vector<std::vector<std::string>> low_items_;
  std::vector<std::string> all_flags_;
  Record values_;
};

// CSV and TSV: the bytes the record model's CSV/TSV writer gives for
// trend_table and TrendRecordValues (tests/io/trend_writer_test.cpp checks
// both ways on every kind of record), written without building the record.
// What is the same on every row (each scale's reference SD and r with their
// sources, the run's parameters, the provenance) is formatted once by the
// model's own cell writer and copied; so are the cells of each scale's flags.
// (trend writes about 80 columns a row: through the record model, writing
// was half of trend's time on a million rows.) Not in the anonymous
// namespace, as TrendRecordValues.
class TrendRowWriter {
 public:
  TrendRowWriter(const core::Questionnaire& q, const Table& table, const TrendRecordValues& values, char sep,
                 int precision, const Provenance& provenance, std::FILE* out)
      : q_(q), sep_(sep), precision_(precision), out_(out) {
    const std::vector<std::string> names = trend_scale_names(q);
    const std::size_t scales = names.size();
    const std::size_t per_scale = std::size(kScaleColumns);
    std::string scratch;
    // The model's cells of `record`, starting at table field `first`, each after a separator.
    const auto cells = [&](const Record& record, std::size_t first) {
      OutputBuffer buffer(nullptr);  // never flushed: pending() is all of it
      for (std::size_t i = 0; i < record.size(); ++i) {
        buffer.put(sep);
        put_delimited_value(buffer, table.fields[first + i], record[i], sep, precision, scratch);
      }
      return std::string(buffer.pending());
    };
    for (std::size_t s = 0; s < scales; ++s)
      scale_fixed_.push_back(
          cells(values.scale_fixed(s), kIdentityColumns + s * per_scale + (per_scale - kScaleFixed)));
    tail_ = cells(values.fixed(), kIdentityColumns + scales * per_scale + 1) +
            delimited_provenance(provenance, sep);
    // A scale's last cells: sd_source (none, reference, own), then its constant ones.
    for (std::size_t s = 0; s < scales; ++s) {
      std::array<std::string, 3> tails;
      for (std::size_t k = 0; k < 3; ++k) {
        tails[k] += sep;
        if (k == 0)
          tails[k] += kMissingDelimited;
        else
          append_delimited_cell(tails[k], k == 1 ? "reference" : "own", sep);
        tails[k] += scale_fixed_[s];
      }
      scale_tails_.push_back(tails);
    }
    for (std::size_t k = 0; k <= kNumbers; ++k)
      for (std::size_t i = 0; i < k; ++i) (missing_run_[k] += sep) += kMissingDelimited;
    for (unsigned mask = 0; mask < kMasks; ++mask) {
      std::string list;
      for (core::TrendFlag flag : core::all_trend_flags())
        if (mask & static_cast<unsigned>(flag))
          list += (list.empty() ? "" : ";") + std::string(core::to_string(flag));
      flag_cells_[mask] += sep;
      append_delimited_cell(flag_cells_[mask], list, sep);
      flag_cells_[mask] += sep;
      for (std::size_t s = 0; s < scales; ++s) {
        all_flags_.emplace_back();
        for (core::TrendFlag flag : core::all_trend_flags())
          if (mask & static_cast<unsigned>(flag))
            all_flags_.back() +=
                (all_flags_.back().empty() ? "" : ";") + names[s] + ":" + core::to_string(flag);
      }
    }
    out_.put(delimited_header(table.fields, sep, true));
  }

  void write(const TrendRecord& r) {
    put_text(r.respondent);
    out_.put(sep_);
    if (r.session)
      out_.put_int(*r.session);
    else
      out_.put(kMissingDelimited);
    out_.put(sep_);
    put_text(r.date);
    out_.put(sep_);
    out_.put_int(static_cast<long long>(r.position));
    out_.put(sep_);
    out_.put(r.point.tied ? "TRUE" : "FALSE");
    out_.put(sep_);
    put_text(r.source);
    const std::size_t scales = scale_fixed_.size();
    all_scratch_.clear();
    for (std::size_t s = 0; s < scales; ++s) {
      const core::ScalePoint& p = r.point.scales[s];
      // The numbers, each after a separator; a run of missing ones in one piece.
      std::size_t missing = 0;
      for (const std::optional<double>* value :
           {&p.score, &p.change_previous, &p.change_first, &p.rc_previous, &p.rc_first, &p.baseline,
            &p.rupture_sd, &p.repair_level}) {
        if (!*value || !std::isfinite(**value)) {
          ++missing;
          continue;
        }
        if (missing) out_.put(missing_run_[missing]);
        missing = 0;
        put_number_cell(**value);
      }
      if (missing) out_.put(missing_run_[missing]);
      const unsigned mask = p.flags & (kMasks - 1);
      out_.put(flag_cells_[mask]);  // with the separators before and after
      if (!p.low_items.empty()) {
        scratch_.clear();
        for (std::size_t item : p.low_items) {
          if (!scratch_.empty()) scratch_ += ';';
          scratch_ += q_.items[item].id;
        }
        out_.put_delimited_cell(scratch_, sep_);
      }
      out_.put(scale_tails_[s][!p.rupture_sd ? 0 : p.own_sd ? 2 : 1]);
      if (mask != 0) {
        if (!all_scratch_.empty()) all_scratch_ += ';';
        all_scratch_ += all_flags_[mask * scales + s];
      }
    }
    out_.put(sep_);
    if (!all_scratch_.empty()) out_.put_delimited_cell(all_scratch_, sep_);
    out_.put(tail_);
    out_.maybe_flush();
  }

  void finish() { out_.flush(); }

 private:
  static constexpr unsigned kMasks = 64;  // every set of the six flags
  static_assert(static_cast<unsigned>(core::TrendFlag::low_item) * 2 == kMasks,
                "a new trend flag needs more masks (flag_cells_, all_flags_)");

  void put_text(const std::string& text) {
    if (text.empty())
      out_.put(kMissingDelimited);
    else
      out_.put_delimited_cell(text, sep_);
  }
  // A separator and a finite number's bytes as OutputBuffer::put_number
  // writes them, kept by value: a scale's scores, changes and reliable changes
  // take few distinct values (an SRS total: 401), and formatting one
  // (to_chars for an RC) costs far more than copying it.
  void put_number_cell(double value) {
    std::uint64_t bits = 0;
    std::memcpy(&bits, &value, sizeof bits);
    NumberSlot& slot = numbers_[(bits * 0x9E3779B97F4A7C15u) >> (64 - kNumberBits)];
    if (slot.bits == bits && slot.size > 0) return out_.put(std::string_view(slot.text, slot.size));
    const std::size_t mark = out_.size();
    out_.put(sep_);
    out_.put_number(value, precision_);
    const std::string_view written = out_.pending().substr(mark);
    if (written.size() > sizeof slot.text) return;
    slot.bits = bits;
    slot.size = static_cast<unsigned char>(written.size());
    std::memcpy(slot.text, written.data(), written.size());
  }

  static constexpr int kNumberBits = 12;  // 4096 numbers kept
  struct alignas(32) NumberSlot {         // half a cache line
    std::uint64_t bits = 0;
    unsigned char size = 0;  // 0: empty
    char text[23] = {};      // longer numbers (a few shortest forms) are formatted each time
  };

  const core::Questionnaire& q_;
  char sep_;
  int precision_;
  OutputBuffer out_;
  std::vector<NumberSlot> numbers_ = std::vector<NumberSlot>(std::size_t{1} << kNumberBits);
  static constexpr std::size_t kNumbers = 8;  // a scale's numbers: score to repair_level
  std::vector<std::string> scale_fixed_;      // per scale: its last kScaleFixed cells, each after a separator
  std::vector<std::array<std::string, 3>> scale_tails_;  // per scale and sd_source: from sd_source on
  std::array<std::string, kNumbers + 1> missing_run_;    // ",NA" k times
  std::string tail_;  // the parameters' and the provenance's cells, and the line end
  std::array<std::string, kMasks> flag_cells_;  // a scale's flags cell by mask, between separators
  std::vector<std::string> all_flags_;          // "scale:flag;..." by mask then scale
  std::string scratch_, all_scratch_;
};

std::vector<std::string> trend_scale_names(const core::Questionnaire& q) {
  std::vector<std::string> names;
  for (const core::ScaleRef& scale : core::scale_list(q)) names.push_back(scale.id);
  return names;
}

std::vector<std::string> trend_flag_list(const core::Questionnaire& q, const core::TrendPoint& point) {
  std::vector<std::string> out;
  const std::vector<std::string> names = trend_scale_names(q);
  for (std::size_t s = 0; s < names.size(); ++s) {
    const core::ScalePoint& p = point.scales[s];
    for (core::TrendFlag flag : core::all_trend_flags())
      if (p.has(flag)) out.push_back(names[s] + ":" + core::to_string(flag));
  }
  return out;
}

// A trend output: CSV and TSV through TrendRowWriter (unless
// `through_model`), every other format through the record model's writer.
class TrendOutput {
 public:
  TrendOutput(const core::Questionnaire& q, const TrendParameters& parameters, OutputFormat format,
              int precision, const Provenance& provenance, std::FILE* out, bool through_model)
      : values_(q, parameters, core::scale_list(q).size()), table_(trend_table(core::scale_list(q))) {
    if (!through_model && (format == OutputFormat::csv || format == OutputFormat::tsv)) {
      rows_ = std::make_unique<TrendRowWriter>(q, table_, values_, format == OutputFormat::tsv ? '\t' : ',',
                                               precision, provenance, out);
      return;
    }
    writer_ = make_record_writer(format, provenance, {precision, "en"}, out);
    writer_->begin(table_);
  }
  // Not moved: the record model's writer keeps the address of table_, and values_ views into itself.
  TrendOutput(const TrendOutput&) = delete;
  TrendOutput& operator=(const TrendOutput&) = delete;

  void write(const TrendRecord& record) {
    if (rows_) return rows_->write(record);
    writer_->write(values_.values(record));
  }

  void finish() {
    if (finished_) return;
    finished_ = true;
    if (rows_) return rows_->finish();
    writer_->end();
    writer_->finish();
  }

 private:
  TrendRecordValues values_;
  Table table_;
  std::unique_ptr<RecordWriter> writer_;
  std::unique_ptr<TrendRowWriter> rows_;
  bool finished_ = false;
};

struct TrendWriter::State {
  State(const core::Questionnaire& q, const TrendParameters& parameters, OutputFormat format, int precision,
        const Provenance& provenance, std::FILE* out)
      : output(q, parameters, format, precision, provenance, out, false) {}
  TrendOutput output;
};

TrendWriter::TrendWriter(const core::Questionnaire& q, const TrendParameters& parameters, OutputFormat format,
                         int precision, const Provenance& provenance, std::FILE* out)
    : state_(std::make_unique<State>(q, parameters, format, precision, provenance, out)) {}

TrendWriter::~TrendWriter() = default;

void TrendWriter::write(const TrendRecord& record) {
  state_->output.write(record);
}

void TrendWriter::finish() {
  state_->output.finish();
}

void write_trend_through_model(const core::Questionnaire& q, const TrendParameters& parameters,
                               const std::vector<TrendRecord>& records, OutputFormat format, int precision,
                               const Provenance& provenance, std::FILE* out) {
  TrendOutput output(q, parameters, format, precision, provenance, out, true);
  for (const TrendRecord& r : records) output.write(r);
  output.finish();
}

const char* to_string(ParameterSource source) {
  switch (source) {
    case ParameterSource::norms: return "norms";
    case ParameterSource::option: return "option";
    case ParameterSource::none: break;
  }
  return "";
}

void write_trend(const core::Questionnaire& q, const TrendParameters& parameters,
                 const std::vector<TrendRecord>& records, OutputFormat format, int precision,
                 const Provenance& provenance, std::FILE* out) {
  TrendWriter writer(q, parameters, format, precision, provenance, out);
  for (const TrendRecord& r : records) writer.write(r);
  writer.finish();
}

}  // namespace alliance::io
