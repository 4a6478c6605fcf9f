#include "score_records.hpp"

#include "record_format.hpp"

namespace alliance::io {

namespace {

// A scale's field of the wide layout: "goals_answered" in CSV, at
// scores.goals.answered in JSON.
Field scale_field(const std::string& scale, const std::string& suffix, const std::string& key,
                  FieldType type) {
  Field f = field(scale + suffix, type);
  f.group = {"scores", scale};
  f.key = key;
  return f;
}

}  // namespace

ScoreLayout score_layout(const core::Questionnaire& q, bool long_format) {
  ScoreLayout layout;
  layout.scales = core::scale_list(q);
  layout.table.name = long_format ? "scores" : "responses";
  std::vector<Field>& fields = layout.table.fields;
  std::vector<ScoreColumn>& columns = layout.columns;
  const auto add = [&](Field f, ScoreCell cell, std::size_t scale = 0) {
    columns.push_back({f.name, cell, scale});
    fields.push_back(std::move(f));
  };
  add(field("respondent", FieldType::text), ScoreCell::respondent);
  add(field("session", FieldType::integer), ScoreCell::session);
  add(field("form", FieldType::text), ScoreCell::form);
  add(field("date", FieldType::text), ScoreCell::date);
  add(field("language", FieldType::text), ScoreCell::language);
  if (long_format) {
    add(field("scale", FieldType::text), ScoreCell::scale);
    add(field("score", FieldType::number), ScoreCell::score);
    add(field("answered", FieldType::integer), ScoreCell::answered);
    add(field("missing", FieldType::integer), ScoreCell::missing);
    add(field("status", FieldType::text), ScoreCell::scale_status);
    add(field("possible_low", FieldType::number), ScoreCell::possible_low);
    add(field("possible_high", FieldType::number), ScoreCell::possible_high);
    add(field("band", FieldType::text), ScoreCell::band);
    add(field("band_settled", FieldType::boolean), ScoreCell::band_settled);
    add(field("z", FieldType::number), ScoreCell::z);
    add(field("t", FieldType::number), ScoreCell::t);
    add(field("percentile", FieldType::number), ScoreCell::percentile);
  } else {
    add(field("status", FieldType::text), ScoreCell::response_status);
    for (std::size_t i = 0; i < layout.scales.size(); ++i) {
      const core::ScaleRef& s = layout.scales[i];
      add(scale_field(s.id, "", "score", FieldType::number), ScoreCell::score, i);
      add(scale_field(s.id, "_answered", "answered", FieldType::integer), ScoreCell::answered, i);
      add(scale_field(s.id, "_missing", "missing", FieldType::integer), ScoreCell::missing, i);
      add(scale_field(s.id, "_status", "status", FieldType::text), ScoreCell::scale_status, i);
      add(scale_field(s.id, "_possible_low", "possible_low", FieldType::number), ScoreCell::possible_low, i);
      add(scale_field(s.id, "_possible_high", "possible_high", FieldType::number), ScoreCell::possible_high,
          i);
      if (*s.bands) {
        add(scale_field(s.id, "_band", "band", FieldType::text), ScoreCell::band, i);
        add(scale_field(s.id, "_band_settled", "band_settled", FieldType::boolean), ScoreCell::band_settled,
            i);
      }
      if (!s.norms->empty()) {
        add(scale_field(s.id, "_z", "z", FieldType::number), ScoreCell::z, i);
        add(scale_field(s.id, "_t", "t", FieldType::number), ScoreCell::t, i);
        add(scale_field(s.id, "_percentile", "percentile", FieldType::number), ScoreCell::percentile, i);
      }
    }
  }
  Field problems = field("problems", FieldType::list);
  problems.join = " | ";  // messages may hold ';'
  add(std::move(problems), ScoreCell::problems);
  add(field("source", FieldType::text), ScoreCell::source);
  for (std::size_t i = 0; i < 4; ++i) columns.push_back({kProvenanceNames[i], ScoreCell::provenance, i});
  return layout;
}

const char* response_status(const ResponseRecord& record, const core::ScoreSheet& sheet) {
  if (!record.valid()) return "invalid";
  for (const core::ScaleScore& s : sheet.subscales)
    if (s.status != core::Status::ok) return "insufficient";
  if (sheet.total.status == core::Status::insufficient) return "insufficient";
  return "ok";
}

const std::string& band_label(const core::ScaleRef& scale, const core::ScaleScore& score,
                              const std::string& language) {
  static const std::string kNone;
  if (!score.band || !*scale.bands) return kNone;
  return core::pick_text((*scale.bands)->ranges[*score.band].label, language);
}

namespace {

std::optional<double> if_scored(const core::ScaleScore& s, const std::optional<double>& value) {
  return s.status == core::Status::ok ? value : std::nullopt;
}

// An invalid response has no counts: nothing was scored.
Value count(int n, bool valid) {
  return valid ? Value::integer(static_cast<long long>(n)) : Value::missing();
}

}  // namespace

void ScoreRecords::put_scale(const core::ScaleRef& scale, const core::ScaleScore& s, bool valid,
                             bool all_norms) {
  values_.push_back(Value::number(if_scored(s, s.value), s.exact));
  values_.push_back(count(s.answered, valid));
  values_.push_back(count(s.missing, valid));
  values_.push_back(Value::text(core::to_string(s.status)));
  const bool possible = s.status == core::Status::ok && s.possible;
  values_.push_back(possible ? Value::number(s.possible->low) : Value::missing());
  values_.push_back(possible ? Value::number(s.possible->high) : Value::missing());
  if (long_format_ || *scale.bands) {
    values_.push_back(Value::text(band_label(scale, s, language_)));
    const std::optional<bool> settled = core::band_settled(s, scale.bands->has_value());
    values_.push_back(settled ? Value::boolean(*settled) : Value::missing());
  }
  if (all_norms || !scale.norms->empty()) {
    const bool norms = !scale.norms->empty();
    for (const std::optional<double>* value : {&s.z, &s.t, &s.percentile})
      values_.push_back(Value::number(norms ? if_scored(s, *value) : std::nullopt));
  }
}

const Record& ScoreRecords::values(const ResponseRecord& record, const core::ScoreSheet& sheet,
                                   std::size_t row_scale) {
  const core::Response& r = record.response;
  values_.clear();
  values_.push_back(Value::text(r.respondent));
  values_.push_back(Value::integer(r.session));
  values_.push_back(Value::text(r.form));
  values_.push_back(Value::text(r.date));
  values_.push_back(Value::text(r.language));
  if (long_format_) {
    const core::ScaleRef& scale = layout_.scales[row_scale];
    values_.push_back(Value::text(scale.id));
    put_scale(scale, scale_score(sheet, row_scale), record.valid(), true);
  } else {
    values_.push_back(Value::text(response_status(record, sheet)));
    for (std::size_t i = 0; i < layout_.scales.size(); ++i)
      put_scale(layout_.scales[i], scale_score(sheet, i), record.valid(), false);
  }
  values_.push_back(Value::list(record.problems));
  values_.push_back(Value::text(record.location));
  return values_;
}

}  // namespace alliance::io
