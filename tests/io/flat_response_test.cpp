// The NDJSON fast path: which lines it takes, and that it declines everything
// else (the full JSON reader then reads the line, with its exact messages).
#include "io/flat_response.hpp"

#include <gtest/gtest.h>

#include "alliance/io/catalog.hpp"
#include "io/answer_parsing.hpp"

namespace alliance::io {
namespace {

class FlatResponse : public ::testing::Test {
 protected:
  bool read(const std::string& line) {
    reset_record(q_, record_);
    return read_flat_response(q_, items_, line, record_);
  }
  const core::Questionnaire q_ = Catalog({}).load("wai-sr").questionnaire;
  const ItemIndex items_{q_};
  ResponseRecord record_;
};

TEST_F(FlatResponse, TakesTheCommonShape) {
  ASSERT_TRUE(read(R"({"id":"R1","responses":{"1":5,"2":4,"12":1}})"));
  EXPECT_EQ(record_.response.respondent, "R1");
  EXPECT_EQ(record_.response.answers[0], 5.0);
  EXPECT_EQ(record_.response.answers[1], 4.0);
  EXPECT_FALSE(record_.response.answers[2]);
  EXPECT_EQ(record_.response.answers[11], 1.0);
  EXPECT_TRUE(record_.valid());

  // Spaces, CR, null answers, session, text members.
  ASSERT_TRUE(
      read(" { \"respondent\": \"P 9\", \"session\": 12, \"form\": \"client\", "
           "\"date\": \"2026-01-02\", \"language\": \"fr\", \"questionnaire\": \"wai-sr\", "
           "\"answers\": {\"3\": null, \"4\": 2.0} }\r"));
  EXPECT_EQ(record_.response.respondent, "P 9");
  EXPECT_EQ(record_.response.session, 12);
  EXPECT_EQ(record_.response.form, "client");
  EXPECT_EQ(record_.response.date, "2026-01-02");
  EXPECT_EQ(record_.response.language, "fr");
  EXPECT_FALSE(record_.response.answers[2]);
  EXPECT_EQ(record_.response.answers[3], 2.0);
  EXPECT_TRUE(record_.valid());

  // Items out of definition order are found (the index, past the hint).
  ASSERT_TRUE(read(R"({"id":"o","responses":{"12":2,"1":3,"7":4}})"));
  EXPECT_EQ(record_.response.answers[11], 2.0);
  EXPECT_EQ(record_.response.answers[0], 3.0);
  EXPECT_EQ(record_.response.answers[6], 4.0);

  ASSERT_TRUE(read(R"({"id":42,"responses":{}})"));
  EXPECT_EQ(record_.response.respondent, "42");

  // Another questionnaire named: taken, with the same problem the full reader records.
  ASSERT_TRUE(read(R"({"questionnaire":"srs","id":"x","responses":{"1":1}})"));
  ASSERT_EQ(record_.problems.size(), 1u);
}

TEST_F(FlatResponse, DeclinesEverythingElse) {
  const char* lines[] = {
      R"({"id":"caf\u00e9","responses":{"1":1}})",         // escape
      "{\"id\":\"caf\xC3\xA9\",\"responses\":{\"1\":1}}",  // non-ASCII (UTF-8 is checked by the full reader)
      R"({"id":"a","responses":{"1":5e0}})",               // exponent
      R"({"id":"a","responses":{"1":1e400}})",             // out of range
      R"({"id":"a","responses":{"1":01}})",                // not JSON
      R"({"id":"a","responses":{"1":6}})",                 // off the scale
      R"({"id":"a","responses":{"1":1.5}})",               // not a scale point
      R"({"id":"a","responses":{"13":1}})",                // unknown item
      R"({"id":"a","responses":{"1":1,"1":2}})",           // repeated item
      R"({"id":"a","responses":{"1":null,"1":2}})",        // repeated item, first null (found by fuzzing)
      R"({"id":"a","responses":{"1":null,"1":null}})",     // repeated null
      R"({"id":"a","responses":{"1":null,"2":null,"3":null,"4":null,"5":null,"6":null,"7":null,"8":null,"9":null}})",
      R"({"id":"a","id":"b","responses":{}})",        // repeated key
      R"({"id":"a","x-note":1,"responses":{}})",      // extension key
      R"({"id":"a","colour":1,"responses":{}})",      // unknown key
      R"({"id":"a","answers":{},"responses":{}})",    // both answer keys
      R"({"id":"a","respondent":"a","answers":{}})",  // both respondent keys
      R"({"id":"a"})",                                // no answers
      R"({})",
      R"({"id":"a","responses":{"1":"5"}})",  // a string answer
      R"({"id":-1,"responses":{}})",          // a negative id
      R"({"date":20260102,"responses":{}})",  // a number for a date
      R"({"session":"2","responses":{}})",
      R"({"session":99999999999,"responses":{}})",
      R"({"questionnaire":{"id":"wai-sr"},"responses":{}})",
      R"({"id":"a","responses":{"1":1}} x)",  // trailing text
      R"({"id":"a","responses":{"1":1},})",   // trailing comma
      R"({"id":"a","responses":{"1":1})",     // unclosed
      R"([{"id":"a","responses":{}}])",
  };
  for (const char* line : lines) EXPECT_FALSE(read(line)) << line;
}

}  // namespace
}  // namespace alliance::io
