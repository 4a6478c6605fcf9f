// Where the catalog looks for questionnaires (issue 18): --path, ALLIANCE_PATH,
// the user's and the system's XDG data directories, the installation the
// executable belongs to, then the bundled definitions — all through the Env,
// so each case is a MemoryEnv with files and variables set by hand.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "alliance/io/bundled.hpp"
#include "alliance/io/catalog.hpp"
#include "alliance/io/memory_env.hpp"

namespace alliance::io {
namespace {

namespace fs = std::filesystem;

std::string bundled_definition_text(std::string_view file_name) {
  for (const BundledDefinition& def : bundled_definitions())
    if (def.file_name == file_name) return std::string(def.text);
  ADD_FAILURE() << "no bundled " << file_name;
  return "";
}

// The directories searched, as "VIA PATH" lines, the bundled ones left out.
std::vector<std::string> searched(const std::vector<std::string>& flags, Env& env) {
  std::vector<std::string> out;
  for (const SearchDirectory& dir : Catalog::search_directories(flags, env))
    out.push_back(std::string(to_string(dir.via)) + " " + dir.path.string());
  return out;
}

TEST(CatalogSearch, TheOrderWithEveryVariableUnset) {
  MemoryEnv env;  // no variable at all, not even HOME; the executable unknown
  EXPECT_EQ(searched({}, env), (std::vector<std::string>{
                                   "XDG_DATA_DIRS /usr/local/share/alliance/questionnaires",
                                   "XDG_DATA_DIRS /usr/share/alliance/questionnaires",
                               }));
}

TEST(CatalogSearch, FlagsThenAlliancePathThenUserThenSystemThenBesideTheProgram) {
  MemoryEnv env;
  env.set_variable("ALLIANCE_PATH", "/lab/defs");
  env.set_variable("HOME", "/home/ana");
  env.set_variable("XDG_DATA_DIRS", "/opt/share:relative/share:/usr/share/");
  env.set_executable_path("/opt/alliance-2/bin/alliance");
  EXPECT_EQ(searched({"/mine", "here"}, env),
            (std::vector<std::string>{
                "--path /mine",
                "--path here",
                "ALLIANCE_PATH /lab/defs",
                "XDG_DATA_HOME /home/ana/.local/share/alliance/questionnaires",
                "XDG_DATA_DIRS /opt/share/alliance/questionnaires",
                // relative/share: ignored, as the XDG specification says
                "XDG_DATA_DIRS /usr/share/alliance/questionnaires",
                "installed /opt/alliance-2/share/alliance/questionnaires",
            }));
  // XDG_DATA_HOME, when set and not empty, replaces ~/.local/share; empty is unset.
  env.set_variable("XDG_DATA_HOME", "/data/ana");
  EXPECT_EQ(searched({}, env).at(1), "XDG_DATA_HOME /data/ana/alliance/questionnaires");
  env.set_variable("XDG_DATA_HOME", "");
  EXPECT_EQ(searched({}, env).at(1), "XDG_DATA_HOME /home/ana/.local/share/alliance/questionnaires");
}

TEST(CatalogSearch, ADirectoryIsSearchedOnceWhereItFirstComes) {
  MemoryEnv env;
  env.unset_variable("HOME");
  env.set_variable("ALLIANCE_PATH", "/usr/share/alliance/questionnaires");
  env.set_executable_path("/usr/bin/alliance");  // the Debian package: beside it is /usr/share
  EXPECT_EQ(searched({}, env), (std::vector<std::string>{
                                   "ALLIANCE_PATH /usr/share/alliance/questionnaires",
                                   "XDG_DATA_DIRS /usr/local/share/alliance/questionnaires",
                               }));
  env.unset_variable("ALLIANCE_PATH");
  env.set_executable_path("/usr/local/bin/alliance");  // installed from source
  EXPECT_EQ(searched({}, env), (std::vector<std::string>{
                                   "XDG_DATA_DIRS /usr/local/share/alliance/questionnaires",
                                   "XDG_DATA_DIRS /usr/share/alliance/questionnaires",
                               }));
}

TEST(CatalogSearch, InstalledDefinitionsComeBeforeTheBundledOnesAndSayWhereTheyWereFound) {
  MemoryEnv env;
  env.set_executable_path("/opt/alliance/bin/alliance");
  env.set_variable("HOME", "/home/ana");
  // A lab-wide definition beside the program, a user's own, and a copy of a bundled one.
  std::string lab = bundled_definition_text("gtb-12.json");
  lab.replace(lab.find("\"id\": \"gtb-12\""), 14, "\"id\": \"lab-12\"");
  env.add_file("/opt/alliance/share/alliance/questionnaires/lab-12.json", lab);
  env.add_file("/opt/alliance/share/alliance/questionnaires/gtb-12.json", bundled_definition_text("gtb-12.json"));
  env.add_file("/home/ana/.local/share/alliance/questionnaires/srs.json", bundled_definition_text("srs.json"));
  const Catalog catalog(Catalog::search_directories({}, env), env);

  const LoadedQuestionnaire gtb = catalog.load("gtb-12");
  EXPECT_EQ(gtb.origin, "/opt/alliance/share/alliance/questionnaires/gtb-12.json");
  EXPECT_EQ(catalog.load("lab-12").questionnaire.id, "lab-12");
  EXPECT_EQ(catalog.load("srs").origin, "/home/ana/.local/share/alliance/questionnaires/srs.json");
  EXPECT_EQ(catalog.load("wai-sr").origin, "bundled:wai-sr.json");

  std::vector<std::string> listed;
  for (const CatalogEntry& e : catalog.entries())
    if (e.id == "gtb-12" || e.id == "srs" || e.id == "lab-12")
      listed.push_back(e.id + " " + to_string(e.via) + (e.shadowed ? " shadowed" : ""));
  EXPECT_EQ(listed, (std::vector<std::string>{"srs XDG_DATA_HOME", "gtb-12 installed", "lab-12 installed",
                                              "gtb-12 bundled shadowed", "srs bundled shadowed"}));
}

}  // namespace
}  // namespace alliance::io
