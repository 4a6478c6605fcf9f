// Golden tests: each tests/data/invalid/NAME.json has NAME.expected, the
// exact diagnostics (positions counted by hand), one per line.
#include "alliance/io/definition_reader.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "alliance/core/scoring.hpp"

namespace alliance::io {
namespace {

namespace fs = std::filesystem;

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

const fs::path kData = fs::path(ALLIANCE_SOURCE_DIR) / "tests" / "data";

std::optional<core::Questionnaire> minimal_base(const std::string& id) {
  if (id != "minimal") return std::nullopt;
  return read_definition(slurp(kData / "valid" / "minimal.json"), "minimal.json").questionnaire;
}

std::string diagnostics_text(const fs::path& file) {
  const DefinitionResult result = read_definition(slurp(file), file.filename().string(), minimal_base);
  std::string out;
  for (const core::Diagnostic& d : result.diagnostics) out += core::format(d) + "\n";
  return out;
}

TEST(DefinitionReader, InvalidFilesGiveTheirExpectedDiagnostics) {
  int checked = 0;
  for (const auto& entry : fs::directory_iterator(kData / "invalid")) {
    if (entry.path().extension() != ".expected") continue;
    fs::path json = entry.path();
    json.replace_extension(".json");
    SCOPED_TRACE(json.filename().string());
    EXPECT_EQ(diagnostics_text(json), slurp(entry.path()));
    ++checked;
  }
  EXPECT_GE(checked, 5);
}

TEST(DefinitionReader, SyntaxErrorIsLocated) {
  // Line 5 is `  "family": "t"` after a line with no comma: the parser stops at
  // the end of the unexpected string, column 10.
  const std::string text = diagnostics_text(kData / "invalid" / "syntax.json");
  EXPECT_EQ(text.rfind("syntax.json:5:10: invalid JSON: ", 0), 0u) << text;
}

TEST(DefinitionReader, ValidFileReadsEveryField) {
  const DefinitionResult result = read_definition(slurp(kData / "valid" / "minimal.json"), "minimal.json");
  ASSERT_TRUE(result.questionnaire) << (result.diagnostics.empty() ? ""
                                                                   : core::format(result.diagnostics[0]));
  const core::Questionnaire& q = *result.questionnaire;
  EXPECT_EQ(q.id, "minimal");
  EXPECT_EQ(q.languages, (std::vector<std::string>{"en", "fr"}));
  EXPECT_EQ(q.scale.labels.at("fr")[1], "Peut-être");
  ASSERT_EQ(q.subscales.size(), 2u);
  EXPECT_EQ(q.subscales[1].items, (std::vector<std::size_t>{2, 3}));
  EXPECT_EQ(*q.subscales[1].missing.min_answered, 0.5);
  EXPECT_TRUE(q.subscales[1].prorate);
  EXPECT_TRUE(q.items[1].reverse);
  EXPECT_EQ(q.items[3].weight, 2);
  EXPECT_EQ(q.total.of, core::TotalOf::subscales);
  EXPECT_EQ(q.examples.size(), 2u);
  EXPECT_FALSE(q.examples[1].answers.at("2").has_value());
}

TEST(DefinitionReader, OverlayAddsTextToTheBaseKey) {
  const std::string overlay = R"({"format": "alliance/1", "extends": "minimal", "languages": ["en"],
    "title": {"en": "Licensed"},
    "scale": {"labels": {"en": ["N", "M", "Y"]}},
    "subscales": [{"id": "goals", "title": {"en": "G"}}, {"id": "bond", "title": {"en": "B"}}],
    "items": [{"id": "1", "text": {"en": "a"}}, {"id": "2", "text": {"en": "b"}},
              {"id": "3", "text": {"en": "c"}}, {"id": "4", "text": {"en": "d"}}]})";
  auto strip_french = [](const std::string& id) {
    auto q = minimal_base(id);
    if (!q) return q;
    q->title.erase("fr");
    q->scale.labels.erase("fr");
    for (auto& s : q->subscales) s.title.erase("fr");
    for (auto& i : q->items) i.text.erase("fr");
    return q;
  };
  const DefinitionResult result = read_definition(overlay, "licensed.json", strip_french);
  ASSERT_TRUE(result.questionnaire) << (result.diagnostics.empty() ? ""
                                                                   : core::format(result.diagnostics[0]));
  const core::Questionnaire& q = *result.questionnaire;
  EXPECT_EQ(q.id, "minimal");
  EXPECT_EQ(q.items[2].text.at("en"), "c");
  EXPECT_TRUE(q.items[1].reverse);  // the key comes from the base
  EXPECT_EQ(q.title.at("en"), "Licensed");
}

// alliance norms writes local norms as an overlay: they replace the base's,
// and a subscale may carry them without a title.
TEST(DefinitionReader, OverlayCarriesNormsForSubscalesAndTotal) {
  const std::string overlay = R"({"format": "alliance/1", "extends": "minimal", "languages": ["en", "fr"],
    "x-norms": {"made_by": "alliance"},
    "subscales": [{"id": "bond", "norms": [{"mean": 3.5, "sd": 0.5, "n": 40, "reliability": 0.8,
                                            "citation": "local"}], "x-norms": {"alpha": 0.8}}],
    "total": {"norms": [{"population": "clinic", "mean": 7, "sd": 1.5, "citation": "local"}]}})";
  const DefinitionResult result = read_definition(overlay, "clinic.json", minimal_base);
  ASSERT_TRUE(result.questionnaire) << (result.diagnostics.empty() ? ""
                                                                   : core::format(result.diagnostics[0]));
  const core::Questionnaire& q = *result.questionnaire;
  ASSERT_EQ(q.subscales[1].norms.size(), 1u);
  EXPECT_EQ(q.subscales[1].norms[0].sd, 0.5);
  EXPECT_EQ(q.subscales[1].norms[0].reliability, 0.8);
  EXPECT_EQ(q.subscales[1].norms[0].n, 40);
  EXPECT_FALSE(q.subscales[1].title.empty());  // kept from the base
  ASSERT_EQ(q.total.norms.size(), 1u);
  EXPECT_EQ(q.total.norms[0].population, "clinic");
  EXPECT_TRUE(q.subscales[0].norms.empty());

  // A subscale with neither a title nor norms, and a norm without its SD, are located errors.
  const std::string bad = R"({"format": "alliance/1", "extends": "minimal", "languages": ["en", "fr"],
    "subscales": [{"id": "bond"}, {"id": "goals", "norms": [{"mean": 3, "citation": "x"}]}]})";
  const DefinitionResult refused = read_definition(bad, "bad.json", minimal_base);
  EXPECT_FALSE(refused.questionnaire);
  std::string text;
  for (const core::Diagnostic& d : refused.diagnostics) text += core::format(d) + "\n";
  EXPECT_EQ(text,
            "bad.json:2:19: /subscales/0: missing required key \"title\"\n"
            "bad.json:2:61: /subscales/1/norms/0: missing required key \"sd\"\n");
}

}  // namespace
}  // namespace alliance::io
