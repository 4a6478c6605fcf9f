// Text is UTF-8 in and out, end to end: a row that is not UTF-8 is reported
// where it is and the others scored; --encoding reads French Excel exports;
// a UTF-16 byte-order mark is read; the output is valid UTF-8 in every
// format, never holds NUL, and no input can drive the terminal through a
// table or a message. Expected scores: 4,4,5,4,3,5,2,1,4,5,3,1 gives a GTB-12
// total of 51/12 = 4.25 (README).
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "process.hpp"

namespace alliance::testing {
namespace {

using Outcome = alliance::testing::Run;  // testing::Test has a Run() of its own

const std::string kHeader = "respondent,session,1,2,3,4,5,6,7,8,9,10,11,12\n";
const std::string kAnswers = ",4,4,5,4,3,5,2,1,4,5,3,1\n";
const std::string kWayOut =
    ": name the file's encoding, e.g. --encoding windows-1252 (Excel's CSV on Windows), or save it as UTF-8";
const std::string kReplacement = "\xEF\xBF\xBD";  // U+FFFD

void write_file(const std::string& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary) << bytes;
}

// A second UTF-8 check, by bit patterns: a lead announcing the length, then
// 10xxxxxx bytes, and a code point that needs exactly that length and is a
// scalar value.
bool valid_utf8(const std::string& text) {
  for (std::size_t i = 0; i < text.size();) {
    const auto lead = static_cast<unsigned char>(text[i]);
    std::size_t length = lead < 0x80         ? 1
                         : (lead >> 5) == 6  ? 2
                         : (lead >> 4) == 14 ? 3
                         : (lead >> 3) == 30 ? 4
                                             : 0;
    if (length == 0 || i + length > text.size()) return false;
    unsigned long code = lead;
    if (length > 1) code &= 0x7Fu >> length;
    for (std::size_t k = 1; k < length; ++k) {
      const auto byte = static_cast<unsigned char>(text[i + k]);
      if ((byte >> 6) != 2) return false;
      code = (code << 6) | (byte & 0x3F);
    }
    const std::size_t needed = code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
    if (needed != length || (code >= 0xD800 && code <= 0xDFFF) || code > 0x10FFFF) return false;
    i += length;
  }
  return true;
}

Outcome score_in(const std::string& dir, std::vector<std::string> args, const std::string& input = "") {
  args.insert(args.begin(), {"score", "gtb-12"});
  return run_alliance(args, {.input = input, .cwd = dir});
}

TEST(Encoding, ALatin1RowIsReportedTheOthersScoredAndTheOutputStaysUtf8) {
  const std::string dir = make_temp_dir();
  write_file(dir + "/export.csv",
             kHeader + "P1,1" + kAnswers + "H\xE9l\xE8ne,1" + kAnswers + "P3,1" + kAnswers);
  for (const std::string format : {"ndjson", "csv", "tsv", "json", "table"}) {
    SCOPED_TRACE(format);
    const Outcome run = score_in(dir, {"export.csv", "--format", format, "--encoding", "utf-8"});
    EXPECT_EQ(run.status, 1);
    EXPECT_TRUE(valid_utf8(run.out)) << run.out;
    EXPECT_EQ(run.err, "export.csv:3:2: byte 0xE9 is not UTF-8 ('é' in Windows-1252)" + kWayOut +
                           "\nalliance: 1 of 3 responses is invalid\n");
  }
  const Outcome ndjson = score_in(dir, {"export.csv", "--format", "ndjson", "--encoding", "utf-8"});
  const auto rows = lines(ndjson.out);
  ASSERT_EQ(rows.size(), 3u);
  ASSERT_TRUE(valid_utf8(ndjson.out));
  EXPECT_EQ(nlohmann::json::parse(rows[0])["scores"]["total"]["score"], 4.25);
  const auto bad = nlohmann::json::parse(rows[1]);
  EXPECT_EQ(bad["respondent"], "H" + kReplacement + "l" + kReplacement + "ne");
  EXPECT_EQ(bad["status"], "invalid");
  EXPECT_EQ(nlohmann::json::parse(rows[2])["scores"]["total"]["score"], 4.25);
}

TEST(Encoding, Windows1252ReadsAFrenchExcelExport) {
  const std::string dir = make_temp_dir();
  const std::string file = kHeader + "H\xE9l\xE8ne L\x92H\xF4te,1" + kAnswers + "\x80uros,2" + kAnswers;
  write_file(dir + "/excel.csv", file);
  const std::string expected = "respondent,session,total\nHélène L’Hôte,1,4.25\n€uros,2,4.25\n";
  for (const std::string name : {"windows-1252", "cp1252"}) {
    const Outcome run =
        score_in(dir, {"excel.csv", "--encoding", name, "--output-columns", "respondent,session,total"});
    EXPECT_EQ(run.status, 0) << run.err;
    EXPECT_EQ(run.out, expected);
    EXPECT_EQ(run.err, "");
  }
  const Outcome piped =
      score_in(dir, {"--encoding", "windows-1252", "--output-columns", "respondent,session,total"}, file);
  EXPECT_EQ(piped.out, expected);
  const Outcome latin1 =
      score_in(dir, {"excel.csv", "--encoding", "latin-1", "--output-columns", "respondent"});
  EXPECT_EQ(latin1.status, 0);
  // In Latin-1, 0x92 and 0x80 are C1 controls: read, then written as U+FFFD.
  EXPECT_EQ(latin1.out, "respondent\nHélène L" + kReplacement + "Hôte\n" + kReplacement + "uros\n");
  const Outcome unknown = score_in(dir, {"excel.csv", "--encoding", "latin9"});
  EXPECT_EQ(unknown.status, 2);
  EXPECT_EQ(
      unknown.err,
      "alliance: --encoding 'latin9': unknown encoding (expected auto, utf-8, windows-1252, latin-1, utf-16, "
      "utf-16le or utf-16be)\n");
}

// Excel's "Unicode text": UTF-16 little-endian with a byte-order mark, tabs, CRLF.
TEST(Encoding, Utf16WithAByteOrderMarkIsRead) {
  const std::u16string text =
      u"respondent\tsession\t1\t2\t3\t4\t5\t6\t7\t8\t9\t10\t11\t12\r\n"
      u"Hélène 😀\t1\t4\t4\t5\t4\t3\t5\t2\t1\t4\t5\t3\t1\r\n";
  std::string bytes = "\xFF\xFE";
  for (char16_t unit : text)
    bytes += std::string{static_cast<char>(unit & 0xFF), static_cast<char>(unit >> 8)};
  const std::string dir = make_temp_dir();
  write_file(dir + "/unicode.txt", bytes);
  const std::string expected = "respondent,total\nHélène 😀,4.25\n";
  const Outcome file = score_in(dir, {"unicode.txt", "--output-columns", "respondent,total"});
  EXPECT_EQ(file.status, 0) << file.err;
  EXPECT_EQ(file.out, expected);
  const Outcome piped = score_in(dir, {"--output-columns", "respondent,total"}, bytes);
  EXPECT_EQ(piped.status, 0) << piped.err;
  EXPECT_EQ(piped.out, expected);
  // Without its mark, NUL bytes give it away.
  const Outcome unmarked = score_in(dir, {"--format", "csv"}, bytes.substr(2));
  EXPECT_EQ(unmarked.status, 1);
  EXPECT_EQ(unmarked.err,
            "alliance: <stdin>:1:2: NUL byte (0x00): this is not text; if the file is UTF-16 without a "
            "byte-order mark, name it with --encoding utf-16le (or utf-16be)\n");
}

TEST(Encoding, ANdjsonLineThatIsNotUtf8IsLocated) {
  const std::string dir = make_temp_dir();
  write_file(dir + "/s.ndjson",
             "{\"respondent\":\"P1\",\"answers\":{\"1\":4}}\n{\"respondent\":\"H\xE9l\xE8ne\",\"answers\":{"
             "\"1\":4}}\n");
  const Outcome run = score_in(dir, {"s.ndjson", "--format", "ndjson"});
  EXPECT_EQ(run.status, 1);
  EXPECT_TRUE(valid_utf8(run.out)) << run.out;
  EXPECT_EQ(run.err, "s.ndjson:2:17: byte 0xE9 is not UTF-8 ('é' in Windows-1252)" + kWayOut +
                         "\nalliance: 1 of 2 responses is invalid\n");
  // From a pipe, the format is told from the first line: still NDJSON when that line is not UTF-8.
  const Outcome piped = score_in(dir, {"--output-columns", "respondent,status", "--encoding", "utf-8"},
                                 "{\"respondent\":\"H\xE9l\xE8ne\",\"answers\":{\"1\":4}}\n"
                                 "{\"respondent\":\"P2\",\"answers\":{\"1\":4}}\n");
  EXPECT_EQ(piped.out,
            "respondent,status\nNA,invalid\nP2,insufficient\n");  // a line that is not text is not parsed
  EXPECT_EQ(piped.err, "<stdin>:1:17: byte 0xE9 is not UTF-8 ('é' in Windows-1252)" + kWayOut +
                           "\nalliance: 1 of 2 responses is invalid\n");
}

// A value quoted in a message is shortened between characters: the session
// "aéé…" (a, then 25 é) as JSON text, "\"a" and 17 é, is 36 bytes; an 18th
// é would pass the 37 kept (the message held its first byte alone).
TEST(Encoding, AValueShortenedInAMessageKeepsWholeCharacters) {
  std::string e17;
  for (int i = 0; i < 17; ++i) e17 += "é";
  const std::string dir = make_temp_dir();
  std::string session = "a";
  for (int i = 0; i < 25; ++i) session += "é";
  write_file(dir + "/s.ndjson", "{\"respondent\":\"P1\",\"session\":\"" + session + "\",\"answers\":{}}\n");
  const Outcome run = score_in(dir, {"s.ndjson", "--output-columns", "respondent,problems"});
  EXPECT_EQ(run.status, 1);
  const std::string problem = "s.ndjson:1: /session: expected a whole number, got string \"a" + e17 + "…\"";
  const std::string quoted =
      "\"s.ndjson:1: /session: expected a whole number, got string \"\"a" + e17 + "…\"\"\"";
  EXPECT_EQ(run.out, "respondent,problems\nP1," + quoted + "\n");
  EXPECT_EQ(run.err, problem + "\nalliance: 1 of 1 response is invalid\n");
}

TEST(Encoding, NulIsNeverWritten) {
  const std::string dir = make_temp_dir();
  // An escaped NUL is valid JSON: the id holds a NUL once read.
  write_file(dir + "/nul.ndjson", "{\"respondent\":\"P\\u00001\",\"answers\":{\"1\":4}}\n");
  for (const std::string format : {"csv", "tsv", "ndjson", "json", "table"}) {
    const Outcome run = score_in(dir, {"nul.ndjson", "--format", format});
    EXPECT_EQ(run.status, 0) << format << ": " << run.err;
    EXPECT_EQ(run.out.find('\0'), std::string::npos) << format;
  }
  EXPECT_EQ(score_in(dir, {"nul.ndjson", "--output-columns", "respondent"}).out,
            "respondent\nP" + kReplacement + "1\n");
  EXPECT_EQ(nlohmann::json::parse(score_in(dir, {"nul.ndjson", "--format", "ndjson"}).out)["respondent"],
            std::string("P\0"
                        "1",
                        3));
  EXPECT_EQ(lines(score_in(dir, {"nul.ndjson", "--format", "table"}).out)[1].rfind("P\\x001 ", 0), 0u);
  // A raw NUL in a CSV: the row is invalid, and its id still not written raw.
  write_file(dir + "/nul.csv", kHeader +
                                   std::string("P\0"
                                               "2,1",
                                               5) +
                                   kAnswers);
  const Outcome csv = score_in(dir, {"nul.csv", "--output-columns", "respondent,status"});
  EXPECT_EQ(csv.status, 1);
  EXPECT_EQ(csv.out, "respondent,status\nP" + kReplacement + "2,invalid\n");
}

TEST(Encoding, NoInputCanDriveTheTerminal) {
  const std::string dir = make_temp_dir();
  // Sets the window title, clears the screen, then a right-to-left override.
  const std::string id = "\\u001b]0;pwned\\u0007\\u001b[2J\\u202eP1";
  const std::string shown = "\\x1b]0;pwned\\x07\\x1b[2J\\u202eP1";
  write_file(dir + "/hostile.ndjson",
             "{\"respondent\":\"" + id +
                 "\",\"session\":1,\"answers\":{\"1\":4,\"2\":4,\"3\":5,\"4\":4,\"5\":3,"
                 "\"6\":5,\"7\":2,\"8\":1,\"9\":4,\"10\":5,\"11\":3,\"12\":1}}\n");
  const Outcome alert = score_in(dir, {"hostile.ndjson", "--format", "table", "--fail-below", "total=5"});
  EXPECT_EQ(alert.status, 4);
  EXPECT_EQ(alert.out.find('\x1b'), std::string::npos);
  EXPECT_NE(alert.out.find(shown + "  1 "), std::string::npos) << alert.out;
  EXPECT_EQ(alert.err, "hostile.ndjson:1: below threshold: " + shown + " session 1: total = 4.25 < 5\n");
  const Outcome csv = score_in(dir, {"hostile.ndjson", "--output-columns", "respondent"});
  EXPECT_EQ(csv.out,
            "respondent\n" + kReplacement + "]0;pwned" + kReplacement + kReplacement + "[2J\u202eP1\n");
  const Outcome trend =
      run_alliance({"trend", "gtb-12", "hostile.ndjson", "--format", "table"}, {.cwd = dir});
  EXPECT_EQ(trend.out.find('\x1b'), std::string::npos);
  EXPECT_NE(trend.out.find(shown), std::string::npos) << trend.out;
  // A cell quoted in a message: escaped. (A CSV item cell cannot hold a line
  // break, docs/response-format.md; a JSON string can: one line, escaped.)
  write_file(dir + "/cell.csv", kHeader + "P2,1,\"\x1b[31mred\",4,5,4,3,5,2,1,4,5,3,1\n");
  const Outcome cell = score_in(dir, {"cell.csv", "--format", "csv"});
  EXPECT_EQ(cell.status, 1);
  EXPECT_EQ(
      cell.err,
      "cell.csv:2: item 1 (column \"1\") = \"\\x1b[31mred\" is not an answer of the scale: expected a "
      "number from 1 to 5 or one of: Never, Rarely, Sometimes, Often, Always; Jamais, Rarement, Parfois, "
      "Souvent, Toujours (case and accents do not count; --recode CODE=VALUE names other codes)\n"
      "alliance: 1 of 1 response is invalid\n");
  write_file(dir + "/cell.ndjson", R"({"respondent":"P2","answers":{"1":"\u001b[31m\nred"}})"
                                   "\n");
  const Outcome string = score_in(dir, {"cell.ndjson", "--format", "csv"});
  EXPECT_EQ(string.status, 1);
  EXPECT_EQ(string.err,
            "cell.ndjson:1: item 1 = string \"\\u001b[31m\\nred\" is not a number\n"
            "alliance: 1 of 1 response is invalid\n");
}

TEST(Encoding, DefinitionsAreUtf8AndTheirMessagesLocated) {
  const std::string dir = make_temp_dir();
  std::string definition = slurp(source_path("questionnaires/gtb-12.json"));
  const std::size_t at = definition.find("Goals, Tasks, Bond (client)") + 8;  // the "a" of Tasks
  definition.replace(at - 1, 5,
                     "T\xE2"
                     "ches");
  write_file(dir + "/latin1.json", definition);
  const long line = std::count(definition.begin(), definition.begin() + static_cast<long>(at), '\n') + 1;
  const long column = static_cast<long>(at - definition.rfind('\n', at));  // the 0xE2, 1-based
  const std::string where = "latin1.json:" + std::to_string(line) + ":" + std::to_string(column);
  const Outcome text = run_alliance({"validate", "latin1.json", "--format", "table"}, {.cwd = dir});
  EXPECT_EQ(text.status, 1);
  EXPECT_EQ(
      text.out,
      where + ": byte 0xE2 is not UTF-8 ('â' in Windows-1252): a definition is UTF-8 (save it as UTF-8)\n");
  const Outcome json = run_alliance({"validate", "latin1.json", "--format", "json"}, {.cwd = dir});
  EXPECT_EQ(json.status, 1) << json.err;
  ASSERT_TRUE(valid_utf8(json.out));
  const auto report = nlohmann::json::parse(json.out);
  EXPECT_EQ(report[0]["problems"][0]["line"], line);
  EXPECT_EQ(report[0]["problems"][0]["column"], column);
  // A file name that is not UTF-8 on the search path.
  const std::string odd = make_temp_dir();
  write_file(odd + "/caf\xE9.json", slurp(source_path("questionnaires/gtb-12.json")));
  const Outcome list = run_alliance({"list", "--path", odd, "--format", "json"});
  EXPECT_EQ(list.status, 0) << list.err;
  ASSERT_TRUE(valid_utf8(list.out));
  EXPECT_NE(nlohmann::json::parse(list.out)["questionnaires"][0]["origin"].get<std::string>().find(
                "caf" + kReplacement + ".json"),
            std::string::npos);
}

TEST(Encoding, ADefinitionsTextsCannotDriveTheTerminal) {
  const std::string dir = make_temp_dir();
  std::string definition = slurp(source_path("questionnaires/gtb-12.json"));
  const std::size_t at = definition.find("Goals, Tasks, Bond (client)");
  definition.replace(at, 5, "\\u001b[31mGoals");  // a JSON escape: valid UTF-8, an ESC once read
  write_file(dir + "/red.json", definition);
  const Outcome show = run_alliance({"show", "red.json", "--lang", "en", "--format", "table"}, {.cwd = dir});
  EXPECT_EQ(show.status, 0) << show.err;
  EXPECT_EQ(show.out.find('\x1b'), std::string::npos);
  EXPECT_EQ(lines(show.out)[0], "gtb-12 1.0.0 — GTB-12 — \\x1b[31mGoals, Tasks, Bond (client)");
  const Outcome list = run_alliance({"list", "--path", dir, "--format", "table"});
  EXPECT_EQ(list.status, 0) << list.err;
  EXPECT_EQ(list.out.find('\x1b'), std::string::npos);
  EXPECT_NE(list.out.find("GTB-12 — \\x1b[31mGoals, Tasks, Bond (client)"), std::string::npos) << list.out;
}

TEST(Encoding, AdministerRefusesARespondentThatIsNotUtf8) {
  const std::string dir = make_temp_dir();
  const Outcome run =
      run_alliance({"administer", "gtb-12", "--respondent", "P\xE9", "--lang", "en", "-o", "r.json"},
                   {.input = "4\n4\n5\n4\n3\n5\n2\n1\n4\n5\n3\n1\n", .cwd = dir});
  EXPECT_EQ(run.status, 2);
  EXPECT_EQ(run.err,
            "alliance: --respondent: the id is not valid UTF-8 text; type it again, or use a pseudonymous id "
            "such as P017\n");
  EXPECT_FALSE(std::filesystem::exists(dir + "/r.json"));  // refused before anything is written
}

// A file decoded as it is read is not split by stats (its offsets are not
// the file's): read in one part, it gives, to the last digit, what its UTF-8
// twin gives read in one part (from standard input), with one thread or two.
TEST(Encoding, StatsOnADecodedFileGiveTheSameResults) {
  std::string utf8 = kHeader;
  std::string cp1252 = kHeader;
  unsigned state = 7;
  for (int r = 0; r < 30000; ++r) {  // over 1 MiB: a UTF-8 file this size would be split
    std::string row = "," + std::to_string(1 + r % 9);
    for (int i = 0; i < 12; ++i) {
      state = state * 1103515245u + 12345u;
      row += "," + std::to_string(1 + (state >> 16) % 5);
    }
    utf8 += "Hélène " + std::to_string(r) + row + "\n";
    cp1252 += "H\xE9l\xE8ne " + std::to_string(r) + row + "\n";
  }
  const std::string dir = make_temp_dir();
  write_file(dir + "/cp1252.csv", cp1252);
  Outcome twin = run_alliance({"stats", "gtb-12", "--format", "json", "--quality"}, {.input = utf8});
  ASSERT_EQ(twin.status, 0) << twin.err;
  for (std::size_t at; (at = twin.out.find("<stdin>:")) != std::string::npos;)  // the flagged rows' sources
    twin.out.replace(at, 7, "cp1252.csv");
  for (const std::string threads : {"1", "2"}) {
    const Outcome decoded = run_alliance(
        {"stats", "gtb-12", "cp1252.csv", "--encoding", "windows-1252", "--format", "json", "--quality"},
        {.env = {{"ALLIANCE_THREADS", threads}}, .cwd = dir});
    EXPECT_EQ(decoded.status, 0) << decoded.err;
    EXPECT_EQ(decoded.out, twin.out) << threads;
  }
}

}  // namespace
}  // namespace alliance::testing
