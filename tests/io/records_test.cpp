// The record model and its one writer per format (alliance/io/records.hpp):
// what each format makes of every type, of a missing value, of nested
// groups, of lists and of the provenance. Expected texts are written out by
// hand from docs/output-format.md.
#include "alliance/io/records.hpp"

#include <gtest/gtest.h>

#include <cstdio>
#include <functional>
#include <limits>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <vector>

#include "alliance/core/error.hpp"

namespace alliance::io {
namespace {

const Provenance kProvenance{"mini", "1.0.0", "fnv1a64:0123456789abcdef", "9.9.9"};

// One field of every type; `score` and `status` sit in the object scores.a.
Table every_type() {
  Table t;
  t.name = "rows";
  Field notes = field("notes", FieldType::records);
  Field code = field("code", FieldType::text);
  Field forms = field("forms", FieldType::list);
  forms.in_cell = false;
  Field size = field("size", FieldType::number);
  notes.fields = {code, forms, size};
  t.fields = {field("id", FieldType::text),
              field("n", FieldType::integer),
              field("a", FieldType::number, {"scores", "a"}, "score"),
              field("a_status", FieldType::text, {"scores", "a"}, "status"),
              field("ok", FieldType::boolean),
              field("flags", FieldType::list),
              notes};
  return t;
}

struct Data {
  std::vector<std::string> flags = {"rupture", "repair"};
  std::vector<std::string> forms = {"client"};
  std::vector<Record> notes;
  Data() {
    notes.push_back({Value::text("two_pairs"), Value::list(forms), Value::number(2.5)});
    notes.push_back({Value::text("x"), Value::list(forms), Value::missing()});
  }
};

Record full_record(const Data& d) {
  return {Value::text("P1"),    Value::integer(12),   Value::number(3.25),    Value::text("ok"),
          Value::boolean(true), Value::list(d.flags), Value::records(d.notes)};
}

Record missing_record() {
  static const std::vector<std::string> kNone;
  static const std::vector<Record> kNoNotes;
  return {Value::text(""),
          Value::integer(std::optional<long long>()),
          Value::number(std::nullopt),
          Value::missing(),
          Value::missing(),
          Value::list(kNone),
          Value::records(kNoNotes)};
}

std::string written(OutputFormat format, const std::optional<Provenance>& provenance,
                    const std::function<void(RecordWriter&)>& write, RecordOptions options = {}) {
  std::FILE* file = std::tmpfile();
  {
    const std::unique_ptr<RecordWriter> writer = make_record_writer(format, provenance, options, file);
    write(*writer);
  }
  std::rewind(file);
  std::string bytes;
  for (int c; (c = std::fgetc(file)) != EOF;) bytes.push_back(static_cast<char>(c));
  std::fclose(file);
  return bytes;
}

std::string one_table(OutputFormat format, const std::vector<Record>& records,
                      const std::optional<Provenance>& provenance = kProvenance, RecordOptions options = {}) {
  const Table table = every_type();
  return written(
      format, provenance,
      [&](RecordWriter& w) {
        w.begin(table);
        for (const Record& r : records) w.write(r);
        w.end();
        w.finish();
      },
      options);
}

TEST(RecordWriters, CsvWritesEachTypeAndTheProvenanceColumns) {
  const Data d;
  EXPECT_EQ(one_table(OutputFormat::csv, {full_record(d), missing_record()}),
            "id,n,a,a_status,ok,flags,notes,questionnaire,questionnaire_version,definition_hash,"
            "alliance_version\n"
            // records: each element's in_cell fields joined with ':', the elements with ';'
            "P1,12,3.25,ok,TRUE,rupture;repair,two_pairs:2.5;x:NA,mini,1.0.0,fnv1a64:0123456789abcdef,9.9.9\n"
            // missing is NA whatever the type; an empty list is an empty cell
            "NA,NA,NA,NA,NA,,,mini,1.0.0,fnv1a64:0123456789abcdef,9.9.9\n");
}

TEST(RecordWriters, TsvAndNoProvenance) {
  const Data d;
  EXPECT_EQ(one_table(OutputFormat::tsv, {full_record(d)}, std::nullopt),
            "id\tn\ta\ta_status\tok\tflags\tnotes\n"
            "P1\t12\t3.25\tok\tTRUE\trupture;repair\ttwo_pairs:2.5;x:NA\n");
}

TEST(RecordWriters, CsvCellsAreMadeSafe) {
  const Data d;
  Record r = full_record(d);
  r[0] = Value::text("=1+1");
  r[3] = Value::text("a,\"b\"");
  const std::string csv = one_table(OutputFormat::csv, {r}, std::nullopt);
  EXPECT_EQ(csv.substr(csv.find('\n') + 1),
            "'=1+1,12,3.25,\"a,\"\"b\"\"\",TRUE,rupture;repair,two_pairs:2.5;x:NA\n");
  // A list cell is made safe as a whole: -1 would start a formula.
  std::vector<std::string> negative = {"-1", "2"};
  r = full_record(d);
  r[5] = Value::list(negative);
  const std::string tsv = one_table(OutputFormat::tsv, {r}, std::nullopt);
  EXPECT_NE(tsv.find("\tTRUE\t'-1;2\t"), std::string::npos) << tsv;
}

TEST(RecordWriters, PrecisionAppliesToNumbersNotCounts) {
  const Data d;
  Record r = full_record(d);
  r[1] = Value::integer(100000);
  const std::string csv = one_table(OutputFormat::csv, {r}, std::nullopt, {3, "en"});
  EXPECT_EQ(csv.substr(csv.find('\n') + 1), "P1,100000,3.250,ok,TRUE,rupture;repair,two_pairs:2.500;x:NA\n");
  // An integer value in a number field is written as digits, never 1e+05.
  r[2] = Value::integer(100000);
  const std::string shortest = one_table(OutputFormat::csv, {r}, std::nullopt);
  EXPECT_NE(shortest.find(",100000,100000,ok,"), std::string::npos) << shortest;
}

TEST(RecordWriters, NdjsonNestsGroupsAndEndsWithTheProvenance) {
  const Data d;
  EXPECT_EQ(one_table(OutputFormat::ndjson, {full_record(d), missing_record()}),
            "{\"id\":\"P1\",\"n\":12,\"scores\":{\"a\":{\"score\":3.25,\"status\":\"ok\"}},\"ok\":true,"
            "\"flags\":[\"rupture\",\"repair\"],\"notes\":[{\"code\":\"two_pairs\",\"forms\":[\"client\"],"
            "\"size\":2.5},{\"code\":\"x\",\"forms\":[\"client\"],\"size\":null}],"
            "\"provenance\":{\"questionnaire\":\"mini\",\"questionnaire_version\":\"1.0.0\","
            "\"definition_hash\":\"fnv1a64:0123456789abcdef\",\"alliance_version\":\"9.9.9\"}}\n"
            "{\"id\":null,\"n\":null,\"scores\":{\"a\":{\"score\":null,\"status\":null}},\"ok\":null,"
            "\"flags\":[],\"notes\":[],"
            "\"provenance\":{\"questionnaire\":\"mini\",\"questionnaire_version\":\"1.0.0\","
            "\"definition_hash\":\"fnv1a64:0123456789abcdef\",\"alliance_version\":\"9.9.9\"}}\n");
}

// Groups open and close as consecutive fields enter and leave them.
TEST(RecordWriters, JsonGroupsOpenAndClose) {
  Table t;
  t.name = "t";
  t.fields = {field("x", FieldType::integer, {"g", "a"}), field("y", FieldType::integer, {"g", "b"}),
              field("z", FieldType::integer, {"h"}), field("w", FieldType::integer)};
  const std::string out = written(OutputFormat::ndjson, std::nullopt, [&](RecordWriter& w) {
    w.begin(t);
    w.write({Value::integer(1), Value::integer(2), Value::integer(3), Value::integer(4)});
    w.end();
    w.finish();
  });
  EXPECT_EQ(out, "{\"g\":{\"a\":{\"x\":1},\"b\":{\"y\":2}},\"h\":{\"z\":3},\"w\":4}\n");
}

TEST(RecordWriters, JsonDocumentHoldsTheProvenanceOnceThenEachTable) {
  const Data d;
  Table summary;
  summary.name = "summary";
  summary.fields = {field("responses", FieldType::integer)};
  summary.single = true;
  Table empty = every_type();
  empty.name = "none";
  const Table rows = every_type();
  const std::string out = written(OutputFormat::json, kProvenance, [&](RecordWriter& w) {
    w.begin(summary);
    w.write({Value::integer(2)});
    w.end();
    w.begin(rows);
    w.write(full_record(d));
    w.write(missing_record());
    w.end();
    w.begin(empty);
    w.end();
    w.finish();
  });
  EXPECT_EQ(out,
            "{\"provenance\":{\"questionnaire\":\"mini\",\"questionnaire_version\":\"1.0.0\","
            "\"definition_hash\":\"fnv1a64:0123456789abcdef\",\"alliance_version\":\"9.9.9\"},\n"
            "\"summary\":{\"responses\":2},\n"
            "\"rows\":[\n"
            "{\"id\":\"P1\",\"n\":12,\"scores\":{\"a\":{\"score\":3.25,\"status\":\"ok\"}},\"ok\":true,"
            "\"flags\":[\"rupture\",\"repair\"],\"notes\":[{\"code\":\"two_pairs\",\"forms\":[\"client\"],"
            "\"size\":2.5},{\"code\":\"x\",\"forms\":[\"client\"],\"size\":null}]},\n"
            "{\"id\":null,\"n\":null,\"scores\":{\"a\":{\"score\":null,\"status\":null}},\"ok\":null,"
            "\"flags\":[],\"notes\":[]}\n"
            "],\n"
            "\"none\":[]}\n");
  const auto doc = nlohmann::json::parse(out);  // and it is JSON
  EXPECT_EQ(doc["rows"][0]["scores"]["a"]["score"], 3.25);
}

TEST(RecordWriters, JsonDocumentWithoutProvenanceOrRecords) {
  Table single;
  single.name = "summary";
  single.fields = {field("n", FieldType::integer)};
  single.single = true;
  EXPECT_EQ(written(OutputFormat::json, std::nullopt,
                    [&](RecordWriter& w) {
                      w.begin(single);
                      w.end();
                      w.finish();
                    }),
            "{\"summary\":null}\n");
}

TEST(RecordWriters, TableForPeople) {
  const Data d;
  Table t = every_type();
  t.fields[0].title = "RÉPONDANT";
  const std::string out = written(OutputFormat::table, kProvenance,
                                  [&](RecordWriter& w) {
                                    w.begin(t);
                                    w.write(full_record(d));
                                    w.write(missing_record());
                                    w.end();
                                    w.begin(t);
                                    w.end();
                                    w.finish();
                                  },
                                  {-1, "fr"});
  // Headings: the title, else the name in capitals; numbers to 2 decimals;
  // lists joined with ", "; missing is –; no provenance.
  EXPECT_EQ(out,
            "RÉPONDANT  N   A     A_STATUS  OK   FLAGS            NOTES\n"
            "P1         12  3,25  ok        oui  rupture, repair  two_pairs:2.50, x:–\n"
            "–          –   –     –         –\n"
            "\n"
            "RÉPONDANT  N  A  A_STATUS  OK  FLAGS  NOTES\n");
}

TEST(RecordWriters, MisuseIsAProgrammingError) {
  const Data d;
  const Table t = every_type();
  for (const OutputFormat format : {OutputFormat::csv, OutputFormat::tsv, OutputFormat::ndjson})
    EXPECT_THROW(written(format, std::nullopt,
                         [&](RecordWriter& w) {
                           w.begin(t);
                           w.begin(t);
                         }),
                 std::logic_error);
  EXPECT_THROW(written(OutputFormat::csv, std::nullopt,
                       [&](RecordWriter& w) {
                         w.begin(t);
                         w.write({Value::text("short")});
                       }),
               std::logic_error);
}

TEST(RecordValues, MissingValues) {
  EXPECT_TRUE(Value().is_missing());
  EXPECT_TRUE(Value::text("").is_missing());
  EXPECT_FALSE(Value::text("x").is_missing());
  EXPECT_TRUE(Value::number(std::numeric_limits<double>::quiet_NaN()).is_missing());
  EXPECT_TRUE(Value::number(std::numeric_limits<double>::infinity()).is_missing());
  EXPECT_FALSE(Value::number(0.0).is_missing());
  EXPECT_TRUE(Value::integer(std::optional<int>()).is_missing());
  EXPECT_EQ(Value::integer(std::optional<int>(7)).as_integer(), 7);
  EXPECT_FALSE(Value::boolean(false).is_missing());
}

TEST(OutputFormatNames, OneVocabularyWithTheOldNames) {
  EXPECT_EQ(parse_output_format("table"), OutputFormat::table);
  EXPECT_EQ(parse_output_format("text"), OutputFormat::table);  // show's and validate's former name
  EXPECT_EQ(parse_output_format("jsonl"), OutputFormat::ndjson);
  EXPECT_EQ(parse_output_format("tsv"), OutputFormat::tsv);
  try {
    parse_output_format("xml");
    ADD_FAILURE() << "expected a usage error";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ExitCode::usage);
    EXPECT_STREQ(e.what(),
                 "unknown output format 'xml' (expected table, json, ndjson, csv, tsv, sav or dta)");
  }
}

}  // namespace
}  // namespace alliance::io
