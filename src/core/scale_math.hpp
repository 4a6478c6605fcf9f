// Internal to the core: the arithmetic shared by score() and explain(), so
// the working that --explain prints is the computation that was done.
//
// Exact decimals (docs/definition-format.md): every number is held as a whole
// number of decimal units in a double, which is exact below 2^53 — answers in
// units of 10^-a (a: the places of the scale's min, max and precision; 0 on an
// integer scale), item scores in 10^-s (s = a, or the places of the option
// scores), weights in 10^-b, contributions and sums in 10^-(b+s). make_key
// checks that no sum can pass 2^53, so additions and products are exact and
// each score is one division, correctly rounded. A key that is not exact
// holds the numbers as given with units of 1: the same code then computes in
// plain doubles, as before exact decimals.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "alliance/core/exact.hpp"
#include "alliance/core/questionnaire.hpp"
#include "alliance/core/scoring.hpp"

namespace alliance::core::detail {

// The nearest whole number, for values within 2^53 that are whole up to
// binary noise (an answer times its unit: 8.6 * 10).
inline double whole(double x) {
  return static_cast<double>(static_cast<std::int64_t>(x + (x < 0 ? -0.5 : 0.5)));
}

// z = (score - mean) / sd and t = 50 + 10 z as fractions of whole numbers:
// z = (n * mean_den * sd_den - d * mean_num * sd_den) / (d * mean_den * sd_num)
// for a score n / d, with the products below precomputed.
struct NormKey {
  double n_factor = 0;    // mean_den * sd_den
  double d_factor = 0;    // mean_num * sd_den
  double den_factor = 0;  // mean_den * sd_num
};

struct ExactKey {
  bool exact = false;
  bool places_ok = false;       // every definition number within kDefinitionPlaces places
  double answer_unit = 1;       // 10^a; 1 also when a is 0 (answers are then used as they are)
  bool scaled_answers = false;  // a > 0: answers are multiplied by answer_unit and rounded
  double min = 0;               // the scale's ends, in answer units
  double max = 0;
  std::vector<double> scores;                 // option scores in score units; empty: the keyed answer
  double score_unit = 1;                      // 10^s
  double weight_unit = 1;                     // 10^b
  double sum_unit = 1;                        // 10^(b+s)
  std::vector<double> weights;                // per item, in weight units
  std::vector<unsigned char> reverse;         // per item
  std::vector<int> required;                  // per subscale, then the total: fewest answered parts
  std::vector<std::optional<NormKey>> norms;  // per subscale, then the total: the first norm's, when exact
  // Per item: the answers that key lowest and highest (possible_low/high),
  // and their weighted contributions in sum units (weight x item_units), made
  // once so that a row with missing answers adds them without rescoring.
  std::vector<double> lowest_answer;
  std::vector<double> highest_answer;
  std::vector<double> lowest_units;
  std::vector<double> highest_units;
};

ExactKey make_key(const Questionnaire& questionnaire);

// The keyed answer in answer units (before option scores). `Scaled` is
// key.scaled_answers, a template argument so that the loop over the items of
// an integer scale tests nothing more than before exact decimals.
template <bool Scaled>
double keyed_units(const ExactKey& key, std::size_t item, double answer) {
  const double a = Scaled ? whole(answer * key.answer_unit) : answer;
  return key.reverse[item] ? key.min + key.max - a : a;
}

// The keyed, option-scored answer in score units.
template <bool Scaled>
double item_units(const ExactKey& key, std::size_t item, double answer) {
  const double keyed = keyed_units<Scaled>(key, item, answer);
  return key.scores.empty() ? keyed : key.scores[static_cast<std::size_t>(keyed - key.min)];
}

inline double item_units(const ExactKey& key, std::size_t item, double answer) {
  return key.scaled_answers ? item_units<true>(key, item, answer) : item_units<false>(key, item, answer);
}
inline double keyed_units(const ExactKey& key, std::size_t item, double answer) {
  return key.scaled_answers ? keyed_units<true>(key, item, answer) : keyed_units<false>(key, item, answer);
}

struct Accumulator {
  int parts = 0;
  int answered = 0;
  double sum = 0;              // of answered contributions, in sum units
  double answered_weight = 0;  // of answered parts, in weight units
  double total_weight = 0;     // of all parts, in weight units

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
  int required = 0;  // fewest answered parts
  bool prorate = false;
};

// Applies the method and missing rule to a scale of items. Sets
// out.value/exact/status/answered/missing; `prorate_factor` receives the
// factor applied to a prorated sum (1 otherwise).
void finish_scale(const ScaleRule& rule, const ExactKey& key, const Accumulator& acc, ScaleScore& out,
                  double& prorate_factor);

// The same for a total of subscales: `acc` adds the subscale scores (units of
// 1), `sum` their exact fractions (nullopt when one has none or they do not
// fit: the double sum is used then).
void finish_total_of_subscales(const ScaleRule& rule, const Accumulator& acc,
                               const std::optional<Fraction>& sum, ScaleScore& out, double& prorate_factor);

// The exact sum of the ok subscale scores of `sheet`, or nullopt.
std::optional<Fraction> subscale_sum(const ScoreSheet& sheet);

// Adds the band and norm-based values to an ok score.
void interpret(const std::optional<Bands>& bands, const std::vector<Norm>& norms,
               const std::optional<NormKey>& norm_key, ScaleScore& out);

}  // namespace alliance::core::detail
