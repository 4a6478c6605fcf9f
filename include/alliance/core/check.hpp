// Semantic checks of a Questionnaire that the JSON reader cannot make alone:
// duplicate ids, empty subscales, labels and languages, bands, norms, and
// the embedded examples re-scored.
#pragma once

#include <vector>

#include "alliance/core/diagnostics.hpp"
#include "alliance/core/questionnaire.hpp"

namespace alliance::core {

// Every problem found, each located by the JSON pointer of the definition
// element it concerns. Empty when the questionnaire is sound.
std::vector<Diagnostic> check_questionnaire(const Questionnaire& questionnaire);

}  // namespace alliance::core
