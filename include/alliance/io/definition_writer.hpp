// The normalised form of a definition: every default written out, keys in a
// fixed order. `alliance show --format json` prints it, and its bytes (compact)
// are what the definition's content hash is taken over.
#pragma once

#include <string>

#include "alliance/core/questionnaire.hpp"

namespace alliance::io {

// indent < 0: compact, one line.
std::string definition_to_json(const core::Questionnaire& questionnaire, int indent);

// core::content_hash of the compact normalised JSON.
std::string definition_hash(const core::Questionnaire& questionnaire);

}  // namespace alliance::io
