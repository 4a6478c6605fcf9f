// SCALE=VALUE options: --fail-below alert thresholds on scored responses,
// --sd and --retest-r lists for trend.
#pragma once

#include <cstddef>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "alliance/core/error.hpp"
#include "alliance/core/questionnaire.hpp"
#include "alliance/core/scoring.hpp"
#include "alliance/io/response_reader.hpp"

namespace alliance::cli {

struct Threshold {
  std::optional<std::size_t> subscale;  // nullopt = the total
  double value = 0;
  std::string spec;  // as given
};

// One SCALE=VALUE spec of option `flag` ("--sd"); throws Error(usage) for a
// malformed spec or an unknown scale (with "did you mean").
Threshold parse_scale_value(const std::string& flag, const std::string& spec, const core::Questionnaire& q);

// Comma-separated SCALE=VALUE lists ("--sd goals=0.8,total=0.7", repeatable).
// A scale given twice, in one list or two, is a usage error.
std::vector<Threshold> parse_scale_list(const std::string& flag, const std::vector<std::string>& specs,
                                        const core::Questionnaire& q);

// --fail-below specs. Throws Error(usage) for a malformed spec, an unknown scale (with "did you mean"),
// a value outside the scale's possible scores or a scale given twice.
std::vector<Threshold> parse_thresholds(const std::vector<std::string>& specs, const core::Questionnaire& q);

// True when a scale of `sheet` is ok and below one of the thresholds (the
// alert, and the exit status 4, whatever its missing items could change).
// Each such finding is reported on `log`, in `lang`: with the range its
// missing items leave open and whether the decision is settled
// (core::cutoff_decision) when some are missing; and a score not below a
// threshold that its missing items could take below it is noted there too
// (not an alert: it does not make this return true).
bool below_any(const std::vector<Threshold>& thresholds, const core::Questionnaire& q,
               const io::ResponseRecord& record, const core::ScoreSheet& sheet, std::ostream& log,
               const std::string& lang);

// A usage error: catalogue message `id` with `args`, and a last argument
// that is text::Msg::did_you_mean of `close` in the user's language (""
// when there is nothing close).
Error did_you_mean_error(text::Msg id, std::vector<std::string> args,
                         const std::optional<std::string>& close);

}  // namespace alliance::cli
