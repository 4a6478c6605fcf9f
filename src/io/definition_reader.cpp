#include "alliance/io/definition_reader.hpp"

#include <nlohmann/json.hpp>

#include "alliance/core/check.hpp"
#include "alliance/core/text.hpp"
#include "alliance/core/utf8.hpp"
#include "alliance/io/json_locations.hpp"
#include "alliance/text/messages.hpp"
#include "definition_keys.hpp"
#include "item_index.hpp"
#include "json_fields.hpp"
#include "json_text.hpp"
#include "text_decoding.hpp"

namespace alliance::io {

using core::Diagnostic;
using nlohmann::json;
namespace keys = definition_keys;

namespace {

// "format" must be "alliance/1"; "$schema" (for editors) must be a string.
std::string check_format(Fields& f, const json& doc, bool required) {
  f.text(doc, "", "$schema", false);
  std::string format = f.text(doc, "", "format", required);
  if (!format.empty() && format != "alliance/1") f.error("/format", text::Msg::def_format, {format});
  return format;
}

// A subscale's or the total's "norms" (a full definition's, or an overlay's).
std::vector<core::Norm> parse_norms(Fields& f, const json& j, const std::string& where) {
  std::vector<core::Norm> out;
  const json* list = f.array(j, where, "norms", false);
  if (!list) return out;
  for (std::size_t i = 0; i < list->size(); ++i) {
    const json& n = (*list)[i];
    const std::string w = where + "/norms/" + std::to_string(i);
    if (!f.is_object(n, w)) continue;
    f.keys(n, w, keys::kNorm);
    core::Norm norm;
    norm.population = f.text(n, w, "population", false);
    norm.mean = f.number(n, w, "mean", true).value_or(0);
    norm.sd = f.number(n, w, "sd", true).value_or(1);
    norm.n = f.integer(n, w, "n", false).value_or(0);
    norm.reliability = f.number(n, w, "reliability", false);
    norm.citation = f.text(n, w, "citation", true);
    out.push_back(std::move(norm));
  }
  return out;
}

class DefinitionParser {
 public:
  explicit DefinitionParser(Fields& f) : f_(f) {}

  core::Questionnaire parse(const json& doc) {
    core::Questionnaire q;
    f_.keys(doc, "", keys::kDefinition);
    q.format = check_format(f_, doc, true);
    q.id = f_.text(doc, "", "id", true);
    q.version = f_.text(doc, "", "version", true);
    q.family = f_.text(doc, "", "family", true);
    q.form = form(doc);
    q.languages = f_.text_list(doc, "", "languages", true);
    q.title = f_.localized(doc, "", "title", true);
    q.description = f_.localized(doc, "", "description", false);
    q.instructions = f_.localized(doc, "", "instructions", false);
    q.source = source(doc);
    q.scale = scale(doc);
    subscales(doc, q);
    items(doc, q);
    total(doc, q);
    examples(doc, q);
    return q;
  }

 private:
  core::Form form(const json& doc) {
    const std::string value = f_.text(doc, "", "form", true);
    if (value == "client" || value.empty()) return core::Form::client;
    if (value == "therapist") return core::Form::therapist;
    if (value == "observer") return core::Form::observer;
    f_.error("/form", text::Msg::def_form, {value});
    return core::Form::client;
  }

  core::Source source(const json& doc) {
    core::Source s;
    const json* j = f_.object(doc, "", "source", true);
    if (!j) return s;
    f_.keys(*j, "/source", keys::kSource);
    s.citation = f_.text(*j, "/source", "citation", true);
    s.licence = f_.text(*j, "/source", "licence", true);
    s.validated = f_.boolean(*j, "/source", "validated", true, false);
    s.url = f_.text(*j, "/source", "url", false);
    if (const auto notes = j->find("notes"); notes != j->end() && notes->is_string())
      s.notes[""] = notes->get<std::string>();  // one text, in any language
    else
      s.notes = f_.localized(*j, "/source", "notes", false);
    return s;
  }

  core::Scale scale(const json& doc) {
    core::Scale s;
    const json* j = f_.object(doc, "", "scale", true);
    if (!j) return s;
    const std::string w = "/scale";
    f_.keys(*j, w, keys::kScale);
    const std::string type = f_.text(*j, w, "type", false);
    if (type == "continuous")
      s.kind = core::ScaleKind::continuous;
    else if (!type.empty() && type != "integer")
      f_.error(w + "/type", text::Msg::def_scale_type, {type});
    s.min = f_.number(*j, w, "min", true).value_or(s.min);
    s.max = f_.number(*j, w, "max", true).value_or(s.max);
    s.precision = f_.number(*j, w, "precision", s.kind == core::ScaleKind::continuous).value_or(1);
    if (const json* labels = f_.object(*j, w, "labels", false)) {
      for (const auto& [lang, list] : labels->items())
        s.labels[lang] = f_.text_list(*labels, w + "/labels", lang, true);
    }
    s.scores = f_.number_list(*j, w, "scores");
    return s;
  }

  core::MissingRule missing(const json& j, const std::string& where, core::MissingRule fallback) {
    const json* m = f_.object(j, where, "missing", false);
    if (!m) return fallback;
    const std::string w = where + "/missing";
    core::MissingRule rule;
    f_.keys(*m, w, keys::kMissing);
    if (auto count = f_.integer(*m, w, "max_missing", false)) rule.max_missing = *count;
    rule.min_answered = f_.number(*m, w, "min_answered", false);
    if (rule.max_missing && rule.min_answered) f_.error(w, text::Msg::def_missing_both, {});
    const std::string rounding = f_.text(*m, w, "rounding", rule.min_answered.has_value());
    if (rounding == "down")
      rule.rounding = core::Rounding::down;
    else if (rounding == "nearest")
      rule.rounding = core::Rounding::nearest;
    else if (!rounding.empty() && rounding != "up")
      f_.error(w + "/rounding", text::Msg::def_rounding, {rounding});
    if (!rounding.empty() && !rule.min_answered)
      f_.error(w + "/rounding", text::Msg::def_rounding_min_answered, {});
    if (!rule.max_missing && !rule.min_answered) f_.error(w, text::Msg::def_missing_neither, {});
    return rule;
  }

  core::Method method(const json& j, const std::string& where, bool required) {
    const std::string value = f_.text(j, where, "method", required);
    if (value == "sum") return core::Method::sum;
    if (!value.empty() && value != "mean") f_.error(where + "/method", text::Msg::def_method, {value});
    return core::Method::mean;
  }

  std::optional<core::Bands> bands(const json& j, const std::string& where) {
    const json* b = f_.object(j, where, "bands", false);
    if (!b) return std::nullopt;
    const std::string w = where + "/bands";
    f_.keys(*b, w, keys::kBands);
    core::Bands out;
    out.citation = f_.text(*b, w, "citation", true);
    const json* ranges = f_.array(*b, w, "ranges", true);
    if (!ranges) return out;
    for (std::size_t i = 0; i < ranges->size(); ++i) {
      const json& r = (*ranges)[i];
      const std::string rw = w + "/ranges/" + std::to_string(i);
      if (!f_.is_object(r, rw)) continue;
      f_.keys(r, rw, keys::kRange);
      core::Band band;
      band.min = f_.number(r, rw, "min", false);
      band.max = f_.number(r, rw, "max", false);
      band.min_inclusive = f_.boolean(r, rw, "min_inclusive", false, true);
      band.max_inclusive = f_.boolean(r, rw, "max_inclusive", false, false);
      band.label = f_.localized(r, rw, "label", true);
      band.concern = f_.boolean(r, rw, "concern", false, false);
      if (!band.min && !band.max) f_.error(rw, text::Msg::def_band_edges, {});
      out.ranges.push_back(std::move(band));
    }
    return out;
  }

  std::vector<core::Norm> norms(const json& j, const std::string& where) { return parse_norms(f_, j, where); }

  void subscales(const json& doc, core::Questionnaire& q) {
    const json* list = f_.array(doc, "", "subscales", true);
    if (!list) return;
    if (list->empty()) f_.error("/subscales", text::Msg::def_no_subscales, {});
    for (std::size_t i = 0; i < list->size(); ++i) {
      const json& j = (*list)[i];
      const std::string w = "/subscales/" + std::to_string(i);
      core::Subscale s;
      if (f_.is_object(j, w)) {
        f_.keys(j, w, keys::kSubscale);
        s.id = f_.text(j, w, "id", true);
        s.title = f_.localized(j, w, "title", true);
        s.method = method(j, w, true);
        s.missing = missing(j, w, core::MissingRule{0, std::nullopt, core::Rounding::up});
        s.prorate = f_.boolean(j, w, "prorate", false, false);
        s.bands = bands(j, w);
        s.norms = norms(j, w);
      }
      q.subscales.push_back(std::move(s));
    }
  }

  std::vector<std::string> subscale_ids(const core::Questionnaire& q) {
    std::vector<std::string> ids;
    for (const core::Subscale& s : q.subscales) ids.push_back(s.id);
    return ids;
  }

  void items(const json& doc, core::Questionnaire& q) {
    const json* list = f_.array(doc, "", "items", true);
    if (!list) return;
    const IdIndex subscale_index(q.subscales);
    if (list->empty()) f_.error("/items", text::Msg::def_no_items, {});
    for (std::size_t i = 0; i < list->size(); ++i) {
      const json& j = (*list)[i];
      const std::string w = "/items/" + std::to_string(i);
      if (!f_.is_object(j, w)) continue;
      f_.keys(j, w, keys::kItem);
      core::Item item;
      item.id = f_.id_text(j, w, "id");
      const std::string subscale = f_.text(j, w, "subscale", true);
      item.reverse = f_.boolean(j, w, "reverse", false, false);
      item.weight = f_.number(j, w, "weight", false).value_or(1);
      item.text = f_.localized(j, w, "text", false);
      auto s = subscale_index.find(subscale);
      if (!subscale.empty() && !s)
        f_.error(w + "/subscale", text::Msg::def_unknown_subscale_of_item,
                 {subscale, said_did_you_mean(subscale, subscale_ids(q))});
      if (s) {
        item.subscale = *s;
        q.subscales[*s].items.push_back(q.items.size());
      }
      q.items.push_back(std::move(item));
    }
  }

  void total(const json& doc, core::Questionnaire& q) {
    if (!doc.is_object() || !doc.contains("total")) return;  // the documented default
    const json& j = doc["total"];
    if (j.is_null()) {
      q.total.present = false;
      return;
    }
    const std::string w = "/total";
    if (!f_.is_object(j, w)) return;
    f_.keys(j, w, keys::kTotal);
    core::Total& t = q.total;
    t.title = f_.localized(j, w, "title", false);
    t.method = method(j, w, false);
    const std::string of = f_.text(j, w, "of", false);
    if (of == "subscales")
      t.of = core::TotalOf::subscales;
    else if (!of.empty() && of != "items")
      f_.error(w + "/of", text::Msg::def_total_of, {of});
    core::MissingRule fallback;
    if (t.of == core::TotalOf::subscales) fallback.max_missing = 0;
    t.missing = missing(j, w, fallback);
    t.requires_all_subscales = f_.boolean(j, w, "requires_all_subscales", false, true);
    t.prorate = f_.boolean(j, w, "prorate", false, false);
    t.bands = bands(j, w);
    t.norms = norms(j, w);
  }

  void examples(const json& doc, core::Questionnaire& q) {
    const json* list = f_.array(doc, "", "examples", false);
    if (!list) return;
    for (std::size_t i = 0; i < list->size(); ++i) {
      const json& j = (*list)[i];
      const std::string w = "/examples/" + std::to_string(i);
      if (!f_.is_object(j, w)) continue;
      f_.keys(j, w, keys::kExample);
      core::Example example;
      example.name = f_.text(j, w, "name", false);
      example.answers = f_.number_map(j, w, "answers");
      example.expect = f_.number_map(j, w, "expect");
      q.examples.push_back(std::move(example));
    }
  }

  Fields& f_;
};

// A text overlay: the key comes from the base definition, the words from here.
class OverlayParser {
 public:
  explicit OverlayParser(Fields& f) : f_(f) {}

  void apply(const json& doc, core::Questionnaire& q) {
    f_.keys(doc, "", keys::kOverlay);
    check_format(f_, doc, false);
    q.languages = f_.text_list(doc, "", "languages", true);
    if (auto title = f_.localized(doc, "", "title", false); !title.empty()) q.title = title;
    if (auto text = f_.localized(doc, "", "description", false); !text.empty()) q.description = text;
    if (auto text = f_.localized(doc, "", "instructions", false); !text.empty()) q.instructions = text;
    if (const json* s = f_.object(doc, "", "scale", false)) {
      f_.keys(*s, "/scale", keys::kOverlayScale);
      if (const json* labels = f_.object(*s, "/scale", "labels", false))
        for (const auto& [lang, list] : labels->items())
          q.scale.labels[lang] = f_.text_list(*labels, "/scale/labels", lang, true);
    }
    if (const json* t = f_.object(doc, "", "total", false)) {
      f_.keys(*t, "/total", keys::kOverlayTotal);
      if (auto title = f_.localized(*t, "/total", "title", false); !title.empty()) q.total.title = title;
      if (t->contains("norms")) q.total.norms = parse_norms(f_, *t, "/total");
    }
    const IdIndex subscale_index(q.subscales);
    const IdIndex item_index(q.items);
    named_list(doc, "subscales", [&](const json& j, const std::string& w, const std::string& id) {
      auto s = subscale_index.find(id);
      if (!s) return unknown(w + "/id", text::Msg::def_base_subscale, id, ids(q.subscales));
      f_.keys(j, w, keys::kOverlaySubscale);
      // Text, local norms (alliance norms), or both.
      if (auto title = f_.localized(j, w, "title", !j.contains("norms")); !title.empty())
        q.subscales[*s].title = title;
      if (j.contains("norms")) q.subscales[*s].norms = parse_norms(f_, j, w);
    });
    named_list(doc, "items", [&](const json& j, const std::string& w, const std::string& id) {
      auto i = item_index.find(id);
      if (!i) return unknown(w + "/id", text::Msg::def_base_item, id, ids(q.items));
      f_.keys(j, w, keys::kOverlayItem);
      q.items[*i].text = f_.localized(j, w, "text", true);
    });
  }

 private:
  template <typename Visit>
  void named_list(const json& doc, const char* key, Visit visit) {
    const json* list = f_.array(doc, "", key, false);
    if (!list) return;
    for (std::size_t i = 0; i < list->size(); ++i) {
      const std::string w = std::string("/") + key + "/" + std::to_string(i);
      if (!f_.is_object((*list)[i], w)) continue;
      visit((*list)[i], w, f_.id_text((*list)[i], w, "id"));
    }
  }

  template <typename T>
  static std::vector<std::string> ids(const std::vector<T>& list) {
    std::vector<std::string> out;
    for (const T& x : list) out.push_back(x.id);
    return out;
  }

  // `what`: def_base_subscale or def_base_item.
  void unknown(const std::string& where, text::Msg what, const std::string& id,
               const std::vector<std::string>& known) {
    f_.error(where, text::Msg::def_base_has_no, {text::nested(what), id, said_did_you_mean(id, known)});
  }

  Fields& f_;
};

// Parses JSON text, reporting a syntax error, a number out of range or too
// deep a nesting with its line, column and JSON pointer.
std::optional<json> parse_json(std::string_view text, const std::string& file, std::vector<Diagnostic>& out) {
  // nlohmann would refuse it too, quoting the bytes that are not UTF-8 in its message.
  if (const core::TextCheck check = core::check_text(text, true); check.bad != std::string_view::npos) {
    const TextPosition pos = position_of(text, check.bad);
    const text::Message bad = describe_not_utf8(text.substr(check.bad, 4));
    const text::Message said{text::Msg::def_not_utf8, {text::nested(bad.id, bad.args)}};
    out.push_back({core::Severity::error, file, "", pos.line, pos.column, text::say("en", said), said});
    return std::nullopt;
  }
  ParsedJson parsed = parse_json_text(text);
  if (parsed.error) {
    if (blank_json_text(text)) {
      const bool stdin_ = file == "<stdin>";
      parsed.error->message =
          empty_input_message(file) + ": expected a JSON object (a questionnaire definition)";
      parsed.error->said = text::Message{stdin_ ? text::Msg::def_empty_stdin : text::Msg::def_empty_file, {}};
    }
    const JsonError& e = *parsed.error;
    out.push_back(
        {core::Severity::error, file, e.pointer, e.position.line, e.position.column, e.message, e.said});
    return std::nullopt;
  }
  return std::move(parsed.value);
}

void locate(std::vector<Diagnostic>& diagnostics, const JsonLocations& locations, const std::string& file) {
  for (Diagnostic& d : diagnostics) {
    d.file = file;
    if (d.line == 0) {
      const TextPosition pos = locations.find(d.where);
      d.line = pos.line;
      d.column = pos.column;
    }
  }
}

}  // namespace

DefinitionResult read_definition(std::string_view text, const std::string& file, const BaseLookup& base) {
  DefinitionResult result;
  std::optional<json> doc = parse_json(text, file, result.diagnostics);
  if (!doc) return result;
  const JsonLocations locations = locate_json_values(text);
  for (const DuplicateKey& dup : locations.duplicates)
    result.diagnostics.push_back(
        {core::Severity::error, file, dup.pointer, dup.second.line, dup.second.column,
         "duplicate key (first at line " + std::to_string(dup.first.line) +
             "); JSON readers would silently keep only one",
         text::Message{text::Msg::def_duplicate_key, {std::to_string(dup.first.line)}}});
  for (const auto& [part, count] : locations.more_duplicates)
    result.diagnostics.push_back(
        {core::Severity::error, file, "", 0, 0, "and " + std::to_string(count) + " more duplicate keys",
         text::Message{text::Msg::json_more_duplicate_keys, {std::to_string(count)}}});
  if (!doc->is_object()) {
    result.diagnostics.push_back({core::Severity::error, file, "", 1, 1, "expected a JSON object",
                                  text::Message{text::Msg::def_not_object, {}}});
    return result;
  }
  std::vector<Diagnostic> found;
  Fields fields(found);
  core::Questionnaire q;
  if (doc->contains("extends")) {
    const std::string base_id = fields.text(*doc, "", "extends", true);
    std::optional<core::Questionnaire> base_q = base && !base_id.empty() ? base(base_id) : std::nullopt;
    if (!base_q) {
      fields.error("/extends", text::Msg::def_no_base, {base_id});
    } else {
      q = std::move(*base_q);
      OverlayParser(fields).apply(*doc, q);
    }
  } else {
    q = DefinitionParser(fields).parse(*doc);
  }
  if (!core::has_errors(found)) {
    std::vector<Diagnostic> semantic = core::check_questionnaire(q);
    found.insert(found.end(), semantic.begin(), semantic.end());
  }
  locate(found, locations, file);
  result.diagnostics.insert(result.diagnostics.end(), found.begin(), found.end());
  if (!core::has_errors(result.diagnostics)) result.questionnaire = std::move(q);
  return result;
}

}  // namespace alliance::io
