// The response document `alliance administer` writes (docs/response-format.md,
// "alliance-response/1"), and reading one back to continue it (--resume).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "alliance/core/questionnaire.hpp"
#include "alliance/core/response.hpp"

namespace alliance::io {

enum class ResponseStatus { in_progress, complete };

const char* to_string(ResponseStatus status);

struct ResponseDocument {
  core::Response response;  // answers indexed like Questionnaire::items
  ResponseStatus status = ResponseStatus::in_progress;
  std::string started_at;    // ISO 8601 UTC timestamps; "" = left out
  std::string updated_at;    // written while in progress
  std::string completed_at;  // written once complete
  // Which items were answered or deliberately skipped. In "answers", a
  // skipped item is written as null and an item not reached yet is left out,
  // so --resume knows where to continue. Empty = every item is settled.
  std::vector<bool> settled;
};

// The document as JSON text (keys in the documented order, two-space indent,
// a final newline). Whole-number answers are written as integers ("4", not "4.0").
// REQUIRES: doc.response.answers.size() == questionnaire.items.size(), and
// settled is empty or of the same size.
std::string response_to_json(const core::Questionnaire& questionnaire, const ResponseDocument& doc);

// Reads a response document (one object) for `questionnaire`, with the
// answers checked as `alliance score` checks them. A document with no
// "status" is complete. Throws Error(io) when the file cannot be read, and
// Error(invalid_input) with every located problem when it is not a valid
// response to this questionnaire.
// The file is read once, through `env`.
class Env;
ResponseDocument read_response_document(const core::Questionnaire& questionnaire,
                                        const std::filesystem::path& path, Env& env);
ResponseDocument read_response_document(const core::Questionnaire& questionnaire,
                                        const std::filesystem::path& path);

}  // namespace alliance::io
