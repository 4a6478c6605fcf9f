// UTF-8 decoding and checking against a second, independent decoder (bit
// arithmetic and re-encoding, no table of ranges), and the escapes a terminal
// is shown, as written by hand.
#include "alliance/core/utf8.hpp"

#include <gtest/gtest.h>

#include <random>
#include <string>

namespace alliance::core {
namespace {

// Reference: a sequence is valid UTF-8 when the bits of its lead announce its
// length, every other byte is 10xxxxxx, and the code point it carries is a
// scalar value (no surrogate, <= U+10FFFF) that needs exactly that length.
bool reference_valid(const std::string& bytes) {
  const auto b0 = static_cast<unsigned char>(bytes[0]);
  std::size_t length = 0;
  char32_t code = 0;
  if ((b0 & 0x80) == 0) return bytes.size() == 1;
  if ((b0 & 0xE0) == 0xC0)
    length = 2, code = b0 & 0x1F;
  else if ((b0 & 0xF0) == 0xE0)
    length = 3, code = b0 & 0x0F;
  else if ((b0 & 0xF8) == 0xF0)
    length = 4, code = b0 & 0x07;
  else
    return false;
  if (bytes.size() != length) return false;
  for (std::size_t i = 1; i < length; ++i) {
    const auto b = static_cast<unsigned char>(bytes[i]);
    if ((b & 0xC0) != 0x80) return false;
    code = (code << 6) | (b & 0x3F);
  }
  const std::size_t needed = code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  return needed == length && !(code >= 0xD800 && code <= 0xDFFF) && code <= 0x10FFFF;
}

TEST(Utf8, EveryTwoAndThreeByteSequenceAgreesWithTheReference) {
  for (unsigned a = 0x80; a < 0x100; ++a) {
    for (unsigned b = 0; b < 0x100; ++b) {
      const std::string two = {static_cast<char>(a), static_cast<char>(b)};
      const Utf8Char c2 = decode_utf8(two);
      // Valid as a whole pair only when the reference says so.
      EXPECT_EQ(c2.valid && c2.length == 2, reference_valid(two)) << std::hex << a << " " << b;
      for (unsigned c = 0x80; c < 0xC0; c += 0x3F) {  // continuation bytes at both ends
        const std::string three = two + static_cast<char>(c);
        const Utf8Char c3 = decode_utf8(three);
        ASSERT_EQ(c3.valid && c3.length == 3, reference_valid(three))
            << std::hex << a << " " << b << " " << c;
      }
    }
  }
}

TEST(Utf8, FourByteSequencesAtTheEdgesAgreeWithTheReference) {
  for (unsigned a = 0xF0; a <= 0xF7; ++a)
    for (unsigned b = 0x70; b < 0xD0; ++b)
      for (unsigned c : {0x7Fu, 0x80u, 0xBFu, 0xC0u}) {
        const std::string four = {static_cast<char>(a), static_cast<char>(b), static_cast<char>(c), '\x80'};
        const Utf8Char d = decode_utf8(four);
        ASSERT_EQ(d.valid && d.length == 4, reference_valid(four)) << std::hex << a << " " << b << " " << c;
      }
}

TEST(Utf8, DecodesCodePoints) {
  EXPECT_EQ(decode_utf8("A").code, U'A');
  EXPECT_EQ(decode_utf8("\xC3\xA9").code, U'é');
  EXPECT_EQ(decode_utf8("\xE2\x82\xAC").code, U'€');
  EXPECT_EQ(decode_utf8("\xF0\x9F\x98\x80").code, U'\U0001F600');
  EXPECT_EQ(decode_utf8("\xF4\x8F\xBF\xBF").code, U'\U0010FFFF');
}

std::string encoded(char32_t code) {
  char bytes[4];
  return std::string(bytes, encode_utf8(code, bytes));
}

TEST(Utf8, EncodesCodePoints) {
  EXPECT_EQ(encoded(U'A'), "A");
  EXPECT_EQ(encoded(U'é'), "\xC3\xA9");
  EXPECT_EQ(encoded(U'€'), "\xE2\x82\xAC");
  EXPECT_EQ(encoded(U'\U0001F600'), "\xF0\x9F\x98\x80");
  EXPECT_EQ(encoded(U'\U0010FFFF'), "\xF4\x8F\xBF\xBF");
  // A surrogate: its three-byte form, which is not valid UTF-8.
  EXPECT_EQ(encoded(0xD800), "\xED\xA0\x80");
  EXPECT_FALSE(decode_utf8(encoded(0xD800)).valid);
}

// Unicode 15, section 3.9, table 3-8: "U+FFFD for maximal subparts".
TEST(Utf8, InvalidSequencesTakeTheirMaximalSubpart) {
  const std::string bytes = "\x61\xF1\x80\x80\xE1\x80\xC2\x62\x80\x63\x80\xBF\x64";
  std::vector<std::size_t> lengths;
  std::vector<bool> valid;
  for (std::size_t i = 0; i < bytes.size();) {
    const Utf8Char c = decode_utf8(std::string_view(bytes).substr(i));
    lengths.push_back(c.length);
    valid.push_back(c.valid);
    i += c.length;
  }
  // a, <F1 80 80>, <E1 80>, <C2>, b, <80>, c, <80>, <BF>, d
  EXPECT_EQ(lengths, (std::vector<std::size_t>{1, 3, 2, 1, 1, 1, 1, 1, 1, 1}));
  EXPECT_EQ(valid, (std::vector<bool>{true, false, false, false, true, false, true, false, false, true}));
}

TEST(Utf8, CutCharacters) {
  EXPECT_TRUE(decode_utf8("\xE2\x82").cut);
  EXPECT_TRUE(decode_utf8("\xF0").cut);
  EXPECT_FALSE(decode_utf8("\xE2\x41").cut);  // cut by a byte, not by the end
  EXPECT_FALSE(decode_utf8("\xFF").cut);
}

// Plain ASCII prefixes, at every alignment and length, against a byte loop.
TEST(Utf8, AsciiPrefixAgreesWithAByteLoop) {
  std::mt19937 random(12);
  for (int round = 0; round < 3000; ++round) {
    std::string text(random() % 200, 'x');
    for (char& c : text) c = static_cast<char>(0x01 + random() % 0x7F);
    const std::size_t start = random() % 9;
    if (!text.empty() && random() % 4 != 0) {
      const char bad[] = {'\0', '\x80', '\xC3', '\xFF'};
      text[random() % text.size()] = bad[random() % 4];
    }
    const std::string_view view = std::string_view(text).substr(std::min(start, text.size()));
    std::size_t expected = 0;
    while (expected < view.size() && view[expected] != '\0' &&
           static_cast<unsigned char>(view[expected]) < 0x80)
      ++expected;
    ASSERT_EQ(ascii_prefix(view), expected) << round;
  }
}

TEST(Utf8, CheckTextFindsTheFirstByteThatIsNotText) {
  EXPECT_EQ(check_text("plain text, and accents: é, €, 😀", true).bad, std::string_view::npos);
  EXPECT_EQ(check_text("H\xE9l\xE8ne", true).bad, 1u);  // Latin-1 é
  EXPECT_EQ(check_text(std::string_view("ab\0c", 4), true).bad, 2u);
  EXPECT_EQ(check_text("\xED\xA0\x80", true).bad, 0u);  // a surrogate
  EXPECT_EQ(check_text("\xC0\xAF", true).bad, 0u);      // an overlong '/'
  // A character cut by the end: bad at the end of the input, else left for later.
  EXPECT_EQ(check_text("abc\xE2\x82", true).bad, 3u);
  const TextCheck partial = check_text("abc\xE2\x82", false);
  EXPECT_EQ(partial.bad, std::string_view::npos);
  EXPECT_EQ(partial.checked, 3u);
}

TEST(Utf8, PrefixNeverCutsACharacter) {
  EXPECT_EQ(utf8_prefix("abcdef", 4), "abcd");
  EXPECT_EQ(utf8_prefix("ab", 4), "ab");
  EXPECT_EQ(utf8_prefix("aé", 2), "a");  // é is two bytes: 1 and 2
  EXPECT_EQ(utf8_prefix("aé", 3), "aé");
  EXPECT_EQ(utf8_prefix("a😀b", 4), "a");
  EXPECT_EQ(utf8_prefix("a😀b", 5), "a😀");
  EXPECT_EQ(excerpt("abcdef", 6), "abcdef");
  EXPECT_EQ(excerpt("abcdef", 4), "abcd…");
  EXPECT_EQ(excerpt("aéb", 2), "a…");
}

TEST(Utf8, TerminalSafeEscapesWhatCouldDriveATerminal) {
  EXPECT_EQ(terminal_safe("Hélène 😀 P-017"), "Hélène 😀 P-017");
  EXPECT_EQ(terminal_safe("P\x1B]0;pwned\x07\x1B[31m"), "P\\x1b]0;pwned\\x07\\x1b[31m");
  EXPECT_EQ(terminal_safe("two\nlines\tand\r"), "two\\nlines\\tand\\r");
  EXPECT_EQ(terminal_safe("two\nlines\tkept\r", true), "two\nlines\tkept\\r");
  EXPECT_EQ(terminal_safe(std::string_view("a\0b\x7F", 4)), "a\\x00b\\x7f");
  EXPECT_EQ(terminal_safe("\xC2\x9B"
                          "31m"),
            "\\u009b31m");  // C1 CSI
  EXPECT_EQ(terminal_safe("abc\xE2\x80\xAE"
                          "fed"),
            "abc\\u202efed");                                  // right-to-left override
  EXPECT_EQ(terminal_safe("H\xE9l\xE8ne"), "H\\xe9l\\xe8ne");  // not UTF-8
  EXPECT_EQ(terminal_safe("\xE2\x82"
                          "x"),
            "\\xe2\\x82x");
}

}  // namespace
}  // namespace alliance::core
