// alliance compare end to end: pairing, unpaired responses, usage errors,
// formats, and the whole pipeline (read, score, pair, statistics) against R
// (tests/reference/compare, made by make_reference.R).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "../common/reference_table.hpp"
#include "process.hpp"

namespace alliance::testing {
namespace {

using Row = ReferenceRow;

std::vector<Row> read_reference(const std::string& name) {
  return read_reference_rows(source_path("tests/reference/compare/" + name));
}

using Outcome = alliance::testing::Run;

void expect_value(const nlohmann::json& actual, const std::string& expected, double tolerance) {
  if (expected == "NA") {
    EXPECT_TRUE(actual.is_null()) << actual;
  } else {
    ASSERT_TRUE(actual.is_number()) << actual;
    EXPECT_NEAR(actual.get<double>(), std::stod(expected), tolerance);
  }
}

const std::vector<std::string> kExamples = {"compare",
                                            "--client",
                                            "gtb-12",
                                            "examples/gtb-12-sessions.ndjson",
                                            "--therapist",
                                            "gtb-12-t",
                                            "examples/gtb-12-t-sessions.csv"};

std::vector<std::string> with(std::vector<std::string> args, const std::vector<std::string>& more) {
  args.insert(args.end(), more.begin(), more.end());
  return args;
}

// The provenance cells ending every CSV row of a client-therapist GTB-12 comparison.
std::string gtb_provenance(char sep = ',') {
  const std::string s(1, sep);
  return s + "gtb-12;gtb-12-t" + s + "1.0.0;1.0.0" + s + bundled_hash("gtb-12") + ";" +
         bundled_hash("gtb-12-t") + s + "0.1.0";
}

// The record of `table` whose `key` is `value`.
const nlohmann::json& record_with(const nlohmann::json& table, const std::string& key,
                                  const std::string& value) {
  for (const auto& record : table)
    if (record[key] == value) return record;
  static const nlohmann::json kNone;
  ADD_FAILURE() << "no " << key << " " << value;
  return kNone;
}

// Every statistic of the agreement section against R's (expected_repeated.csv,
// the rows of `dataset` with the method compare chooses), to 1e-9.
void expect_agreement_as_r(const nlohmann::json& doc, const std::string& dataset) {
  const std::vector<Row> expected = read_reference("expected_repeated.csv");
  std::size_t checked = 0;
  for (const Row& e : expected) {
    if (e.at("dataset") != dataset || e.at("method") != "repeated") continue;
    SCOPED_TRACE(e.at("scale"));
    ++checked;
    const auto& a = record_with(doc["agreement"], "scale", e.at("scale"));
    EXPECT_EQ(a["comparison"], "client-therapist");
    EXPECT_EQ(a["method"], "repeated");
    for (const char* count : {"n", "dyads", "excluded"}) EXPECT_EQ(a[count], std::stoi(e.at(count))) << count;
    std::size_t numbers = 0;
    for (const auto& [key, value] : e) {
      if (key == "dataset" || key == "method" || key == "scale" || key == "n" || key == "dyads" ||
          key == "excluded")
        continue;
      SCOPED_TRACE(key);
      ASSERT_TRUE(a.contains(key));
      expect_value(a[key], value, 1e-9);
      ++numbers;
    }
    EXPECT_EQ(numbers, 36u);  // means, bias, SDs, limits and intervals, r, 6 ICCs x 3, CCC x 3
  }
  EXPECT_EQ(checked, 4u);
}

TEST(Compare, WholePipelineAgreesWithR) {
  const Outcome run = run_alliance({"compare", "--client", "gtb-12", "client.csv", "--therapist", "gtb-12-t",
                                    "therapist.csv", "--format", "json"},
                                   {.cwd = source_path("tests/reference/compare")});
  // One therapist response has an answer off the scale: reported, excluded, exit 1.
  EXPECT_EQ(run.status, 1);
  EXPECT_EQ(run.err,
            "therapist.csv:49: item 2 = 9 is outside the scale 1..5\n"
            "alliance: 1 of 118 responses is invalid\n");
  const auto doc = nlohmann::json::parse(run.out);
  ASSERT_EQ(doc["comparisons"].size(), 1u);
  const auto& c = doc["comparisons"][0];
  EXPECT_EQ(c["form_1"], "client");  // differences are client - therapist
  EXPECT_EQ(c["form_2"], "therapist");
  EXPECT_EQ(c["item_pairing"], "id");

  // 30 dyads of 2 sessions: the repeated-measures method (make_repeated_reference.R).
  expect_agreement_as_r(doc, "compare");

  // Every pair R found, in the same (respondent, session) order, with R's scores.
  const std::vector<Row> scores = read_reference("expected_scores.csv");
  const auto& pairs = doc["pairs"];
  ASSERT_EQ(pairs.size() * 4, scores.size());
  for (std::size_t i = 0; i < scores.size(); ++i) {
    const Row& e = scores[i];
    const auto& pair = pairs[i / 4];
    SCOPED_TRACE(e.at("respondent") + " " + e.at("session") + " " + e.at("scale"));
    EXPECT_EQ(pair["respondent"], e.at("respondent"));
    EXPECT_EQ(pair["session"], std::stoi(e.at("session")));
    expect_value(pair["scores"][e.at("scale")]["score_1"], e.at("client"), 1e-12);
    expect_value(pair["scores"][e.at("scale")]["score_2"], e.at("therapist"), 1e-12);
  }

  const std::vector<Row> unpaired = read_reference("expected_unpaired.csv");
  ASSERT_EQ(doc["unpaired"].size(), unpaired.size());
  for (std::size_t i = 0; i < unpaired.size(); ++i) {
    EXPECT_EQ(doc["unpaired"][i]["form"], unpaired[i].at("form"));
    EXPECT_EQ(doc["unpaired"][i]["respondent"], unpaired[i].at("respondent"));
    EXPECT_EQ(doc["unpaired"][i]["session"], std::stoi(unpaired[i].at("session")));
    EXPECT_EQ(doc["unpaired"][i]["reason"], "no_partner");
  }
}

TEST(Compare, PairsTheExampleSessionsAsCsv) {
  const Outcome run = run_alliance(with(kExamples, {"--format", "csv"}), {.cwd = source_path("")});
  ASSERT_EQ(run.status, 0) << run.err;
  const auto rows = lines(run.out);
  ASSERT_EQ(rows.size(), 10u);  // header + 9 pairs; the therapist's P031 session 3 has no client
  EXPECT_EQ(rows[0],
            "comparison,respondent,session,date,"
            "goals_1,goals_2,goals_difference,goals_status_1,goals_status_2,"
            "tasks_1,tasks_2,tasks_difference,tasks_status_1,tasks_status_2,"
            "bond_1,bond_2,bond_difference,bond_status_1,bond_status_2,"
            "total_1,total_2,total_difference,total_status_1,total_status_2,items,source_1,source_2,"
            "questionnaire,questionnaire_version,definition_hash,alliance_version");
  // P017 session 4. Client answers 2,2,3,3,2,3,4,4,3,3,2,3; therapist 3,3,4,3,3,4,3,3,4,3,3,2.
  // Goals (1, 4, 7 reversed, 10): client 2+3+(6-4)+3 = 10/4 = 2.5; therapist 3+3+(6-3)+3 = 12/4 = 3.
  // Tasks (2, 5, 8 reversed, 11): client 2+2+2+2 = 2; therapist 3+3+3+3 = 3.
  // Bond (3, 6, 9, 12 reversed): client 3+3+3+3 = 3; therapist 4+4+4+4 = 4.
  // Total: client 30/12 = 2.5; therapist 40/12 = 3.3333333333333335; difference 5/2 - 10/3 = -5/6,
  // whose nearest double is -0.8333333333333334 (2.5 - 3.3333333333333335 in doubles gives ...35).
  // Keyed item differences: items 1, 2, 3 -1 (largest, first in item order); 4 0.
  EXPECT_EQ(rows[4],
            "client-therapist,P017,4,NA,2.5,3,-0.5,ok,ok,2,3,-1,ok,ok,3,4,-1,ok,ok,"
            "2.5,3.3333333333333335,-0.8333333333333334,ok,ok,1:-1;2:-1;3:-1,"
            "examples/gtb-12-sessions.ndjson:4,examples/gtb-12-t-sessions.csv:5" +
                gtb_provenance());
  // P023 session 2: the client's tasks have 2 of 4 answers (insufficient), so has the total.
  EXPECT_TRUE(rows[7].starts_with("client-therapist,P023,2,NA,4.75,4,0.75,ok,ok,NA,4,NA,insufficient,ok,"))
      << rows[7];
}

TEST(Compare, ListsUnpairedResponses) {
  const Outcome run =
      run_alliance(with(kExamples, {"--section", "unpaired", "--format", "tsv"}), {.cwd = source_path("")});
  ASSERT_EQ(run.status, 0) << run.err;
  EXPECT_EQ(run.out,
            "form\trespondent\tsession\tdate\treason\tstatus\tsource\tquestionnaire\tquestionnaire_version\t"
            "definition_hash\talliance_version\n"
            "therapist\tP031\t3\t2026-10-23\tno_partner\tvalid\texamples/gtb-12-t-sessions.csv:11" +
                gtb_provenance('\t') + "\n");
}

TEST(Compare, DuplicatesAndMissingIdsAreListedNotDropped) {
  const std::string client =
      "respondent,session,1,2,3,4,5,6,7,8,9,10,11,12\n"
      "A,1,3,3,3,3,3,3,3,3,3,3,3,3\n"
      "A,1,4,4,4,4,4,4,2,2,4,4,4,2\n"
      ",1,3,3,3,3,3,3,3,3,3,3,3,3\n";
  const std::string dir = make_temp_dir();
  const Outcome write = run_program(
      "/bin/sh",
      {"-c", "printf '%s' \"$0\" > " + dir + "/c.csv && cp " + dir + "/c.csv " + dir + "/t.csv", client});
  ASSERT_EQ(write.status, 0);
  const Outcome run = run_alliance({"compare", "--client", "gtb-12", "c.csv", "--therapist", "gtb-12-t",
                                    "t.csv", "--section", "unpaired", "--format", "csv"},
                                   {.cwd = dir});
  ASSERT_EQ(run.status, 0) << run.err;
  const std::string p = gtb_provenance() + "\n";
  EXPECT_EQ(
      run.out,
      "form,respondent,session,date,reason,status,source,questionnaire,questionnaire_version,definition_hash,"
      "alliance_version\n"
      "client,A,1,NA,duplicate,valid,c.csv:3" +
          p +                                                 //
          "client,NA,1,NA,no_respondent,valid,c.csv:4" + p +  // no respondent: NA
          "therapist,A,1,NA,duplicate,valid,t.csv:3" + p +    //
          "therapist,NA,1,NA,no_respondent,valid,t.csv:4" + p);
}

TEST(Compare, AgreementSectionAndJson) {
  const Outcome csv = run_alliance(with(kExamples, {"--section", "agreement"}), {.cwd = source_path("")});
  ASSERT_EQ(csv.status, 0) << csv.err;
  const auto rows = lines(csv.out);
  ASSERT_EQ(rows.size(), 5u);
  EXPECT_EQ(rows[0],
            "comparison,scale,method,n,dyads,excluded,mean_1,mean_2,mean_difference,mean_difference_ci_lower,"
            "mean_difference_ci_upper,sd_difference,sd_between,sd_within,loa_lower,loa_lower_ci_lower,"
            "loa_lower_ci_upper,loa_upper,loa_upper_ci_lower,loa_upper_ci_upper,pearson_r,"
            "icc_1_1,icc_1_1_ci_lower,icc_1_1_ci_upper,icc_2_1,icc_2_1_ci_lower,icc_2_1_ci_upper,"
            "icc_3_1,icc_3_1_ci_lower,icc_3_1_ci_upper,icc_1_k,icc_1_k_ci_lower,icc_1_k_ci_upper,"
            "icc_2_k,icc_2_k_ci_lower,icc_2_k_ci_upper,icc_3_k,icc_3_k_ci_lower,icc_3_k_ci_upper,"
            "ccc,ccc_ci_lower,ccc_ci_upper,notes,questionnaire,questionnaire_version,definition_hash,"
            "alliance_version");
  // Tasks: 8 pairs of 3 dyads (P017, P023, P031), P023 session 2 left out (client insufficient).
  EXPECT_TRUE(rows[2].starts_with("client-therapist,tasks,repeated,8,3,1,")) << rows[2];

  const Outcome json =
      run_alliance(with(kExamples, {"--format", "json", "--section", "agreement"}), {.cwd = source_path("")});
  ASSERT_EQ(json.status, 0) << json.err;
  const auto doc = nlohmann::json::parse(json.out);
  EXPECT_FALSE(doc.contains("pairs"));
  EXPECT_FALSE(doc.contains("unpaired"));
  // Goals over 9 pairs: client 3, 4, 4.25, 2.5, 4, 5, 4.75, 2, 3 (sum 32.5);
  // therapist 3, 3.75, 4, 3, 4, 4, 4, 3, 3 (sum 31.75); mean difference 0.75 / 9.
  const auto& goals = record_with(doc["agreement"], "scale", "goals");
  EXPECT_EQ(goals["n"], 9);
  EXPECT_NEAR(goals["mean_1"].get<double>(), 32.5 / 9, 1e-12);
  EXPECT_NEAR(goals["mean_2"].get<double>(), 31.75 / 9, 1e-12);
  EXPECT_NEAR(goals["mean_difference"].get<double>(), 0.75 / 9, 1e-12);
}

TEST(Compare, TableInFrench) {
  const Outcome run =
      run_alliance(with(kExamples, {"--format", "table", "--lang", "fr", "--section", "agreement"}),
                   {.cwd = source_path("")});
  ASSERT_EQ(run.status, 0) << run.err;
  const auto rows = lines(run.out);
  ASSERT_GE(rows.size(), 6u);
  EXPECT_EQ(rows[0], "Accord — client (gtb-12) − thérapeute (gtb-12-t)");
  EXPECT_TRUE(rows[1].starts_with("ÉCHELLE")) << rows[1];
  EXPECT_NE(rows[1].find("THÉRAPEUTE"), std::string::npos) << rows[1];
  EXPECT_TRUE(rows[2].starts_with("Objectifs")) << rows[2];
}

TEST(Compare, ObserverFormMakesThreeComparisons) {
  // An observer form of the GTB family: GTB-12-T under another id and form; it rates
  // P017's first two sessions exactly as the therapist did.
  const std::string dir = make_temp_dir();
  const Outcome setup =
      run_program("/bin/sh",
                  {"-c",
                   "sed -e 's/\"id\": \"gtb-12-t\"/\"id\": \"gtb-12-o\"/' -e "
                   "'s/\"form\": \"therapist\"/\"form\": \"observer\"/' questionnaires/gtb-12-t.json > " +
                       dir + "/gtb-12-o.json && head -3 examples/gtb-12-t-sessions.csv > " + dir + "/o.csv"},
                  {.cwd = source_path("")});
  ASSERT_EQ(setup.status, 0) << setup.err;
  const Outcome run = run_alliance(
      with({"--path", dir},
           with(kExamples, {"--observer", "gtb-12-o", dir + "/o.csv", "--section", "agreement"})),
      {.cwd = source_path("")});
  ASSERT_EQ(run.status, 0) << run.err;
  const auto rows = lines(run.out);
  ASSERT_EQ(rows.size(), 13u);  // header + 3 comparisons x 4 scales
  // Two sessions of one dyad: the pairs method.
  EXPECT_TRUE(rows[5].starts_with("client-observer,goals,pairs,2,1,0,")) << rows[5];
  // Therapist and observer answered identically: no difference, perfect agreement (on two pairs).
  // Every interval of a difference that is always 0 is [0, 0]. MS_E = MS_W = 0: the F ratios are
  // infinite, so the single-rater ICCs have no interval, ICC(1,k) and ICC(3,k) (1 - 1 / F) have
  // [1, 1]; a CCC of 1 has none.
  EXPECT_TRUE(
      rows[9].starts_with("therapist-observer,goals,pairs,2,1,0,3.375,3.375,0,0,0,0,NA,NA,0,0,0,0,0,0,1,"
                          "1,NA,NA,1,NA,NA,1,NA,NA,1,1,1,1,NA,NA,1,1,1,1,NA,NA,two_pairs,"
                          "gtb-12;gtb-12-t;gtb-12-o,1.0.0;1.0.0;1.0.0,"))
      << rows[9];
}

TEST(Compare, RefusesFormsOfDifferentFamilies) {
  const Outcome run = run_alliance({"compare", "--client", "gtb-12", "examples/gtb-12-sessions.ndjson",
                                    "--therapist", "wai-t", "examples/gtb-12-t-sessions.csv"},
                                   {.cwd = source_path("")});
  EXPECT_EQ(run.status, 2);
  EXPECT_EQ(
      run.err,
      "alliance: cannot compare: gtb-12 and wai-t are not forms of one family (family 'gtb' and 'wai')\n");
  EXPECT_EQ(run.out, "");
}

TEST(Compare, RefusesAFormGivenInTheWrongRoleOrAlone) {
  const Outcome wrong = run_alliance({"compare", "--client", "gtb-12-t", "examples/gtb-12-t-sessions.csv",
                                      "--therapist", "gtb-12", "examples/gtb-12-sessions.ndjson"},
                                     {.cwd = source_path("")});
  EXPECT_EQ(wrong.status, 2);
  EXPECT_EQ(wrong.err,
            "alliance: --client gtb-12-t: gtb-12-t is the therapist form (use --therapist gtb-12-t)\n");
  const Outcome alone = run_alliance({"compare", "--client", "gtb-12", "examples/gtb-12-sessions.ndjson"},
                                     {.cwd = source_path("")});
  EXPECT_EQ(alone.status, 2);
  EXPECT_NE(alone.err.find("compare needs two forms or more"), std::string::npos) << alone.err;
}

// GTB-12 answers whose keyed total is `sum` (all items keyed 1, then the
// first items raised): items 7, 8 and 12 are reverse-keyed in both forms.
std::string gtb_line(const std::string& respondent, int session, int sum) {
  int answers[13];
  for (int i = 1; i <= 12; ++i) answers[i] = 1;
  for (int i = 1, left = sum - 12; left > 0; ++i) {
    const int add = std::min(left, 4);
    answers[i] += add;
    left -= add;
  }
  std::ostringstream out;
  out << "{\"respondent\":\"" << respondent << "\",\"session\":" << session << ",\"answers\":{";
  for (int i = 1; i <= 12; ++i) {
    const bool reversed = i == 7 || i == 8 || i == 12;
    out << (i > 1 ? "," : "") << '"' << i << "\":" << (reversed ? 6 - answers[i] : answers[i]);
  }
  out << "}}\n";
  return out.str();
}

std::string agreement_row(const std::string& csv, const std::string& scale) {
  for (const std::string& line : lines(csv))
    if (line.rfind("client-therapist," + scale + ",", 0) == 0) return line;
  return "";
}

// Issue 12: every total 44 / 12 = 3.67 on both forms, seven pairs. The mean of
// seven 11/3 is not exactly 11/3, and main printed r = 1 and ICC = 1 from the
// noise; both are undefined, and the output says why.
TEST(Compare, OneNonBinaryValueEverywhereHasNoRNorIcc) {
  const std::string dir = make_temp_dir();
  std::string client;
  for (int s = 1; s <= 7; ++s) client += gtb_line("P1", s, 44);
  std::ofstream(dir + "/c.ndjson") << client;
  std::ofstream(dir + "/t.ndjson") << client;
  const std::vector<std::string> args = {"compare",  "--client", "gtb-12",    "c.ndjson", "--therapist",
                                         "gtb-12-t", "t.ndjson", "--section", "agreement"};
  const Outcome csv = run_alliance(with(args, {"--format", "csv"}), {.cwd = dir});
  ASSERT_EQ(csv.status, 0) << csv.err;
  EXPECT_EQ(lines(csv.out)[0],
            "comparison,scale,method,n,dyads,excluded,mean_1,mean_2,mean_difference,mean_difference_ci_lower,"
            "mean_difference_ci_upper,sd_difference,sd_between,sd_within,loa_lower,loa_lower_ci_lower,"
            "loa_lower_ci_upper,loa_upper,loa_upper_ci_lower,loa_upper_ci_upper,pearson_r,"
            "icc_1_1,icc_1_1_ci_lower,icc_1_1_ci_upper,icc_2_1,icc_2_1_ci_lower,icc_2_1_ci_upper,"
            "icc_3_1,icc_3_1_ci_lower,icc_3_1_ci_upper,icc_1_k,icc_1_k_ci_lower,icc_1_k_ci_upper,"
            "icc_2_k,icc_2_k_ci_lower,icc_2_k_ci_upper,icc_3_k,icc_3_k_ci_lower,icc_3_k_ci_upper,"
            "ccc,ccc_ci_lower,ccc_ci_upper,notes,questionnaire,questionnaire_version,definition_hash,"
            "alliance_version");
  const std::string total = agreement_row(csv.out, "total");
  // Bias 0 [0, 0], SD 0, no s_b nor s_w (one dyad), limits 0 [0, 0]; then r, the six ICCs with
  // their bounds and the CCC with its bounds, all undefined.
  std::string undefined;
  for (int i = 0; i < 1 + 18 + 3; ++i) undefined += ",NA";
  EXPECT_EQ(total.substr(total.find(",0,0,0,0,")),
            ",0,0,0,0,NA,NA,0,0,0,0,0,0" + undefined + ",no_variance" + gtb_provenance())
      << total;
  EXPECT_NE(csv.err.find("note: client-therapist, goals, tasks: every client and every therapist score is 4: "
                         "no variance, so r and the ICC(2,1) are undefined\n"),
            std::string::npos)
      << csv.err;
  EXPECT_NE(
      csv.err.find("note: client-therapist, total: every client and every therapist score is 3.666666667: "
                   "no variance, so r and the ICC(2,1) are undefined\n"),
      std::string::npos)
      << csv.err;

  const Outcome json = run_alliance(with(args, {"--format", "json"}), {.cwd = dir});
  ASSERT_EQ(json.status, 0) << json.err;
  const auto doc = nlohmann::json::parse(json.out);
  const auto t = record_with(doc["agreement"], "scale", "total");
  EXPECT_TRUE(t["pearson_r"].is_null());
  EXPECT_TRUE(t["icc_2_1"].is_null());
  ASSERT_EQ(t["notes"].size(), 1u) << t;
  EXPECT_EQ(t["notes"][0]["code"], "no_variance");
  EXPECT_EQ(t["notes"][0]["forms"], (nlohmann::json{"client", "therapist"}));

  const Outcome table = run_alliance(with(args, {"--format", "table", "--lang", "fr"}), {.cwd = dir});
  ASSERT_EQ(table.status, 0) << table.err;
  EXPECT_NE(table.out.find("remarque\u00a0: Score global\u00a0: tous les scores client et thérapeute valent "
                           "3,666666667\u00a0: "
                           "sans variance, r et l’ICC(2,1) ne sont pas définis\n"),
            std::string::npos)
      << table.out;
  EXPECT_EQ(table.err, "");
  std::filesystem::remove_all(dir);
}

// Issue 12: with two pairs r is +1 or -1 by construction. main printed
// 1.0000000000000002 (totals 12/12, 17/12 against 12/12, 19/12) and no warning.
TEST(Compare, TwoPairsGiveRWithinOneAndAWarning) {
  const std::string dir = make_temp_dir();
  std::ofstream(dir + "/c.ndjson") << gtb_line("P1", 1, 12) << gtb_line("P1", 2, 17);
  std::ofstream(dir + "/t.ndjson") << gtb_line("P1", 1, 12) << gtb_line("P1", 2, 19);
  const Outcome csv = run_alliance({"compare", "--client", "gtb-12", "c.ndjson", "--therapist", "gtb-12-t",
                                    "t.ndjson", "--section", "agreement", "--format", "csv"},
                                   {.cwd = dir});
  ASSERT_EQ(csv.status, 0) << csv.err;
  const std::string total = agreement_row(csv.out, "total");
  const std::vector<std::string> cells = [&] {
    std::vector<std::string> out;
    std::stringstream in(total);
    for (std::string cell; std::getline(in, cell, ',');) out.push_back(cell);
    return out;
  }();
  ASSERT_EQ(cells.size(), 47u) << total;  // 43, then the provenance
  EXPECT_EQ(cells[2], "pairs");           // two sessions of one dyad
  EXPECT_EQ(cells[20], "1");              // pearson_r
  EXPECT_LE(std::stod(cells[24]), 1.0);   // icc_2_1
  EXPECT_EQ(cells[42], "two_pairs");
  EXPECT_NE(
      csv.err.find("note: client-therapist, goals, tasks, bond, total: only 2 pairs: r is +1 or −1 whatever "
                   "the scores, and the ICC(2,1) rests on two pairs; neither says how well the forms "
                   "agree\n"),
      std::string::npos)
      << csv.err;
  std::filesystem::remove_all(dir);
}

// Issue 14: compare refused ndjson. Every table is there in every machine
// format, each record with the provenance of both definitions.
TEST(Compare, EveryTableInEveryMachineFormat) {
  const std::map<std::string, std::size_t> rows = {
      {"forms", 2}, {"comparisons", 1}, {"pairs", 9}, {"agreement", 4}, {"unpaired", 1}};
  for (const auto& [section, count] : rows) {
    SCOPED_TRACE(section);
    const Outcome ndjson =
        run_alliance(with(kExamples, {"--format", "ndjson", "--section", section}), {.cwd = source_path("")});
    ASSERT_EQ(ndjson.status, 0) << ndjson.err;
    const std::vector<std::string> records = lines(ndjson.out);
    ASSERT_EQ(records.size(), count);
    for (const std::string& line : records) {
      const auto provenance = nlohmann::json::parse(line)["provenance"];
      EXPECT_EQ(provenance["questionnaire"], "gtb-12;gtb-12-t");
      EXPECT_EQ(provenance["definition_hash"], bundled_hash("gtb-12") + ";" + bundled_hash("gtb-12-t"));
    }
    const Outcome csv =
        run_alliance(with(kExamples, {"--format", "csv", "--section", section}), {.cwd = source_path("")});
    EXPECT_EQ(lines(csv.out).size(), count + 1);
  }
  const auto doc =
      nlohmann::json::parse(run_alliance(with(kExamples, {"-f", "json"}), {.cwd = source_path("")}).out);
  for (const char* table : {"provenance", "forms", "comparisons", "pairs", "agreement", "unpaired"})
    EXPECT_TRUE(doc.contains(table)) << table;
  EXPECT_EQ(doc["forms"][1]["hash"], bundled_hash("gtb-12-t"));
  // A pair's items: the first form's item id and the difference in CSV; every member in JSON.
  EXPECT_EQ(doc["pairs"][3]["items"][0],
            nlohmann::json::parse(R"({"item_1":"1","item_2":"1","score_1":2,"score_2":3,"difference":-1})"));
}

TEST(Compare, UnequalSessionsPerDyadAgreeWithR) {
  const Outcome run =
      run_alliance({"compare", "--client", "gtb-12", "unequal_client.csv", "--therapist", "gtb-12-t",
                    "unequal_therapist.csv", "--format", "json", "--section", "agreement"},
                   {.cwd = source_path("tests/reference/compare")});
  ASSERT_EQ(run.status, 0) << run.err;
  expect_agreement_as_r(nlohmann::json::parse(run.out), "unequal");
}

// Issue 16: sessions identified only by a date were all one key (respondent,
// no session), so every session after the first was a "duplicate".
TEST(Compare, SessionsWithDatesOnlyPairByDate) {
  const std::string dir = make_temp_dir();
  const Outcome write = run_program(
      "/bin/sh", {"-c", "printf '%s' \"$0\" > " + dir + "/c.csv && printf '%s' \"$1\" > " + dir + "/t.csv",
                  "respondent,date,1,2,3,4,5,6,7,8,9,10,11,12\n"
                  "A,2026-03-02,3,3,3,3,3,3,3,3,3,3,3,3\n"
                  "A,2026-03-09,4,4,4,4,4,4,2,2,4,4,4,2\n"
                  "A,2026-03-16,4,4,4,4,4,4,2,2,4,4,4,2\n",
                  "respondent,date,1,2,3,4,5,6,7,8,9,10,11,12\n"
                  "A,2026-03-09,3,3,3,3,3,3,3,3,3,3,3,3\n"
                  "A,2026-03-02,2,2,2,2,2,2,4,4,2,2,2,4\n"
                  "A,2026-03-23,3,3,3,3,3,3,3,3,3,3,3,3\n"});
  ASSERT_EQ(write.status, 0) << write.err;
  const Outcome pairs = run_alliance(
      {"compare", "--client", "gtb-12", "c.csv", "--therapist", "gtb-12-t", "t.csv", "--format", "json"},
      {.cwd = dir});
  ASSERT_EQ(pairs.status, 0) << pairs.err;
  const auto doc = nlohmann::json::parse(pairs.out);
  ASSERT_EQ(doc["pairs"].size(), 2u);
  EXPECT_EQ(doc["pairs"][0]["date"], "2026-03-02");
  EXPECT_TRUE(doc["pairs"][0]["session"].is_null());
  EXPECT_EQ(doc["pairs"][0]["scores"]["total"]["difference"], 1);  // 3 - 2
  EXPECT_EQ(doc["pairs"][1]["date"], "2026-03-09");
  EXPECT_EQ(doc["pairs"][1]["scores"]["total"]["difference"], 1);  // 4 - 3
  // The client's 16 March and the therapist's 23 March have no partner; nothing is a duplicate.
  ASSERT_EQ(doc["unpaired"].size(), 2u);
  for (const auto& u : doc["unpaired"]) EXPECT_EQ(u["reason"], "no_partner") << u;
  EXPECT_EQ(doc["unpaired"][0]["date"], "2026-03-16");
  EXPECT_EQ(doc["unpaired"][1]["date"], "2026-03-23");
  // For people, the date stands where the session number would.
  const Outcome table = run_alliance({"compare", "--client", "gtb-12", "c.csv", "--therapist", "gtb-12-t",
                                      "t.csv", "--format", "table", "--section", "pairs"},
                                     {.cwd = dir});
  EXPECT_NE(table.out.find("\nA           2026-03-02  "), std::string::npos) << table.out;
}

// A dyad whose forms go opposite ways: the ICCs are negative, printed, and noted.
TEST(Compare, NegativeIccIsPrintedWithANote) {
  const std::string dir = make_temp_dir();
  const Outcome write = run_program(
      "/bin/sh", {"-c", "printf '%s' \"$0\" > " + dir + "/c.csv && printf '%s' \"$1\" > " + dir + "/t.csv",
                  "respondent,session,1,2,3,4,5,6,7,8,9,10,11,12\n"
                  "A,1,2,2,2,2,2,2,4,4,2,2,2,4\n"
                  "B,1,3,3,3,3,3,3,3,3,3,3,3,3\n"
                  "C,1,4,4,4,4,4,4,2,2,4,4,4,2\n",
                  "respondent,session,1,2,3,4,5,6,7,8,9,10,11,12\n"
                  "A,1,4,4,4,4,4,4,2,2,4,4,4,2\n"
                  "B,1,3,3,3,3,3,3,3,3,3,3,3,3\n"
                  "C,1,2,2,2,2,2,2,4,4,2,2,2,4\n"});
  ASSERT_EQ(write.status, 0) << write.err;
  const std::vector<std::string> args = {"compare",  "--client", "gtb-12",    "c.csv",    "--therapist",
                                         "gtb-12-t", "t.csv",    "--section", "agreement"};
  const Outcome csv = run_alliance(with(args, {"--format", "csv"}), {.cwd = dir});
  ASSERT_EQ(csv.status, 0) << csv.err;
  // x = (2, 3, 4), y = (4, 3, 2): MS_R = 0, MS_E = 2, MS_C = 0, MS_W = 4/3:
  // ICC(1,1) = (0 - 4/3) / (0 + 4/3) = -1, ICC(3,1) = -2 / 2 = -1, ICC(2,1) = -2 / (2 - 4/3) = -3;
  // the average forms divide by MS_R = 0 (or less): undefined.
  const auto rows = lines(csv.out);
  ASSERT_EQ(rows.size(), 5u);
  EXPECT_NE(rows[1].find(",negative_icc,"), std::string::npos) << rows[1];
  EXPECT_EQ(
      csv.err,
      "note: client-therapist, goals, tasks, bond, total: negative ICCs (ICC(1,1), ICC(2,1), ICC(3,1)): the "
      "forms agree less than if the scores had been paired at random; read it as no agreement, not as a "
      "measure of disagreement\n");
  const Outcome json = run_alliance(with(args, {"--format", "json"}), {.cwd = dir});
  const auto goals = record_with(nlohmann::json::parse(json.out)["agreement"], "scale", "goals");
  EXPECT_NEAR(goals["icc_1_1"].get<double>(), -1, 1e-12);
  EXPECT_NEAR(goals["icc_2_1"].get<double>(), -3, 1e-12);
  EXPECT_NEAR(goals["icc_3_1"].get<double>(), -1, 1e-12);
  EXPECT_TRUE(goals["icc_1_k"].is_null());
  EXPECT_EQ(goals["method"], "pairs");
  const Outcome fr = run_alliance(with(args, {"--format", "table", "--lang", "fr"}), {.cwd = dir});
  EXPECT_NE(fr.out.find("remarque\u00a0: Objectifs, Tâches, Lien, Score global\u00a0: ICC négatifs "
                        "(ICC(1,1), ICC(2,1), ICC(3,1))\u00a0:"),
            std::string::npos)
      << fr.out;
}

}  // namespace
}  // namespace alliance::testing
