// alliance norms end to end: the written definition against R
// (tests/reference/norms, psych::alpha, cor, quantile), score and trend using
// it, its warnings, its file rules; and score's possible_low/possible_high
// and band_settled (what missing answers could change), worked out by hand.
#include <gtest/gtest.h>

#include <sys/stat.h>

#include <cmath>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "process.hpp"

namespace alliance::testing {
namespace {

constexpr double kNormsTol = 1e-9;
using NormsRun = ::alliance::testing::Run;  // (TEST bodies see gtest's Run())

using NormsRow = std::map<std::string, std::string>;

// tests/reference/norms/expected_norms.csv: one row per sample and scale (no quoted cells).
std::vector<NormsRow> reference_norms() {
  const std::vector<std::string> all = lines(slurp(source_path("tests/reference/norms/expected_norms.csv")));
  const auto cells = [](const std::string& line) {
    std::vector<std::string> out(1);
    for (char c : line) {
      if (c == ',')
        out.emplace_back();
      else
        out.back() += c;
    }
    return out;
  };
  std::vector<NormsRow> rows;
  const std::vector<std::string> header = cells(all.at(0));
  for (std::size_t r = 1; r < all.size(); ++r) {
    const std::vector<std::string> values = cells(all[r]);
    NormsRow row;
    for (std::size_t c = 0; c < header.size(); ++c) row[header[c]] = values.at(c);
    rows.push_back(row);
  }
  return rows;
}

// The scale's object of the written definition: a subscale's by id, or the total.
const nlohmann::json& written_scale(const nlohmann::json& doc, const std::string& scale) {
  if (scale == "total") return doc.at("total");
  for (const nlohmann::json& s : doc.at("subscales"))
    if (s.at("id") == scale) return s;
  throw std::runtime_error("no subscale " + scale);
}

std::string clinic_data() {
  return source_path("examples/clinic-wai-sr-sessions.csv");
}

TEST(Norms, AgreeWithRForEverySample) {
  const std::vector<NormsRow> expected = reference_norms();
  ASSERT_EQ(expected.size(), 12u);
  for (const std::string sample : {"first", "last", "all"}) {
    const std::string file = make_temp_dir() + "/clinic.json";
    const NormsRun run = run_alliance({"norms", "wai-sr", clinic_data(), "-o", file, "--sessions", sample});
    ASSERT_EQ(run.status, 0) << run.err;
    EXPECT_EQ(run.out, "");  // not a terminal: the table is for people
    struct stat info {};
    ASSERT_EQ(stat(file.c_str(), &info), 0);
    EXPECT_EQ(info.st_mode & 0777, 0600u);
    const nlohmann::json doc = nlohmann::json::parse(slurp(file));
    EXPECT_EQ(doc.at("extends"), "wai-sr");
    EXPECT_EQ(doc.at("x-norms").at("sessions"), sample);
    EXPECT_EQ(doc.at("x-norms").at("respondents"), 40);
    EXPECT_EQ(doc.at("x-norms").at("responses"), 160);
    EXPECT_EQ(doc.at("x-norms").at("first_date"), "2026-09-07");
    ASSERT_EQ(doc.at("x-norms").at("files").size(), 1u);
    EXPECT_EQ(doc.at("x-norms").at("files")[0].at("hash").get<std::string>().rfind("fnv1a64:", 0), 0u);
    for (const NormsRow& row : expected) {
      if (row.at("sample") != sample) continue;
      const std::string what = sample + " " + row.at("scale");
      const nlohmann::json& scale = written_scale(doc, row.at("scale"));
      const nlohmann::json& norm = scale.at("norms").at(0);
      const nlohmann::json& details = scale.at("x-norms");
      const auto near = [&](const nlohmann::json& got, const std::string& column) {
        EXPECT_NEAR(got.get<double>(), std::stod(row.at(column)), kNormsTol) << what << " " << column;
      };
      EXPECT_EQ(norm.at("n").get<long>(), std::stol(row.at("n"))) << what;
      near(norm.at("mean"), "mean");
      near(norm.at("sd"), "sd");
      near(norm.at("reliability"), "retest_r");
      near(details.at("min"), "min");
      near(details.at("max"), "max");
      near(details.at("alpha"), "alpha");
      EXPECT_EQ(details.at("alpha_n").get<long>(), std::stol(row.at("alpha_n"))) << what;
      near(details.at("retest").at("r"), "retest_r");
      EXPECT_EQ(details.at("retest").at("pairs").get<long>(), std::stol(row.at("retest_pairs"))) << what;
      near(details.at("retest").at("mean_interval_sessions"), "interval_sessions");
      near(details.at("retest").at("mean_interval_days"), "interval_days");
      for (const std::string p : {"5", "10", "25", "50", "75", "90", "95"})
        near(details.at("percentiles").at(p), "p" + p);
    }
  }
}

TEST(Norms, ScoreAndTrendTakeTheirNumbersFromTheWrittenFile) {
  const std::string dir = make_temp_dir();
  const std::string file = dir + "/clinic.json";
  ASSERT_EQ(run_alliance({"norms", "wai-sr", clinic_data(), "-o", file}).status, 0);
  const nlohmann::json doc = nlohmann::json::parse(slurp(file));
  const nlohmann::json& goal = written_scale(doc, "goal").at("norms").at(0);
  const double mean = goal.at("mean"), sd = goal.at("sd"), r = goal.at("reliability");

  // score: z, T and the percentile against the local norm. K001's first goal
  // sum: items 4 6 8 11 = (missing), 5, 4, 4: 13 x 4 / 3.
  const NormsRun scored = run_alliance({"score", file, clinic_data(), "--format", "json"});
  ASSERT_EQ(scored.status, 0) << scored.err;
  const nlohmann::json first = nlohmann::json::parse(scored.out).at("responses").at(0);
  const nlohmann::json& g = first.at("scores").at("goal");
  EXPECT_NEAR(g.at("score").get<double>(), 52.0 / 3, 1e-12);
  const double z = (52.0 / 3 - mean) / sd;
  EXPECT_NEAR(g.at("z").get<double>(), z, 1e-12);
  EXPECT_NEAR(g.at("t").get<double>(), 50 + 10 * z, 1e-9);
  EXPECT_NEAR(g.at("percentile").get<double>(), 50 * std::erfc(-z / std::sqrt(2.0)), 1e-9);

  // trend: the reliable change index from the file's SD and r, with no --sd or --retest-r.
  // K001 goal: session 1 52/3, session 2 items 4 6 8 11 = 5 5 5 4: 19.
  const NormsRun trend = run_alliance({"trend", file, clinic_data(), "--format", "json"});
  ASSERT_EQ(trend.status, 0) << trend.err;
  EXPECT_EQ(trend.err.find("--sd"), std::string::npos) << trend.err;
  const nlohmann::json trend_doc = nlohmann::json::parse(trend.out);
  bool found = false;
  for (const nlohmann::json& row : trend_doc.at("sessions")) {
    if (row.at("respondent") != "K001" || row.at("session") != 2) continue;
    const nlohmann::json& gs = row.at("scales").at("goal");
    EXPECT_NEAR(gs.at("rc_previous").get<double>(),
                (19 - 52.0 / 3) / (sd * std::sqrt(2.0) * std::sqrt(1 - r)), 1e-9);
    found = true;
  }
  EXPECT_TRUE(found) << trend.out.substr(0, 600);
}

TEST(Norms, WarnsWhereTheNormIsWeakInEitherLanguage) {
  const std::string file = make_temp_dir() + "/srs-norms.json";
  const NormsRun run =
      run_alliance({"norms", "srs", source_path("examples/srs-sessions.ndjson"), "-o", file});
  ASSERT_EQ(run.status, 0) << run.err;
  // Three clients: every scale's norm rests on 3 scores.
  EXPECT_NE(run.err.find("warning: " + file +
                         ":/subscales/0/norms/0: relationship: the norm rests on 3 scores, fewer than 30"),
            std::string::npos)
      << run.err;
  EXPECT_NE(run.err.find(file + ":/total/norms/0: total: the norm rests on 3 scores"), std::string::npos);
  const NormsRun fr =
      run_alliance({"norms", "srs", source_path("examples/srs-sessions.ndjson"), "-o", file, "--lang", "fr"});
  EXPECT_NE(fr.err.find("attention\u00a0: " + file +
                        ":/subscales/0/norms/0\u00a0: relationship\u00a0: la norme repose sur 3 scores"),
            std::string::npos)
      << fr.err;
  // The file still loads: score gives z against it.
  const NormsRun scored = run_alliance(
      {"score", file, source_path("examples/srs-sessions.ndjson"), "--output-columns", "respondent,total_z"});
  EXPECT_EQ(scored.status, 0) << scored.err;
}

TEST(Norms, WarnsOfAnSdBelowOneStepOfASum) {
  // WAI-SR goal sums (4-20) of 10 respondents: 16 for nine, 17 for one: SD 0.316 < 1.
  const std::string dir = make_temp_dir();
  std::ofstream data(dir + "/tight.csv");
  data << "respondent,session,1,2,3,4,5,6,7,8,9,10,11,12\n";
  for (int r = 0; r < 10; ++r) data << "R" << r << ",1,3,4,2,4,3," << (r == 0 ? 5 : 4) << ",1,4,5,2,4,3\n";
  data.close();
  const NormsRun run =
      run_alliance({"norms", "wai-sr", dir + "/tight.csv", "-o", dir + "/n.json", "--min-n", "5"});
  ASSERT_EQ(run.status, 0) << run.err;
  EXPECT_NE(run.err.find(dir + "/n.json:/subscales/0/norms/0/sd: goal: SD 0.316227766 is less than one step "
                               "of the score (1) on its metric, a sum, 4 to 20"),
            std::string::npos)
      << run.err;
}

TEST(Norms, FileRules) {
  const std::string dir = make_temp_dir();
  // -o is required: nothing is written anywhere else.
  EXPECT_EQ(run_alliance({"norms", "wai-sr", clinic_data()}).status, 2);
  // Every response alike: no norm, nothing written, exit 1.
  std::ofstream same(dir + "/same.csv");
  same << "respondent,1,2,3,4,5,6,7,8,9,10,11,12\nA,3,3,3,3,3,3,3,3,3,3,3,3\nB,3,3,3,3,3,3,3,3,3,3,3,3\n";
  same.close();
  const NormsRun none = run_alliance({"norms", "wai-sr", dir + "/same.csv", "-o", dir + "/none.json"});
  EXPECT_EQ(none.status, 1);
  EXPECT_NE(none.err.find("no scale of wai-sr has a norm to write"), std::string::npos) << none.err;
  EXPECT_FALSE(std::ifstream(dir + "/none.json").good());
  // An invalid row is reported, the rest still make the norms: exit 1, file written.
  std::ofstream bad(dir + "/bad.csv");
  bad << slurp(clinic_data()) << "K999,1,2026-09-07,9,4,4,4,4,4,4,4,4,4,4,4\n";
  bad.close();
  const NormsRun partly = run_alliance({"norms", "wai-sr", dir + "/bad.csv", "-o", dir + "/partly.json"});
  EXPECT_EQ(partly.status, 1);
  EXPECT_NE(partly.err.find("1 response is invalid and left out of the norms"), std::string::npos)
      << partly.err;
  EXPECT_TRUE(std::ifstream(dir + "/partly.json").good());
  // -o - writes the definition to standard output.
  const NormsRun out = run_alliance({"norms", "wai-sr", clinic_data(), "-o", "-"});
  EXPECT_EQ(out.status, 0);
  EXPECT_EQ(nlohmann::json::parse(out.out).at("extends"), "wai-sr");
}

// A 1..5 scale, subscale "a" the prorated sum of four items (at most one
// missing) with bands Low (< 10) and High (>= 10); the total the same sum.
constexpr const char* kBandedDefinition = R"({"format": "alliance/1", "id": "banded", "version": "1.0.0",
 "family": "banded", "form": "client", "languages": [], "title": {"en": "Banded"},
 "source": {"citation": "test", "licence": "test", "validated": false},
 "scale": {"type": "integer", "min": 1, "max": 5},
 "subscales": [{"id": "a", "title": {"en": "A"}, "method": "sum", "prorate": true, "missing": {"max_missing": 1},
   "bands": {"citation": "test", "ranges": [
     {"max": 10, "label": {"en": "Low"}, "concern": true}, {"min": 10, "label": {"en": "High"}}]}}],
 "items": [{"id": "1", "subscale": "a"}, {"id": "2", "subscale": "a"}, {"id": "3", "subscale": "a"},
           {"id": "4", "subscale": "a"}],
 "total": {"method": "sum", "of": "items", "prorate": true, "missing": {"max_missing": 1}}})";

TEST(PossibleScores, CsvJsonAndExplain) {
  const std::string dir = make_temp_dir();
  std::ofstream(dir + "/banded.json") << kBandedDefinition;
  // R1: 2 2 2 and item 4 missing: 6 x 4 / 3 = 8 (Low); 7 (item 4 at 1) to 11 (at 5): Low to High.
  // R2: 5 5 5, item 4 missing: 20, from 16 to 20: High either way.
  // R3: complete, 3 3 3 3 = 12: no range, the band settled.
  std::ofstream(dir + "/r.csv") << "respondent,1,2,3,4\nR1,2,2,2,\nR2,5,5,5,\nR3,3,3,3,3\n";
  const NormsRun csv = run_alliance({"score", dir + "/banded.json", dir + "/r.csv", "--output-columns",
                                     "respondent,a,a_possible_low,a_possible_high,a_band,a_band_settled,"
                                     "total_possible_low,total_possible_high"});
  ASSERT_EQ(csv.status, 0) << csv.err;
  EXPECT_EQ(csv.out,
            "respondent,a,a_possible_low,a_possible_high,a_band,a_band_settled,total_possible_low,"
            "total_possible_high\n"
            "R1,8,7,11,Low,FALSE,7,11\n"
            "R2,20,16,20,High,TRUE,16,20\n"
            "R3,12,NA,NA,High,TRUE,NA,NA\n");
  // The full layout (the fast row path) holds the same cells.
  const NormsRun wide = run_alliance({"score", dir + "/banded.json", dir + "/r.csv"});
  ASSERT_EQ(wide.status, 0);
  const std::vector<std::string> rows = lines(wide.out);
  EXPECT_NE(rows.at(0).find("a_status,a_possible_low,a_possible_high,a_band,a_band_settled,total"),
            std::string::npos)
      << rows.at(0);
  EXPECT_NE(rows.at(1).find(",ok,7,11,Low,FALSE,"), std::string::npos) << rows.at(1);
  EXPECT_NE(rows.at(3).find(",ok,NA,NA,High,TRUE,"), std::string::npos) << rows.at(3);
  const NormsRun long_rows = run_alliance({"score", dir + "/banded.json", dir + "/r.csv", "--long"});
  EXPECT_NE(long_rows.out.find("status,possible_low,possible_high,band,band_settled,z"), std::string::npos);
  EXPECT_NE(long_rows.out.find("R1,NA,NA,NA,NA,a,8,3,1,ok,7,11,Low,FALSE,NA,NA,NA"), std::string::npos)
      << long_rows.out;
  // JSON: the same, as numbers and booleans.
  const NormsRun json = run_alliance({"score", dir + "/banded.json", dir + "/r.csv", "--format", "ndjson"});
  const nlohmann::json r1 = nlohmann::json::parse(lines(json.out).at(0)).at("scores").at("a");
  EXPECT_EQ(r1.at("possible_low"), 7);
  EXPECT_EQ(r1.at("possible_high"), 11);
  EXPECT_EQ(r1.at("band_settled"), false);
  const nlohmann::json r3 = nlohmann::json::parse(lines(json.out).at(2)).at("scores").at("a");
  EXPECT_TRUE(r3.at("possible_low").is_null());
  EXPECT_EQ(r3.at("band_settled"), true);
  // --explain, in English and French.
  const NormsRun explained =
      run_alliance({"score", dir + "/banded.json", dir + "/r.csv", "--explain", "--lang", "en"});
  EXPECT_NE(
      explained.out.find("  with the missing items answered: from 7 to 11; band \"Low\" to \"High\": not "
                         "settled (ask the missing items before acting on the band)\n"),
      std::string::npos)
      << explained.out;
  EXPECT_NE(
      explained.out.find("  with the missing items answered: from 16 to 20; band \"High\" either way\n"),
      std::string::npos);
  const NormsRun fr =
      run_alliance({"score", dir + "/banded.json", dir + "/r.csv", "--explain", "--lang", "fr"});
  EXPECT_NE(fr.out.find("  si les items manquants avaient une réponse\u00a0: de 16 à 20\u00a0; plage "
                        "«\u00a0High\u00a0» dans tous les cas\n"),
            std::string::npos)
      << fr.out;
}

}  // namespace
}  // namespace alliance::testing
