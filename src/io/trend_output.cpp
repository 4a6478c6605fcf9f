// The records of `alliance trend` (docs/trend.md) in the record model: one
// per respondent and session.
#include "alliance/io/trend_writer.hpp"

namespace alliance::io {

namespace {

// Per scale: the suffix of its CSV column, its JSON key, its type.
struct ScaleColumn {
  const char* suffix;
  const char* key;
  FieldType type;
};
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
      : q_(q), parameters_(parameters), names_(trend_scale_names(q)), flags_(scales), low_items_(scales) {
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
  }

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
      const std::size_t k = s < q_.subscales.size() ? s : q_.subscales.size();
      const core::TrendSettings& t = parameters_.settings;
      values_.push_back(Value::number(k < t.reference_sd.size() ? t.reference_sd[k] : std::nullopt));
      values_.push_back(Value::text(to_string(source(parameters_.sd_source, k))));
      values_.push_back(Value::number(k < t.retest_r.size() ? t.retest_r[k] : std::nullopt));
      values_.push_back(Value::text(to_string(source(parameters_.r_source, k))));
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
  const TrendParameters& parameters_;
  std::vector<std::string> names_;
  std::string norms_file_;
  Record fixed_;
  std::vector<std::vector<std::string>> flags_;
  std::vector<std::vector<std::string>> low_items_;
  std::vector<std::string> all_flags_;
  Record values_;
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

struct TrendWriter::State {
  State(const core::Questionnaire& q, const TrendParameters& parameters, std::size_t scales)
      : values(q, parameters, scales) {}
  TrendRecordValues values;
  Table table;
  std::unique_ptr<RecordWriter> writer;
  bool finished = false;
};

TrendWriter::TrendWriter(const core::Questionnaire& q, const TrendParameters& parameters, OutputFormat format,
                         int precision, const Provenance& provenance, std::FILE* out) {
  const std::vector<core::ScaleRef> scales = core::scale_list(q);
  state_ = std::make_unique<State>(q, parameters, scales.size());
  state_->table = trend_table(scales);
  state_->writer = make_record_writer(format, provenance, {precision, "en"}, out);
  state_->writer->begin(state_->table);
}

TrendWriter::~TrendWriter() = default;

void TrendWriter::write(const TrendRecord& record) {
  state_->writer->write(state_->values.values(record));
}

void TrendWriter::finish() {
  if (state_->finished) return;
  state_->finished = true;
  state_->writer->end();
  state_->writer->finish();
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
