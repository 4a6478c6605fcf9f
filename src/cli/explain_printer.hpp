// The text of `alliance score --explain`.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "alliance/core/questionnaire.hpp"
#include "alliance/io/response_reader.hpp"
#include "thresholds.hpp"

namespace alliance::cli {

// One response's working: each item answer -> keyed -> weighted contribution,
// then each subscale's and the total's rule, in `lang`; under a scale that
// `thresholds` (--fail-below) names, its decision and whether the missing
// items could change it (core::cutoff_decision).
void print_explanation(std::ostream& out, const core::Questionnaire& q, const io::ResponseRecord& record,
                       const std::string& lang, const std::vector<Threshold>& thresholds = {});

}  // namespace alliance::cli
