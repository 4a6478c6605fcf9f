// Internal to the core: the arithmetic shared by score() and explain(), so
// the working that --explain prints is the computation that was done.
#pragma once

#include "alliance/core/questionnaire.hpp"
#include "alliance/core/scoring.hpp"

namespace alliance::core::detail {

struct Accumulator {
  int parts = 0;
  int answered = 0;
  double sum = 0;              // of answered contributions
  double answered_weight = 0;  // of answered parts
  double total_weight = 0;     // of all parts

  void add_part(double weight) {
    ++parts;
    total_weight += weight;
  }
  void add_answer(double weight, double value) {
    ++answered;
    answered_weight += weight;
    sum += value;
  }
};

struct ScaleRule {
  Method method = Method::mean;
  const MissingRule* missing = nullptr;
  bool prorate = false;
};

// Applies the method and missing rule. Sets out.value/status/answered/missing;
// `prorate_factor` receives the factor applied to a prorated sum (1 otherwise).
void finish_scale(const ScaleRule& rule, const Accumulator& acc, ScaleScore& out, double& prorate_factor);

// Adds the band and norm-based values to an ok score.
void interpret(const std::optional<Bands>& bands, const std::vector<Norm>& norms, ScaleScore& out);

}  // namespace alliance::core::detail
