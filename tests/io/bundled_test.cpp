// Every bundled questionnaire loads, validates and passes its own examples;
// the published keys are checked against their sources, item by item.
#include <gtest/gtest.h>

#include <set>

#include <nlohmann/json.hpp>

#include "alliance/io/bundled.hpp"
#include "alliance/io/catalog.hpp"

namespace alliance::io {
namespace {

TEST(Bundled, EveryDefinitionIsValidWithExamples) {
  const Catalog catalog({});
  ASSERT_GE(bundled_definitions().size(), 7u);
  for (const CatalogEntry& entry : catalog.entries()) {
    SCOPED_TRACE(entry.origin);
    const Catalog::Checked checked = catalog.check_text(entry.text, entry.origin);
    for (const core::Diagnostic& d : checked.diagnostics) ADD_FAILURE() << core::format(d);
    ASSERT_TRUE(checked.loaded);
    EXPECT_GE(checked.loaded->questionnaire.examples.size(), 2u) << "examples are the definition's own tests";
  }
}

// The catalog takes a bundled definition's id from its file name, without
// parsing it (start-up time): every file must be named <id>.json and be a
// full definition, not an overlay.
TEST(Bundled, FileNameIsTheIdAndNoneExtends) {
  for (const BundledDefinition& def : bundled_definitions()) {
    SCOPED_TRACE(std::string(def.file_name));
    const nlohmann::json doc = nlohmann::json::parse(def.text);
    EXPECT_EQ(std::string(def.file_name), doc.at("id").get<std::string>() + ".json");
    EXPECT_FALSE(doc.contains("extends"));
  }
}

std::set<std::string> items_of(const core::Questionnaire& q, const std::string& subscale) {
  std::set<std::string> out;
  for (std::size_t i : q.subscales[*q.find_subscale(subscale)].items) out.insert(q.items[i].id);
  return out;
}

std::set<std::string> reversed(const core::Questionnaire& q) {
  std::set<std::string> out;
  for (const core::Item& item : q.items)
    if (item.reverse) out.insert(item.id);
  return out;
}

using Ids = std::set<std::string>;

TEST(Bundled, WaiSrKey) {  // Hatcher & Gillaspy (2006)
  const core::Questionnaire q = Catalog({}).load("wai-sr").questionnaire;
  EXPECT_EQ(q.items.size(), 12u);
  EXPECT_EQ(q.scale.min, 1);
  EXPECT_EQ(q.scale.max, 5);
  EXPECT_EQ(items_of(q, "goal"), (Ids{"4", "6", "8", "11"}));
  EXPECT_EQ(items_of(q, "task"), (Ids{"1", "2", "10", "12"}));
  EXPECT_EQ(items_of(q, "bond"), (Ids{"3", "5", "7", "9"}));
  EXPECT_EQ(reversed(q), Ids{});
  EXPECT_FALSE(q.administrable());
}

TEST(Bundled, WaiSKey) {  // Tracey & Kokotovic (1989)
  const core::Questionnaire q = Catalog({}).load("wai-s").questionnaire;
  EXPECT_EQ(q.scale.max, 7);
  EXPECT_EQ(items_of(q, "task"), (Ids{"1", "2", "8", "12"}));
  EXPECT_EQ(items_of(q, "bond"), (Ids{"3", "5", "7", "9"}));
  EXPECT_EQ(items_of(q, "goal"), (Ids{"4", "6", "10", "11"}));
  EXPECT_EQ(reversed(q), (Ids{"4", "10"}));
}

TEST(Bundled, WaiKeyForBothForms) {  // Horvath & Greenberg (1989)
  for (const char* id : {"wai", "wai-t"}) {
    SCOPED_TRACE(id);
    const core::Questionnaire q = Catalog({}).load(id).questionnaire;
    EXPECT_EQ(q.items.size(), 36u);
    EXPECT_EQ(q.family, "wai");
    EXPECT_EQ(items_of(q, "goal"),
              (Ids{"3", "6", "9", "10", "12", "14", "22", "25", "27", "30", "32", "34"}));
    EXPECT_EQ(items_of(q, "task"),
              (Ids{"2", "4", "7", "11", "13", "15", "16", "18", "24", "31", "33", "35"}));
    EXPECT_EQ(items_of(q, "bond"),
              (Ids{"1", "5", "8", "17", "19", "20", "21", "23", "26", "28", "29", "36"}));
    EXPECT_EQ(reversed(q),
              (Ids{"1", "3", "7", "9", "10", "11", "12", "15", "20", "27", "29", "31", "33", "34"}));
    EXPECT_TRUE(q.total.norms.empty());
    EXPECT_FALSE(q.total.bands.has_value());
  }
}

TEST(Bundled, SrsIsFourAnalogueLinesWithACutoffAt36) {  // Duncan, Miller et al. (2003)
  const core::Questionnaire q = Catalog({}).load("srs").questionnaire;
  EXPECT_EQ(q.items.size(), 4u);
  EXPECT_EQ(q.scale.kind, core::ScaleKind::continuous);
  EXPECT_EQ(q.scale.max, 10);
  ASSERT_TRUE(q.total.bands.has_value());
  const auto& ranges = q.total.bands->ranges;
  auto band_of = [&ranges](double score) {
    for (std::size_t i = 0; i < ranges.size(); ++i)
      if (ranges[i].contains(score)) return static_cast<int>(i);
    return -1;
  };
  EXPECT_TRUE(ranges[static_cast<std::size_t>(band_of(35.9))].concern);
  EXPECT_FALSE(ranges[static_cast<std::size_t>(band_of(36.0))].concern);
}

TEST(Bundled, GtbFormsAreParallel) {
  const core::Questionnaire client = Catalog({}).load("gtb-12").questionnaire;
  const core::Questionnaire therapist = Catalog({}).load("gtb-12-t").questionnaire;
  EXPECT_EQ(client.family, therapist.family);
  EXPECT_EQ(client.form, core::Form::client);
  EXPECT_EQ(therapist.form, core::Form::therapist);
  EXPECT_FALSE(client.source.validated);
  for (const char* s : {"goals", "tasks", "bond"}) EXPECT_EQ(items_of(client, s), items_of(therapist, s));
  EXPECT_EQ(reversed(client), reversed(therapist));
  EXPECT_EQ(client.languages, (std::vector<std::string>{"fr", "en"}));
  EXPECT_TRUE(client.administrable());
}

}  // namespace
}  // namespace alliance::io
