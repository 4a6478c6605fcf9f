// Readers for every input format, on small files written by the test.
#include "alliance/io/response_reader.hpp"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>

#include "../common/temp_dir.hpp"
#include "../core/fixtures.hpp"
#include "alliance/core/error.hpp"
#include "alliance/text/message.hpp"

namespace alliance::io {
namespace {

using testing::mini_questionnaire;

class ReaderTest : public ::testing::Test {
 protected:
  std::string write(const std::string& name, const std::string& content) {
    const std::string path = alliance::testing::own_temp_dir() + "/" + name;
    std::ofstream(path, std::ios::binary) << content;
    return path;
  }

  std::vector<ResponseRecord> read_all(const std::string& path, ReaderOptions options = {}) {
    auto reader = open_response_reader(path, q_, options);
    std::vector<ResponseRecord> out;
    ResponseRecord record;
    while (reader->next(record)) out.push_back(record);
    warnings_.clear();
    for (const std::string& w : reader->warnings()) warnings_.push_back(text::shown("en", w));  // as printed
    return out;
  }

  core::Questionnaire q_ = mini_questionnaire();
  std::vector<std::string> warnings_;
};

using Answers = core::Answers;
const std::optional<double> kNone;

TEST_F(ReaderTest, CsvWithQuotesCrlfBomAndMissingMarkers) {
  const std::string path = write("a.csv",
                                 "\xEF\xBB\xBFrespondent,session,a1,a2,a3,b1,b2,b3,note\r\n"
                                 "\"P, 1\",2,1,2,3,4,5,1,\r\n"
                                 "\"say \"\"hi\"\"\",,NA,.,,5, 4 ,3,\"a note\r\non two lines\"\r\n"
                                 "P3,1,1,1,1,1,1,1,\r\n");
  const auto records = read_all(path);
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[0].response.respondent, "P, 1");
  EXPECT_EQ(records[0].response.session, 2);
  EXPECT_EQ(records[0].response.answers, (Answers{1, 2, 3, 4, 5, 1}));
  EXPECT_EQ(records[0].location, path + ":2");
  EXPECT_EQ(records[0].lines, 1);
  EXPECT_EQ(records[1].response.respondent, "say \"hi\"");
  EXPECT_FALSE(records[1].response.session.has_value());
  EXPECT_EQ(records[1].response.answers, (Answers{kNone, kNone, kNone, 5, 4, 3}));
  EXPECT_TRUE(records[1].valid());
  EXPECT_EQ(records[1].location, path + ":3");
  EXPECT_EQ(records[1].lines, 2);
  EXPECT_EQ(records[2].location, path + ":5");
  EXPECT_TRUE(records[2].valid());
}

TEST_F(ReaderTest, BadCellsMakeOnlyTheirRowInvalid) {
  const std::string path = write("b.csv",
                                 "id,a1,a2,a3,b1,b2,b3\n"
                                 "r1,1,2,3,4,5,1\n"
                                 "r2,9,2,x,4,5\n"
                                 "r3,2,2,2,2,2,2\n");
  const auto records = read_all(path);
  ASSERT_EQ(records.size(), 3u);
  EXPECT_TRUE(records[0].valid());
  EXPECT_EQ(records[1].problems,
            (std::vector<std::string>{path + ":3: expected 7 fields as in the header, got 6",
                                      path + ":3: item a1 = 9 is outside the scale 1..5",
                                      path + ":3: item a3 = \"x\" is not a number"}));
  EXPECT_TRUE(records[2].valid());
  EXPECT_EQ(records[2].response.respondent, "r3");
}

TEST_F(ReaderTest, CsvColumnsByPatternMapAndDetection) {
  const std::string detected =
      write("c.csv", "ResponseId,Q_a1,i_a2,q1,ia1,ia2,ia3,ib1,ib2,ib3\nx,1,1,1,2,3,4,5,1,2\n");
  const auto records = read_all(detected);
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].response.respondent, "x");
  EXPECT_EQ(records[0].response.answers, (Answers{2, 3, 4, 5, 1, 2}));
  EXPECT_TRUE(warnings_.empty());

  // A pattern given names only some items: each missing one is a warning.
  ReaderOptions given;
  given.mapping.pattern = "i{id}";
  const std::string partial = write("c2.csv", "ResponseId,ia1,ia2,ia3,ib1,ib2\nx,2,3,4,5,1\n");
  const auto some = read_all(partial, given);
  ASSERT_EQ(some.size(), 1u);
  EXPECT_EQ(some[0].response.answers, (Answers{2, 3, 4, 5, 1, kNone}));
  EXPECT_EQ(warnings_,
            (std::vector<std::string>{partial + ":1: no column for item b3: it is unanswered in every row"}));

  ReaderOptions options;
  options.mapping.pattern = "wai_{id}";
  options.mapping.columns = {{"Q7_1", "b3"}};
  options.mapping.skip_rows = 1;
  const std::string mapped =
      write("d.csv", "wai_a1,wai_a2,wai_a3,wai_b1,wai_b2,Q7_1\nlabels,,,,,\n1,1,1,1,1,2\n");
  const auto rows = read_all(mapped, options);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].response.answers, (Answers{1, 1, 1, 1, 1, 2}));
}

TEST_F(ReaderTest, CsvNamingNoItemIsAnError) {
  const std::string path = write("e.csv", "x,y\n1,2\n");
  try {
    read_all(path);
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ExitCode::invalid_input);
    EXPECT_EQ(std::string(e.what()),
              path +
                  ":1: no column holds an item of mini (item columns are named by '{id}'; use "
                  "--columns 'PATTERN' with {id}, or --map COLUMN=ITEM)");
  }
}

TEST_F(ReaderTest, TsvIsDetectedFromContent) {
  const std::string path = write("f.txt", "respondent\ta1\ta2\ta3\tb1\tb2\tb3\nP\t1\t1\t1\t1\t1\t1\n");
  const auto records = read_all(path);
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].response.answers, (Answers{1, 1, 1, 1, 1, 1}));
}

TEST_F(ReaderTest, NdjsonOneResponsePerLine) {
  const std::string path = write("g.ndjson",
                                 "{\"respondent\":\"P1\",\"session\":3,\"answers\":{\"a1\":4,\"b3\":null}}\n"
                                 "\n"
                                 "{\"id\":\"P2\",\"responses\":{\"a1\":6}}\n"
                                 "{\"respondent\":\"P3\",\"answer\":{}}\n"
                                 "not json\n");
  const auto records = read_all(path);
  ASSERT_EQ(records.size(), 4u);
  EXPECT_EQ(records[0].response.respondent, "P1");
  EXPECT_EQ(records[0].response.session, 3);
  EXPECT_EQ(records[0].response.answers, (Answers{4, kNone, kNone, kNone, kNone, kNone}));
  EXPECT_EQ(records[1].response.respondent, "P2");
  EXPECT_EQ(records[1].problems,
            (std::vector<std::string>{path + ":3: item a1 = 6 is outside the scale 1..5"}));
  EXPECT_EQ(records[2].problems,
            (std::vector<std::string>{path + ":4: /answer: unknown key \"answer\", did you mean 'answers'?",
                                      path + ":4: : missing \"answers\" (an object of answers by item id)"}));
  EXPECT_EQ(records[3].location, path + ":5");
  EXPECT_FALSE(records[3].valid());
}

TEST_F(ReaderTest, JsonDocumentAndArray) {
  const std::string one = write("h.json",
                                "{\"format\": \"alliance-response/1\",\n"
                                " \"questionnaire\": {\"id\": \"mini\", \"version\": \"1.0.0\"},\n"
                                " \"respondent\": \"P1\", \"form\": \"client\", \"date\": \"2026-11-24\",\n"
                                " \"answers\": {\"a1\": 5, \"zz\": 1}}\n");
  const auto records = read_all(one);
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].response.date, "2026-11-24");
  EXPECT_EQ(records[0].problems,
            (std::vector<std::string>{one + ":1: /answers/zz: unknown item \"zz\" in mini"}));
  const std::string many =
      write("i.json",
            "[\n {\"respondent\": \"A\", \"answers\": {}},\n"
            " {\"respondent\": \"B\", \"questionnaire\": \"wai-sr\", \"answers\": {}}\n]\n");
  const auto list = read_all(many);
  ASSERT_EQ(list.size(), 2u);
  EXPECT_TRUE(list[0].valid());
  EXPECT_EQ(
      list[1].problems,
      (std::vector<std::string>{many + ":3: this response is for questionnaire \"wai-sr\", not \"mini\""}));
}

TEST_F(ReaderTest, MetadataAndQuestionnaireObjectAreChecked) {
  const std::string path =
      write("meta.ndjson",
            "{\"questionnaire\":{\"id\":\"mini\",\"vresion\":\"1\"},\"answers\":{}}\n"
            "{\"questionnaire\":{\"version\":\"1.0.0\"},\"answers\":{}}\n"
            "{\"status\":\"done\",\"notes\":7,\"started_at\":true,\"answers\":{}}\n"
            "{\"questionnaire\":{\"id\":\"mini\",\"x-site\":1},\"status\":\"in_progress\","
            "\"notes\":\"ok\",\"completed_at\":null,\"answers\":{}}\n");
  const auto records = read_all(path);
  ASSERT_EQ(records.size(), 4u);
  EXPECT_EQ(records[0].problems, (std::vector<std::string>{path + ":1: /questionnaire/vresion: unknown key "
                                                                  "\"vresion\", did you mean 'version'?"}));
  EXPECT_EQ(records[1].problems,
            (std::vector<std::string>{path + ":2: /questionnaire: missing \"id\" (the questionnaire this "
                                             "response answers)"}));
  EXPECT_EQ(records[2].problems,
            (std::vector<std::string>{
                path + ":3: /started_at: expected a string, got true",
                path + ":3: /notes: expected a string, got number 7",
                path + ":3: /status: expected \"complete\" or \"in_progress\", got string \"done\""}));
  EXPECT_TRUE(records[3].valid());
}

TEST_F(ReaderTest, LongRecordsCrossBufferBoundaries) {
  std::string content = "respondent,a1,a2,a3,b1,b2,b3\n";
  for (int i = 0; i < 150000; ++i)
    content += "\"P" + std::to_string(i) + "\",1,2,3,4,5," + std::to_string(i % 5 + 1) + "\n";
  const std::string path = write("big.csv", content);
  const auto records = read_all(path);
  ASSERT_EQ(records.size(), 150000u);
  EXPECT_EQ(records[149999].response.respondent, "P149999");
  EXPECT_EQ(records[149999].response.answers[5], 149999 % 5 + 1);
  EXPECT_EQ(records[149999].location, path + ":150001");
}

// A record longer than the 1 MiB read buffer makes it grow, keeping the
// bytes read so far; the rows around it are unaffected.
TEST_F(ReaderTest, ARecordLongerThanTheBufferIsReadWhole) {
  const std::string long_id(3 * 1024 * 1024 + 17, 'x');
  const std::string path = write("long.csv",
                                 "respondent,a1,a2,a3,b1,b2,b3\n"
                                 "P1,1,2,3,4,5,1\n" +
                                     long_id + ",5,4,3,2,1,2\n" + "P3,2,2,2,2,2,3\n");
  const auto records = read_all(path);
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[1].response.respondent, long_id);
  EXPECT_EQ(records[1].response.answers, (Answers{5, 4, 3, 2, 1, 2}));
  EXPECT_EQ(records[2].response.respondent, "P3");
  EXPECT_EQ(records[2].location, path + ":4");
}

}  // namespace
}  // namespace alliance::io
