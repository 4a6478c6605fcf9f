// The record model written as .sav and .dta (OutputFormat::sav, dta), read
// back with ReadStat's parser, the library alliance reads these files with:
// names, variable labels, numbers, system-missing values, text, and the
// provenance as file label and notes. Expected values written by hand.
#include <gtest/gtest.h>
#include <readstat.h>

#include <cmath>
#include <cstdio>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "../common/temp_dir.hpp"
#include "alliance/io/catalog.hpp"
#include "alliance/io/records.hpp"
#include "alliance/io/response_reader.hpp"
#include "alliance/text/messages.hpp"
#include "io/stat_reasons.hpp"

namespace alliance::io {
namespace {

struct StatReadBack {
  std::string file_label;
  std::vector<std::string> notes;
  std::vector<std::string> names, labels;
  std::vector<bool> numeric;
  std::map<std::pair<int, int>, std::string> text;  // (row, variable)
  std::map<std::pair<int, int>, double> number;     // NaN: system-missing
  long rows = 0;
};

StatReadBack stat_read_back(const std::string& path, bool dta) {
  StatReadBack out;
  readstat_parser_t* parser = readstat_parser_init();
  readstat_set_metadata_handler(parser, [](readstat_metadata_t* m, void* c) {
    auto& r = *static_cast<StatReadBack*>(c);
    const char* label = readstat_get_file_label(m);
    r.file_label = label ? label : "";
    r.rows = readstat_get_row_count(m);
    return 0;
  });
  readstat_set_note_handler(parser, [](int, const char* note, void* c) {
    static_cast<StatReadBack*>(c)->notes.emplace_back(note);
    return 0;
  });
  readstat_set_variable_handler(parser, [](int, readstat_variable_t* v, const char*, void* c) {
    auto& r = *static_cast<StatReadBack*>(c);
    r.names.emplace_back(readstat_variable_get_name(v));
    const char* label = readstat_variable_get_label(v);
    r.labels.emplace_back(label ? label : "");
    r.numeric.push_back(readstat_variable_get_type_class(v) == READSTAT_TYPE_CLASS_NUMERIC);
    return 0;
  });
  readstat_set_value_handler(parser, [](int row, readstat_variable_t* v, readstat_value_t value, void* c) {
    auto& r = *static_cast<StatReadBack*>(c);
    const std::pair<int, int> at{row, readstat_variable_get_index(v)};
    if (readstat_variable_get_type_class(v) == READSTAT_TYPE_CLASS_STRING) {
      const char* s = readstat_string_value(value);
      r.text[at] = s ? s : "";
    } else {
      r.number[at] = readstat_value_is_system_missing(value) ? std::nan("") : readstat_double_value(value);
    }
    return 0;
  });
  const readstat_error_t error =
      dta ? readstat_parse_dta(parser, path.c_str(), &out) : readstat_parse_sav(parser, path.c_str(), &out);
  readstat_parser_free(parser);
  EXPECT_EQ(error, READSTAT_OK) << readstat_error_message(error);
  return out;
}

Field stat_titled(std::string name, FieldType type, std::string title) {
  Field f = field(std::move(name), type);
  f.title = std::move(title);
  return f;
}

void stat_write_table(OutputFormat format, const std::string& path, const std::string& long_text) {
  Table table;
  table.name = "responses";
  table.fields = {stat_titled("respondent", FieldType::text, "Répondant"),
                  stat_titled("session", FieldType::integer, "Numéro de séance"),
                  stat_titled("goals", FieldType::number, "Objectifs"),
                  stat_titled("in", FieldType::boolean, ""),
                  field("problems", FieldType::list),
                  stat_titled("goals-2", FieldType::text, "")};
  const Provenance provenance{"gtb-12", "1.0.0", "fnv1a64:0553c8033adc40f3", "0.1.0"};
  std::FILE* out = std::fopen(path.c_str(), "wb");
  ASSERT_NE(out, nullptr);
  auto writer = make_record_writer(format, provenance, RecordOptions{}, out);
  writer->begin(table);
  const std::vector<std::string> problems = {"a.csv:3: item 1 = 9 is outside the scale 1..5", "second"};
  const std::vector<std::string> none;
  writer->write({Value::text("Zoé"), Value::integer(3LL), Value::number(4.25), Value::boolean(true),
                 Value::list(none), Value::text(long_text)});
  writer->write({Value::text("P02"), Value::missing(), Value::number(std::nullopt), Value::boolean(false),
                 Value::list(problems), Value::missing()});
  writer->end();
  writer->finish();
  ASSERT_EQ(std::fclose(out), 0);
}

class StatFileWriterTest : public ::testing::TestWithParam<OutputFormat> {};

TEST_P(StatFileWriterTest, VariablesLabelsNumbersMissingTextAndProvenance) {
  const bool dta = GetParam() == OutputFormat::dta;
  const std::string path =
      alliance::testing::own_temp_dir() + (dta ? "/writer-test.dta" : "/writer-test.sav");
  // Longer than Stata's str2045: a strL in .dta, a very long string in .sav.
  const std::string long_text(3000, 'x');
  stat_write_table(GetParam(), path, long_text);
  const StatReadBack r = stat_read_back(path, dta);

  EXPECT_EQ(r.rows, 2);
  EXPECT_EQ(r.names,
            (std::vector<std::string>{"respondent", "session", "goals", "in_", "problems", "goals_2"}));
  EXPECT_EQ(r.labels, (std::vector<std::string>{"Répondant", "Numéro de séance", "Objectifs", "", "", ""}));
  EXPECT_EQ(r.numeric, (std::vector<bool>{false, true, true, true, false, false}));
  EXPECT_EQ(r.file_label, "alliance 0.1.0: gtb-12 1.0.0");
  const std::vector<std::string> notes = {"questionnaire: gtb-12", "questionnaire_version: 1.0.0",
                                          "definition_hash: fnv1a64:0553c8033adc40f3",
                                          "alliance_version: 0.1.0"};
  EXPECT_EQ(r.notes, notes);

  EXPECT_EQ(r.text.at({0, 0}), "Zoé");
  EXPECT_EQ(r.number.at({0, 1}), 3);
  EXPECT_EQ(r.number.at({0, 2}), 4.25);
  EXPECT_EQ(r.number.at({0, 3}), 1);
  EXPECT_EQ(r.text.at({0, 4}), "");
  EXPECT_EQ(r.text.at({0, 5}), long_text);
  EXPECT_EQ(r.text.at({1, 0}), "P02");
  EXPECT_TRUE(std::isnan(r.number.at({1, 1})));  // system-missing
  EXPECT_TRUE(std::isnan(r.number.at({1, 2})));
  EXPECT_EQ(r.number.at({1, 3}), 0);
  EXPECT_EQ(r.text.at({1, 4}), "a.csv:3: item 1 = 9 is outside the scale 1..5;second");
  EXPECT_EQ(r.text.at({1, 5}), "");
}

INSTANTIATE_TEST_SUITE_P(Formats, StatFileWriterTest,
                         ::testing::Values(OutputFormat::sav, OutputFormat::dta));

// A table of answers written by alliance's writer and read back by its
// reader: the same numbers, the missing ones missing, the identifiers.
TEST_P(StatFileWriterTest, AnswersWrittenAreReadBackByTheReader) {
  const bool dta = GetParam() == OutputFormat::dta;
  const std::string path = alliance::testing::own_temp_dir() + (dta ? "/answers.dta" : "/answers.sav");
  Table table;
  table.fields = {field("respondent", FieldType::text), field("session", FieldType::integer)};
  for (int i = 1; i <= 12; ++i) table.fields.push_back(field("gtb_" + std::to_string(i), FieldType::number));
  const std::vector<std::vector<std::optional<double>>> answers = {
      {4, 4, 3, 5, 4, 3, 2, 2, 2, 4, 4, 3}, {1, std::nullopt, 1, 1, 1, 1, 1, 1, 1, 1, 1, std::nullopt}};
  std::FILE* out = std::fopen(path.c_str(), "wb");
  ASSERT_NE(out, nullptr);
  auto writer = make_record_writer(GetParam(), std::nullopt, RecordOptions{}, out);
  writer->begin(table);
  const char* ids[] = {"P01", "Zoé"};
  for (std::size_t row = 0; row < answers.size(); ++row) {
    Record record = {Value::text(ids[row]), row == 0 ? Value::integer(7LL) : Value::missing()};
    for (const std::optional<double>& a : answers[row]) record.push_back(Value::number(a));
    writer->write(record);
  }
  writer->end();
  writer->finish();
  ASSERT_EQ(std::fclose(out), 0);

  static const Catalog catalog({});
  const core::Questionnaire q = catalog.load("gtb-12").questionnaire;
  auto reader = open_response_reader(path, q, ReaderOptions{});
  ResponseRecord record;
  for (std::size_t row = 0; row < answers.size(); ++row) {
    ASSERT_TRUE(reader->next(record)) << row;
    EXPECT_TRUE(record.valid()) << record.problems.front();
    EXPECT_EQ(record.location, path + ":" + std::to_string(row + 1));
    EXPECT_EQ(record.response.respondent, ids[row]);
    EXPECT_EQ(record.response.session, row == 0 ? std::optional<int>(7) : std::nullopt);
    EXPECT_EQ(record.response.answers, answers[row]);
  }
  EXPECT_FALSE(reader->next(record));
}

TEST(StatFileFormats, ParsedByName) {
  EXPECT_EQ(parse_output_format("sav"), OutputFormat::sav);
  EXPECT_EQ(parse_output_format("dta"), OutputFormat::dta);
}

// ReadStat's reasons, the reader's and the writer's: every error ReadStat
// numbers has a catalogue entry whose English is ReadStat's own words (so
// English messages are as they were), and a French text of its own.
TEST(StatReasons, EveryReadStatErrorIsInTheCatalogueWithReadStatsEnglish) {
  for (int e = READSTAT_ERROR_OPEN; e <= READSTAT_ERROR_BAD_TIMESTAMP_VALUE; ++e) {
    const std::string english = readstat_error_message(static_cast<readstat_error_t>(e));
    SCOPED_TRACE(english);
    const std::optional<text::Msg> id = stat_reason_id(e);
    ASSERT_TRUE(id.has_value());
    EXPECT_EQ(text::text("en", *id), english);
    EXPECT_NE(text::text("fr", *id), english);
    EXPECT_EQ(text::shown("en", stat_reason_argument(e)), english);
  }
  EXPECT_EQ(text::shown("fr", stat_reason_argument(READSTAT_ERROR_BAD_TIMESTAMP_STRING)),
            "l’horodatage écrit dans le fichier est invalide");
  EXPECT_FALSE(stat_reason_id(READSTAT_OK).has_value());
  const int unnumbered = 60;  // within the enum's range (six bits), past its last error
  EXPECT_FALSE(stat_reason_id(unnumbered).has_value());
  EXPECT_EQ(stat_reason_argument(unnumbered),
            readstat_error_message(static_cast<readstat_error_t>(unnumbered)));
}

}  // namespace
}  // namespace alliance::io
