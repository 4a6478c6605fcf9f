// Internal to io: typed, located access to the members of untrusted JSON.
// Every accessor records a diagnostic (with the JSON pointer of the member and
// what was expected) instead of throwing, so a reader reports every problem.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "alliance/core/diagnostics.hpp"
#include "alliance/core/questionnaire.hpp"
#include "alliance/text/message.hpp"

namespace alliance::io {

// "string \"yes\"", "number 3", "an array"… for "expected X, got Y".
std::string describe_json(const nlohmann::json& value);
// The same as an argument of a catalogue message (text::nested), so that it
// is shown in the message's language.
std::string said_json(const nlohmann::json& value);
// "did you mean 'x'?" (text::Msg::did_you_mean) as an argument, or "".
std::string said_did_you_mean(const std::string& word, const std::vector<std::string>& candidates);

// A whole number that fits an int, or nullopt (a larger one is never truncated).
std::optional<int> int_value(const nlohmann::json& value);
// What a value int_value() refused was expected to be: "a whole number", and
// its range for a whole number out of it.
// (As an argument of a catalogue message: text::nested.)
std::string expected_int(const nlohmann::json& value);

class Fields {
 public:
  using json = nlohmann::json;

  explicit Fields(std::vector<core::Diagnostic>& out) : out_(out) {}

  void error(const std::string& where, const std::string& message);
  // The same, from the message catalogue: shown in the user's language.
  void error(const std::string& where, text::Msg id, std::vector<std::string> args);

  // Reports members not in `allowed` (keys starting with "x-" are the user's own).
  void keys(const json& object, const std::string& where, const std::vector<std::string>& allowed);

  bool is_object(const json& value, const std::string& where);

  const json* object(const json& parent, const std::string& where, const char* key, bool required);
  const json* array(const json& parent, const std::string& where, const char* key, bool required);
  std::string text(const json& parent, const std::string& where, const std::string& key, bool required);
  // A required identifier; a number gets a hint to quote it.
  std::string id_text(const json& parent, const std::string& where, const char* key);
  std::vector<std::string> text_list(const json& parent, const std::string& where, const std::string& key,
                                     bool required);
  core::LocalizedText localized(const json& parent, const std::string& where, const char* key, bool required);
  bool boolean(const json& parent, const std::string& where, const char* key, bool required, bool fallback);
  std::optional<double> number(const json& parent, const std::string& where, const char* key, bool required);
  // A whole number that fits an int (a larger one is reported, never truncated).
  std::optional<int> integer(const json& parent, const std::string& where, const char* key, bool required);
  std::vector<double> number_list(const json& parent, const std::string& where, const char* key);
  // An object of numbers or nulls ({"1": 4, "2": null}).
  std::map<std::string, std::optional<double>> number_map(const json& parent, const std::string& where,
                                                          const char* key);

 private:
  // The member, or nullptr (reported when required and absent).
  const json* member(const json& parent, const std::string& where, const std::string& key, bool required);
  // `what` is a catalogue message as an argument (text::nested(text::Msg::json_an_object)).
  void expected(const std::string& where, std::string what, const json& got);

  std::vector<core::Diagnostic>& out_;
};

}  // namespace alliance::io
