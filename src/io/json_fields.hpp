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

namespace alliance::io {

// "string \"yes\"", "number 3", "an array"… for "expected X, got Y".
std::string describe_json(const nlohmann::json& value);

// A whole number that fits an int, or nullopt (a larger one is never truncated).
std::optional<int> int_value(const nlohmann::json& value);
// What a value int_value() refused was expected to be: "a whole number", and
// its range for a whole number out of it.
const char* expected_int(const nlohmann::json& value);

class Fields {
 public:
  using json = nlohmann::json;

  explicit Fields(std::vector<core::Diagnostic>& out) : out_(out) {}

  void error(const std::string& where, const std::string& message);

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
  void expected(const std::string& where, const char* what, const json& got);

  std::vector<core::Diagnostic>& out_;
};

}  // namespace alliance::io
