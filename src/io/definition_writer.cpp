#include "alliance/io/definition_writer.hpp"

#include <nlohmann/json.hpp>

#include "alliance/core/text.hpp"

namespace alliance::io {

using ordered = nlohmann::ordered_json;

namespace {

// An object of a std::map's members, in its (sorted) order. Appended, not
// assigned with operator[]: an ordered_json object looks each key up with a
// linear scan, which made hashing a definition quadratic in its items.
template <typename Map, typename Convert>
ordered object_of(const Map& map, Convert convert) {
  ordered out = ordered::object();
  auto& members = out.get_ref<ordered::object_t&>();
  members.reserve(map.size());
  for (const auto& [key, value] : map)
    members.emplace_back(key, convert(value));  // keys unique: a std::map's
  return out;
}

ordered texts(const core::LocalizedText& text) {
  return object_of(text, [](const std::string& value) { return ordered(value); });
}

ordered rule(const core::MissingRule& missing) {
  ordered out = ordered::object();
  if (missing.max_missing) out["max_missing"] = *missing.max_missing;
  if (missing.min_answered) {
    out["min_answered"] = *missing.min_answered;
    out["rounding"] = core::to_string(missing.rounding);
  }
  return out;
}

ordered bands(const std::optional<core::Bands>& bands) {
  if (!bands) return nullptr;
  ordered ranges = ordered::array();
  for (const core::Band& band : bands->ranges) {
    ordered r = ordered::object();
    if (band.min) {
      r["min"] = *band.min;
      r["min_inclusive"] = band.min_inclusive;
    }
    if (band.max) {
      r["max"] = *band.max;
      r["max_inclusive"] = band.max_inclusive;
    }
    r["label"] = texts(band.label);
    r["concern"] = band.concern;
    ranges.push_back(std::move(r));
  }
  return ordered{{"citation", bands->citation}, {"ranges", std::move(ranges)}};
}

ordered norms(const std::vector<core::Norm>& norms) {
  ordered out = ordered::array();
  for (const core::Norm& n : norms) {
    ordered j = {{"population", n.population}, {"mean", n.mean}, {"sd", n.sd}, {"n", n.n}};
    if (n.reliability) j["reliability"] = *n.reliability;
    j["citation"] = n.citation;
    out.push_back(std::move(j));
  }
  return out;
}

ordered scale(const core::Scale& s) {
  ordered out = {{"type", s.kind == core::ScaleKind::integer ? "integer" : "continuous"},
                 {"min", s.min},
                 {"max", s.max}};
  if (s.kind == core::ScaleKind::continuous) out["precision"] = s.precision;
  out["labels"] = object_of(s.labels, [](const std::vector<std::string>& list) { return ordered(list); });
  if (!s.scores.empty()) out["scores"] = s.scores;
  return out;
}

ordered subscales(const core::Questionnaire& q) {
  ordered out = ordered::array();
  for (const core::Subscale& s : q.subscales) {
    ordered items = ordered::array();
    for (std::size_t i : s.items) items.push_back(q.items[i].id);
    out.push_back({{"id", s.id},
                   {"title", texts(s.title)},
                   {"method", core::to_string(s.method)},
                   {"missing", rule(s.missing)},
                   {"prorate", s.prorate},
                   {"items", std::move(items)},
                   {"bands", bands(s.bands)},
                   {"norms", norms(s.norms)}});
  }
  return out;
}

ordered items(const core::Questionnaire& q) {
  ordered out = ordered::array();
  for (const core::Item& item : q.items)
    out.push_back({{"id", item.id},
                   {"subscale", q.subscales[item.subscale].id},
                   {"reverse", item.reverse},
                   {"weight", item.weight},
                   {"text", texts(item.text)}});
  return out;
}

ordered total(const core::Total& t) {
  if (!t.present) return nullptr;
  return {{"title", texts(t.title)},
          {"method", core::to_string(t.method)},
          {"of", core::to_string(t.of)},
          {"missing", rule(t.missing)},
          {"requires_all_subscales", t.requires_all_subscales},
          {"prorate", t.prorate},
          {"bands", bands(t.bands)},
          {"norms", norms(t.norms)}};
}

ordered examples(const std::vector<core::Example>& list) {
  ordered out = ordered::array();
  auto values = [](const std::map<std::string, std::optional<double>>& map) {
    return object_of(
        map, [](const std::optional<double>& value) { return value ? ordered(*value) : ordered(nullptr); });
  };
  for (const core::Example& e : list)
    out.push_back({{"name", e.name}, {"answers", values(e.answers)}, {"expect", values(e.expect)}});
  return out;
}

}  // namespace

std::string definition_to_json(const core::Questionnaire& q, int indent) {
  const ordered doc = {{"format", q.format},
                       {"id", q.id},
                       {"version", q.version},
                       {"family", q.family},
                       {"form", core::to_string(q.form)},
                       {"languages", q.languages},
                       {"title", texts(q.title)},
                       {"description", texts(q.description)},
                       {"instructions", texts(q.instructions)},
                       {"source",
                        {{"citation", q.source.citation},
                         {"licence", q.source.licence},
                         {"validated", q.source.validated},
                         {"url", q.source.url},
                         {"notes", q.source.notes.size() == 1 && q.source.notes.count("")
                                       ? ordered(q.source.notes.begin()->second)
                                   : q.source.notes.empty() ? ordered("")
                                                            : texts(q.source.notes)}}},
                       {"scale", scale(q.scale)},
                       {"subscales", subscales(q)},
                       {"items", items(q)},
                       {"total", total(q.total)},
                       {"examples", examples(q.examples)}};
  return doc.dump(indent);
}

std::string definition_hash(const core::Questionnaire& questionnaire) {
  return core::content_hash(definition_to_json(questionnaire, -1));
}

}  // namespace alliance::io
