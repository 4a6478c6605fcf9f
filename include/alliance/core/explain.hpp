// The working behind one response's scores, for `alliance score --explain`:
// every step as numbers, so the CLI can print it in either language.
#pragma once

#include <cstddef>
#include <optional>
#include <vector>

#include "alliance/core/questionnaire.hpp"
#include "alliance/core/scoring.hpp"

namespace alliance::core {

struct ItemWorking {
  std::size_t item = 0;
  std::optional<double> answer;
  double keyed = 0;         // after reverse keying
  double item_score = 0;    // after option scores
  double contribution = 0;  // after weight
};

struct ScaleWorking {
  int parts = 0;  // items, or subscales for a total of subscales
  int answered = 0;
  int required = 0;  // fewest answered parts the missing rule allows
  double sum = 0;    // of the answered contributions (or subscale scores)
  double answered_weight = 0;
  double total_weight = 0;
  double prorate_factor = 1;            // total_weight / answered_weight when prorated
  bool subscales_insufficient = false;  // a total blocked by requires_all_subscales
  ScaleScore result;
};

struct Explanation {
  std::vector<ItemWorking> items;
  std::vector<ScaleWorking> subscales;
  ScaleWorking total;
};

// REQUIRES: as for score().
Explanation explain(const Questionnaire& questionnaire, const Answers& answers);

}  // namespace alliance::core
