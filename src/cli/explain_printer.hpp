// The text of `alliance score --explain`.
#pragma once

#include <ostream>
#include <string>

#include "alliance/core/questionnaire.hpp"
#include "alliance/io/response_reader.hpp"

namespace alliance::cli {

// One response's working: each item answer -> keyed -> weighted contribution,
// then each subscale's and the total's rule, in `lang`.
void print_explanation(std::ostream& out, const core::Questionnaire& q, const io::ResponseRecord& record,
                       const std::string& lang);

}  // namespace alliance::cli
