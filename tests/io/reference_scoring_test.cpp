// The reference set of tests/reference/scoring/: responses to every bundled
// questionnaire and two made-up keys, scored independently in R (psych::scoreFast for keyed sums,
// means and answered counts; plain R for the missing rules, prorating and
// totals — see make_reference.R and the README there). Each input is read
// through the real CSV reader and scored by the core; every subscale and total
// must agree with R: status, items answered and missing, and the score to 1e-9
// (R's NA = insufficient).
#include <gtest/gtest.h>

#include <cstdlib>
#include <string>

#include "../common/reference_table.hpp"
#include "alliance/core/scoring.hpp"
#include "alliance/io/catalog.hpp"
#include "alliance/io/response_reader.hpp"

namespace alliance::io {
namespace {

using testing::ReferenceTable;

const std::string kDir = std::string(ALLIANCE_SOURCE_DIR) + "/tests/reference/scoring/";

// Every questionnaire bundled with alliance has a reference file; the two
// made-up keys (ref-*.json, beside the files) use weights, option scores,
// rounding down and to nearest, a total of subscales and a total of items
// with its own missing rule.
const char* const kQuestionnaires[] = {"gtb-12", "gtb-12-t", "wai-sr",        "wai-s",    "wai",
                                       "wai-t",  "srs",      "ref-subscales", "ref-items"};

core::Questionnaire load(const std::string& id) {
  const bool made_up = id.starts_with("ref-");
  return Catalog({}).load(made_up ? kDir + id + ".json" : id).questionnaire;
}

struct Columns {
  std::size_t score, answered, missing, status;
};

Columns columns_of(const ReferenceTable& table, const std::string& scale) {
  return {table.column(scale), table.column(scale + "_answered"), table.column(scale + "_missing"),
          table.column(scale + "_status")};
}

void expect_scale(const std::vector<std::string>& row, const Columns& c, const core::ScaleScore& got) {
  EXPECT_EQ(core::to_string(got.status), row[c.status]);
  EXPECT_EQ(got.answered, std::stoi(row[c.answered]));
  EXPECT_EQ(got.missing, std::stoi(row[c.missing]));
  if (row[c.score] == "NA") {
    EXPECT_EQ(got.status, core::Status::insufficient);
    EXPECT_FALSE(got.value.has_value()) << *got.value;
  } else {
    ASSERT_TRUE(got.value.has_value());
    EXPECT_NEAR(*got.value, std::strtod(row[c.score].c_str(), nullptr), 1e-9);
  }
}

class ReferenceScoring : public ::testing::TestWithParam<const char*> {};

TEST_P(ReferenceScoring, EveryScoreAgreesWithR) {
  const std::string id = GetParam();
  const core::Questionnaire q = load(id);
  const ReferenceTable expected = testing::read_reference_table(kDir + id + "-expected.csv");

  // The expected file has exactly the scales of the definition, in its order.
  std::vector<std::string> header{"respondent"};
  std::vector<std::string> scales;
  for (const core::Subscale& s : q.subscales) scales.push_back(s.id);
  scales.push_back("total");
  for (const std::string& s : scales)
    header.insert(header.end(), {s, s + "_answered", s + "_missing", s + "_status"});
  ASSERT_EQ(expected.header, header);
  std::vector<Columns> cols;
  for (const std::string& s : scales) cols.push_back(columns_of(expected, s));

  auto reader = open_response_reader(kDir + id + "-input.csv", q, {});
  ResponseRecord record;
  core::ScoreSheet sheet;
  std::size_t n = 0;
  while (reader->next(record)) {
    ASSERT_LT(n, expected.rows.size());
    const std::vector<std::string>& row = expected.rows[n++];
    SCOPED_TRACE(record.location + " respondent " + row[0]);
    ASSERT_TRUE(record.valid()) << record.problems.front();
    ASSERT_EQ(record.response.respondent, row[0]);
    core::score_into(q, record.response.answers, sheet);
    for (std::size_t s = 0; s < q.subscales.size(); ++s) {
      SCOPED_TRACE(scales[s]);
      expect_scale(row, cols[s], sheet.subscales[s]);
    }
    SCOPED_TRACE("total");
    expect_scale(row, cols.back(), sheet.total);
  }
  EXPECT_TRUE(reader->warnings().empty());
  EXPECT_EQ(n, expected.rows.size());
}

// The same inputs scored in exact rational arithmetic by make_exact.py (Python's
// fractions, numbers read from the files' text) and rounded once: every score
// must be exactly that double, where R, adding doubles in turn, can be an ulp off.
TEST_P(ReferenceScoring, EveryScoreIsTheNearestDoubleToItsExactValue) {
  const std::string id = GetParam();
  const core::Questionnaire q = load(id);
  const ReferenceTable exact = testing::read_reference_table(kDir + id + "-exact.csv");
  std::vector<std::size_t> cols;
  for (const core::Subscale& s : q.subscales) cols.push_back(exact.column(s.id));
  cols.push_back(exact.column("total"));

  auto reader = open_response_reader(kDir + id + "-input.csv", q, {});
  const core::Scorer scorer(q);
  ASSERT_TRUE(scorer.exact());
  ResponseRecord record;
  core::ScoreSheet sheet;
  std::size_t n = 0;
  while (reader->next(record)) {
    ASSERT_LT(n, exact.rows.size());
    const std::vector<std::string>& row = exact.rows[n++];
    SCOPED_TRACE(record.location + " respondent " + row[0]);
    ASSERT_EQ(record.response.respondent, row[0]);
    scorer.score_into(record.response.answers, sheet);
    for (std::size_t s = 0; s < cols.size(); ++s) {
      const core::ScaleScore& got = s < q.subscales.size() ? sheet.subscales[s] : sheet.total;
      const std::string& want = row[cols[s]];
      if (want == "NA") {
        EXPECT_FALSE(got.value.has_value()) << exact.header[cols[s]];
      } else {
        ASSERT_TRUE(got.value.has_value()) << exact.header[cols[s]];
        EXPECT_EQ(*got.value, std::strtod(want.c_str(), nullptr)) << exact.header[cols[s]];
      }
    }
  }
  EXPECT_EQ(n, exact.rows.size());
}

// The reference set is only as good as what it covers: every subscale is seen
// complete, with as many items missing as its rule allows (ok), one more
// (insufficient) and none answered (insufficient); every total both ok with
// items missing (where its rule allows any) and insufficient.
TEST_P(ReferenceScoring, CoversEachMissingRuleOnBothSides) {
  const std::string id = GetParam();
  const core::Questionnaire q = load(id);
  const ReferenceTable expected = testing::read_reference_table(kDir + id + "-expected.csv");
  auto seen = [&](const std::string& scale, auto predicate) {
    const Columns c = columns_of(expected, scale);
    for (const auto& row : expected.rows)
      if (predicate(std::stoi(row[c.missing]), std::stoi(row[c.answered]), row[c.status])) return true;
    return false;
  };
  for (const core::Subscale& s : q.subscales) {
    SCOPED_TRACE(s.id);
    const int parts = static_cast<int>(s.items.size());
    const int allowed = parts - s.missing.required(parts);
    EXPECT_TRUE(seen(s.id, [](int m, int, const std::string& st) { return m == 0 && st == "ok"; }));
    EXPECT_TRUE(seen(s.id, [&](int m, int, const std::string& st) { return m == allowed && st == "ok"; }));
    EXPECT_TRUE(seen(
        s.id, [&](int m, int, const std::string& st) { return m == allowed + 1 && st == "insufficient"; }));
    EXPECT_TRUE(seen(s.id, [](int, int a, const std::string& st) { return a == 0 && st == "insufficient"; }));
  }
  const bool total_allows_missing = !q.total.missing.max_missing || *q.total.missing.max_missing > 0;
  if (total_allows_missing) {
    EXPECT_TRUE(seen("total", [](int m, int, const std::string& st) { return m > 0 && st == "ok"; }));
  }
  EXPECT_TRUE(seen("total", [](int, int, const std::string& st) { return st == "insufficient"; }));
}

std::string test_name(const ::testing::TestParamInfo<const char*>& param) {
  std::string name = param.param;
  for (char& c : name)
    if (c == '-') c = '_';
  return name;
}

INSTANTIATE_TEST_SUITE_P(Bundled, ReferenceScoring, ::testing::ValuesIn(kQuestionnaires), test_name);

}  // namespace
}  // namespace alliance::io
