// Where each value of a JSON document sits in its text, so diagnostics about
// a definition or a response can give line and column as well as the JSON
// pointer. nlohmann/json does not keep positions (and silently keeps the last
// of two duplicate keys), so this small scanner walks the text once more.
//
// The scanner keeps its own stack (no recursion: a file nested 50 000 deep
// costs memory in proportion to its size, not a crashed stack), and its time
// and memory are linear in the text: the pointer being walked is one string
// grown and cut back, positions are kept per value in a tree, and the
// duplicate keys described in full are capped per record.
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
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
  // The index of the root array's element holding it (the record of a JSON
  // array of responses); 0 when the root is not an array.
  std::size_t part = 0;
};

struct LocateOptions {
  // Values nested deeper than this (the root is at depth 0) are not given a
  // position of their own: find() answers with their nearest located
  // ancestor. A reader that only needs each record's line passes 1.
  std::size_t record_depth = std::numeric_limits<std::size_t>::max();
  // Duplicate keys described in full per part (see DuplicateKey::part); the
  // others are only counted, so that many duplicates under one long key
  // cannot make the report quadratic in the text.
  std::size_t duplicates_per_part = 20;
};

class JsonLocations {
 public:
  // Every duplicate key, in text order, up to LocateOptions::duplicates_per_part per part.
  std::vector<DuplicateKey> duplicates;
  // Part -> duplicates found beyond those listed.
  std::map<std::size_t, std::size_t> more_duplicates;

  // The position of `pointer` (an RFC 6901 JSON pointer, "" for the root), or
  // of its nearest located ancestor.
  TextPosition find(const std::string& pointer) const;

 private:
  friend class JsonScanner;
  static constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();
  std::vector<TextPosition> positions_;                                      // by node; node 0 is the root
  std::map<std::pair<std::uint32_t, std::string>, std::uint32_t> children_;  // (parent, token) -> node
};

// REQUIRES: `text` is syntactically valid JSON (parse it first); on other
// text the result is incomplete but the call is still safe.
JsonLocations locate_json_values(std::string_view text, const LocateOptions& options = {});

// A place in a JSON text, for the message about a parse that stopped there.
struct JsonPlace {
  TextPosition position;
  std::string pointer;  // of the value (or container) being read there; "" for the root
};

// Where the JSON parser stopped at byte `offset`: the pointer of the value it
// was reading. `text` up to `offset` must be a valid JSON prefix (it is, when
// nlohmann's parser stopped there).
JsonPlace place_at(std::string_view text, std::size_t offset);

// The first array or object nested more than `limit` deep (the root
// container is at depth 1), or nothing.
std::optional<JsonPlace> find_too_deep(std::string_view text, std::size_t limit);

// Line and column of a byte offset.
TextPosition position_of(std::string_view text, std::size_t offset);

// Escapes a key for use in a JSON pointer ("~" -> "~0", "/" -> "~1").
std::string pointer_token(std::string_view key);

}  // namespace alliance::io
