// The keys the definition reader accepts, object kind by object kind, are
// exactly the properties docs/definition.schema.json gives the same object; the
// schema closes the same objects (additionalProperties: false, "x-…" allowed).
#include "io/definition_keys.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>

namespace alliance::io {
namespace {

using nlohmann::json;

json load_schema() {
  std::ifstream in(std::filesystem::path(ALLIANCE_SOURCE_DIR) / "docs" / "definition.schema.json");
  return json::parse(in);
}

std::set<std::string> sorted(const std::vector<std::string>& keys) {
  return {keys.begin(), keys.end()};
}

TEST(DefinitionKeys, EachReaderListIsTheSchemaObjectsProperties) {
  const json schema = load_schema();
  ASSERT_TRUE(schema.contains("$defs"));
  for (const definition_keys::ObjectKind& kind : definition_keys::kAll) {
    SCOPED_TRACE(kind.schema_def);
    ASSERT_TRUE(schema["$defs"].contains(kind.schema_def));
    const json& def = schema["$defs"][kind.schema_def];
    std::set<std::string> properties;
    for (const auto& [key, value] : def.at("properties").items()) properties.insert(key);
    EXPECT_EQ(properties, sorted(*kind.keys));
    EXPECT_EQ(def.value("additionalProperties", json(true)), json(false));
    EXPECT_EQ(def.at("patternProperties"), json::parse(R"({"^x-": {}})"));
  }
}

TEST(DefinitionKeys, EveryClosedSchemaObjectHasAReaderList) {
  const json schema = load_schema();
  std::set<std::string> listed;
  for (const definition_keys::ObjectKind& kind : definition_keys::kAll) listed.insert(kind.schema_def);
  int closed = 0;
  for (const auto& [name, def] : schema.at("$defs").items()) {
    if (def.is_object() && def.value("additionalProperties", json(true)) == json(false)) {
      ++closed;
      EXPECT_TRUE(listed.count(name))
          << "$defs/" << name << " is closed but the reader has no key list for it";
    }
  }
  EXPECT_EQ(closed, static_cast<int>(definition_keys::kAll.size()));
}

TEST(DefinitionKeys, NoListHasADuplicate) {
  for (const definition_keys::ObjectKind& kind : definition_keys::kAll)
    EXPECT_EQ(sorted(*kind.keys).size(), kind.keys->size()) << kind.schema_def;
}

}  // namespace
}  // namespace alliance::io
