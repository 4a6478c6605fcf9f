// The reading pipeline (alliance/io/response_pipeline.hpp), in process: on one
// thread and on two, the same records in the same order, scored the same,
// across files and across the batches the reading thread hands over; and a
// visit that stops the reading early.
#include <gtest/gtest.h>

#include <fstream>
#include <string>
#include <vector>

#include "../common/temp_dir.hpp"
#include "alliance/io/catalog.hpp"
#include "alliance/io/response_pipeline.hpp"

namespace alliance::io {
namespace {

// A gtb-12 CSV of respondents R<first> to R<first + count - 1>: respondent n
// answers k = 1 + n % 5 to every item and 6 - k to the reversed items 7, 8
// and 12, so that each subscale's mean and the total are k.
std::string write_batch(const std::string& name, int first, int count) {
  const std::string path = alliance::testing::own_temp_dir() + "/" + name;
  std::ofstream out(path);
  out << "respondent";
  for (int item = 1; item <= 12; ++item) out << ',' << item;
  out << '\n';
  for (int n = first; n < first + count; ++n) {
    const int k = 1 + n % 5;
    out << 'R' << n;
    for (int item = 1; item <= 12; ++item) out << ',' << (item == 7 || item == 8 || item == 12 ? 6 - k : k);
    out << '\n';
  }
  return path;
}

class ResponsePipeline : public ::testing::TestWithParam<bool> {
 protected:
  ResponsePipeline() {
    // 700 + 600 rows: more than two batches of 512, and a file boundary inside one.
    request_.files = {write_batch("pipeline-a.csv", 0, 700), write_batch("pipeline-b.csv", 700, 600)};
    request_.two_threads = GetParam();
  }
  core::Questionnaire q_ = Catalog({}).load("gtb-12").questionnaire;
  ReadRequest request_;
};

TEST_P(ResponsePipeline, EveryRecordOfEveryFileInOrder) {
  std::vector<std::string> seen;
  EXPECT_TRUE(for_each_response(q_, request_, [&](const ResponseRecord& record) {
    EXPECT_TRUE(record.valid()) << record.location;
    seen.push_back(record.response.respondent);
    return true;
  }));
  ASSERT_EQ(seen.size(), 1300u);
  for (int n = 0; n < 1300; ++n) EXPECT_EQ(seen[static_cast<std::size_t>(n)], "R" + std::to_string(n));
}

TEST_P(ResponsePipeline, EachRecordWithItsOwnScores) {
  int n = 0;
  EXPECT_TRUE(for_each_scored_response(q_, request_,
                                       [&](const ResponseRecord& record, const core::ScoreSheet& sheet) {
                                         const double k = 1 + n % 5;
                                         EXPECT_EQ(record.response.respondent, "R" + std::to_string(n));
                                         EXPECT_EQ(sheet.total.value, k) << record.location;
                                         for (const core::ScaleScore& subscale : sheet.subscales)
                                           EXPECT_EQ(subscale.value, k) << record.location;
                                         ++n;
                                         return true;
                                       }));
  EXPECT_EQ(n, 1300);
}

TEST_P(ResponsePipeline, StopsWhenTheVisitSaysSo) {
  int visited = 0;
  EXPECT_FALSE(for_each_response(q_, request_, [&](const ResponseRecord&) { return ++visited < 600; }));
  EXPECT_EQ(visited, 600);
}

INSTANTIATE_TEST_SUITE_P(Threads, ResponsePipeline, ::testing::Values(false, true),
                         [](const ::testing::TestParamInfo<bool>& tested) {
                           return tested.param ? "Two" : "One";
                         });

}  // namespace
}  // namespace alliance::io
