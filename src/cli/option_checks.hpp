// CLI11 validators on option_values: a bad number is a usage error naming the
// option and what was expected ("--precision: 'abc' is not a whole number
// (expected a whole number, 0 to 17)"). Included only by files that already
// include CLI11.
#pragma once

#include <CLI/CLI.hpp>

#include <limits>

#include "option_values.hpp"

namespace alliance::cli {

// `max` defaults to the largest int: "MIN or more".
inline CLI::Validator whole_number(long long min, long long max = std::numeric_limits<int>::max()) {
  return CLI::Validator([min, max](std::string& value) { return whole_number_problem(value, min, max); },
                        whole_range_text(min, max));
}

inline CLI::Validator finite_number(double min = std::numeric_limits<double>::lowest(),
                                    double max = std::numeric_limits<double>::max(), bool above_min = false) {
  return CLI::Validator(
      [min, max, above_min](std::string& value) { return number_problem(value, min, max, above_min); },
      number_range_text(min, max, above_min).empty() ? "finite" : number_range_text(min, max, above_min));
}

}  // namespace alliance::cli
