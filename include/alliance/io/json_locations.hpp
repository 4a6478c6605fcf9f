// Where each value of a JSON document sits in its text, so diagnostics about
// a definition can give line and column as well as the JSON pointer.
// nlohmann/json does not keep positions (and silently keeps the last of two
// duplicate keys), so this small scanner walks the text once more.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace alliance::io {

struct TextPosition {
  int line = 1;    // 1-based
  int column = 1;  // 1-based, in bytes
};

struct DuplicateKey {
  std::string pointer;  // of the repeated member
  TextPosition first;
  TextPosition second;
};

struct JsonLocations {
  std::map<std::string, TextPosition> values;  // JSON pointer -> start of the value
  std::vector<DuplicateKey> duplicates;

  // The position of `pointer`, or of its nearest located ancestor.
  TextPosition find(const std::string& pointer) const;
};

// REQUIRES: `text` is syntactically valid JSON (parse it first).
JsonLocations locate_json_values(std::string_view text);

// Line and column of a byte offset.
TextPosition position_of(std::string_view text, std::size_t offset);

// Escapes a key for use in a JSON pointer ("~" -> "~0", "/" -> "~1").
std::string pointer_token(std::string_view key);

}  // namespace alliance::io
