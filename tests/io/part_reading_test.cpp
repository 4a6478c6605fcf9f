// Reading a file in two parts: whatever the threads, the records and the
// problems are those of reading it in one go, in the same order, and a file
// is split where the first part ends.
#include "alliance/io/part_reading.hpp"

#include <gtest/gtest.h>

#include <fstream>

#include "../common/temp_dir.hpp"
#include "../core/fixtures.hpp"

namespace alliance::io {
namespace {

using testing::mini_questionnaire;

// Records the respondent of every record it is given (not its location:
// PartTally::add does not promise one); append puts `later`'s after its own
// and counts the appends.
class RecordingTally final : public PartTally {
 public:
  void add(const ResponseRecord& record) override {
    seen.push_back(record.response.respondent + (record.valid() ? "" : " invalid"));
  }
  std::unique_ptr<PartTally> empty_copy() const override { return std::make_unique<RecordingTally>(); }
  void append(const PartTally& later) override {
    const auto& more = dynamic_cast<const RecordingTally&>(later);
    first_part_size = seen.size();
    seen.insert(seen.end(), more.seen.begin(), more.seen.end());
    ++appends;
  }
  std::vector<std::string> seen;
  std::size_t first_part_size = 0;
  int appends = 0;
};

struct Outcome {
  RecordingTally tally;
  std::vector<std::string> warnings;
  std::vector<std::string> problems;
};

class PartReadingTest : public ::testing::Test {
 protected:
  std::string write(const std::string& name, const std::string& content) {
    const std::string path = alliance::testing::own_temp_dir() + "/" + name;
    std::ofstream(path, std::ios::binary) << content;
    return path;
  }

  Outcome read(const std::string& path, PartOptions parts, ReaderOptions options = {}) {
    Outcome out;
    read_in_parts(
        path, q_, options, out.tally, parts,
        [&](const std::vector<std::string>& w) {
          out.warnings.insert(out.warnings.end(), w.begin(), w.end());
        },
        [&](const std::vector<std::string>& p) {
          out.problems.insert(out.problems.end(), p.begin(), p.end());
        });
    return out;
  }

  // The file read in one part by the plain reader: what every split must give.
  Outcome read_whole(const std::string& path, ReaderOptions options = {}) {
    Outcome out;
    auto reader = open_response_reader(path, q_, options);
    ResponseRecord record;
    while (reader->next(record)) {
      out.tally.add(record);
      out.problems.insert(out.problems.end(), record.problems.begin(), record.problems.end());
    }
    out.warnings = reader->warnings();
    return out;
  }

  // Splits with one thread and with two, and expects what reading whole gives.
  void expect_split_like_whole(const std::string& path, PartOptions parts = {}, ReaderOptions options = {}) {
    const Outcome whole = read_whole(path, options);
    ASSERT_FALSE(whole.tally.seen.empty());
    for (bool two : {false, true}) {
      SCOPED_TRACE(two ? "two threads" : "one thread");
      parts.second_thread = two;
      parts.min_split_bytes = 0;
      const Outcome split = read(path, parts, options);
      EXPECT_EQ(split.tally.seen, whole.tally.seen);
      EXPECT_EQ(split.problems, whole.problems);
      EXPECT_EQ(split.warnings, whole.warnings);
      EXPECT_EQ(split.tally.appends, 1);
      EXPECT_GT(split.tally.first_part_size, 0u);
      EXPECT_LT(split.tally.first_part_size, split.tally.seen.size());
    }
  }

  core::Questionnaire q_ = mini_questionnaire();
};

// 200 rows; every 23rd has an answer out of range (a problem), in both halves.
std::string csv_rows(const char* line_end = "\n") {
  std::string text = std::string("id,a1,a2,a3,b1,b2,b3") + line_end;
  for (int r = 1; r <= 200; ++r) {
    const int bad = r % 23 == 0 ? 9 : 1 + r % 5;
    text += "r" + std::to_string(r) + "," + std::to_string(bad) + ",2,3,4,5,1" + line_end;
  }
  return text;
}

TEST_F(PartReadingTest, CsvRecordsAndProblemsAsReadWhole) {
  const std::string path = write("parts.csv", csv_rows());
  expect_split_like_whole(path);
  // The problems of the second half name their lines in the file.
  const Outcome split = read(path, {.second_thread = true, .min_split_bytes = 0});
  ASSERT_FALSE(split.problems.empty());
  EXPECT_EQ(split.problems.back().rfind(path + ":185: item a1 = 9", 0), 0u) << split.problems.back();
}

TEST_F(PartReadingTest, CrlfLineEnds) {
  expect_split_like_whole(write("parts_crlf.csv", csv_rows("\r\n")));
}

TEST_F(PartReadingTest, NdjsonRecordsAndProblemsAsReadWhole) {
  std::string text;
  for (int r = 1; r <= 200; ++r) {
    const int bad = r % 23 == 0 ? 9 : 1 + r % 5;
    text += R"({"respondent":"r)" + std::to_string(r) + R"(","answers":{"a1":)" + std::to_string(bad) +
            R"(,"a2":2,"a3":3,"b1":4,"b2":5,"b3":1}})" + "\n";
    if (r == 150) text += "\n";  // a blank line is skipped, and counted
  }
  const std::string path = write("parts.ndjson", text);
  expect_split_like_whole(path);
  const Outcome split = read(path, {.second_thread = true, .min_split_bytes = 0});
  EXPECT_EQ(split.problems.back().rfind(path + ":185: ", 0), 0u) << split.problems.back();
}

// A quoted field holding line breaks (a free-text note) across the middle:
// the second thread's guess (the first line start after the middle) is
// inside it, so its work is dropped and the second part read after the
// first, as with one thread.
TEST_F(PartReadingTest, QuotedFieldAcrossTheMiddle) {
  std::string text = "note,id,a1,a2,a3,b1,b2,b3\n";
  for (int r = 1; r <= 10; ++r) text += ",r" + std::to_string(r) + ",1,2,3,4,5,1\n";
  std::string note = "\"a note\n";
  for (int i = 0; i < 40; ++i) note += "on many lines, ,r,1,2,3,4,5,1\n";
  note += "\"";
  text += note + ",r11,1,2,3,4,5,1\n";
  for (int r = 12; r <= 20; ++r) text += ",r" + std::to_string(r) + ",1,2,3,4,5,1\n";
  const std::string path = write("parts_quoted.csv", text);
  expect_split_like_whole(path);
  const Outcome whole = read_whole(path);
  EXPECT_EQ(whole.tally.seen.size(), 20u);
  EXPECT_TRUE(whole.problems.empty());
}

// A stray quote before the middle whose field a quote after the middle
// would close: taken as stray, its line is one invalid row and the lines
// after it are rows, read alike in either part. Another in the second part
// is located, with the lines it would have joined, by the file's lines.
TEST_F(PartReadingTest, StrayQuoteAcrossTheMiddle) {
  std::string text = "id,a1,a2,a3,b1,b2,b3\n";
  for (int r = 1; r <= 200; ++r) {
    const std::string id = "r" + std::to_string(r);
    text += r == 50 || r == 150    ? id + ",1,2,\"3,4,5,1\n"
            : r == 120 || r == 180 ? id + ",1,2,3,4,5,1\"\n"
                                   : id + ",1,2,3,4,5,1\n";
  }
  const std::string path = write("parts_stray.csv", text);
  expect_split_like_whole(path);
  const Outcome whole = read_whole(path);
  EXPECT_EQ(whole.tally.seen.size(), 200u);
  ASSERT_EQ(whole.problems.size(), 6u);
  EXPECT_EQ(whole.problems[0].rfind(path + ":51-121: the quote opening column \"a3\" (item a3)", 0), 0u)
      << whole.problems[0];
  EXPECT_EQ(whole.problems[3].rfind(path + ":151-181: the quote opening column \"a3\" (item a3)", 0), 0u)
      << whole.problems[3];
  EXPECT_EQ(whole.problems[5], path + ":181: item b3 = \"1\"\" is not a number");
}

// More problems than the second thread may hold back: it gives up, and
// nothing is lost or reordered.
TEST_F(PartReadingTest, TooManyHeldProblemsFallBack) {
  expect_split_like_whole(write("parts_many.csv", csv_rows()), {.max_held_problems = 1});
}

// Rows to skip that reach past the middle: no clean place to split, so the
// file is read in one part.
TEST_F(PartReadingTest, SkippedRowsPastTheMiddleMeanOnePart) {
  const std::string path = write("parts_skip.csv", csv_rows());
  ReaderOptions options;
  options.mapping.skip_rows = 150;
  const Outcome whole = read_whole(path, options);
  ASSERT_EQ(whole.tally.seen.size(), 50u);
  for (bool two : {false, true}) {
    const Outcome split = read(path, {.second_thread = two, .min_split_bytes = 0}, options);
    EXPECT_EQ(split.tally.seen, whole.tally.seen);
    EXPECT_EQ(split.tally.appends, 0);
  }
}

// Rows that are not UTF-8 in both halves, some of them quoted fields whose
// bad byte is on their second line: each problem names its line in the file
// (that of the byte, "file:line:column: ..."), whichever part read it.
TEST_F(PartReadingTest, TextProblemsAsReadWhole) {
  std::string text = "id,a1,a2,a3,b1,b2,b3,note\n";  // line breaks are kept in a free-text column
  for (int r = 1; r <= 200; ++r) {
    const std::string id = "r" + std::to_string(r);
    if (r % 37 == 0)
      text += id + ",1,2,3,4,5,1,\"" + id + "\nH\xE9l\xE8ne\"\n";
    else if (r % 23 == 0)
      text += id + "\xE9,1,2,3,4,5,1,\n";
    else
      text += id + ",1,2,3,4,5,1,\n";
  }
  const std::string path = write("parts_text.csv", text);
  expect_split_like_whole(path);
  const Outcome whole = read_whole(path);
  ASSERT_EQ(whole.problems.size(), 13u);  // 8 multiples of 23, 5 of 37 (none of both)
  EXPECT_EQ(whole.problems.back().rfind(path + ":191:2: byte 0xE9", 0), 0u) << whole.problems.back();
}

// A file decoded as it is read (--encoding, a UTF-16 byte-order mark) is read
// in one part: the offsets of its text are not the file's.
TEST_F(PartReadingTest, DecodedFilesAreOnePart) {
  std::string text = "id,a1,a2,a3,b1,b2,b3\n";
  for (int r = 1; r <= 200; ++r) text += "H\xE9l\xE8ne " + std::to_string(r) + ",1,2,3,4,5,1\n";
  const std::string path = write("parts_cp1252.csv", text);
  ReaderOptions options;
  options.encoding = TextEncoding::windows1252;
  const Outcome whole = read_whole(path, options);
  ASSERT_EQ(whole.tally.seen.size(), 200u);
  EXPECT_EQ(whole.tally.seen.back(), "Hélène 200");
  for (bool two : {false, true}) {
    const Outcome split = read(path, {.second_thread = two, .min_split_bytes = 0}, options);
    EXPECT_EQ(split.tally.seen, whole.tally.seen);
    EXPECT_EQ(split.tally.appends, 0);
  }
  std::string utf16 = "\xFF\xFE";
  for (char c : std::string("id,a1,a2,a3,b1,b2,b3\nP1,1,1,1,1,1,1\nP2,2,2,2,2,2,2\n"))
    utf16 += std::string{c, '\0'};
  const Outcome marked = read(write("parts_utf16.csv", utf16), {.second_thread = true, .min_split_bytes = 0});
  EXPECT_EQ(marked.tally.seen, (std::vector<std::string>{"P1", "P2"}));
  EXPECT_EQ(marked.tally.appends, 0);
}

TEST_F(PartReadingTest, SmallFilesAndJsonDocumentsAreOnePart) {
  const std::string csv = write("parts_small.csv", csv_rows());
  const Outcome small = read(csv, {.second_thread = true, .min_split_bytes = 1 << 20});
  EXPECT_EQ(small.tally.seen, read_whole(csv).tally.seen);
  EXPECT_EQ(small.tally.appends, 0);
  const std::string json = write("parts.json", R"([{"answers":{"a1":1}},{"answers":{"a1":2}}])");
  const Outcome document = read(json, {.second_thread = true, .min_split_bytes = 0});
  EXPECT_EQ(document.tally.seen.size(), 2u);
  EXPECT_EQ(document.tally.appends, 0);
}

}  // namespace
}  // namespace alliance::io
