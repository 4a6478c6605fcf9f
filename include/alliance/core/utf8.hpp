// UTF-8: checking that input is text, and making text safe to write where a
// person reads it (docs/response-format.md#text-encoding,
// docs/output-format.md#text). Pure functions, no I/O.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace alliance::core {

// One character decoded from the start of a text.
struct Utf8Char {
  char32_t code = 0;       // the code point, when valid
  std::size_t length = 1;  // bytes taken: the character's; when invalid, the maximal
                           // ill-formed subpart (Unicode 15, section 3.9), at least 1
  bool valid = true;       // well-formed per RFC 3629: no overlong form, no surrogate, <= U+10FFFF
  bool cut = false;        // invalid only because `text` ended inside the character
};

// REQUIRES: !text.empty().
Utf8Char decode_utf8(std::string_view text);

// Writes `code` as UTF-8 at `out` (room for 4 bytes) and returns its length.
// Any value up to U+10FFFF, surrogates included: their three-byte form is
// not valid UTF-8, which is how a decoder marks an unpaired one for the text
// check to report. REQUIRES: code <= 0x10FFFF.
std::size_t encode_utf8(char32_t code, char* out);

// How many bytes at the start of `text` are plain ASCII: 0x01..0x7F (no NUL,
// no byte with the high bit). Sixteen bytes at a time with SSE2, else eight:
// the fast path of every check, since most input is ASCII.
std::size_t ascii_prefix(std::string_view text);

struct TextCheck {
  std::size_t bad = std::string_view::npos;  // offset of the first byte that is NUL or not valid UTF-8
  std::size_t checked = 0;                   // bytes checked (all of them clean up to here)
};

// Checks that `text` is text: valid UTF-8 without NUL. Stops at the first bad
// byte (checked == bad). When `final` is false, more bytes follow `text`, so
// a character cut by its end is not bad: `checked` then ends before it.
TextCheck check_text(std::string_view text, bool final);

// The longest prefix of `text` of at most `max` bytes that does not cut a
// character in two.
std::string_view utf8_prefix(std::string_view text, std::size_t max);

// `text` as a message quotes it: whole when it has at most `max` bytes, else
// utf8_prefix(text, max) and "…" (every message shortens a value this way).
std::string excerpt(std::string_view text, std::size_t max);

// Whether a terminal could act on the code point instead of showing it: the
// C0 and C1 control characters and DEL (cursor moves, colours, window
// titles, ...), and the bidirectional controls and line separators that
// reorder or break the text on screen (U+061C, U+200E, U+200F, U+2028,
// U+2029, U+202A..U+202E, U+2066..U+2069).
bool drives_terminal(char32_t code);

// `text` as shown to a person on a terminal (tables, messages on stderr):
// every character that drives_terminal() is written as an inert escape,
// "\n", "\r", "\t", "\x1b" below U+0080 and "\u009b", "\u202e" above; every
// byte that is not valid UTF-8 as "\xe9". With `keep_lines`, line feeds and
// tabs are kept as they are. Returns `text` unchanged (a copy) when there is
// nothing to escape, which is almost always.
std::string terminal_safe(std::string_view text, bool keep_lines = false);
void append_terminal_safe(std::string& out, std::string_view text, bool keep_lines = false);

}  // namespace alliance::core
