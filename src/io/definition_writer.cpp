#include "alliance/io/definition_writer.hpp"

#include <nlohmann/json.hpp>

#include "alliance/core/text.hpp"

namespace alliance::io {

using ordered = nlohmann::ordered_json;

namespace {

ordered texts(const core::LocalizedText& text) {
  ordered out = ordered::object();
  for (const auto& [lang, value] : text) out[lang] = value;
  return out;
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
  ordered labels = ordered::object();
  for (const auto& [lang, list] : s.labels) labels[lang] = list;
  out["labels"] = std::move(labels);
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
    ordered j = ordered::object();
    for (const auto& [key, value] : map) j[key] = value ? ordered(*value) : ordered(nullptr);
    return j;
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
                         {"notes", q.source.notes}}},
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
