// The questionnaire definitions compiled into the binary (questionnaires/*.json,
// embedded at build time by cmake/embed_definitions.cmake).
#pragma once

#include <span>
#include <string_view>

namespace alliance::io {

struct BundledDefinition {
  std::string_view file_name;  // "gtb-12.json"
  std::string_view text;
};

std::span<const BundledDefinition> bundled_definitions();

}  // namespace alliance::io
