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
  return table;
}

// The values of one record; the lists they point to are kept here.
class TrendRecords {
 public:
  TrendRecords(const core::Questionnaire& q, std::size_t scales)
      : q_(q), flags_(scales), low_items_(scales) {}

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
    }
    all_flags_ = trend_flag_list(q_, r.point);
    values_.push_back(Value::list(all_flags_));
    return values_;
  }

 private:
  const core::Questionnaire& q_;
  std::vector<std::vector<std::string>> flags_;
  std::vector<std::vector<std::string>> low_items_;
  std::vector<std::string> all_flags_;
  Record values_;
};

}  // namespace

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

void write_trend(const core::Questionnaire& q, const std::vector<TrendRecord>& records, OutputFormat format,
                 int precision, const Provenance& provenance, std::FILE* out) {
  const std::vector<core::ScaleRef> scales = core::scale_list(q);
  const Table table = trend_table(scales);
  TrendRecords values(q, scales.size());
  const std::unique_ptr<RecordWriter> writer = make_record_writer(format, provenance, {precision, "en"}, out);
  writer->begin(table);
  for (const TrendRecord& r : records) writer->write(values.values(r));
  writer->end();
  writer->finish();
}

}  // namespace alliance::io
