// Internal to io: the records of `alliance score` in the record model
// (alliance/io/records.hpp): the wide and long layouts, described once, and
// the values of a row. The JSON writers render them; the CSV/TSV writer
// spells the same rows out (score_output.cpp), and the tests check that both
// give the same bytes.
#pragma once

#include <string>
#include <vector>

#include "alliance/core/questionnaire.hpp"
#include "alliance/core/scoring.hpp"
#include "alliance/io/records.hpp"
#include "alliance/io/response_reader.hpp"

namespace alliance::io {

// What a column holds. The scale kinds (scale .. percentile) read the scale
// at Column::scale in the wide layout and the row's scale in the long one;
// provenance reads the provenance value at Column::scale.
enum class ScoreCell : unsigned char {
  respondent,
  session,
  form,
  date,
  language,
  response_status,
  scale,
  score,
  answered,
  missing,
  scale_status,
  possible_low,
  possible_high,
  band,
  band_settled,
  z,
  t,
  percentile,
  problems,
  source,
  provenance
};

struct ScoreColumn {
  std::string name;
  ScoreCell cell;
  std::size_t scale = 0;
};

struct ScoreLayout {
  std::vector<core::ScaleRef> scales;
  Table table;  // "responses" (wide) or "scores" (long)
  // The CSV/TSV columns: the table's fields, then the four provenance columns.
  std::vector<ScoreColumn> columns;
};

// The wide layout (one row per response) or the long one (one row per
// response and scale), as docs/output-format.md lists them.
ScoreLayout score_layout(const core::Questionnaire& questionnaire, bool long_format);

// "ok", "insufficient" (a subscale or the total without a score) or "invalid".
const char* response_status(const ResponseRecord& record, const core::ScoreSheet& sheet);

// The sheet's score of scale `index` of core::scale_list.
inline const core::ScaleScore& scale_score(const core::ScoreSheet& sheet, std::size_t index) {
  return index < sheet.subscales.size() ? sheet.subscales[index] : sheet.total;
}

// The band label in `language`; "" when there is no score or no bands.
const std::string& band_label(const core::ScaleRef& scale, const core::ScaleScore& score,
                              const std::string& language);

// The values of the rows of one layout, one row at a time.
class ScoreRecords {
 public:
  ScoreRecords(const ScoreLayout& layout, bool long_format, std::string language)
      : layout_(layout), long_format_(long_format), language_(std::move(language)) {}
  // The values of a wide row, or of the long row of scale `row_scale`; valid
  // until the next call, and while `record` and `sheet` live.
  const Record& values(const ResponseRecord& record, const core::ScoreSheet& sheet, std::size_t row_scale);

 private:
  void put_scale(const core::ScaleRef& scale, const core::ScaleScore& score, bool valid, bool all_norms);

  const ScoreLayout& layout_;
  bool long_format_;
  std::string language_;
  Record values_;
};

}  // namespace alliance::io
