// Internal to io: the keys the definition reader accepts in each kind of
// object (besides the user's own "x-…" keys). tests/io/definition_keys_test.cpp
// compares each list with the properties of the same object in
// docs/definition.schema.json, so the reader and the schema cannot drift apart.
#pragma once

#include <string>
#include <vector>

namespace alliance::io::definition_keys {

// A definition ("extends" is listed so a typo of it gets a "did you mean";
// a document that has it is read as an overlay).
inline const std::vector<std::string> kDefinition = {
    "$schema",      "format", "id",    "version",   "family", "form",  "languages", "title",  "description",
    "instructions", "source", "scale", "subscales", "items",  "total", "examples",  "extends"};
inline const std::vector<std::string> kSource = {"citation", "licence", "validated", "url", "notes"};
inline const std::vector<std::string> kScale = {"type", "min", "max", "precision", "labels", "scores"};
inline const std::vector<std::string> kMissing = {"max_missing", "min_answered", "rounding"};
inline const std::vector<std::string> kSubscale = {"id",      "title", "method", "missing",
                                                   "prorate", "bands", "norms"};
inline const std::vector<std::string> kItem = {"id", "subscale", "reverse", "weight", "text"};
inline const std::vector<std::string> kTotal = {
    "title", "method", "of", "missing", "requires_all_subscales", "prorate", "bands", "norms"};
inline const std::vector<std::string> kBands = {"citation", "ranges"};
inline const std::vector<std::string> kRange = {"min",           "max",   "min_inclusive",
                                                "max_inclusive", "label", "concern"};
inline const std::vector<std::string> kNorm = {"population", "mean", "sd", "n", "reliability", "citation"};
inline const std::vector<std::string> kExample = {"name", "answers", "expect"};

// An overlay (a document with "extends"): text, local norms.
inline const std::vector<std::string> kOverlay = {"$schema",   "format",      "extends",      "languages",
                                                  "title",     "description", "instructions", "scale",
                                                  "subscales", "total",       "items"};
inline const std::vector<std::string> kOverlayScale = {"labels"};
inline const std::vector<std::string> kOverlaySubscale = {"id", "title", "norms"};
inline const std::vector<std::string> kOverlayTotal = {"title", "norms"};
inline const std::vector<std::string> kOverlayItem = {"id", "text"};

// Each list with the name of the same object under "$defs" in the schema.
struct ObjectKind {
  const char* schema_def;
  const std::vector<std::string>* keys;
};
inline const std::vector<ObjectKind> kAll = {
    {"definition", &kDefinition},
    {"source", &kSource},
    {"scale", &kScale},
    {"missing", &kMissing},
    {"subscale", &kSubscale},
    {"item", &kItem},
    {"total", &kTotal},
    {"bands", &kBands},
    {"range", &kRange},
    {"norm", &kNorm},
    {"example", &kExample},
    {"overlay", &kOverlay},
    {"overlay_scale", &kOverlayScale},
    {"overlay_subscale", &kOverlaySubscale},
    {"overlay_total", &kOverlayTotal},
    {"overlay_item", &kOverlayItem},
};

}  // namespace alliance::io::definition_keys
