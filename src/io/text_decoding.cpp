#include "text_decoding.hpp"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <utility>

#include "alliance/core/error.hpp"
#include "alliance/core/utf8.hpp"
#include "alliance/text/messages.hpp"

namespace alliance::io {

namespace {

// Windows-1252's characters for bytes 0x80..0x9F; the five bytes it leaves
// undefined map to the C1 controls of the same value, as in the WHATWG
// Encoding Standard (and Latin-1). From 0xA0 up it is Latin-1.
constexpr char16_t kWindows1252High[32] = {0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
                                           0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
                                           0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                                           0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};

char32_t windows1252(unsigned char byte) {
  return byte >= 0x80 && byte < 0xA0 ? kWindows1252High[byte - 0x80] : byte;
}

std::string encoded(char32_t code) {
  char bytes[4];
  return std::string(bytes, core::encode_utf8(code, bytes));
}

std::string hex(unsigned value, int digits) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out = "0x";
  for (int shift = 4 * (digits - 1); shift >= 0; shift -= 4) out += kHex[(value >> shift) & 0xF];
  return out;
}

Decoded decode_single_byte(bool cp1252, std::string_view in, char* out, std::size_t room) {
  Decoded d;
  while (d.used < in.size() && room - d.written >= 4) {
    const auto byte = static_cast<unsigned char>(in[d.used++]);
    if (byte < 0x80)
      out[d.written++] = static_cast<char>(byte);
    else
      d.written += core::encode_utf8(cp1252 ? windows1252(byte) : byte, out + d.written);
  }
  return d;
}

Decoded decode_utf16(bool little_endian, std::string_view in, char* out, std::size_t room,
                     bool end_of_input) {
  const auto unit = [&](std::size_t at) -> char16_t {
    const auto a = static_cast<unsigned char>(in[at]);
    const auto b = static_cast<unsigned char>(in[at + 1]);
    return static_cast<char16_t>(little_endian ? a | (b << 8) : (a << 8) | b);
  };
  Decoded d;
  while (room - d.written >= 4) {
    const std::size_t left = in.size() - d.used;
    if (left < 2) {
      if (left == 1 && end_of_input) {  // an odd last byte
        out[d.written++] = static_cast<char>(0xFF);
        ++d.used;
      }
      break;
    }
    const char16_t first = unit(d.used);
    char32_t code = first;
    std::size_t length = 2;
    if (first >= 0xD800 && first <= 0xDBFF) {
      if (left < 4 && !end_of_input) break;  // its pair may be in the next read
      if (left >= 4) {
        const char16_t second = unit(d.used + 2);
        if (second >= 0xDC00 && second <= 0xDFFF) {
          code = 0x10000 + ((static_cast<char32_t>(first) - 0xD800) << 10) + (second - 0xDC00);
          length = 4;
        }
      }
    }
    d.written += core::encode_utf8(code, out + d.written);
    d.used += length;
  }
  return d;
}

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

const std::pair<const char*, TextEncoding> kEncodingNames[] = {
    {"auto", TextEncoding::automatic},
    {"utf-8", TextEncoding::utf8},
    {"utf8", TextEncoding::utf8},
    {"utf-16", TextEncoding::utf16},
    {"utf16", TextEncoding::utf16},
    {"utf-16le", TextEncoding::utf16le},
    {"utf16le", TextEncoding::utf16le},
    {"utf-16be", TextEncoding::utf16be},
    {"utf16be", TextEncoding::utf16be},
    {"windows-1252", TextEncoding::windows1252},
    {"windows1252", TextEncoding::windows1252},
    {"cp1252", TextEncoding::windows1252},
    {"latin-1", TextEncoding::latin1},
    {"latin1", TextEncoding::latin1},
    {"iso-8859-1", TextEncoding::latin1},
    {"iso8859-1", TextEncoding::latin1},
};

}  // namespace

TextEncoding parse_text_encoding(const std::string& name) {
  const std::string key = lower(name);
  for (const auto& [known, encoding] : kEncodingNames)
    if (key == known) return encoding;
  throw Error(ExitCode::usage,
              "--encoding '" + name +
                  "': unknown encoding (expected auto, utf-8, windows-1252, latin-1, utf-16, "
                  "utf-16le or utf-16be)");
}

const char* to_string(TextEncoding encoding) {
  switch (encoding) {
    case TextEncoding::automatic: return "auto";
    case TextEncoding::utf8: return "utf-8";
    case TextEncoding::utf16: return "utf-16";
    case TextEncoding::utf16le: return "utf-16le";
    case TextEncoding::utf16be: return "utf-16be";
    case TextEncoding::windows1252: return "windows-1252";
    case TextEncoding::latin1: return "latin-1";
  }
  return "utf-8";
}

ByteOrderMark byte_order_mark(std::string_view head, TextEncoding requested) {
  if (head.starts_with("\xEF\xBB\xBF")) return {3, Decoding::none};
  if (head.starts_with("\xFF\xFE")) return {2, Decoding::utf16le};
  if (head.starts_with("\xFE\xFF")) return {2, Decoding::utf16be};
  switch (requested) {
    case TextEncoding::automatic:  // ByteSource looks at the first bytes (looks_single_byte)
    case TextEncoding::utf8: return {0, Decoding::none};
    case TextEncoding::utf16:
    case TextEncoding::utf16le: return {0, Decoding::utf16le};
    case TextEncoding::utf16be: return {0, Decoding::utf16be};
    case TextEncoding::windows1252: return {0, Decoding::windows1252};
    case TextEncoding::latin1: return {0, Decoding::latin1};
  }
  return {0, Decoding::none};
}

bool looks_single_byte(std::string_view head, bool whole) {
  bool bad = false;
  for (std::size_t i = 0; i < head.size(); ++i) {
    i += core::ascii_prefix(head.substr(i));  // sixteen bytes at a time: most files are ASCII
    if (i >= head.size()) break;
    const auto c = static_cast<unsigned char>(head[i]);
    if (c == 0) return false;  // UTF-16 without its mark, or not text: the check says so
    if (c < 0x80) continue;
    const std::size_t length = c >= 0xF0 && c <= 0xF4 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 && c <= 0xDF ? 2 : 0;
    if (length == 0 || c > 0xF4) {
      bad = true;
      continue;
    }
    if (i + length > head.size()) {
      if (!whole) break;  // cut by the end of what was read: not evidence either way
      bad = true;
      break;
    }
    bool continued = true;
    for (std::size_t k = 1; k < length; ++k)
      continued = continued && (static_cast<unsigned char>(head[i + k]) & 0xC0) == 0x80;
    if (continued) return false;  // a UTF-8 character: a UTF-8 file, whatever else is wrong in it
    bad = true;
  }
  return bad;
}

Decoded decode_to_utf8(Decoding decoding, std::string_view in, char* out, std::size_t room,
                       bool end_of_input) {
  switch (decoding) {
    case Decoding::windows1252: return decode_single_byte(true, in, out, room);
    case Decoding::latin1: return decode_single_byte(false, in, out, room);
    case Decoding::utf16le: return decode_utf16(true, in, out, room, end_of_input);
    case Decoding::utf16be: return decode_utf16(false, in, out, room, end_of_input);
    case Decoding::none: break;
  }
  return {};
}

text::Message describe_bad_text(std::string_view bad, Decoding decoding) {
  const auto byte = static_cast<unsigned char>(bad[0]);
  const bool utf16 = decoding == Decoding::utf16le || decoding == Decoding::utf16be;
  if (byte == 0) return {utf16 ? text::Msg::text_nul_char : text::Msg::text_nul_byte_utf16, {}};
  if (utf16) {
    if (byte == 0xFF) return {text::Msg::text_utf16_cut, {}};
    unsigned surrogate = 0;
    for (std::size_t i = 0; i < 3 && i < bad.size(); ++i)
      surrogate = (surrogate << 6) | (static_cast<unsigned char>(bad[i]) & (i == 0 ? 0x0F : 0x3F));
    return {text::Msg::text_utf16_surrogate, {hex(surrogate, 4)}};
  }
  const text::Message what = describe_not_utf8(bad);
  return {text::Msg::text_name_encoding, {text::nested(what.id, what.args)}};
}

text::Message describe_not_utf8(std::string_view bad) {
  const auto byte = static_cast<unsigned char>(bad[0]);
  if (byte == 0) return {text::Msg::text_nul_byte, {}};
  const char32_t reading = windows1252(byte);
  if (reading == 0xA0) return {text::Msg::text_not_utf8_nbsp, {hex(byte, 2)}};
  if (reading == 0xAD) return {text::Msg::text_not_utf8_soft_hyphen, {hex(byte, 2)}};
  if (!core::drives_terminal(reading))
    return {text::Msg::text_not_utf8_char, {hex(byte, 2), encoded(reading)}};
  return {text::Msg::text_not_utf8, {hex(byte, 2)}};
}

}  // namespace alliance::io
