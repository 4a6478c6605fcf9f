// The character encodings response files are read in (--encoding): UTF-8
// unless the user names another, or a byte-order mark says so
// (docs/response-format.md#text-encoding). Everything is UTF-8 once read.
#pragma once

#include <string>

namespace alliance::io {

enum class TextEncoding {
  automatic,  // UTF-8, or Windows-1252 when the first bytes read are not UTF-8 and hold no UTF-8 character
  utf8,
  utf16,    // byte order from the byte-order mark; little-endian (as Windows writes) without one
  utf16le,  // without a byte-order mark
  utf16be,
  windows1252,  // Excel's "CSV" on Windows in western Europe; a superset of Latin-1's characters
  latin1,       // ISO-8859-1
};

// "auto", "utf-8", "utf-16", "utf-16le", "utf-16be", "windows-1252", "latin-1", and
// the usual other spellings ("utf8", "cp1252", "iso-8859-1", ...; any case).
// Throws Error(usage) for anything else, listing the names.
TextEncoding parse_text_encoding(const std::string& name);

// The canonical name ("windows-1252").
const char* to_string(TextEncoding encoding);

}  // namespace alliance::io
