#include "alliance/core/utf8.hpp"

#include <cstdint>
#include <cstring>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

namespace alliance::core {

Utf8Char decode_utf8(std::string_view text) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const unsigned lead = p[0];
  if (lead < 0x80) return {lead, 1, true, false};
  // Unicode's table 3-7 of well-formed byte sequences: the second byte's range
  // depends on the lead (no overlong forms, no surrogates, nothing past U+10FFFF).
  std::size_t need = 0;
  char32_t code = 0;
  unsigned low = 0x80;
  unsigned high = 0xBF;
  if (lead >= 0xC2 && lead <= 0xDF) {
    need = 1;
    code = lead & 0x1F;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    need = 2;
    code = lead & 0x0F;
    if (lead == 0xE0) low = 0xA0;
    if (lead == 0xED) high = 0x9F;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    need = 3;
    code = lead & 0x07;
    if (lead == 0xF0) low = 0x90;
    if (lead == 0xF4) high = 0x8F;
  } else {
    return {0, 1, false, false};
  }
  std::size_t i = 1;
  for (; i <= need; ++i) {
    if (i == text.size()) return {0, i, false, true};
    const unsigned byte = p[i];
    if (byte < low || byte > high) return {0, i, false, false};
    code = (code << 6) | (byte & 0x3F);
    low = 0x80;
    high = 0xBF;
  }
  return {code, i, true, false};
}

std::size_t encode_utf8(char32_t code, char* out) {
  if (code < 0x80) {
    out[0] = static_cast<char>(code);
    return 1;
  }
  if (code < 0x800) {
    out[0] = static_cast<char>(0xC0 | (code >> 6));
    out[1] = static_cast<char>(0x80 | (code & 0x3F));
    return 2;
  }
  if (code < 0x10000) {
    out[0] = static_cast<char>(0xE0 | (code >> 12));
    out[1] = static_cast<char>(0x80 | ((code >> 6) & 0x3F));
    out[2] = static_cast<char>(0x80 | (code & 0x3F));
    return 3;
  }
  out[0] = static_cast<char>(0xF0 | (code >> 18));
  out[1] = static_cast<char>(0x80 | ((code >> 12) & 0x3F));
  out[2] = static_cast<char>(0x80 | ((code >> 6) & 0x3F));
  out[3] = static_cast<char>(0x80 | (code & 0x3F));
  return 4;
}

std::size_t ascii_prefix(std::string_view text) {
  const char* p = text.data();
  const std::size_t n = text.size();
  std::size_t i = 0;
#ifdef __SSE2__
  // Sixteen bytes at a time (SSE2 is in every x86-64): a byte is plain when,
  // read as signed, it is greater than zero.
  const __m128i zero = _mm_setzero_si128();
  const auto plain = [&](std::size_t at) {
    return _mm_cmpgt_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p + at)), zero);
  };
  for (; i + 64 <= n; i += 64) {
    const __m128i all =
        _mm_and_si128(_mm_and_si128(plain(i), plain(i + 16)), _mm_and_si128(plain(i + 32), plain(i + 48)));
    if (_mm_movemask_epi8(all) != 0xFFFF) break;
  }
  for (; i + 16 <= n; i += 16)
    if (_mm_movemask_epi8(plain(i)) != 0xFFFF) break;
#else
  // Eight bytes at a time. A byte b is plain when 0 < b < 0x80: then neither
  // b nor b - 1 has its high bit set, and b - 1 borrows nothing from the next
  // byte. A zero or high byte sets a high bit of (w - ones) | w.
  constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
  constexpr std::uint64_t kHigh = 0x8080808080808080ULL;
  for (; i + 8 <= n; i += 8) {
    std::uint64_t w;
    std::memcpy(&w, p + i, sizeof w);
    if (((w - kOnes) | w) & kHigh) break;
  }
#endif
  for (; i < n; ++i) {
    const auto byte = static_cast<unsigned char>(p[i]);
    if (byte == 0 || byte >= 0x80) break;
  }
  return i;
}

TextCheck check_text(std::string_view text, bool final) {
  std::size_t i = 0;
  while (true) {
    i += ascii_prefix(text.substr(i));
    if (i == text.size()) return {std::string_view::npos, i};
    if (text[i] == '\0') return {i, i};
    const Utf8Char c = decode_utf8(text.substr(i));
    if (!c.valid) {
      if (c.cut && !final) return {std::string_view::npos, i};
      return {i, i};
    }
    i += c.length;
  }
}

std::string_view utf8_prefix(std::string_view text, std::size_t max) {
  if (text.size() <= max) return text;
  std::size_t end = max;
  // Back over continuation bytes to the start of the character cut at `max`.
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80 && max - end < 3) --end;
  return text.substr(0, end);
}

std::string excerpt(std::string_view text, std::size_t max) {
  const std::string_view prefix = utf8_prefix(text, max);
  return prefix.size() == text.size() ? std::string(text) : std::string(prefix) + "…";
}

bool drives_terminal(char32_t code) {
  if (code < 0x20 || (code >= 0x7F && code < 0xA0)) return true;
  return code == 0x061C || code == 0x200E || code == 0x200F || code == 0x2028 || code == 0x2029 ||
         (code >= 0x202A && code <= 0x202E) || (code >= 0x2066 && code <= 0x2069);
}

namespace {

constexpr char kHex[] = "0123456789abcdef";

void append_escape(std::string& out, char32_t code, bool byte) {
  if (!byte && (code == '\n' || code == '\r' || code == '\t')) {
    out += '\\';
    out += code == '\n' ? 'n' : code == '\r' ? 'r' : 't';
    return;
  }
  if (byte || code < 0x80) {
    out += "\\x";
    out += kHex[(code >> 4) & 0xF];
    out += kHex[code & 0xF];
    return;
  }
  out += "\\u";
  for (int shift = 12; shift >= 0; shift -= 4) out += kHex[(code >> shift) & 0xF];
}

// Whether any byte of `text` may need an escape: a control, DEL or a non-ASCII byte.
bool maybe_unsafe(std::string_view text) {
  for (char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte >= 0x7F) return true;
  }
  return false;
}

}  // namespace

void append_terminal_safe(std::string& out, std::string_view text, bool keep_lines) {
  if (!maybe_unsafe(text)) {
    out.append(text);
    return;
  }
  std::size_t i = 0;
  while (i < text.size()) {
    const Utf8Char c = decode_utf8(text.substr(i));
    if (!c.valid) {
      for (std::size_t k = 0; k < c.length; ++k)
        append_escape(out, static_cast<unsigned char>(text[i + k]), true);
    } else if (drives_terminal(c.code) && !(keep_lines && (c.code == '\n' || c.code == '\t'))) {
      append_escape(out, c.code, false);
    } else {
      out.append(text.substr(i, c.length));
    }
    i += c.length;
  }
}

std::string terminal_safe(std::string_view text, bool keep_lines) {
  std::string out;
  out.reserve(text.size());
  append_terminal_safe(out, text, keep_lines);
  return out;
}

}  // namespace alliance::core
