// Each case breaks one rule of a sound questionnaire and names the exact
// diagnostic the checker must give.
#include "alliance/core/check.hpp"

#include <gtest/gtest.h>

#include <functional>

#include "fixtures.hpp"

namespace alliance::core {
namespace {

using testing::mini_questionnaire;

std::vector<std::string> messages(const Questionnaire& q) {
  std::vector<std::string> out;
  for (const Diagnostic& d : check_questionnaire(q)) out.push_back(format(d));
  return out;
}

TEST(Check, SoundQuestionnaireHasNoDiagnostics) {
  EXPECT_EQ(messages(mini_questionnaire()), std::vector<std::string>{});
}

struct Case {
  const char* name;
  std::function<void(Questionnaire&)> breakage;
  std::vector<std::string> expected;
};

TEST(Check, EachBrokenRuleIsReported) {
  const std::vector<Case> cases = {
      {"duplicate item id",
       [](Questionnaire& q) { q.items[4].id = "b1"; },
       {"/items/4/id: duplicate item id \"b1\""}},
      {"empty subscale",
       [](Questionnaire& q) {
         Subscale c;
         c.id = "c";
         c.title = {{"en", "C"}};
         q.subscales.push_back(c);
       },
       {"/subscales/2: subscale \"c\" has no items"}},
      // Regression (found by reading what fuzzing reaches): the point count of 1e300
      // points was taken as an int, undefined behaviour, to check labels against it.
      {"too many points",
       [](Questionnaire& q) {
         q.scale.max = 1e300;
         q.scale.labels["en"] = {"no", "yes"};
         q.scale.scores = {1, 2};
       },
       {"/scale: expected at most 101 points",
        "/items: the weights and the scale allow sums too large to compute exactly (beyond 2^53 units of "
        "their smallest decimal place): use smaller weights, scores or fewer decimal places"}},
      {"label count",
       [](Questionnaire& q) {
         q.scale.labels["en"] = {"no", "yes"};
       },
       {"/scale/labels/en: expected 5 labels (one per point, min..max), got 2"}},
      {"missing language",
       [](Questionnaire& q) {
         q.languages = {"en", "fr"};
         q.title["fr"] = "Mini";
         q.total.title["fr"] = "Total";
         for (Subscale& s : q.subscales) s.title["fr"] = s.id;
         for (std::size_t i = 0; i < q.items.size(); ++i)
           if (i != 2) q.items[i].text["fr"] = "x";
       },
       {"/items/2/text: missing the 'fr' text"}},
      {"text in a language not offered",
       [](Questionnaire& q) { q.items[0].text["de"] = "x"; },
       {"/items/0/text/de: language 'de' is not in /languages"}},
      {"bad id",
       [](Questionnaire& q) { q.id = "Mini Q"; },
       {"/id: expected a lower-case id of letters, digits and '-', got \"Mini Q\""}},
      {"prorated mean",
       [](Questionnaire& q) { q.subscales[0].prorate = true; },
       {"/subscales/0/prorate: prorating applies to sums only"}},
      {"too many allowed missing",
       [](Questionnaire& q) { q.subscales[0].missing.max_missing = 4; },
       {"/subscales/0/missing/max_missing: expected 0..3, got 4"}},
      {"weight", [](Questionnaire& q) { q.items[3].weight = 0; }, {"/items/3/weight: expected a weight > 0"}},
      {"overlapping bands",
       [](Questionnaire& q) {
         Bands b;
         b.citation = "x";
         b.ranges = {Band{std::nullopt, 3, true, true, {{"en", "low"}}, false},
                     Band{3, std::nullopt, true, false, {{"en", "high"}}, false}};
         q.subscales[0].bands = b;
       },
       {"/subscales/0/bands/ranges/1/min: ranges overlap at 3 (list ranges in increasing order)"}},
      {"bands with a gap",
       [](Questionnaire& q) {
         Bands b;
         b.citation = "x";
         b.ranges = {Band{std::nullopt, 3, true, false, {{"en", "low"}}, false},
                     Band{3.5, std::nullopt, true, false, {{"en", "high"}}, false}};
         q.total.bands = b;
       },
       {"/total/bands/ranges/1/min: the ranges leave a gap between 3 and 3.5"}},
      {"bands not reaching the top",
       [](Questionnaire& q) {
         Bands b;
         b.citation = "x";
         b.ranges = {Band{1, 5, true, false, {{"en", "all"}}, false}};
         q.subscales[0].bands = b;
       },
       {"/subscales/0/bands/ranges/0/max: the ranges leave a gap: scores up to 5 are in no range"}},
      {"norm sd",
       [](Questionnaire& q) {
         q.total.norms = {Norm{"p", 3, 0, 10, std::nullopt, "c"}};
       },
       {"/total/norms/0/sd: expected an SD > 0"}},
      {"example disagrees",
       [](Questionnaire& q) {
         // a = (4 + 4 + 4)/3 = 4, not 3.5.
         q.examples = {Example{"x", {{"a1", 4}, {"a2", 2}, {"a3", 4}}, {{"a", 3.5}, {"b", std::nullopt}}}};
       },
       {"/examples/0/expect/a: expected 3.5 but the scorer gives 4"}},
      {"example expects a score for an insufficient subscale",
       [](Questionnaire& q) {
         q.examples = {Example{"x", {{"a1", 4}}, {{"a", 4}}}};
       },
       {"/examples/0/expect/a: expected 4 but the scorer gives insufficient"}},
      {"option scores of the wrong count (the examples are not scored: scores[4] does not exist)",
       [](Questionnaire& q) {
         q.scale.scores = {0, 1};
         q.examples = {Example{"x", {{"a1", 5}}, {{"a", 1}}}};
       },
       {"/scale/scores: expected 5 scores (one per point), got 2"}},
      {"option scores on a continuous scale",
       [](Questionnaire& q) {
         q.scale.kind = ScaleKind::continuous;
         q.scale.precision = 1;
         q.scale.labels.clear();
         q.scale.scores = {0, 1, 2, 3, 4};
         q.examples = {Example{"x", {{"a1", 5}}, {{"a", 1}}}};
       },
       {"/scale/scores: option scores apply to integer scales only"}},
      {"subscale id that is a column of the scores",
       [](Questionnaire& q) { q.subscales[1].id = "status"; },
       {"/subscales/1/id: \"status\" is the name of a column of the scores: it cannot name a subscale"}},
      {"subscale id that is another subscale's column",
       [](Questionnaire& q) { q.subscales[1].id = "a_answered"; },
       {"/subscales/1/id: \"a_answered\" is the name of a column of subscale \"a\" in the scores: it cannot "
        "name another subscale"}},
      {"example answer off the scale",
       [](Questionnaire& q) {
         q.examples = {Example{"x", {{"a1", 9}, {"zz", 1}}, {}}};
       },
       {"/examples/0/answers/a1: answer 9 is outside the scale 1..5",
        "/examples/0/answers/zz: unknown item \"zz\""}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    Questionnaire q = mini_questionnaire();
    c.breakage(q);
    EXPECT_EQ(messages(q), c.expected);
  }
}

}  // namespace
}  // namespace alliance::core
