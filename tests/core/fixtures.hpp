// Small questionnaires built in code for unit tests of the core.
#pragma once

#include "alliance/core/questionnaire.hpp"

namespace alliance::testing {

// Scale 1..5. Subscale "a": items a1, a2 (reversed), a3; mean; at most 1 missing.
// Subscale "b": items b1, b2, b3 (weight 2); prorated sum; at most 1 missing.
// Total: mean of items, insufficient when any subscale is.
inline core::Questionnaire mini_questionnaire() {
  core::Questionnaire q;
  q.id = "mini";
  q.version = "1.0.0";
  q.family = "mini";
  q.languages = {"en"};
  q.title = {{"en", "Mini"}};
  q.source.citation = "test fixture";
  q.scale.min = 1;
  q.scale.max = 5;
  core::Subscale a;
  a.id = "a";
  a.title = {{"en", "A"}};
  a.method = core::Method::mean;
  a.missing.max_missing = 1;
  core::Subscale b;
  b.id = "b";
  b.title = {{"en", "B"}};
  b.method = core::Method::sum;
  b.missing.max_missing = 1;
  b.prorate = true;
  q.subscales = {a, b};
  auto add = [&q](const char* id, std::size_t subscale, bool reverse, double weight) {
    core::Item item;
    item.id = id;
    item.subscale = subscale;
    item.reverse = reverse;
    item.weight = weight;
    item.text = {{"en", std::string("Item ") + id}};
    q.subscales[subscale].items.push_back(q.items.size());
    q.items.push_back(item);
  };
  add("a1", 0, false, 1);
  add("a2", 0, true, 1);
  add("a3", 0, false, 1);
  add("b1", 1, false, 1);
  add("b2", 1, false, 1);
  add("b3", 1, false, 2);
  q.total.title = {{"en", "Total"}};
  return q;
}

// Like the SRS: four 0.0-10.0 lines recorded to 0.1 (continuous), each its own
// sum subscale ("r", "g", "a", "o"); total = sum of the items, in the concern
// band below 36, "good" from 36 to 40 inclusive.
inline core::Questionnaire srs_like_questionnaire() {
  core::Questionnaire q;
  q.id = "srs-like";
  q.scale.kind = core::ScaleKind::continuous;
  q.scale.min = 0;
  q.scale.max = 10;
  q.scale.precision = 0.1;
  for (const char* id : {"r", "g", "a", "o"}) {
    core::Subscale s;
    s.id = id;
    s.method = core::Method::sum;
    s.items = {q.items.size()};
    core::Item item;
    item.id = id;
    item.subscale = q.subscales.size();
    q.subscales.push_back(s);
    q.items.push_back(item);
  }
  q.total.method = core::Method::sum;
  core::Band low;
  low.max = 36;
  low.concern = true;
  core::Band good;
  good.min = 36;
  good.max = 40;
  good.max_inclusive = true;
  q.total.bands = core::Bands{{low, good}, "test"};
  return q;
}

}  // namespace alliance::testing
