// One questionnaire response: who answered what, when.
#pragma once

#include <optional>
#include <string>

#include "alliance/core/scoring.hpp"

namespace alliance::core {

struct Response {
  std::string questionnaire_id;       // "" when the input does not say
  std::string questionnaire_version;  // "" when the input does not say
  std::string respondent;
  std::string form;  // client / therapist / observer, "" when not said
  std::optional<int> session;
  std::string date;      // as given (ISO 8601 expected)
  std::string language;  // of administration
  Answers answers;       // indexed like Questionnaire::items
};

}  // namespace alliance::core
