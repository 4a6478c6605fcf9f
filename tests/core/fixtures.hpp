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

}  // namespace alliance::testing
