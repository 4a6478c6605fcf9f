// A questionnaire definition, or a text overlay extending a bundled one: read,
// checked (the checker scores the definition's own examples), hashed, and
// scored with every answer at the scale's minimum, then with none.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "alliance/core/error.hpp"

#include "alliance/core/scoring.hpp"
#include "alliance/io/catalog.hpp"
#include "alliance/io/definition_reader.hpp"
#include "alliance/io/definition_writer.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace alliance;
  static const io::Catalog catalog({});
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const io::BaseLookup base = [](const std::string& id) -> std::optional<core::Questionnaire> {
    try {
      return catalog.load(id).questionnaire;
    } catch (const Error&) {
      return std::nullopt;
    }
  };
  io::DefinitionResult result = io::read_definition(text, "fuzz.json", base);
  if (!result.questionnaire) {
    if (!core::has_errors(result.diagnostics)) std::abort();  // refused without saying why
    return 0;
  }
  const core::Questionnaire& q = *result.questionnaire;
  (void)io::definition_hash(q);
  core::Answers answers(q.items.size(), q.scale.min);
  (void)core::score(q, answers);
  answers.assign(q.items.size(), std::nullopt);
  (void)core::score(q, answers);
  return 0;
}
