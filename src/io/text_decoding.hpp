// Internal to io: decoding response files into UTF-8 for ByteSource, and
// what to tell the user about bytes that are not text.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "alliance/io/text_encoding.hpp"
#include "alliance/text/message.hpp"

namespace alliance::io {

// How the bytes of a file become UTF-8 once its byte-order mark is known.
enum class Decoding { none, windows1252, latin1, utf16le, utf16be };

struct ByteOrderMark {
  std::size_t length = 0;  // bytes to skip: 0 (none), 2 (UTF-16) or 3 (UTF-8)
  Decoding decoding = Decoding::none;
};

// What the first bytes of a file (at least 3 of them, or the whole file)
// say: a byte-order mark decides the encoding whatever was requested (as the
// WHATWG Encoding Standard does); without one, `requested` does.
ByteOrderMark byte_order_mark(std::string_view head, TextEncoding requested);

// True when `head`, the first bytes of a file (all of it when `whole`), is
// not UTF-8 and holds no UTF-8 character of more than one byte, nor a NUL:
// text in a single-byte encoding (--encoding auto reads it as Windows-1252).
bool looks_single_byte(std::string_view head, bool whole);

struct Decoded {
  std::size_t used = 0;     // bytes of `in` decoded
  std::size_t written = 0;  // bytes of UTF-8 written to `out`
};

// Decodes `in` into `out` until `in` is used up or fewer than 4 bytes of
// `room` are left. A UTF-16 character cut by the end of `in` is left for the
// next call, unless `end_of_input`. Input that is not valid UTF-16 (an
// unpaired surrogate, an odd last byte) is written as bytes that are not
// valid UTF-8 (the surrogate's three-byte form; 0xFF), so the text check
// reports it where it is. REQUIRES: decoding != none.
Decoded decode_to_utf8(Decoding decoding, std::string_view in, char* out, std::size_t room,
                       bool end_of_input);

// Why the text starting at `bad` (a byte core::check_text stopped at, and
// what follows it) is not text, and what to do: "byte 0xE9 is not UTF-8
// ('é' in Windows-1252): name the file's encoding, e.g. --encoding ...", as a
// catalogue message (shown in the user's language).
text::Message describe_bad_text(std::string_view bad, Decoding decoding);

// The same for a file that can only be UTF-8 (a definition): what the byte
// is, without the --encoding advice ("byte 0xE9 is not UTF-8 ('é' in Windows-1252)").
text::Message describe_not_utf8(std::string_view bad);

}  // namespace alliance::io
