// Batch scoring at scale: the fast paths (NDJSON scanner, CSV reader, two
// threads) give the reference scores computed in R, fall back to the full
// JSON reader with its exact messages, give byte-identical output with one
// or two threads, and end quietly when the reader of a pipe goes away.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "process.hpp"

namespace alliance::testing {
namespace {

using Outcome = alliance::testing::Run;

std::vector<std::string> split(const std::string& line, char sep = ',') {
  std::vector<std::string> out;
  std::string cell;
  std::istringstream in(line);
  while (std::getline(in, cell, sep)) out.push_back(cell);
  if (!line.empty() && line.back() == sep) out.emplace_back();
  return out;
}

void write_file(const std::string& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

Outcome score(const std::vector<std::string>& args, const std::string& threads,
              const std::string& input = "") {
  std::vector<std::string> all = {"score", "wai-sr"};
  all.insert(all.end(), args.begin(), args.end());
  return run_alliance(all, {.input = input, .env = {{"ALLIANCE_THREADS", threads}}});
}

// Columns respondent, goal, task, bond, total of our CSV against R's scores.csv.
void expect_reference_scores(const std::string& csv) {
  const auto reference = lines(slurp(source_path("tests/reference/batch/scores.csv")));
  const auto rows = lines(csv);
  ASSERT_EQ(rows.size(), reference.size());
  const auto header = split(rows[0]);
  ASSERT_EQ(header[0], "respondent");
  ASSERT_EQ(header[6], "goal");
  ASSERT_EQ(header[12], "task");
  ASSERT_EQ(header[18], "bond");
  ASSERT_EQ(header[24], "total");
  for (std::size_t i = 1; i < rows.size(); ++i) {
    const auto ours = split(rows[i]);
    const auto theirs = split(reference[i]);
    ASSERT_EQ(ours[0], theirs[0]);
    const std::size_t columns[] = {6, 12, 18, 24};
    for (std::size_t k = 0; k < 4; ++k) {
      const std::string& a = ours[columns[k]];
      const std::string& b = theirs[k + 1];
      if (b == "NA") {
        EXPECT_EQ(a, "NA") << rows[i];
      } else {
        ASSERT_NE(a, "NA") << rows[i];
        EXPECT_NEAR(std::stod(a), std::stod(b), 1e-9) << rows[i];
      }
    }
  }
}

TEST(Batch, CsvAndNdjsonGiveTheReferenceScoresWithOneAndTwoThreads) {
  const std::string csv = source_path("tests/reference/batch/responses.csv");
  const std::string ndjson = source_path("tests/reference/batch/responses.ndjson");
  std::string first;
  for (const std::string threads : {"1", "2"}) {
    for (const std::string& file : std::vector<std::string>{csv, ndjson}) {
      SCOPED_TRACE(file + " threads " + threads);
      const Outcome run = score({file, "--format", "csv"}, threads);
      ASSERT_EQ(run.status, 0) << run.err;
      EXPECT_EQ(run.err, "");
      expect_reference_scores(run.out);
      // Apart from the source column (file:line), CSV and NDJSON input give the same bytes.
      std::string without_source;
      for (const std::string& row : lines(run.out)) {
        auto cells = split(row);
        cells[31] = "";
        for (const std::string& cell : cells) without_source += cell + ",";
        without_source += "\n";
      }
      if (first.empty()) first = without_source;
      EXPECT_EQ(without_source, first);
    }
  }
}

// Several files, more records than one batch (512), invalid rows, warnings
// between files, every output format: one thread and two write the same
// bytes, on standard output and on standard error.
TEST(Batch, TwoThreadsWriteTheSameBytesAsOne) {
  const std::string dir = make_temp_dir();
  const std::string rows = slurp(source_path("tests/reference/batch/responses.csv"));
  const std::string body = rows.substr(rows.find('\n') + 1);
  std::string big = rows;
  for (int copy = 0; copy < 4; ++copy) {
    big += body;
    big += "BAD" + std::to_string(copy) + ",6,1,1,1,1,1,1,1,1,1,1,1\n";
    big += "ODD" + std::to_string(copy) + ",x,,,,,,,,,,,\n";
  }
  write_file(dir + "/big.csv", big);
  write_file(dir + "/short.csv", "id,i1,i2,i3,i4,i5,i6,i7,i8,i9,i10,i11\nS1,1,2,3,4,5,1,2,3,4,5,1\n");
  const std::string nd = slurp(source_path("tests/reference/batch/responses.ndjson"));
  write_file(dir + "/more.ndjson", nd + "{\"id\":\"J1\",\"responses\":{\"1\":1e400}}\n" + nd);
  for (const char* format : {"csv", "tsv", "ndjson", "json"}) {
    for (const char* extra : {"", "--long"}) {
      SCOPED_TRACE(std::string(format) + " " + extra);
      // short.csv names 11 items: read only with the pattern given.
      std::vector<std::string> args = {dir + "/big.csv",
                                       dir + "/short.csv",
                                       dir + "/more.ndjson",
                                       "--columns",
                                       "i{id}",
                                       "--format",
                                       format};
      if (*extra) args.push_back(extra);
      const Outcome one = score(args, "1");
      const Outcome two = score(args, "2");
      EXPECT_EQ(one.status, 1);  // the invalid rows
      EXPECT_EQ(two.status, one.status);
      EXPECT_EQ(two.out, one.out);
      EXPECT_EQ(two.err, one.err);
      EXPECT_GT(lines(one.out).size(), 1500u);
      EXPECT_NE(one.err.find("big.csv:602: item 1 = 6 is outside the scale 1..5"), std::string::npos)
          << one.err;
      EXPECT_NE(one.err.find("warning: " + dir + "/short.csv:1: no column for item 12"), std::string::npos);
    }
  }
  // --strict stops at the same record whatever the thread count.
  const Outcome one = score({dir + "/big.csv", "--strict"}, "1");
  const Outcome two = score({dir + "/big.csv", "--strict"}, "2");
  EXPECT_EQ(one.status, 1);
  EXPECT_EQ(two.out, one.out);
  EXPECT_EQ(two.err, one.err);
  EXPECT_EQ(lines(one.out).size(), 1u + 600 + 1);  // header, 600 valid rows, the invalid one
}

// --threads chooses the path on the command line and wins over the
// environment; stats gives the same report either way.
TEST(Batch, ThreadsOptionChoosesThePathAndStatsAgree) {
  const std::string csv = source_path("tests/reference/batch/responses.csv");
  const Outcome env_one = score({csv}, "1");
  const Outcome option_two = score({csv, "--threads", "2"}, "1");
  EXPECT_EQ(env_one.status, 0);
  EXPECT_EQ(option_two.out, env_one.out);
  expect_reference_scores(option_two.out);
  const Outcome three = score({csv, "--threads", "3"}, "");
  EXPECT_EQ(three.status, 2);
  EXPECT_NE(three.err.find("--threads"), std::string::npos) << three.err;
  const Outcome stats_one = run_alliance({"stats", "wai-sr", csv, "--threads", "1", "--format", "json"});
  const Outcome stats_two = run_alliance({"stats", "wai-sr", csv, "--threads", "2", "--format", "json"});
  EXPECT_EQ(stats_one.status, 0);
  EXPECT_EQ(stats_two.out, stats_one.out);
  EXPECT_NE(stats_one.out.find("\"alpha\""), std::string::npos);
}

// Numbers within 1e-12 (relative), every other cell the same: statistics
// summed in another order.
void expect_same_to_rounding(const std::string& a, const std::string& b) {
  const auto rows_a = lines(a), rows_b = lines(b);
  ASSERT_EQ(rows_a.size(), rows_b.size());
  for (std::size_t r = 0; r < rows_a.size(); ++r) {
    const auto x = split(rows_a[r]), y = split(rows_b[r]);
    ASSERT_EQ(x.size(), y.size()) << rows_a[r];
    for (std::size_t c = 0; c < x.size(); ++c) {
      char* end = nullptr;
      const double u = std::strtod(x[c].c_str(), &end);
      if (x[c].empty() || *end != '\0') {
        EXPECT_EQ(x[c], y[c]) << rows_a[r];
        continue;
      }
      EXPECT_NEAR(u, std::stod(y[c]), 1e-12 * std::max(1.0, std::fabs(u))) << rows_a[r];
    }
  }
}

// A file of 1 MiB or more is summed in two parts, the second read by the
// second thread with --threads 2 (docs/performance.md): the same report to
// the last digit with one thread or two, the problems of both halves in file
// order with their lines, and the statistics of the same rows read from a
// pipe (in one part) to rounding.
TEST(Batch, StatsOnALargeFileAgreeWithOneOrTwoThreads) {
  const std::string dir = make_temp_dir();
  const std::string rows = slurp(source_path("tests/reference/batch/responses.csv"));
  const std::string body = rows.substr(rows.find('\n') + 1);
  std::string big = rows;
  long line = 301;  // the header and 300 rows
  std::vector<long> bad_lines;
  for (int copy = 0; copy < 130; ++copy) {  // about 1.3 MB
    big += body;
    line += 300;
    if (copy % 30 == 15) {
      big += "BAD" + std::to_string(copy) + ",6,1,1,1,1,1,1,1,1,1,1,1\n";
      bad_lines.push_back(++line);
    }
  }
  ASSERT_GT(big.size(), 1u << 20);
  write_file(dir + "/big.csv", big);
  const std::vector<std::string> args = {"stats", "wai-sr", dir + "/big.csv", "--format", "csv"};
  auto with = [&args](const char* threads) {
    std::vector<std::string> all = args;
    all.insert(all.end(), {"--threads", threads});
    return run_alliance(all);
  };
  const Outcome one = with("1");
  const Outcome two = with("2");
  EXPECT_EQ(one.status, 1);  // the invalid rows
  EXPECT_EQ(two.status, 1);
  EXPECT_EQ(two.out, one.out);
  EXPECT_EQ(two.err, one.err);
  ASSERT_EQ(bad_lines.size(), 4u);  // two in each half
  std::size_t previous = 0;
  for (long bad : bad_lines) {
    const std::size_t at = one.err.find(dir + "/big.csv:" + std::to_string(bad) + ": item 1 = 6 is outside");
    ASSERT_NE(at, std::string::npos) << bad << "\n" << one.err;
    EXPECT_GE(at, previous);
    previous = at;
  }
  EXPECT_NE(one.err.find("4 of 39304 responses are invalid"), std::string::npos) << one.err;
  const Outcome piped = run_alliance({"stats", "wai-sr", "--format", "csv"}, {.input = big});
  EXPECT_EQ(piped.status, 1);
  expect_same_to_rounding(piped.out, one.out);
  EXPECT_NE(piped.err.find("<stdin>:" + std::to_string(bad_lines.back()) + ": item 1 = 6"),
            std::string::npos);
}

// Lines the NDJSON fast path declines go to the full JSON reader: the same
// scores, and the exact located messages.
TEST(Batch, NdjsonLinesOutsideTheCommonShapeAreReadInFull) {
  const std::string all12 = R"("1":5,"2":5,"3":5,"4":5,"5":5,"6":5,"7":5,"8":5,"9":5,"10":5,"11":5,"12":5)";
  const std::string input =
      // 1: the common shape. 2: escapes and non-ASCII text, exponents, spaces, x- keys.
      "{\"id\":\"A\",\"responses\":{" + all12 +
      "}}\n"
      "{ \"respondent\" : \"caf\\u00e9 \\\"B\\\"\", \"session\": 2, \"x-note\": {\"a\": [1]}, "
      "\"answers\": {\"1\": 5e0, \"2\": 50E-1, \"3\": 5.0, \"4\": 5, \"5\": 5, \"6\": 5, \"7\": 5, \"8\": 5, "
      "\"9\": 5, \"10\": 5, \"11\": 5, \"12\": 5} }\n"
      // 3: a number no double holds. 4: off the scale. 5: an unknown item. 6: not JSON.
      "{\"id\":\"C\",\"responses\":{\"1\":1e400}}\n"
      "{\"id\":\"D\",\"responses\":{\"1\":6,\"2\":0}}\n"
      "{\"id\":\"E\",\"responses\":{\"13\":1}}\n"
      "{\"id\":\"F\",\"responses\":{\"1\":1,}}\n"
      // 7: a numeric id, a null answer, CRLF.
      "{\"id\":42,\"responses\":{\"1\":null," +
      all12.substr(all12.find("\"2\"")) + "}}\r\n";
  for (const std::string threads : {"1", "2"}) {
    const Outcome run = score({"-", "--input-format", "ndjson", "--format", "ndjson"}, threads, input);
    EXPECT_EQ(run.status, 1);
    const auto rows = lines(run.out);
    ASSERT_EQ(rows.size(), 7u);
    EXPECT_NE(rows[0].find(R"({"respondent":"A",)"), std::string::npos);
    EXPECT_NE(rows[0].find(R"("total":{"score":60,"answered":12,)"), std::string::npos) << rows[0];
    EXPECT_NE(rows[1].find("{\"respondent\":\"caf\xC3\xA9 \\\"B\\\"\",\"session\":2,"), std::string::npos)
        << rows[1];
    EXPECT_NE(rows[1].find(R"("total":{"score":60,"answered":12,)"), std::string::npos) << rows[1];
    EXPECT_NE(rows[2].find(R"("status":"invalid")"), std::string::npos);
    // 7: items 2..12 answered 5, item 1 missing: 55/11*12 = 60.
    EXPECT_NE(rows[6].find(R"({"respondent":"42",)"), std::string::npos) << rows[6];
    EXPECT_NE(rows[6].find(R"("total":{"score":60,"answered":11,"missing":1,)"), std::string::npos)
        << rows[6];
    const auto err = lines(run.err);
    ASSERT_EQ(err.size(), 6u) << run.err;
    // Column 28 is where 1e400 starts.
    EXPECT_EQ(err[0],
              "<stdin>:3:28: /responses/1: number 1e400 is out of range (a number must lie within ±1.8e308)");
    // The full reader sees the object's keys sorted: item 1, then item 2.
    EXPECT_EQ(err[1], "<stdin>:4: item 1 = 6 is outside the scale 1..5");
    EXPECT_EQ(err[2], "<stdin>:4: item 2 = 0 is outside the scale 1..5");
    EXPECT_EQ(err[3].rfind("<stdin>:5: /responses/13: unknown item \"13\" in wai-sr", 0), 0u) << err[3];
    // Column 30: the '}' after the trailing comma, in the object /responses.
    EXPECT_EQ(err[4].rfind("<stdin>:6:30: /responses: invalid JSON: syntax error", 0), 0u) << err[4];
    EXPECT_EQ(err[5], "alliance: 4 of 7 responses are invalid");
  }
}

TEST(Batch, OutOfRangeNumbersAreInvalidAnswersNotACrash) {
  const Outcome csv =
      score({"-", "--format", "csv", "--columns", "i{id}"}, "1", "id,i1\nx,1e400\ny,-1e400\n");
  EXPECT_EQ(csv.status, 1);
  EXPECT_NE(csv.err.find("<stdin>:2: item 1 = \"1e400\" is not a number"), std::string::npos) << csv.err;
  EXPECT_NE(csv.err.find("<stdin>:3: item 1 = \"-1e400\" is not a number"), std::string::npos) << csv.err;
  const Outcome doc = score({"-", "--format", "csv"}, "1", "[{\"id\":\"x\",\"responses\":{\"1\":1e400}}]");
  EXPECT_EQ(doc.status, 1);
  EXPECT_EQ(doc.err,
            "<stdin>:1:29: /0/responses/1: number 1e400 is out of range (a number must lie within ±1.8e308)\n"
            "alliance: 1 of 1 response is invalid\n");
}

// An endless input piped through alliance into head: output flows before the
// input ends, and when head exits alliance is ended by SIGPIPE (status 141
// in the shell), printing nothing.
TEST(Batch, HeadClosingThePipeEndsItQuietly) {
  for (const std::string threads : {"1", "2"}) {
    const std::string dir = make_temp_dir();
    const std::string script =
        "(echo id,i1,i2,i3,i4,i5,i6,i7,i8,i9,i10,i11,i12; yes P1,1,2,3,4,5,1,2,3,4,5,1,2) | "
        "ALLIANCE_THREADS=" +
        threads + " '" + ALLIANCE_BIN + "' score wai-sr --format csv 2> '" + dir +
        "/err' | head -n 3; echo \"status ${PIPESTATUS[1]}\"";
    const Outcome run = run_program("/bin/bash", {"-c", script});
    ASSERT_EQ(run.status, 0) << run.err;
    const auto out = lines(run.out);
    ASSERT_EQ(out.size(), 4u) << run.out;
    EXPECT_EQ(out[0].rfind("respondent,session,", 0), 0u);
    // goal i4,i6,i8,i11 = 4+1+3+1 = 9; task i1,i2,i10,i12 = 1+2+5+2 = 10; bond i3,i5,i7,i9 = 3+5+2+4 = 14;
    // total 33.
    EXPECT_EQ(
        out[1].rfind(
            "P1,NA,NA,NA,NA,ok,9,4,0,ok,NA,NA,10,4,0,ok,NA,NA,14,4,0,ok,NA,NA,33,12,0,ok,NA,NA,,<stdin>:2,",
            0),
        0u)
        << out[1];
    EXPECT_EQ(out[3], "status 141");
    EXPECT_EQ(slurp(dir + "/err"), "");
  }
}

// scripts/score-shards.sh: shards scored in parallel, merged in shard order.
TEST(Batch, ShardsScoredInParallelMergeDeterministically) {
  const std::string dir = make_temp_dir();
  const auto nd = lines(slurp(source_path("tests/reference/batch/responses.ndjson")));
  std::vector<std::string> shards;
  for (std::size_t s = 0; s < 3; ++s) {
    std::string text;
    for (std::size_t i = s * 100; i < (s + 1) * 100; ++i) text += nd[i] + "\n";
    shards.push_back(dir + "/shard-" + std::to_string(s) + ".ndjson");
    write_file(shards.back(), text);
  }
  const std::string bin_dir = std::string(ALLIANCE_BIN).substr(0, std::string(ALLIANCE_BIN).rfind('/'));
  std::vector<std::string> args = {source_path("scripts/score-shards.sh"), "wai-sr", dir + "/merged.csv"};
  args.insert(args.end(), shards.begin(), shards.end());
  const Outcome run = run_program("/bin/sh", args, {.env = {{"ALLIANCE", ALLIANCE_BIN}, {"JOBS", "3"}}});
  ASSERT_EQ(run.status, 0) << run.err;
  const std::string merged = slurp(dir + "/merged.csv");
  expect_reference_scores(merged);
  // Rows in shard order, each from its own shard.
  const auto rows = lines(merged);
  EXPECT_NE(rows[1].find("/shard-0.ndjson:1,"), std::string::npos) << rows[1];
  EXPECT_NE(rows[101].find("/shard-1.ndjson:1,"), std::string::npos) << rows[101];
  EXPECT_NE(rows[300].find("/shard-2.ndjson:100,"), std::string::npos) << rows[300];
  // An invalid row in one shard: its message on stderr, exit status 1, the rest merged.
  write_file(shards[1], "{\"id\":\"X\",\"responses\":{\"1\":9}}\n");
  const Outcome bad = run_program("/bin/sh", args, {.env = {{"ALLIANCE", ALLIANCE_BIN}}});
  EXPECT_EQ(bad.status, 1);
  EXPECT_EQ(bad.err,
            shards[1] + ":1: item 1 = 9 is outside the scale 1..5\nalliance: 1 of 1 response is invalid\n");
  EXPECT_EQ(lines(slurp(dir + "/merged.csv")).size(), 1u + 100 + 1 + 100);
}

}  // namespace
}  // namespace alliance::testing
