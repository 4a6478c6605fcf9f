#include "json_fields.hpp"

#include <cstdint>
#include <limits>

#include "alliance/core/text.hpp"
#include "alliance/core/utf8.hpp"
#include "alliance/io/json_locations.hpp"
#include "alliance/text/messages.hpp"

namespace alliance::io {

std::string describe_json(const nlohmann::json& value) {
  switch (value.type()) {
    case nlohmann::json::value_t::null: return "null";
    case nlohmann::json::value_t::boolean: return value.get<bool>() ? "true" : "false";
    case nlohmann::json::value_t::object: return "an object";
    case nlohmann::json::value_t::array: return "an array";
    case nlohmann::json::value_t::string: {
      const std::string text = value.dump();  // quoted, escaped
      return "string " + (text.size() > 40 ? core::excerpt(text, 37) + "\"" : text);
    }
    default: return "number " + value.dump();
  }
}

std::string said_json(const nlohmann::json& value) {
  using text::Msg;
  switch (value.type()) {
    case nlohmann::json::value_t::object: return text::nested(Msg::json_an_object);
    case nlohmann::json::value_t::array: return text::nested(Msg::json_an_array);
    case nlohmann::json::value_t::string: {
      const std::string text = value.dump();  // quoted, escaped
      return text::nested(Msg::json_got_string, {text.size() > 40 ? core::excerpt(text, 37) + "\"" : text});
    }
    case nlohmann::json::value_t::null:
    case nlohmann::json::value_t::boolean: return describe_json(value);  // JSON's words
    default: return text::nested(Msg::json_got_number, {value.dump()});
  }
}

std::string said_did_you_mean(const std::string& word, const std::vector<std::string>& candidates) {
  const std::optional<std::string> closest = core::closest_match(word, candidates);
  return closest ? text::nested(text::Msg::did_you_mean, {*closest}) : "";
}

std::optional<int> int_value(const nlohmann::json& value) {
  constexpr std::int64_t kMin = std::numeric_limits<int>::min();
  constexpr std::int64_t kMax = std::numeric_limits<int>::max();
  if (value.is_number_unsigned() && value.get<std::uint64_t>() <= static_cast<std::uint64_t>(kMax))
    return static_cast<int>(value.get<std::uint64_t>());
  if (value.is_number_integer() && !value.is_number_unsigned() && value.get<std::int64_t>() >= kMin &&
      value.get<std::int64_t>() <= kMax)
    return static_cast<int>(value.get<std::int64_t>());
  return std::nullopt;
}

std::string expected_int(const nlohmann::json& value) {
  return text::nested(value.is_number_integer() ? text::Msg::json_a_whole_int
                                                : text::Msg::json_a_whole_number);
}

void Fields::error(const std::string& where, const std::string& message) {
  out_.push_back({core::Severity::error, "", where, 0, 0, message, std::nullopt});
}

void Fields::error(const std::string& where, text::Msg id, std::vector<std::string> args) {
  text::Message said{id, std::move(args)};
  out_.push_back({core::Severity::error, "", where, 0, 0, text::say("en", said), std::move(said)});
}

void Fields::expected(const std::string& where, std::string what, const json& got) {
  error(where, text::Msg::json_expected, {std::move(what), said_json(got)});
}

void Fields::keys(const json& object, const std::string& where, const std::vector<std::string>& allowed) {
  if (!object.is_object()) return;
  for (const auto& [key, value] : object.items()) {
    if (key.starts_with("x-")) continue;
    bool known = false;
    for (const std::string& a : allowed) known = known || a == key;
    if (!known)
      error(where + "/" + pointer_token(key), text::Msg::json_unknown_key,
            {key, said_did_you_mean(key, allowed)});
  }
}

bool Fields::is_object(const json& value, const std::string& where) {
  if (value.is_object()) return true;
  expected(where, text::nested(text::Msg::json_an_object), value);
  return false;
}

const nlohmann::json* Fields::member(const json& parent, const std::string& where, const std::string& key,
                                     bool required) {
  if (parent.is_object()) {
    auto found = parent.find(key);
    if (found != parent.end()) return &*found;
  }
  if (required) error(where, text::Msg::json_missing_key, {key});
  return nullptr;
}

const nlohmann::json* Fields::object(const json& parent, const std::string& where, const char* key,
                                     bool required) {
  const json* value = member(parent, where, key, required);
  if (!value) return nullptr;
  if (value->is_object()) return value;
  expected(where + "/" + key, text::nested(text::Msg::json_an_object), *value);
  return nullptr;
}

const nlohmann::json* Fields::array(const json& parent, const std::string& where, const char* key,
                                    bool required) {
  const json* value = member(parent, where, key, required);
  if (!value) return nullptr;
  if (value->is_array()) return value;
  expected(where + "/" + key, text::nested(text::Msg::json_an_array), *value);
  return nullptr;
}

std::string Fields::text(const json& parent, const std::string& where, const std::string& key,
                         bool required) {
  const json* value = member(parent, where, key, required);
  if (!value) return "";
  if (value->is_string()) return value->get<std::string>();
  expected(where + "/" + pointer_token(key), text::nested(text::Msg::json_a_string), *value);
  return "";
}

std::string Fields::id_text(const json& parent, const std::string& where, const char* key) {
  const json* value = member(parent, where, key, true);
  if (!value) return "";
  if (value->is_string()) return value->get<std::string>();
  if (value->is_number_integer()) {
    error(where + "/" + key, text::Msg::json_id_not_string, {value->dump()});
    return value->dump();
  }
  expected(where + "/" + key, text::nested(text::Msg::json_a_string), *value);
  return "";
}

std::vector<std::string> Fields::text_list(const json& parent, const std::string& where,
                                           const std::string& key, bool required) {
  std::vector<std::string> out;
  const json* value = member(parent, where, key, required);
  if (!value) return out;
  const std::string w = where + "/" + pointer_token(key);
  if (!value->is_array()) {
    expected(w, text::nested(text::Msg::json_an_array_of_strings), *value);
    return out;
  }
  for (std::size_t i = 0; i < value->size(); ++i) {
    const json& element = (*value)[i];
    if (element.is_string())
      out.push_back(element.get<std::string>());
    else
      expected(w + "/" + std::to_string(i), text::nested(text::Msg::json_a_string), element);
  }
  return out;
}

core::LocalizedText Fields::localized(const json& parent, const std::string& where, const char* key,
                                      bool required) {
  core::LocalizedText out;
  const json* value = member(parent, where, key, required);
  if (!value) return out;
  const std::string w = where + "/" + key;
  if (!value->is_object()) {
    expected(w, text::nested(text::Msg::json_texts_by_language, {"{\"en\": \"…\", \"fr\": \"…\"}"}), *value);
    return out;
  }
  for (const auto& [lang, text] : value->items()) {
    if (text.is_string())
      out[lang] = text.get<std::string>();
    else
      expected(w + "/" + pointer_token(lang), text::nested(text::Msg::json_a_string), text);
  }
  return out;
}

bool Fields::boolean(const json& parent, const std::string& where, const char* key, bool required,
                     bool fallback) {
  const json* value = member(parent, where, key, required);
  if (!value) return fallback;
  if (value->is_boolean()) return value->get<bool>();
  expected(where + "/" + key, text::nested(text::Msg::json_true_or_false), *value);
  return fallback;
}

std::optional<double> Fields::number(const json& parent, const std::string& where, const char* key,
                                     bool required) {
  const json* value = member(parent, where, key, required);
  if (!value) return std::nullopt;
  if (value->is_number()) return value->get<double>();
  expected(where + "/" + key, text::nested(text::Msg::json_a_number), *value);
  return std::nullopt;
}

std::optional<int> Fields::integer(const json& parent, const std::string& where, const char* key,
                                   bool required) {
  const json* value = member(parent, where, key, required);
  if (!value) return std::nullopt;
  if (const std::optional<int> whole = int_value(*value)) return whole;
  expected(where + "/" + key, expected_int(*value), *value);
  return std::nullopt;
}

std::vector<double> Fields::number_list(const json& parent, const std::string& where, const char* key) {
  std::vector<double> out;
  const json* value = array(parent, where, key, false);
  if (!value) return out;
  for (std::size_t i = 0; i < value->size(); ++i) {
    const json& element = (*value)[i];
    if (element.is_number())
      out.push_back(element.get<double>());
    else
      expected(where + "/" + key + "/" + std::to_string(i), text::nested(text::Msg::json_a_number), element);
  }
  return out;
}

std::map<std::string, std::optional<double>> Fields::number_map(const json& parent, const std::string& where,
                                                                const char* key) {
  std::map<std::string, std::optional<double>> out;
  const json* value = object(parent, where, key, false);
  if (!value) return out;
  for (const auto& [name, element] : value->items()) {
    if (element.is_number())
      out[name] = element.get<double>();
    else if (element.is_null())
      out[name] = std::nullopt;
    else
      expected(where + "/" + key + "/" + pointer_token(name), text::nested(text::Msg::json_a_number_or_null),
               element);
  }
  return out;
}

}  // namespace alliance::io
