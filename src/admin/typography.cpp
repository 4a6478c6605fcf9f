#include "typography.hpp"

#include "alliance/core/text.hpp"

namespace alliance::admin {

namespace {

// A word that must stay on the line of the word before it: French high
// punctuation set off by an ordinary space ("changer ?"), a closing guillemet.
bool sticks_to_previous(std::string_view word) {
  for (std::string_view mark : {":", ";", "?", "!", "»"})
    if (word.starts_with(mark)) return true;
  return false;
}

bool sticks_to_next(std::string_view word) {
  return word == "«";
}

// The first `columns` code points of `text` (and, through `rest`, what is left).
std::string_view take_columns(std::string_view text, std::size_t columns, std::string_view& rest) {
  std::size_t i = 0;
  for (std::size_t seen = 0; i < text.size(); ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if ((byte & 0xC0) != 0x80 && seen++ == columns) break;
  }
  rest = text.substr(i);
  return text.substr(0, i);
}

// The unbreakable units of one paragraph: words, with the ones that stick joined by a space.
std::vector<std::string> units(std::string_view paragraph) {
  std::vector<std::string> out;
  bool glue_next = false;
  std::size_t start = 0;
  while (start <= paragraph.size()) {
    std::size_t end = paragraph.find(' ', start);
    if (end == std::string_view::npos) end = paragraph.size();
    const std::string_view word = paragraph.substr(start, end - start);
    start = end + 1;
    if (word.empty()) continue;
    if (!out.empty() && (glue_next || sticks_to_previous(word)))
      out.back() += " " + std::string(word);
    else
      out.emplace_back(word);
    glue_next = sticks_to_next(word);
  }
  return out;
}

void wrap_paragraph(std::string_view paragraph, std::size_t width, std::vector<std::string>& lines) {
  std::string line;
  for (const std::string& unit : units(paragraph)) {
    const std::size_t unit_width = core::display_width(unit);
    const std::size_t line_width = core::display_width(line);
    if (!line.empty() && line_width + 1 + unit_width <= width) {
      line += " " + unit;
      continue;
    }
    if (!line.empty()) lines.push_back(line);
    line.clear();
    std::string_view rest = unit;
    while (core::display_width(rest) > width) lines.emplace_back(take_columns(rest, width, rest));
    line = std::string(rest);
  }
  lines.push_back(line);
}

bool letter_byte(char c) {
  const auto byte = static_cast<unsigned char>(c);
  return byte >= 0x80 || (byte >= 'a' && byte <= 'z') || (byte >= 'A' && byte <= 'Z');
}

}  // namespace

std::string french_apostrophes(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 8);
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\'' && i > 0 && i + 1 < text.size() && letter_byte(text[i - 1]) &&
        letter_byte(text[i + 1]))
      out += "’";
    else
      out += text[i];
  }
  return out;
}

std::vector<std::string> split_lines(std::string_view text) {
  std::vector<std::string> out;
  for (std::size_t start = 0;;) {
    const std::size_t end = text.find('\n', start);
    out.emplace_back(text.substr(start, end == std::string_view::npos ? end : end - start));
    if (end == std::string_view::npos) return out;
    start = end + 1;
  }
}

std::vector<std::string> wrap_words(std::string_view text, std::size_t width) {
  std::vector<std::string> lines;
  for (const std::string& paragraph : split_lines(text)) wrap_paragraph(paragraph, width, lines);
  return lines;
}

std::string shorten_at_word(std::string_view text, std::size_t width) {
  if (core::display_width(text) <= width) return std::string(text);
  if (width == 1) return "…";
  std::string out;
  for (const std::string& unit : units(text)) {
    const std::size_t needed = core::display_width(out) + (out.empty() ? 0 : 1) + core::display_width(unit);
    if (needed + 1 > width) break;
    out += (out.empty() ? "" : " ") + unit;
  }
  if (out.empty()) {
    std::string_view rest;
    out = std::string(take_columns(text, width - 1, rest));
  }
  return out + "…";
}

std::vector<std::string> pack_hints(const std::vector<std::string>& hints, std::size_t width) {
  std::vector<std::string> lines;
  std::string line;
  for (std::size_t i = 0; i < hints.size(); ++i) {
    const std::string hint = hints[i] + (i + 1 < hints.size() ? "," : "");
    const std::size_t hint_width = core::display_width(hint);
    if (!line.empty() && core::display_width(line) + 1 + hint_width <= width) {
      line += " " + hint;
      continue;
    }
    if (!line.empty()) lines.push_back(line);
    line.clear();
    if (hint_width <= width) {
      line = hint;
      continue;
    }
    std::vector<std::string> long_hint = wrap_words(hint, width);
    line = long_hint.back();
    long_hint.pop_back();
    lines.insert(lines.end(), long_hint.begin(), long_hint.end());
  }
  if (!line.empty()) lines.push_back(line);
  return lines;
}

}  // namespace alliance::admin
