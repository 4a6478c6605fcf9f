// Internal to io: what each column of a CSV/TSV header holds — an item, an
// identifier (respondent, session…) or nothing alliance reads — from the
// names and the options (--columns, --map, --id-column, --session-column).
// No silent guesses: an option naming no column, item columns that no one
// pattern names completely or that two patterns name, are errors; an
// identifier column that could not be told is a warning.
// docs/response-format.md ("CSV and TSV") states the rules.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "alliance/core/questionnaire.hpp"
#include "alliance/io/response_reader.hpp"

namespace alliance::io {

enum class Role { ignored, item, respondent, session, form, date, language, questionnaire, version };

struct Column {
  Role role = Role::ignored;
  std::size_t item = 0;  // Role::item: the item's index in the questionnaire
};

struct HeaderMapping {
  std::vector<Column> columns;        // one per header field
  std::vector<std::string> warnings;  // located, for ResponseReader::warnings
};

// Maps `header` (the names as read) for `q`. `where` locates the header in
// messages ("batch.csv:1"). Throws Error(usage) when an option names a
// column the header does not have (with "did you mean") or an item `q` does
// not have; Error(invalid_input) when no column holds an item, when item
// columns are to be detected and no pattern names every item (or two do),
// or when two columns hold one item.
HeaderMapping map_header(const core::Questionnaire& q, const std::vector<std::string>& header,
                         const ColumnMapping& mapping, const std::string& where);

}  // namespace alliance::io
