// Reads a questionnaire definition (docs/definition-format.md) from JSON text.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "alliance/core/diagnostics.hpp"
#include "alliance/core/questionnaire.hpp"

namespace alliance::io {

struct DefinitionResult {
  // Set only when the definition has no errors (warnings may remain).
  std::optional<core::Questionnaire> questionnaire;
  // Every problem found, each with the file name, JSON pointer and, where
  // known, line and column.
  std::vector<core::Diagnostic> diagnostics;
};

// Finds the base definition of a text file that `extends` another by id.
using BaseLookup = std::function<std::optional<core::Questionnaire>(const std::string& id)>;

// `file` names the origin in diagnostics ("questionnaires/gtb-12.json").
DefinitionResult read_definition(std::string_view text, const std::string& file, const BaseLookup& base = {});

}  // namespace alliance::io
