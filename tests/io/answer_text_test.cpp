// Answers written as text (io/answer_text.hpp): labels in every language of
// the definition, matched without case, accents or extra spaces; --recode
// codes; LimeSurvey's numbered codes; decimal commas; and, through the CSV
// reader, the located message of a cell that matches nothing, delimiter
// sniffing, --where, and a Windows-1252 file found as such. Every expected
// value is written by hand from the fixture's scale.
#include <gtest/gtest.h>

#include "../core/fixtures.hpp"
#include "alliance/core/error.hpp"
#include "alliance/io/answer_text.hpp"
#include "alliance/io/byte_source.hpp"
#include "alliance/io/response_reader.hpp"

namespace alliance::io {
namespace {

using Kind = AnswerText::Result::Kind;

// mini's 1..5 scale, labelled in English and French (accents on purpose).
core::Questionnaire labelled_mini() {
  core::Questionnaire q = testing::mini_questionnaire();
  q.scale.labels["en"] = {"Never", "Rarely", "Sometimes", "Very often", "Always"};
  q.scale.labels["fr"] = {"Jamais", "Rarement", "Parfois", "Très souvent", "Toujours"};
  return q;
}

double answer_value_of(const AnswerText& text, std::string_view cell) {
  const AnswerText::Result r = text.read(cell);
  EXPECT_EQ(r.kind, Kind::number) << cell;
  return r.value;
}

TEST(AnswerText, FoldIgnoresCaseAccentsAndSpaces) {
  EXPECT_EQ(fold_answer_text("  Très   SOUVENT "), "tres souvent");
  EXPECT_EQ(fold_answer_text("TRÈS SOUVENT"), "tres souvent");
  EXPECT_EQ(fold_answer_text("Tre\xCC\x80s souvent"), "tres souvent");  // è as e + combining grave
  EXPECT_EQ(fold_answer_text("Often\t"), "often");
  EXPECT_EQ(fold_answer_text(""), "");
}

TEST(AnswerText, LabelsInEveryLanguageAreTheirPoints) {
  const core::Questionnaire q_text = labelled_mini();
  const AnswerText text(q_text, {});
  EXPECT_TRUE(text.has_words());
  EXPECT_EQ(answer_value_of(text, "Never"), 1);
  EXPECT_EQ(answer_value_of(text, "rarely"), 2);
  EXPECT_EQ(answer_value_of(text, "PARFOIS"), 3);
  EXPECT_EQ(answer_value_of(text, "tres souvent"), 4);
  EXPECT_EQ(answer_value_of(text, "Très  souvent"), 4);
  EXPECT_EQ(answer_value_of(text, "Toujours"), 5);
  EXPECT_EQ(answer_value_of(text, "3"), 3);  // numbers still read
  EXPECT_EQ(text.read("NA").kind, Kind::missing);
  EXPECT_EQ(text.read("").kind, Kind::missing);
}

TEST(AnswerText, ANearMissSuggestsTheLabelAsWritten) {
  const core::Questionnaire q_text = labelled_mini();
  const AnswerText text(q_text, {});
  const AnswerText::Result r = text.read("Rarley");
  EXPECT_EQ(r.kind, Kind::unmatched);
  EXPECT_EQ(r.suggestion, "Rarely");
  const AnswerText::Result far = text.read("Banana");
  EXPECT_EQ(far.kind, Kind::unmatched);
  EXPECT_EQ(far.suggestion, "");
  EXPECT_EQ(
      text.words(),
      "Never, Rarely, Sometimes, Very often, Always; Jamais, Rarement, Parfois, Très souvent, Toujours");
}

TEST(AnswerText, RecodeNamesCodesAndMissingAnswers) {
  AnswerTextOptions options;
  options.recode = parse_recode("A1=1, A2=2,\"Don't know\"=NA,Refused=");
  ASSERT_EQ(options.recode.size(), 4u);
  EXPECT_EQ(options.recode[2].first, "Don't know");
  const core::Questionnaire q_text = testing::mini_questionnaire();
  const AnswerText text(q_text, options);  // a key-only scale: no labels
  EXPECT_EQ(answer_value_of(text, "A1"), 1);
  EXPECT_EQ(answer_value_of(text, "a2"), 2);
  EXPECT_EQ(text.read("don't KNOW").kind, Kind::missing);
  EXPECT_EQ(text.read("Refused").kind, Kind::missing);
  EXPECT_EQ(text.read("A3").kind, Kind::unmatched);
  EXPECT_EQ(text.words(), "A1, A2, Don't know, Refused");
  EXPECT_FALSE(text.recodes_numbers());
}

TEST(AnswerText, RecodingNumbersWinsOverTheNumber) {
  AnswerTextOptions options;
  options.recode = parse_recode("1=5,5=1");  // a tool that coded the scale the other way round
  const core::Questionnaire q_text = testing::mini_questionnaire();
  const AnswerText text(q_text, options);
  EXPECT_TRUE(text.recodes_numbers());
  EXPECT_EQ(answer_value_of(text, "1"), 5);
  EXPECT_EQ(answer_value_of(text, "5"), 1);
  EXPECT_EQ(answer_value_of(text, "3"), 3);
}

TEST(AnswerText, RecodeErrorsNameThePair) {
  const auto message = [](const std::string& recode) {
    try {
      AnswerTextOptions options;
      options.recode = parse_recode(recode);
      const core::Questionnaire q_text = testing::mini_questionnaire();
      AnswerText text(q_text, options);
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ExitCode::usage);
      return std::string(e.what());
    }
    return std::string("no error");
  };
  EXPECT_EQ(message("A1=1,A2"),
            "--recode: 'A2' is not CODE=VALUE (e.g. --recode 'A1=1,A2=2'; quote a code holding a comma: "
            "'\"1, never\"=1')");
  EXPECT_EQ(
      message("A1=one"),
      "--recode A1=one: the value must be a number (a point of the scale), or NA or nothing for a missing "
      "answer");
  EXPECT_EQ(
      message("Often=4,OFTEN=3"),
      "--recode: 'Often' and 'OFTEN' are one code once case and accents are ignored, with different values");
}

TEST(AnswerText, NumberedCodesAreTheScalePointsInOrder) {
  AnswerTextOptions options;
  options.numbered_codes = "A";
  const core::Questionnaire q_text = testing::mini_questionnaire();
  const AnswerText text(q_text, options);
  EXPECT_EQ(answer_value_of(text, "A1"), 1);
  EXPECT_EQ(answer_value_of(text, "a5"), 5);
  EXPECT_EQ(text.read("A6").kind, Kind::unmatched);  // a code the scale has not
  EXPECT_EQ(text.read("A0").kind, Kind::unmatched);
  EXPECT_EQ(text.read("AB").kind, Kind::unmatched);
  EXPECT_EQ(text.words(), "A1…A5");
}

TEST(AnswerText, DecimalComma) {
  AnswerTextOptions options;
  options.decimal_comma = true;
  const core::Questionnaire q_text = testing::srs_like_questionnaire();
  const AnswerText text(q_text, options);
  EXPECT_EQ(answer_value_of(text, "7,5"), 7.5);
  EXPECT_EQ(answer_value_of(text, "7.5"), 7.5);
  EXPECT_EQ(text.read("7,5,1").kind, Kind::unmatched);
  const core::Questionnaire q_plain = testing::srs_like_questionnaire();
  const AnswerText plain(q_plain, {});
  EXPECT_EQ(plain.read("7,5").kind, Kind::unmatched);
}

// ---- Through the CSV reader ------------------------------------------------

std::vector<ResponseRecord> read_labelled_csv(const core::Questionnaire& q, const std::string& name,
                                              const std::string& bytes, const ReaderOptions& options = {},
                                              std::vector<std::string>* warnings = nullptr) {
  auto reader = open_response_reader(
      std::make_unique<ByteSource>(ByteSource::InMemory{}, name, bytes, options.encoding), q, options);
  if (warnings) *warnings = reader->warnings();
  std::vector<ResponseRecord> out;
  ResponseRecord record;
  while (reader->next(record)) out.push_back(record);
  return out;
}

TEST(AnswerTextCsv, LabelsAreReadAndAnUnmatchedOneIsLocated) {
  const std::string csv =
      "id,a1,a2,a3,b1,b2,b3\n"
      "r1,Never,rarely,PARFOIS,Très souvent,toujours,3\n"
      "r2,Never,Rarley,3,3,3,3\n";
  const auto records = read_labelled_csv(labelled_mini(), "labels.csv", csv);
  ASSERT_EQ(records.size(), 2u);
  EXPECT_TRUE(records[0].valid());
  EXPECT_EQ(records[0].response.answers[0], 1);
  EXPECT_EQ(records[0].response.answers[2], 3);
  EXPECT_EQ(records[0].response.answers[3], 4);
  EXPECT_EQ(records[0].response.answers[4], 5);
  ASSERT_EQ(records[1].problems.size(), 1u);
  EXPECT_EQ(records[1].problems[0],
            "labels.csv:3: item a2 (column \"a2\") = \"Rarley\" is not an answer of the scale, did you mean "
            "\"Rarely\"? (expected a number from 1 to 5 or one of: Never, Rarely, Sometimes, Very often, "
            "Always; Jamais, Rarement, Parfois, Très souvent, Toujours)");
}

TEST(AnswerTextCsv, SemicolonsAreSniffedAndBringTheDecimalComma) {
  const std::string csv = "id;r;g;a;o\nx;7,5;8;6,2;10\n";
  const auto records = read_labelled_csv(testing::srs_like_questionnaire(), "fr.csv", csv);
  ASSERT_EQ(records.size(), 1u);
  EXPECT_TRUE(records[0].valid()) << records[0].problems[0];
  EXPECT_EQ(records[0].response.answers[0], 7.5);
  EXPECT_EQ(records[0].response.answers[2], 6.2);
  EXPECT_EQ(records[0].response.respondent, "x");
}

TEST(AnswerTextCsv, TheDelimiterGivenWins) {
  ReaderOptions options;
  options.delimiter = '|';
  const auto records =
      read_labelled_csv(testing::srs_like_questionnaire(), "p.csv", "id|r|g|a|o\nx|1|2|3|4\n", options);
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].response.answers[3], 4);
  // A comma inside a quoted header name does not make ',' the delimiter.
  const auto sniffed =
      read_labelled_csv(testing::srs_like_questionnaire(), "q.csv", "\"id, code\";r;g;a;o\nx;1;2;3;4\n");
  ASSERT_EQ(sniffed.size(), 1u);
  EXPECT_EQ(sniffed[0].response.answers[3], 4);
}

TEST(AnswerTextCsv, WhereKeepsTheRowsOfOneValue) {
  ReaderOptions options;
  options.mapping.where["event"] = {"week_4", "Week 8"};
  const std::string csv =
      "id,event,a1,a2,a3,b1,b2,b3\nr1,baseline,1,1,1,1,1,1\nr1,week_4,2,2,2,2,2,2\n"
      "r1,WEEK 8,3,3,3,3,3,3\n";
  const auto records = read_labelled_csv(testing::mini_questionnaire(), "w.csv", csv, options);
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].location, "w.csv:3");
  EXPECT_EQ(records[1].response.answers[0], 3);
  options.mapping.where.clear();
  options.mapping.where["evnt"] = {"x"};
  try {
    read_labelled_csv(testing::mini_questionnaire(), "w.csv", csv, options);
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ExitCode::usage);
    EXPECT_EQ(std::string(e.what()),
              "--where evnt=…: the header has no column \"evnt\", did you mean 'event'?");
  }
  options.mapping.where.clear();
  options.mapping.where["ev"] = {"x"};  // too short to guess by spelling: a column holding it
  try {
    read_labelled_csv(testing::mini_questionnaire(), "w.csv", csv, options);
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(std::string(e.what()), "--where ev=…: the header has no column \"ev\", did you mean 'event'?");
  }
}

TEST(AnswerTextCsv, UnansweredRowsAreSkippedWhenAsked) {
  ReaderOptions options;
  options.mapping.skip_unanswered_rows = true;
  const std::string csv = "id,a1,a2,a3,b1,b2,b3\nr1,,,,,,\nr2,1,,,,,\nr3,NA,,,,,\n";
  const auto records = read_labelled_csv(testing::mini_questionnaire(), "u.csv", csv, options);
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].response.respondent, "r2");
}

TEST(AnswerTextCsv, AutoEncodingReadsWindows1252AndSaysSo) {
  ReaderOptions options;
  options.encoding = TextEncoding::automatic;
  std::vector<std::string> warnings;
  const std::string csv = "id,a1,a2,a3,b1,b2,b3\nZo\xE9,1,2,3,4,5,1\n";
  const auto records = read_labelled_csv(testing::mini_questionnaire(), "w1252.csv", csv, options, &warnings);
  ASSERT_EQ(records.size(), 1u);
  EXPECT_TRUE(records[0].valid());
  EXPECT_EQ(records[0].response.respondent, "Zo\xC3\xA9");  // é in UTF-8
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_EQ(warnings[0],
            "w1252.csv: read as Windows-1252 (its first bytes are not UTF-8, as in a CSV saved by Excel on "
            "Windows); if that is wrong, name the encoding with --encoding");
  // UTF-8 with one bad byte stays UTF-8: the bad byte is reported where it is.
  const std::string mixed = "id,a1,a2,a3,b1,b2,b3\nZo\xC3\xA9,1,2,3,4,5,1\nZo\xE9,1,2,3,4,5,1\n";
  const auto utf8 = read_labelled_csv(testing::mini_questionnaire(), "mixed.csv", mixed, options, &warnings);
  ASSERT_EQ(utf8.size(), 2u);
  EXPECT_TRUE(utf8[0].valid());
  EXPECT_FALSE(utf8[1].valid());
  EXPECT_TRUE(warnings.empty());
}

}  // namespace
}  // namespace alliance::io
