#include "alliance/io/text_table.hpp"

#include <algorithm>

#include "alliance/core/text.hpp"
#include "alliance/core/utf8.hpp"

namespace alliance::io {

namespace {

constexpr const char* kReset = "\x1b[0m";

}  // namespace

void TextTable::add(std::vector<std::string> row) {
  colours_.emplace_back(row.size(), "");
  rows_.push_back(std::move(row));
}

void TextTable::add(std::vector<std::string> row, std::vector<const char*> colours) {
  colours.resize(row.size(), "");
  colours_.push_back(std::move(colours));
  rows_.push_back(std::move(row));
}

void TextTable::hide_column(std::size_t column) {
  if (hidden_.size() <= column) hidden_.resize(column + 1, false);
  hidden_[column] = true;
}

std::string TextTable::render(bool colour) const {
  std::vector<std::vector<std::string>> rows = rows_;
  for (auto& row : rows)
    for (std::string& cell : row) cell = core::terminal_safe(cell);
  std::vector<std::size_t> widths;
  for (const auto& row : rows) {
    widths.resize(std::max(widths.size(), row.size()), 0);
    for (std::size_t c = 0; c < row.size(); ++c) widths[c] = std::max(widths[c], core::display_width(row[c]));
  }
  const auto hidden = [&](std::size_t c) { return c < hidden_.size() && hidden_[c]; };
  std::string out;
  for (std::size_t r = 0; r < rows.size(); ++r) {
    const std::vector<std::string>& row = rows[r];
    std::string line;
    for (std::size_t c = 0; c < row.size(); ++c) {
      if (hidden(c)) continue;
      const bool last = c + 1 == row.size();
      const std::string text = last ? row[c] : core::pad_right(row[c], widths[c]);
      const char* sgr = colours_[r][c];
      if (colour && *sgr)
        line += sgr + text + kReset;
      else
        line += text;
      if (!last) line += "  ";
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out += line;
    out += '\n';
  }
  return out;
}

}  // namespace alliance::io
