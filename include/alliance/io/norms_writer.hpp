// The file `alliance norms` writes: a definition that extends the
// questionnaire with the local norms (docs/norms.md). Each subscale and the
// total whose norm could be computed carries one norm (mean, SD, n, the
// test-retest r when usable, a population and citation saying where it comes
// from) and an "x-norms" object with what trend and score do not read (alpha,
// the retest pairs and interval, percentiles); the document's "x-norms" holds
// the provenance. Pure: text out, no file written.
#pragma once

#include <string>
#include <vector>

#include "alliance/core/norms.hpp"
#include "alliance/core/questionnaire.hpp"

namespace alliance::io {

struct NormsSourceFile {
  std::string path;  // as given; "-" for standard input
  std::string hash;  // core::content_hash of its bytes; "" when it could not be read again
  // Why it could not be read (or not to its end), in English: its responses
  // (or those after the failure) are not in the norms. "" when it was read.
  std::string error;
};

struct NormsProvenance {
  std::string questionnaire_hash;  // the definition the norms were computed with
  std::string alliance_version;
  std::string created;  // UTC, ISO 8601
  std::vector<NormsSourceFile> files;
};

// The definition as JSON text (2-space indent, a final new line). REQUIRES:
// `report` computed for `questionnaire`; at least one scale writable.
std::string norms_definition(const core::Questionnaire& questionnaire, const core::NormsReport& report,
                             const NormsProvenance& provenance);

// Where scale `scale` (a core::scale_list index) of `questionnaire` keeps its
// first norm in that file: "/subscales/<k>/norms/0" or "/total/norms/0", <k>
// counting only the subscales written.
std::string norm_pointer(const core::Questionnaire& questionnaire, const core::NormsReport& report,
                         std::size_t scale);

}  // namespace alliance::io
