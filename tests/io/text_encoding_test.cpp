// Text encodings of response files: every byte checked (a row that is not
// UTF-8 is reported where it is, the others still read), --encoding decoding
// (expected characters typed by hand from the Windows-1252 and Unicode
// tables), byte-order marks, and reads that cut characters in two.
#include <gtest/gtest.h>

#include <fstream>

#include "../common/temp_dir.hpp"
#include "../core/fixtures.hpp"
#include "alliance/core/error.hpp"
#include "alliance/io/response_reader.hpp"

namespace alliance::io {
namespace {

using testing::mini_questionnaire;

const std::string kWayOut =
    ": name the file's encoding, e.g. --encoding windows-1252 (Excel's CSV on Windows), or save it as UTF-8";

class EncodingTest : public ::testing::Test {
 protected:
  std::string write(const std::string& name, const std::string& content) {
    const std::string path = alliance::testing::own_temp_dir() + "/" + name;
    std::ofstream(path, std::ios::binary) << content;
    return path;
  }

  std::vector<ResponseRecord> read_all(const std::string& path, TextEncoding encoding = TextEncoding::utf8) {
    ReaderOptions options;
    options.encoding = encoding;
    auto reader = open_response_reader(path, q_, options);
    std::vector<ResponseRecord> out;
    ResponseRecord record;
    while (reader->next(record)) out.push_back(record);
    return out;
  }

  core::Questionnaire q_ = mini_questionnaire();
};

const char kHeader[] = "respondent,a1,a2,a3,b1,b2,b3\n";

TEST_F(EncodingTest, ALatin1RowIsInvalidWhereItIsAndTheOthersAreRead) {
  const std::string path = write("latin1.csv", std::string(kHeader) +
                                                   "P1,1,2,3,4,5,1\n"
                                                   "H\xE9l\xE8ne,1,2,3,4,5,1\n"
                                                   "P3,1,2,3,4,5,1\n");
  const auto records = read_all(path);
  ASSERT_EQ(records.size(), 3u);
  EXPECT_TRUE(records[0].valid());
  EXPECT_TRUE(records[2].valid());
  EXPECT_EQ(records[2].response.respondent, "P3");
  ASSERT_EQ(records[1].problems.size(), 1u);
  EXPECT_EQ(records[1].problems[0], path + ":3:2: byte 0xE9 is not UTF-8 ('é' in Windows-1252)" + kWayOut);
  EXPECT_EQ(records[1].location, path + ":3");
}

TEST_F(EncodingTest, ABadByteOnTheSecondLineOfAQuotedFieldIsLocatedThere) {
  const std::string path =
      write("multiline.csv",
            "respondent,a1,a2,a3,b1,b2,b3,note\n"  // line breaks are kept in a free-text column
            "P1,1,2,3,4,5,1,\"first line\nsecond \x92 line\"\nP2,1,1,1,1,1,1,\n");
  const auto records = read_all(path);
  ASSERT_EQ(records.size(), 2u);
  ASSERT_EQ(records[0].problems.size(), 1u);
  EXPECT_EQ(records[0].problems[0], path + ":3:8: byte 0x92 is not UTF-8 ('’' in Windows-1252)" + kWayOut);
  EXPECT_TRUE(records[1].valid());
}

TEST_F(EncodingTest, NulBytesAreNotText) {
  const std::string path = write("nul.csv", std::string(kHeader) + std::string("P\0,1,2,3,4,5,1\n", 15));
  const auto records = read_all(path);
  ASSERT_EQ(records.size(), 1u);
  ASSERT_FALSE(records[0].valid());
  EXPECT_EQ(records[0].problems[0],
            path +
                ":2:2: NUL byte (0x00): this is not text; if the file is UTF-16 without a byte-order mark, "
                "name it with --encoding utf-16le (or utf-16be)");
}

TEST_F(EncodingTest, AHeaderThatIsNotTextStopsTheFile) {
  const std::string path = write("header.csv",
                                 "respondent,s\xE9"
                                 "ance,a1\nP1,1,1\n");
  try {
    read_all(path);
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ExitCode::invalid_input);
    EXPECT_EQ(std::string(e.what()), path + ":1:13: byte 0xE9 is not UTF-8 ('é' in Windows-1252)" + kWayOut);
  }
}

TEST_F(EncodingTest, NdjsonAndJsonDocumentsAreLocated) {
  const std::string ndjson = write("latin1.ndjson",
                                   "{\"respondent\":\"P1\",\"answers\":{\"a1\":1}}\n"
                                   "{\"respondent\":\"H\xE9l\xE8ne\",\"answers\":{\"a1\":1}}\n"
                                   "{\"respondent\":\"P3\",\"answers\":{\"a1\":1}}\n");
  const auto lines = read_all(ndjson);
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_TRUE(lines[0].valid());
  EXPECT_TRUE(lines[2].valid());
  ASSERT_EQ(lines[1].problems.size(), 1u);
  EXPECT_EQ(lines[1].problems[0], ndjson + ":2:17: byte 0xE9 is not UTF-8 ('é' in Windows-1252)" + kWayOut);

  const std::string json =
      write("latin1.json", "[\n  {\"respondent\": \"H\xE9l\xE8ne\", \"answers\": {}}\n]\n");
  const auto documents = read_all(json);
  ASSERT_EQ(documents.size(), 1u);
  ASSERT_EQ(documents[0].problems.size(), 1u);
  EXPECT_EQ(documents[0].problems[0], json + ":2:20: byte 0xE9 is not UTF-8 ('é' in Windows-1252)" + kWayOut);
}

TEST_F(EncodingTest, Windows1252AndLatin1AreDecoded) {
  // Bytes 0x80..0x9F in Windows-1252 (the five it leaves undefined skipped),
  // then some of Latin-1's upper half, which both encodings share.
  const std::string high =
      "\x80\x82\x83\x84\x85\x86\x87\x88\x89\x8A\x8B\x8C\x8E\x91\x92\x93\x94\x95\x96\x97\x98"
      "\x99\x9A\x9B\x9C\x9E\x9F";
  const std::string shared = "\xA0\xA9\xC0\xC7\xE9\xEA\xF4\xFF";
  const std::string path = write("cp1252.csv", std::string(kHeader) + high + shared + ",1,2,3,4,5,1\n");
  const auto cp1252 = read_all(path, TextEncoding::windows1252);
  ASSERT_EQ(cp1252.size(), 1u);
  EXPECT_TRUE(cp1252[0].valid());
  EXPECT_EQ(cp1252[0].response.respondent, "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ\u00A0©ÀÇéêôÿ");
  const auto latin1 = read_all(path, TextEncoding::latin1);
  ASSERT_EQ(latin1.size(), 1u);
  // Latin-1's 0x80..0x9F are the C1 controls U+0080..U+009F.
  EXPECT_EQ(latin1[0].response.respondent.substr(0, 4), "\u0080\u0082");
  EXPECT_EQ(latin1[0].response.respondent.substr(latin1[0].response.respondent.size() - 16), "\u00A0©ÀÇéêôÿ");
}

std::string utf16(const std::u16string& text, bool little_endian, bool mark) {
  std::string out;
  auto put = [&](char16_t unit) {
    const char low = static_cast<char>(unit & 0xFF);
    const char high = static_cast<char>(unit >> 8);
    out += little_endian ? std::string{low, high} : std::string{high, low};
  };
  if (mark) put(0xFEFF);
  for (char16_t unit : text) put(unit);
  return out;
}

TEST_F(EncodingTest, Utf16IsReadByItsByteOrderMarkOrWhenNamed) {
  const std::u16string text = u"respondent\ta1\ta2\ta3\tb1\tb2\tb3\r\nHélène 😀\t1\t2\t3\t4\t5\t1\r\n";
  for (const bool little : {true, false}) {
    const std::string path = write(little ? "le.tsv" : "be.tsv", utf16(text, little, true));
    const auto records = read_all(path);  // no --encoding: the mark says
    ASSERT_EQ(records.size(), 1u) << little;
    EXPECT_TRUE(records[0].valid()) << (records[0].problems.empty() ? "" : records[0].problems[0]);
    EXPECT_EQ(records[0].response.respondent, "Hélène 😀");
    EXPECT_EQ(records[0].response.answers[5], 1);
  }
  const std::string plain = write("nomark.tsv", utf16(text, false, false));
  const auto named = read_all(plain, TextEncoding::utf16be);
  ASSERT_EQ(named.size(), 1u);
  EXPECT_EQ(named[0].response.respondent, "Hélène 😀");
}

TEST_F(EncodingTest, InvalidUtf16IsReported) {
  std::u16string text = u"respondent,a1,a2,a3,b1,b2,b3\nP1,1,2,3,4,5,1\nP";
  text += static_cast<char16_t>(0xD83D);  // a high surrogate without its pair
  text += u",1,2,3,4,5,1\nP3,1,2,3,4,5,1\n";
  const std::string path = write("lone.csv", utf16(text, true, true) + "x");  // and an odd last byte
  const auto records = read_all(path);
  ASSERT_EQ(records.size(), 4u);
  EXPECT_TRUE(records[0].valid());
  EXPECT_EQ(records[1].problems.at(0),
            path + ":3:2: unpaired UTF-16 surrogate 0xD83D: the file is not valid UTF-16");
  EXPECT_TRUE(records[2].valid());
  EXPECT_EQ(records[3].problems.at(0),
            path + ":5:1: the file ends in the middle of a UTF-16 character (an odd number of bytes)");
}

TEST_F(EncodingTest, AUtf8ByteOrderMarkIsSkippedInEveryFormatAndWinsOverEncoding) {
  const std::string bom = "\xEF\xBB\xBF";
  const std::string ndjson = write("bom.ndjson", bom + "{\"respondent\":\"Zoé\",\"answers\":{\"a1\":1}}\n");
  const std::string json = write("bom.json", bom + "{\"respondent\":\"Zoé\",\"answers\":{\"a1\":1}}");
  const std::string csv = write("bom.csv", bom + "respondent,a1,a2,a3,b1,b2,b3\nZoé,1,2,3,4,5,1\n");
  for (const std::string& path : {ndjson, json, csv}) {
    for (TextEncoding encoding : {TextEncoding::utf8, TextEncoding::windows1252}) {
      const auto records = read_all(path, encoding);
      ASSERT_EQ(records.size(), 1u) << path;
      EXPECT_TRUE(records[0].valid()) << path << ": " << records[0].problems.at(0);
      EXPECT_EQ(records[0].response.respondent, "Zoé") << path;
    }
  }
}

// Characters cut by the ends of the reads (1 MiB, before or after decoding)
// are whole once the next read comes: nothing is reported.
TEST_F(EncodingTest, LargeFilesAcrossReadBoundaries) {
  std::string utf8 = std::string(kHeader) + "x";  // one more byte: characters straddle every boundary
  std::string cp1252 = std::string(kHeader);
  std::u16string wide = u"respondent,a1,a2,a3,b1,b2,b3\n";
  for (int r = 0; r < 40000; ++r) {
    const std::string number = std::to_string(r);
    utf8 += "Hélène😀€" + number + ",1,2,3,4,5,1\n";
    cp1252 += "H\xE9l\xE8ne\x80" + number + ",1,2,3,4,5,1\n";
    wide += u"Hélène😀€" + std::u16string(number.begin(), number.end()) + u",1,2,3,4,5,1\n";
  }
  const struct {
    std::string path;
    TextEncoding encoding;
    std::string last;
  } cases[] = {{write("big-utf8.csv", utf8), TextEncoding::utf8, "Hélène😀€39999"},
               {write("big-cp1252.csv", cp1252), TextEncoding::windows1252, "Hélène€39999"},
               {write("big-utf16.csv", utf16(wide, true, true) + utf16(u"P,1,1,1,1,1,1\n", true, false)),
                TextEncoding::utf8, "P"}};
  for (const auto& c : cases) {
    const auto records = read_all(c.path, c.encoding);
    ASSERT_GE(records.size(), 40000u) << c.path;
    for (const ResponseRecord& record : records)
      ASSERT_TRUE(record.valid()) << c.path << ": " << record.problems.at(0);
    EXPECT_EQ(records.back().response.respondent, c.last);
  }
}

TEST_F(EncodingTest, EncodingNames) {
  EXPECT_EQ(parse_text_encoding("UTF-8"), TextEncoding::utf8);
  EXPECT_EQ(parse_text_encoding("cp1252"), TextEncoding::windows1252);
  EXPECT_EQ(parse_text_encoding("ISO-8859-1"), TextEncoding::latin1);
  EXPECT_EQ(parse_text_encoding("utf-16"), TextEncoding::utf16);
  EXPECT_THROW(parse_text_encoding("latin9"), Error);
}

}  // namespace
}  // namespace alliance::io
