// Which column of an export's header holds what (src/io/csv_columns.hpp):
// the headers survey tools, R and pandas write.
#include "io/csv_columns.hpp"

#include <gtest/gtest.h>

#include <sstream>

#include "alliance/core/error.hpp"

namespace alliance::io {
namespace {

// Items "1" … "n", as in the bundled questionnaires.
core::Questionnaire numbered(int n) {
  core::Questionnaire q;
  q.id = "q" + std::to_string(n);
  for (int i = 1; i <= n; ++i) {
    core::Item item;
    item.id = std::to_string(i);
    q.items.push_back(item);
  }
  return q;
}

std::vector<std::string> split(const std::string& header) {
  std::vector<std::string> out;
  std::stringstream in(header);
  for (std::string name; std::getline(in, name, ',');) out.push_back(name);
  if (!header.empty() && header.back() == ',') out.emplace_back();
  return out;
}

// "r" for the respondent, "s" the session, "d" the date, item ids, "-" unread.
std::string roles(const HeaderMapping& m, const core::Questionnaire& q) {
  std::string out;
  for (const Column& c : m.columns) {
    if (!out.empty()) out += ",";
    switch (c.role) {
      case Role::item: out += q.items[c.item].id; break;
      case Role::respondent: out += "r"; break;
      case Role::session: out += "s"; break;
      case Role::date: out += "d"; break;
      case Role::ignored: out += "-"; break;
      default: out += "?"; break;
    }
  }
  return out;
}

struct Case {
  const char* header;
  const char* roles;
};

TEST(CsvColumns, ExportsAsTheyCome) {
  const core::Questionnaire q = numbered(4);
  const Case cases[] = {
      {"respondent,session,1,2,3,4", "r,s,1,2,3,4"},
      // Qualtrics' default names: question 1's statements, then questions 2 and 3.
      {"ResponseId,RecordedDate,Q1_1,Q1_2,Q1_3,Q1_4,Q2,Q3", "r,d,1,2,3,4,-,-"},
      // LimeSurvey: subquestion codes, zero-padded.
      {"id,submitdate,lastpage,WAI[SQ001],WAI[SQ002],WAI[SQ003],WAI[SQ004]", "r,d,-,1,2,3,4"},
      // REDCap: the form's field names, then its completion flag.
      {"record_id,redcap_event_name,wai_1,wai_2,wai_3,wai_4,wai_complete", "r,-,1,2,3,4,-"},
      // R's write.csv: row names in an unnamed column; make.names' X1 ….
      {",X1,X2,X3,X4", "r,1,2,3,4"},
      // pandas' index, unnamed, beside a named id: the named one.
      {",participant_id,item_1,item_2,item_3,item_4", "-,r,1,2,3,4"},
      // Q1_11-like names are not under Q1_1{id}.
      {"id,i1,i2,i3,i4,Q1_1,Q1_12", "r,1,2,3,4,-,-"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.header);
    const HeaderMapping m = map_header(q, split(c.header), {}, "x.csv:1");
    EXPECT_EQ(roles(m, q), c.roles);
  }
}

TEST(CsvColumns, ThirtySixItemsAndTheirPrefixes) {
  const core::Questionnaire q = numbered(36);
  std::string header = "id";
  for (int i = 1; i <= 36; ++i) header += ",item" + std::to_string(i);
  const HeaderMapping m = map_header(q, split(header), {}, "x.csv:1");
  EXPECT_TRUE(m.warnings.empty());
  for (std::size_t c = 1; c <= 36; ++c) EXPECT_EQ(m.columns[c].item, c - 1);
}

TEST(CsvColumns, ItemColumnsOnlyFromOnePatternNamingEveryItem) {
  const core::Questionnaire q = numbered(4);
  const auto error = [&](const std::string& header, ColumnMapping mapping = {}) -> std::string {
    try {
      map_header(q, split(header), mapping, "x.csv:1");
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ExitCode::invalid_input);
      return e.what();
    }
    return "no error";
  };
  EXPECT_EQ(
      error("id,T1_1,T1_2,T1_3,T1_4,T2_1,T2_2,T2_3,T2_4"),
      "x.csv:1: 2 patterns of column names cover every item of q4: 'T1_{id}' names all 4 (T1_1, T1_2, T1_3, "
      "T1_4); 'T2_{id}' names all 4 (T2_1, T2_2, T2_3, T2_4); choose one with --columns 'PATTERN'");
  EXPECT_EQ(
      error("id,1,2,3"),
      "x.csv:1: no one pattern of column names covers every item of q4: '{id}' names 3 of the 4 (1, 2, 3; no "
      "column for item 4); to read one anyway, --columns '{id}' (an item without a column is then "
      "unanswered in every row), or --map COLUMN=ITEM");
  EXPECT_EQ(
      error("id,age,sex"),
      "x.csv:1: no column holds an item of q4 (item columns are named by '{id}'; use --columns 'PATTERN' "
      "with {id}, or --map COLUMN=ITEM)");
  // With --map, the pattern need only name the items left.
  ColumnMapping mapping;
  mapping.columns = {{"first", "1"}};
  const HeaderMapping m = map_header(q, split("id,first,T1_2,T1_3,T1_4,T2_3"), mapping, "x.csv:1");
  EXPECT_EQ(roles(m, q), "r,1,2,3,4,-");
}

TEST(CsvColumns, OptionsNameColumnsOfTheHeader) {
  const core::Questionnaire q = numbered(4);
  const auto usage = [&](ColumnMapping mapping) -> std::string {
    try {
      map_header(q, split("Client Code,Wk,1,2,3,4"), mapping, "x.csv:1");
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ExitCode::usage);
      return e.what();
    }
    return "no error";
  };
  const auto id = [](std::string column) {
    ColumnMapping m;
    m.respondent_column = std::move(column);
    return m;
  };
  EXPECT_EQ(usage(id("client code")),
            "x.csv:1: --id-column: the header has no column \"client code\", did you mean 'Client Code'?");
  EXPECT_EQ(usage(id("client_code")),
            "x.csv:1: --id-column: the header has no column \"client_code\", did you mean 'Client Code'?");
  ColumnMapping session;
  session.session_column = "wk ";
  EXPECT_EQ(usage(session),
            "x.csv:1: --session-column: the header has no column \"wk \", did you mean 'Wk'?");
  ColumnMapping map;
  map.columns = {{"5", "4"}};
  EXPECT_EQ(usage(map),
            "x.csv:1: --map 5=4: the header has no column \"5\" (its columns: Client Code, Wk, 1, 2, 3, 4)");
  map.columns = {{"Wk", "9"}};
  EXPECT_EQ(usage(map), "--map Wk=9: q4 has no item \"9\"");
  ColumnMapping both = id("Client Code");
  both.session_column = "Wk";
  const HeaderMapping m = map_header(q, split("Client Code,Wk,1,2,3,4"), both, "x.csv:1");
  EXPECT_EQ(roles(m, q), "r,s,1,2,3,4");
  EXPECT_TRUE(m.warnings.empty());
}

}  // namespace
}  // namespace alliance::io
