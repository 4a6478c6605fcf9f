// The reading pipeline (alliance/io/response_pipeline.hpp), in process: on one
// thread and on two, the same records in the same order, scored the same,
// across files and across the batches the reading thread hands over; and a
// visit that stops the reading early; files that cannot be read among others.
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

// A file that cannot be read among others (ReadRequest::on_unreadable): the
// records of the others in order, the handler told of each failed file in its
// place, after the records before it; its answer false stops the reading.
class UnreadableFiles : public ResponsePipeline {
 protected:
  UnreadableFiles() {
    const std::string dir = alliance::testing::own_temp_dir();
    std::ofstream(dir + "/pipeline-no-items.csv") << "x,y\n1,2\n";
    request_.files = {write_batch("pipeline-c.csv", 0, 700), dir + "/pipeline-missing.csv",
                      dir + "/pipeline-no-items.csv", write_batch("pipeline-d.csv", 700, 600)};
  }
  struct Met {
    std::string file;
    ExitCode code;
    std::size_t after;  // records visited before
  };
  std::vector<Met> met_;
  std::vector<std::string> seen_;
  void handle(bool go_on) {
    request_.on_unreadable = [this, go_on](const std::string& file, const Error& error) {
      met_.push_back({file, error.code(), seen_.size()});
      return go_on;
    };
  }
  bool read() {
    return for_each_scored_response(q_, request_, [&](const ResponseRecord& record, const core::ScoreSheet&) {
      seen_.push_back(record.response.respondent);
      return true;
    });
  }
};

TEST_P(UnreadableFiles, TheOtherFilesAreReadInOrder) {
  handle(true);
  EXPECT_TRUE(read());
  ASSERT_EQ(seen_.size(), 1300u);
  for (int n = 0; n < 1300; ++n) EXPECT_EQ(seen_[static_cast<std::size_t>(n)], "R" + std::to_string(n));
  ASSERT_EQ(met_.size(), 2u);
  EXPECT_EQ(met_[0].file, request_.files[1]);
  EXPECT_EQ(met_[0].code, ExitCode::io);
  EXPECT_EQ(met_[0].after, 700u);
  EXPECT_EQ(met_[1].file, request_.files[2]);
  EXPECT_EQ(met_[1].code, ExitCode::invalid_input);
  EXPECT_EQ(met_[1].after, 700u);
}

TEST_P(UnreadableFiles, TheHandlerStopsTheReading) {
  handle(false);
  EXPECT_FALSE(read());
  EXPECT_EQ(seen_.size(), 700u);
  ASSERT_EQ(met_.size(), 1u);
  EXPECT_EQ(met_[0].file, request_.files[1]);
}

TEST_P(UnreadableFiles, WithoutAHandlerTheErrorIsThrown) {
  try {
    read();
    ADD_FAILURE() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ExitCode::io);
  }
  EXPECT_EQ(seen_.size(), 700u);  // the records before the failure, then the error
}

TEST_P(UnreadableFiles, AUsageErrorIsThrownEvenWithAHandler) {
  handle(true);
  request_.reader.mapping.respondent_column = "pid";  // no file has it: the command line is wrong
  try {
    read();
    ADD_FAILURE() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ExitCode::usage);
  }
  EXPECT_TRUE(met_.empty());
}

TEST_P(UnreadableFiles, TalliesTheOtherFiles) {
  handle(true);
  struct Count final : PartTally {
    long n = 0;
    void add(const ResponseRecord&) override { ++n; }
    std::unique_ptr<PartTally> empty_copy() const override { return std::make_unique<Count>(); }
    void append(const PartTally& later) override { n += dynamic_cast<const Count&>(later).n; }
  } count;
  tally_responses(q_, request_, count);
  EXPECT_EQ(count.n, 1300);
  ASSERT_EQ(met_.size(), 2u);
  EXPECT_EQ(met_[0].file, request_.files[1]);
  EXPECT_EQ(met_[1].file, request_.files[2]);
}

INSTANTIATE_TEST_SUITE_P(Threads, UnreadableFiles, ::testing::Values(false, true),
                         [](const ::testing::TestParamInfo<bool>& tested) {
                           return tested.param ? "Two" : "One";
                         });

INSTANTIATE_TEST_SUITE_P(Threads, ResponsePipeline, ::testing::Values(false, true),
                         [](const ::testing::TestParamInfo<bool>& tested) {
                           return tested.param ? "Two" : "One";
                         });

}  // namespace
}  // namespace alliance::io
