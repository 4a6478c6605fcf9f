// Internal to admin: how text is laid out on a screen of a given width.
// Pure functions of the text and the width (display columns, one per code
// point: our texts have no wide glyphs); no terminal, no escape codes.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace alliance::admin {

// The lines of `text` wrapped to at most `width` columns, breaking only at
// ordinary spaces (a no-break space U+00A0 or U+202F holds its neighbours
// together), never before : ; ? ! » or after « even when the author typed an
// ordinary space there, and cutting a word longer than the line (no text is
// ever dropped). "\n" starts a new line. REQUIRES: width > 0.
std::vector<std::string> wrap_words(std::string_view text, std::size_t width);

// `text` when it fits in `width` columns; otherwise as many whole words as
// fit, then "…" (a single word too long is cut, then "…"). REQUIRES: width > 0.
std::string shorten_at_word(std::string_view text, std::size_t width);

// Hints ("Press 1 to 5 to answer", "q to stop") joined with ", " into lines
// of at most `width` columns, breaking between hints, never inside one — a
// hint longer than a whole line is wrapped on its own lines. REQUIRES: width > 0.
std::vector<std::string> pack_hints(const std::vector<std::string>& hints, std::size_t width);

// French typography for a text written with a typewriter apostrophe: "'"
// between two letters becomes "’" (l'aide → l’aide). Other quotes are left.
std::string french_apostrophes(std::string_view text);

// `text` split at "\n".
std::vector<std::string> split_lines(std::string_view text);

}  // namespace alliance::admin
