// alliance report end to end: the file (where it is asked, mode 0600, atomic,
// never through a link or onto a directory), what trend and compare compute
// drawn where it belongs, languages, refusals. Expected values by hand.
//
// tests/data/trend/v-shape.ndjson (SRS, totals 0–40): A, sessions 1..6, totals 36, 37, 37, 28, 33, 37;
// with --sd total=4 --retest-r total=0.8 trend flags session 4 a rupture (tests/e2e/trend_test.cpp).
// B has dates only: placed by position (#1, #2, #3).
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "process.hpp"

namespace alliance::testing {
namespace {

namespace fs = std::filesystem;
using Outcome = alliance::testing::Run;

const std::string kReportSeries = "tests/data/trend/v-shape.ndjson";

Outcome report(const std::string& out, std::vector<std::string> extra = {}, RunOptions options = {}) {
  std::vector<std::string> args{
      "report", "srs", source_path(kReportSeries), "--sd", "total=4", "--retest-r", "total=0.8", "-o", out};
  args.insert(args.end(), extra.begin(), extra.end());
  if (options.env.empty()) options.env = {{"SOURCE_DATE_EPOCH", "1767622953"}};
  return run_alliance(args, options);
}

// The part of the page between `from` and the next `to`.
std::string between(const std::string& text, const std::string& from, const std::string& to) {
  const auto start = text.find(from);
  if (start == std::string::npos) return "";
  const auto end = text.find(to, start);
  return text.substr(start, end == std::string::npos ? std::string::npos : end - start);
}

TEST(ReportCommand, WritesTheFileAskedForOwnerOnly) {
  const std::string dir = make_temp_dir();
  const Outcome run = report(dir + "/r.html", {}, {.env = {{"SOURCE_DATE_EPOCH", "1767622953"}}, .cwd = dir});
  ASSERT_EQ(run.status, 0) << run.err;
  EXPECT_EQ(run.out, "");
  EXPECT_EQ(run.err, "alliance: " + dir + "/r.html: report of 2 respondents, 9 sessions (" +
                         std::to_string(fs::file_size(dir + "/r.html")) + " bytes, mode 0600)\n");
  struct stat st {};
  ASSERT_EQ(stat((dir + "/r.html").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  // Nothing else: no temporary file left, nothing written beside it.
  std::vector<std::string> names;
  for (const fs::directory_entry& e : fs::directory_iterator(dir))
    names.push_back(e.path().filename().string());
  EXPECT_EQ(names, (std::vector<std::string>{"r.html"}));
  const std::string html = slurp(dir + "/r.html");
  EXPECT_TRUE(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
  EXPECT_NE(html.find("Date of the report: 2026-01-05T14:22:33Z"), std::string::npos);
  EXPECT_NE(html.find("definition hash <code>" + bundled_hash("srs") + "</code>"), std::string::npos);
  EXPECT_NE(html.find("<meta name=\"alliance.questionnaire\" content=\"srs\">\n<meta "
                      "name=\"alliance.questionnaire_version\" content=\"1.0.0\">\n<meta "
                      "name=\"alliance.definition_hash\" "
                      "content=\"" +
                      bundled_hash("srs") + "\">\n"),
            std::string::npos);
  const std::string first_line = run_alliance({"--version"}).out;  // "alliance 0.1.0\n" and more lines
  const std::string version = first_line.substr(9, first_line.find('\n') - 9);
  EXPECT_NE(html.find("<tr><th scope=\"row\">alliance version</th><td>" + version + "</td></tr>"),
            std::string::npos);
}

TEST(ReportCommand, TrendsRuptureIsMarkedAtItsSession) {
  const std::string dir = make_temp_dir();
  ASSERT_EQ(report(dir + "/r.html").status, 0);
  const std::string html = slurp(dir + "/r.html");
  // B's latest total (35) is below the band: B first, then A (latest 37, repaired).
  EXPECT_LT(html.find("<h2 id=\"client-1-h\">Client B</h2>"),
            html.find("<h2 id=\"client-2-h\">Client A</h2>"));
  const std::string a_total = between(html,
                                      "<svg class=\"chart\" viewBox=\"0 0 640 240\" role=\"img\" "
                                      "aria-labelledby=\"client-2-s4-t",
                                      "</svg>");
  ASSERT_FALSE(a_total.empty());
  // Session 4 of 1..6: x = 56 + 3/5 × 568 = 396.8; total 28: y = 16 + 12/40 × 180 = 70.0; the
  // triangle starts 6 left of it and 8 below.
  EXPECT_NE(a_total.find("<path class=\"mark rupture\" data-session=\"4\" d=\"M390.8 78.0h12l-6 10z\"/>"),
            std::string::npos)
      << a_total;
  EXPECT_NE(a_total.find("<circle class=\"pt\" cx=\"396.8\" cy=\"70.0\" r=\"4\" data-session=\"4\">"),
            std::string::npos);
  // Every rupture and repair the chart marks is one trend's JSON raises on A's total, and back.
  const Outcome trend = run_alliance({"trend", "srs", source_path(kReportSeries), "--sd", "total=4", "--retest-r",
                                      "total=0.8", "--format", "json"});
  ASSERT_EQ(trend.status, 0) << trend.err;
  const nlohmann::json records = nlohmann::json::parse(trend.out);  // named: the loop reads into it
  for (const auto& record : records["sessions"]) {
    if (record["respondent"] != "A") continue;
    const std::string session = std::to_string(record["session"].get<int>());
    for (const char* flag : {"rupture", "repair"}) {
      const bool raised = std::find(record["flags"].begin(), record["flags"].end(),
                                    std::string("total:") + flag) != record["flags"].end();
      EXPECT_EQ(a_total.find(std::string("class=\"mark ") + flag + "\" data-session=\"" + session + "\"") !=
                    std::string::npos,
                raised)
          << flag << " at session " << session;
    }
  }
  // B has dates, no numbers: placed by position.
  EXPECT_NE(html.find("data-session=\"#3\""), std::string::npos);
}

TEST(ReportCommand, TheTherapistsFormWithCompareAgreement) {
  const std::string dir = make_temp_dir();
  const Outcome run =
      run_alliance({"report", "gtb-12", "examples/gtb-12-sessions.ndjson", "--therapist", "gtb-12-t",
                    "examples/gtb-12-t-sessions.csv", "--respondent", "P017", "-o", dir + "/p017.html"},
                   {.cwd = source_path("")});
  ASSERT_EQ(run.status, 0) << run.err;
  const std::string html = slurp(dir + "/p017.html");
  EXPECT_EQ(html.find("id=\"caseload\""), std::string::npos);  // one client
  EXPECT_EQ(html.find("P023"), std::string::npos);
  // P017's five pairs (compare --format json): client totals 41/12, 4, 4.25, 2.5, 13/3, mean 3.70;
  // therapist 40/12, 43/12, 46/12, 40/12, 4, mean 217/60 = 3.62; differences 1/12, 5/12, 5/12, −10/12,
  // 4/12, mean 1/12 = 0.08.
  EXPECT_NE(
      html.find("<tr><th scope=\"row\">Total</th><td class=\"num\">5</td><td class=\"num\">3.70</td><td "
                "class=\"num\">3.62</td><td class=\"num\">0.08</td>"),
      std::string::npos)
      << html;
  EXPECT_NE(html.find("<g class=\"therapist\">"), std::string::npos);
  EXPECT_NE(html.find("<meta name=\"alliance.definition_hash\" content=\"" + bundled_hash("gtb-12") + ";" +
                      bundled_hash("gtb-12-t") + "\">"),
            std::string::npos);
  // Its latest session (5): answers 4 4 5 4 4 5 1 1 4 5 4 2 (items 7, 8, 12 reversed: 5, 5, 4), so the
  // lowest as scored are items 1, 2 and 4 (4 each), in item order.
  const std::string lowest = between(html, "Lowest answers of the latest session (5)", "</table>");
  EXPECT_LT(lowest.find("<tr><td>1</td>"), lowest.find("<tr><td>2</td>"));
}

TEST(ReportCommand, FrenchReport) {
  const std::string dir = make_temp_dir();
  ASSERT_EQ(report(dir + "/r.html", {"--lang", "fr"}).status, 0);
  const std::string html = slurp(dir + "/r.html");
  EXPECT_TRUE(html.starts_with("<!DOCTYPE html>\n<html lang=\"fr\">"));
  EXPECT_NE(html.find("Date du rapport\u00A0: 2026-01-05T14:22:33Z"), std::string::npos);
  EXPECT_NE(html.find("<td class=\"num\">28,00</td>"), std::string::npos);  // A's session 4
  EXPECT_NE(html.find(">rupture · baisse fiable</text>"), std::string::npos);
}

TEST(ReportCommand, TheSameInputGivesTheSameBytes) {
  const std::string dir = make_temp_dir();
  ASSERT_EQ(report(dir + "/1.html").status, 0);
  ASSERT_EQ(report(dir + "/2.html").status, 0);
  EXPECT_EQ(slurp(dir + "/1.html"), slurp(dir + "/2.html"));
  const Outcome out = report("-");
  EXPECT_EQ(out.status, 0);
  EXPECT_EQ(out.out, slurp(dir + "/1.html"));  // -o - : standard output, the same page
}

TEST(ReportCommand, OneChartAsSvg) {
  const std::string dir = make_temp_dir();
  const Outcome run = report(dir + "/a.svg", {"--respondent", "A", "-f", "svg"});
  ASSERT_EQ(run.status, 0) << run.err;
  const std::string svg = slurp(dir + "/a.svg");
  EXPECT_TRUE(svg.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg class=\"chart\""));
  EXPECT_NE(svg.find("data-session=\"4\" d=\"M390.8 78.0h12l-6 10z\""), std::string::npos);
  const Outcome two = report(dir + "/b.svg", {"-f", "svg"});
  EXPECT_EQ(two.status, 2);
  EXPECT_EQ(two.err,
            "alliance: --format svg draws one respondent's chart, and the input has 2: choose one with "
            "--respondent ID\n");
  const Outcome scale = report(dir + "/b.svg", {"-f", "svg", "--respondent", "A", "--scale", "totl"});
  EXPECT_EQ(scale.status, 2);
  EXPECT_EQ(scale.err,
            "alliance: --scale 'totl': not a scale of srs (relationship, goals, approach, overall, "
            "total), did you mean 'total'?\n");
  EXPECT_FALSE(fs::exists(dir + "/b.svg"));
}

TEST(ReportCommand, NeverWritesThroughALinkOrOntoADirectory) {
  const std::string dir = make_temp_dir();
  fs::create_directory(dir + "/sub");
  const Outcome onto_dir = report(dir + "/sub");
  EXPECT_EQ(onto_dir.status, 3);
  EXPECT_EQ(onto_dir.err, "alliance: " + dir +
                              "/sub: not a regular file; the report replaces only a regular file (give a new "
                              "file name with -o)\n");
  { std::ofstream(dir + "/target.txt") << "keep"; }
  fs::create_symlink(dir + "/target.txt", dir + "/link.html");
  EXPECT_EQ(report(dir + "/link.html").status, 3);
  EXPECT_EQ(slurp(dir + "/target.txt"), "keep");
  // An existing report is replaced, and stays owner-only.
  { std::ofstream(dir + "/old.html") << "old"; }
  ASSERT_EQ(report(dir + "/old.html").status, 0);
  EXPECT_TRUE(slurp(dir + "/old.html").starts_with("<!DOCTYPE html>"));
}

TEST(ReportCommand, NothingToReportOn) {
  const std::string dir = make_temp_dir();
  const Outcome missing = report(dir + "/r.html", {"--respondent", "Z"});
  EXPECT_EQ(missing.status, 1);
  EXPECT_EQ(missing.err, "alliance: --respondent 'Z': no valid response of the client's form has this id\n");
  EXPECT_FALSE(fs::exists(dir + "/r.html"));
  // In French, as every command's errors (the message catalogue).
  const std::string nb = "\u00a0";
  const Outcome french = report(dir + "/r.html", {"--respondent", "Z", "--lang", "fr"});
  EXPECT_EQ(french.status, 1);
  EXPECT_EQ(french.err, "alliance" + nb + ": --respondent «" + nb + "Z" + nb + "»" + nb +
                            ": aucune réponse valide de la forme client ne porte cet identifiant\n");
  EXPECT_FALSE(fs::exists(dir + "/r.html"));
}

TEST(ReportCommand, SourceDateEpochMustBeSeconds) {
  const std::string dir = make_temp_dir();
  const Outcome run = report(dir + "/r.html", {}, {.env = {{"SOURCE_DATE_EPOCH", "yesterday"}}});
  EXPECT_EQ(run.status, 2);
  EXPECT_EQ(run.err, "alliance: SOURCE_DATE_EPOCH 'yesterday': expected whole seconds since 1970\n");
  EXPECT_FALSE(fs::exists(dir + "/r.html"));
}

TEST(ReportCommand, InvalidResponsesAreReportedAndTheRestDrawn) {
  const std::string dir = make_temp_dir();
  {
    std::ofstream(dir + "/s.ndjson")
        << "{\"respondent\":\"A\",\"session\":1,\"answers\":{\"1\":9,\"2\":9,\"3\":9,\"4\":9}}\n"
           "{\"respondent\":\"A\",\"session\":2,\"answers\":{\"1\":12,\"2\":9,\"3\":9,\"4\":9}}\n";
  }
  const Outcome run = run_alliance({"report", "srs", dir + "/s.ndjson", "-o", dir + "/r.html"});
  EXPECT_EQ(run.status, 1);
  EXPECT_NE(run.err.find(dir + "/s.ndjson:2: "), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("alliance: 1 response is invalid and not in the report\n"), std::string::npos);
  EXPECT_NE(slurp(dir + "/r.html").find("Responses that could not be read or scored, not shown: 1 "),
            std::string::npos);
}

}  // namespace
}  // namespace alliance::testing
