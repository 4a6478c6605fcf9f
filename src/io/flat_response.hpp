// Internal to io: the fast path of the NDJSON reader. Most NDJSON lines have
// one flat shape, {"id": "R1", "responses": {"1": 5, "2": 4, ...}}, with plain
// strings and numbers; scanning that shape by hand is an order of magnitude
// faster than building a JSON document per line. Anything else (escapes,
// non-ASCII text, exponents, unknown keys or items, duplicate keys, both of
// two synonyms, invalid answers, malformed JSON) is declined, and the caller reads the line with
// nlohmann/json, so every message stays exactly what the full reader says.
#pragma once

#include <string_view>

#include "alliance/core/questionnaire.hpp"
#include "alliance/io/response_reader.hpp"
#include "item_index.hpp"

namespace alliance::io {

// Fills `record` (already reset, its location set) from `line` when the line
// has the common flat shape and every answer is valid; returns false, with
// `record` in an unspecified state, otherwise. `items` indexes `q`.
bool read_flat_response(const core::Questionnaire& q, const ItemIndex& items, std::string_view line,
                        ResponseRecord& record);

}  // namespace alliance::io
