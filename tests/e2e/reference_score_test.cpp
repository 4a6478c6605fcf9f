// alliance score end to end on the R reference set (tests/reference/scoring/,
// made by make_reference.R with psych): `--format csv` output, parsed by
// column name, must give every expected score, count and status (to 1e-9;
// R's NA = insufficient, which the CSV also writes as NA).
#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <string>

#include "../common/reference_table.hpp"
#include "process.hpp"

namespace alliance::testing {
namespace {

// The whole cell as a number; NaN for anything else ("", "NA", "4x").
double number(const std::string& cell) {
  char* end = nullptr;
  const double value = std::strtod(cell.c_str(), &end);
  return !cell.empty() && end == cell.c_str() + cell.size() ? value : std::nan("");
}

TEST(ReferenceScore, CsvOutputAgreesWithR) {
  for (const std::string id :
       {"gtb-12", "gtb-12-t", "wai-sr", "wai-s", "wai", "wai-t", "srs", "ref-subscales", "ref-items"}) {
    SCOPED_TRACE(id);
    const std::string dir = "tests/reference/scoring/";
    // The made-up keys (weights, option scores, totals of subscales) by path.
    const std::string questionnaire = id.starts_with("ref-") ? dir + id + ".json" : id;
    const alliance::testing::Run run = run_alliance(
        {"score", questionnaire, dir + id + "-input.csv", "--format", "csv"}, {.cwd = source_path("")});
    ASSERT_EQ(run.status, 0) << run.err;  // insufficient responses are results, not errors
    EXPECT_EQ(run.err, "");
    const ReferenceTable got = parse_reference_table(run.out);
    const ReferenceTable expected = read_reference_table(source_path(dir + id + "-expected.csv"));
    ASSERT_EQ(got.rows.size(), expected.rows.size());
    for (std::size_t r = 0; r < expected.rows.size(); ++r) {
      const auto& want = expected.rows[r];
      const auto& have = got.rows[r];
      SCOPED_TRACE(want[0]);
      EXPECT_EQ(have[got.column("source")], dir + id + "-input.csv:" + std::to_string(r + 2));
      for (std::size_t c = 0; c < expected.header.size(); ++c) {
        const std::string& name = expected.header[c];
        const std::string& cell = have[got.column(name)];
        const bool numeric_score =
            name.find('_') == std::string::npos && name != "respondent" && want[c] != "NA";
        if (numeric_score) {
          EXPECT_NEAR(number(cell), number(want[c]), 1e-9) << name << " = " << cell;
        } else {
          EXPECT_EQ(cell, want[c]) << name;
        }
      }
    }
  }
}

}  // namespace
}  // namespace alliance::testing
