// The CSV and TSV score writer: its spelled-out rows give the bytes of the
// record model's writer (score_records.hpp), and with chosen columns
// (WriterOptions::columns, `alliance score --output-columns`) only those
// cells, in the order asked, with the same values, NA rules and spreadsheet
// safety as the full layout.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <string>
#include <utility>
#include <vector>

#include "../core/fixtures.hpp"
#include "alliance/core/check.hpp"
#include "alliance/core/error.hpp"
#include "alliance/core/scoring.hpp"
#include "alliance/io/result_writer.hpp"
#include "io/score_records.hpp"

namespace alliance::io {
namespace {

using alliance::testing::mini_questionnaire;

// mini (subscales a and b, a mean total) with bands and norms on the total,
// so the band and norm columns exist.
core::Questionnaire questionnaire() {
  core::Questionnaire q = mini_questionnaire();
  core::Band low;
  low.max = 3;
  low.label = {{"en", "Low"}};
  core::Band high;
  high.min = 3;
  high.label = {{"en", "High"}};
  q.total.bands = core::Bands{{low, high}, "test"};
  q.total.norms = {core::Norm{"test", 3, 0.5, 10, std::nullopt, "test"}};
  return q;
}

const Provenance kProvenance{"mini", "1.0.0", "fnv1a64:0123456789abcdef", "9.9.9"};

struct Row {
  ResponseRecord record;
  core::ScoreSheet sheet;
};

// a1 4, a2 2 (reversed: 4), a3 4: a = mean 4. b1 4, b2 4, b3 4 (weight 2):
// b = 4 + 4 + 8 = 16. Total = mean of the items by weight = 28 / 7 = 4, in
// the band "High" (from 3); against the norm (mean 3, SD 0.5): z = 2,
// T = 50 + 10 z = 70, percentile = 100 Φ(2) = 97.72…
Row complete(const std::string& respondent = "P1") {
  Row row;
  row.record.response.respondent = respondent;
  row.record.response.session = 2;
  row.record.response.answers = {4, 2, 4, 4, 4, 4};
  row.record.location = "in.csv:2";
  row.sheet = core::score(questionnaire(), row.record.response.answers);
  return row;
}

// a2 and a3 unanswered: a has 1 of 3 (at most 1 may be missing), so a and
// the total are insufficient; b = 1 + 2 + 2 × 3 = 9.
Row insufficient() {
  Row row;
  row.record.response.respondent = "P2";
  row.record.response.answers = {5, std::nullopt, std::nullopt, 1, 2, 3};
  row.record.location = "in.csv:3";
  row.sheet = core::score(questionnaire(), row.record.response.answers);
  return row;
}

// a2 and b3 unanswered, both scales and the total still scored: a = (4 + 2) / 2 = 3,
// b = (3 + 4) x 4 / 2 = 14, total (4 + 2 + 3 + 4) / 4 = 3.25 ("High"); with the
// missing items answered the total could be 16/7 ("Low") to 4: its band is not settled.
Row partial() {
  Row row;
  row.record.response.respondent = "P4";
  row.record.response.answers = {4, std::nullopt, 2, 3, 4, std::nullopt};
  row.record.location = "in.csv:5";
  row.sheet = core::score(questionnaire(), row.record.response.answers);
  return row;
}

Row invalid() {
  Row row;
  row.record.response.respondent = "P3";
  row.record.response.answers = {4, 4, 4, 4, 4, 4};
  row.record.location = "in.csv:4";
  row.record.problems = {"in.csv:4: item a1 = 9 is outside the scale 1..5"};
  row.sheet = core::invalid_sheet(questionnaire());
  return row;
}

WriterOptions options(std::vector<std::string> columns, bool long_format = false,
                      OutputFormat format = OutputFormat::csv) {
  WriterOptions o;
  o.format = format;
  o.long_format = long_format;
  o.columns = std::move(columns);
  return o;
}

// Everything the writer wrote for `rows`.
std::string written(const WriterOptions& o, const std::vector<Row>& rows) {
  std::FILE* file = std::tmpfile();
  {
    const core::Questionnaire q = questionnaire();
    const std::unique_ptr<ResultWriter> writer = make_result_writer(q, kProvenance, o, file);
    for (const Row& row : rows) writer->write(row.record, row.sheet);
    writer->finish();
  }
  std::rewind(file);
  std::string bytes;
  for (int c; (c = std::fgetc(file)) != EOF;) bytes.push_back(static_cast<char>(c));
  std::fclose(file);
  return bytes;
}

// The message of the usage error make_result_writer throws, and that it
// wrote nothing before throwing.
std::string refusal(const WriterOptions& o, std::string_view lang = "en") {
  std::FILE* file = std::tmpfile();
  std::string message;
  try {
    make_result_writer(questionnaire(), kProvenance, o, file);
    ADD_FAILURE() << "expected a usage error";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ExitCode::usage);
    message = e.in_language(lang);
  }
  EXPECT_EQ(std::ftell(file), 0L) << "output written before the error";
  std::fclose(file);
  return message;
}

const char* const kWideColumns =
    "respondent,session,form,date,language,status,a,a_answered,a_missing,a_status,a_possible_low,"
    "a_possible_high,b,b_answered,b_missing,b_status,b_possible_low,b_possible_high,total,total_answered,"
    "total_missing,total_status,total_possible_low,total_possible_high,total_band,total_band_settled,total_z,"
    "total_t,total_percentile,problems,source,questionnaire,questionnaire_version,definition_hash,"
    "alliance_version";
const char* const kLongColumns =
    "respondent,session,form,date,language,scale,score,answered,missing,status,possible_low,possible_high,"
    "band,band_settled,z,t,percentile,problems,source,questionnaire,questionnaire_version,definition_hash,"
    "alliance_version";

std::vector<std::string> split(const std::string& list) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (std::size_t comma; (comma = list.find(',', start)) != std::string::npos; start = comma + 1)
    out.push_back(list.substr(start, comma - start));
  out.push_back(list.substr(start));
  return out;
}

TEST(ScoreWriterColumns, WideInTheOrderGiven) {
  EXPECT_EQ(written(options({"total", "respondent", "b", "a_answered", "status", "session"}), {complete()}),
            "total,respondent,b,a_answered,status,session\n"
            "4,P1,16,3,ok,2\n");
  EXPECT_EQ(written(options({"total_band", "total_z", "total_t", "total_status"}), {complete()}),
            "total_band,total_z,total_t,total_status\n"
            "High,2,70,ok\n");
  const std::string percentile = written(options({"total_percentile"}), {complete()});
  EXPECT_EQ(percentile.rfind("total_percentile\n97.72", 0), 0u) << percentile;
}

TEST(ScoreWriterColumns, LongInTheOrderGiven) {
  // a and b have no bands or norms: no band, z or t (NA, as every missing value).
  EXPECT_EQ(written(options({"respondent", "scale", "score", "band", "z", "t"}, true), {complete()}),
            "respondent,scale,score,band,z,t\n"
            "P1,a,4,NA,NA,NA\n"
            "P1,b,16,NA,NA,NA\n"
            "P1,total,4,High,2,70\n");
  EXPECT_EQ(written(options({"status", "scale"}, true), {insufficient()}),
            "status,scale\n"
            "insufficient,a\n"
            "ok,b\n"
            "insufficient,total\n");
}

TEST(ScoreWriterColumns, Tsv) {
  EXPECT_EQ(written(options({"respondent", "a", "total_band"}, false, OutputFormat::tsv),
                    {complete("P\t1, \"x\"")}),
            "respondent\ta\ttotal_band\n"
            "P 1, \"x\"\t4\tHigh\n");
  EXPECT_EQ(written(options({"scale", "score"}, true, OutputFormat::tsv), {complete()}),
            "scale\tscore\n"
            "a\t4\n"
            "b\t16\n"
            "total\t4\n");
}

TEST(ScoreWriterColumns, CellsFromTheInputAreStillMadeSafe) {
  EXPECT_EQ(written(options({"b", "respondent"}), {complete("=HYPERLINK(\"x\")")}),
            "b,respondent\n"
            "16,\"'=HYPERLINK(\"\"x\"\")\"\n");
  EXPECT_EQ(written(options({"respondent"}, false, OutputFormat::tsv), {complete("=1+1")}),
            "respondent\n'=1+1\n");
  EXPECT_EQ(written(options({"respondent", "scale"}, true), {complete("@SUM(A1)")}),
            "respondent,scale\n'@SUM(A1),a\n'@SUM(A1),b\n'@SUM(A1),total\n");
}

TEST(ScoreWriterColumns, NoScoreIsNA) {
  // Insufficient: no score, counts still given; invalid: no score, no counts.
  EXPECT_EQ(written(options({"respondent", "a", "a_answered", "a_missing", "a_status", "b", "total",
                             "total_band", "total_z", "status"}),
                    {insufficient(), invalid()}),
            "respondent,a,a_answered,a_missing,a_status,b,total,total_band,total_z,status\n"
            "P2,NA,1,2,insufficient,9,NA,NA,NA,insufficient\n"
            "P3,NA,NA,NA,invalid,NA,NA,NA,NA,invalid\n");
  EXPECT_EQ(written(options({"scale", "score", "answered", "z", "problems"}, true), {invalid()}),
            "scale,score,answered,z,problems\n"
            "a,NA,NA,NA,in.csv:4: item a1 = 9 is outside the scale 1..5\n"
            "b,NA,NA,NA,in.csv:4: item a1 = 9 is outside the scale 1..5\n"
            "total,NA,NA,NA,in.csv:4: item a1 = 9 is outside the scale 1..5\n");
  // Issue 14: a session, form, date or language the input does not give is
  // NA too (main wrote an empty cell, where trend wrote NA).
  EXPECT_EQ(written(options({"respondent", "session", "form", "date", "language"}), {insufficient()}),
            "respondent,session,form,date,language\n"
            "P2,NA,NA,NA,NA\n");
}

std::string header(const std::string& text) {
  return text.substr(0, text.find('\n'));
}

std::string tab_separated(std::string list) {
  for (char& c : list)
    if (c == ',') c = '\t';
  return list;
}

// The full layouts' headers are the documented ones, and naming every
// column in that order writes the full layout byte for byte: the two ways
// of writing a row agree.
TEST(ScoreWriterColumns, EveryColumnIsTheFullLayout) {
  const std::vector<Row> rows = {complete(), insufficient(), invalid(), complete("=x,y")};
  for (const OutputFormat format : {OutputFormat::csv, OutputFormat::tsv}) {
    const bool tsv = format == OutputFormat::tsv;
    for (const bool long_format : {false, true}) {
      const std::string names = long_format ? kLongColumns : kWideColumns;
      WriterOptions full = options({}, long_format, format);
      full.columns.reset();
      const std::string text = written(full, rows);
      EXPECT_EQ(header(text), tsv ? tab_separated(names) : names);
      EXPECT_EQ(written(options(split(names), long_format, format), rows), text);
    }
  }
}

// Every kind of row: complete with a band and norms, insufficient, invalid
// with two problems, a missing respondent and session, cells that need care.
std::vector<Row> every_kind_of_row() {
  Row two = invalid();
  two.record.problems.push_back("in.csv:4: item b2 = \"x\" is not a number");
  Row anonymous = complete("");
  anonymous.record.response.session.reset();
  anonymous.record.response.form = "client";
  anonymous.record.response.date = "2026-01-02";
  anonymous.record.response.language = "fr";
  return {complete(), insufficient(), two, complete("=x,y"), complete("a\tb\"c"), anonymous, partial()};
}

// What the record model's CSV/TSV writer gives for the layout's records:
// the reference the spelled-out rows are held to.
std::string written_by_the_model(OutputFormat format, bool long_format, const std::vector<Row>& rows) {
  const core::Questionnaire q = questionnaire();
  const ScoreLayout layout = score_layout(q, long_format);
  ScoreRecords records(layout, long_format, "en");
  std::FILE* file = std::tmpfile();
  {
    const std::unique_ptr<RecordWriter> writer = make_record_writer(format, kProvenance, {}, file);
    writer->begin(layout.table);
    for (const Row& row : rows) {
      const std::size_t scales = long_format ? layout.scales.size() : 1;
      for (std::size_t s = 0; s < scales; ++s) writer->write(records.values(row.record, row.sheet, s));
    }
    writer->end();
    writer->finish();
  }
  std::rewind(file);
  std::string bytes;
  for (int c; (c = std::fgetc(file)) != EOF;) bytes.push_back(static_cast<char>(c));
  std::fclose(file);
  return bytes;
}

// The cells of one CSV or TSV line as written (quotes kept; TSV has none).
std::vector<std::string> cells_of(const std::string& line, char sep) {
  std::vector<std::string> out(1);
  bool quoted = false;
  for (char c : line) {
    if (c == '"' && sep == ',') quoted = !quoted;
    if (c == sep && !quoted)
      out.emplace_back();
    else
      out.back() += c;
  }
  return out;
}

// `text` with only the columns `names`, in that order.
std::string projected(const std::string& text, const std::vector<std::string>& names, char sep) {
  std::vector<std::string> rows;
  std::size_t start = 0;
  for (std::size_t end; (end = text.find('\n', start)) != std::string::npos; start = end + 1)
    rows.push_back(text.substr(start, end - start));
  const std::vector<std::string> header = cells_of(rows.at(0), sep);
  std::string out;
  for (const std::string& row : rows) {
    const std::vector<std::string> cells = cells_of(row, sep);
    for (std::size_t i = 0; i < names.size(); ++i) {
      const std::size_t at =
          static_cast<std::size_t>(std::find(header.begin(), header.end(), names[i]) - header.begin());
      out += (i ? std::string(1, sep) : "") + cells.at(at);
    }
    out += '\n';
  }
  return out;
}

// Issue 16: what the missing answers could change, worked out above partial().
TEST(ScoreWriterColumns, PossibleScoresOfAPartialResponse) {
  EXPECT_EQ(
      written(options({"a", "a_possible_low", "a_possible_high", "b_possible_low", "b_possible_high", "total",
                       "total_possible_low", "total_possible_high", "total_band", "total_band_settled"}),
              {partial(), complete()}),
      "a,a_possible_low,a_possible_high,b_possible_low,b_possible_high,total,total_possible_low,"
      "total_possible_high,total_band,total_band_settled\n"
      "3,2.3333333333333335,3.6666666666666665,9,17,3.25,2.2857142857142856,4,High,FALSE\n"
      "4,NA,NA,NA,NA,4,NA,NA,High,TRUE\n");
}

// Issue 14: score's CSV rows are spelled out for speed; they are the record
// model's rows byte for byte, in both layouts and both formats, and so are
// the chosen columns of --output-columns.
TEST(ScoreWriterColumns, SpelledOutRowsAreTheRecordModelsBytes) {
  const std::vector<Row> rows = every_kind_of_row();
  for (const OutputFormat format : {OutputFormat::csv, OutputFormat::tsv}) {
    const char sep = format == OutputFormat::tsv ? '\t' : ',';
    for (const bool long_format : {false, true}) {
      SCOPED_TRACE(std::string(sep == ',' ? "csv" : "tsv") + (long_format ? " long" : " wide"));
      WriterOptions full = options({}, long_format, format);
      full.columns.reset();
      const std::string model = written_by_the_model(format, long_format, rows);
      EXPECT_EQ(written(full, rows), model);
      const std::vector<std::string> chosen =
          long_format
              ? std::vector<std::string>{"definition_hash",
                                         "scale",
                                         "respondent",
                                         "band",
                                         "z",
                                         "problems",
                                         "possible_high",
                                         "band_settled",
                                         "possible_low"}
              : std::vector<std::string>{"total",          "respondent",         "session",
                                         "total_band",     "a_status",           "problems",
                                         "source",         "total_percentile",   "alliance_version",
                                         "b_possible_low", "total_band_settled", "total_possible_high"};
      EXPECT_EQ(written(options(chosen, long_format, format), rows), projected(model, chosen, sep));
    }
  }
}

TEST(ScoreWriterColumns, UnknownNameListsTheColumns) {
  EXPECT_EQ(refusal(options({"respondent", "totl"})),
            std::string("--output-columns: unknown column 'totl' (did you mean 'total'?); mini's wide layout "
                        "has: ") +
                kWideColumns);
  // The long layout has no column per scale: scales are rows.
  EXPECT_EQ(
      refusal(options({"respondent", "a"}, true)),
      std::string("--output-columns: unknown column 'a'; mini's long layout (--long) has: ") + kLongColumns);
  // Names are exact, as in the header.
  EXPECT_NE(refusal(options({"Respondent"})).find("unknown column 'Respondent'"), std::string::npos);
  EXPECT_NE(refusal(options({" total"})).find("unknown column ' total'"), std::string::npos);
}

TEST(ScoreWriterColumns, RefusalsAreInTheUsersLanguage) {
  const std::string nbsp = "\u00a0";
  EXPECT_EQ(refusal(options({"respondent", "totl"}), "fr"),
            "--output-columns" + nbsp + ": colonne inconnue «" + nbsp + "totl" + nbsp +
                "» (vouliez-vous dire «" + nbsp + "total" + nbsp + "»" + nbsp + "?)" + nbsp +
                "; la disposition large de mini a les colonnes" + nbsp + ": " + kWideColumns);
  EXPECT_EQ(refusal(options({"total", "total"}), "fr"),
            "--output-columns" + nbsp + ": la colonne «" + nbsp + "total" + nbsp +
                "» est nommée deux fois (read.csv de R et pandas renommeraient la seconde)");
}

TEST(ScoreWriterColumns, RepeatedOrEmptyNamesAreRefused) {
  EXPECT_EQ(refusal(options({"respondent", "a", "respondent"})),
            "--output-columns: column 'respondent' is named twice (R's read.csv and pandas would rename the "
            "second)");
  EXPECT_EQ(refusal(options({})),
            std::string("--output-columns: empty list; mini's wide layout has: ") + kWideColumns);
  EXPECT_EQ(refusal(options({"a", "", "b"})),
            "--output-columns: column 2 has an empty name (a comma too many?)");
}

TEST(ScoreWriterColumns, OnlyForCsvAndTsv) {
  for (const OutputFormat format : {OutputFormat::json, OutputFormat::ndjson}) {
    const std::string message = refusal(options({"respondent"}, false, format));
    EXPECT_EQ(message.rfind("--output-columns applies to csv and tsv output only, not JSON; ", 0), 0u)
        << message;
    EXPECT_NE(message.find("jq"), std::string::npos) << message;
  }
  EXPECT_EQ(refusal(options({"respondent"}, false, OutputFormat::table)),
            "--output-columns applies to csv and tsv output only, not a table (the default on a terminal); "
            "add --format csv or --format tsv");
}

// The definition checker refuses a subscale id that would repeat a column
// name of the wide layout (a fixed column, or another scale's), so no header
// has a name twice: every name the writer writes, given to subscale b, is an error.
TEST(ScoreWriterColumns, NoSubscaleIdRepeatsAColumnName) {
  WriterOptions full = options({});
  full.columns.reset();
  const std::string names = header(written(full, {complete()}));
  ASSERT_EQ(names, kWideColumns);
  for (const std::string& name : split(names)) {
    if (name == "b" || name.starts_with("b_")) continue;  // b's own columns follow its id
    core::Questionnaire q = questionnaire();
    q.subscales[1].id = name;
    bool refused = false;
    for (const core::Diagnostic& d : core::check_questionnaire(q))
      refused = refused || core::format(d).starts_with("/subscales/1/id: ");
    EXPECT_TRUE(refused) << name;
  }
}

}  // namespace
}  // namespace alliance::io
