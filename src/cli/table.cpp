#include "table.hpp"

#include <algorithm>

#include "alliance/core/text.hpp"
#include "alliance/core/utf8.hpp"

namespace alliance::cli {

void Table::print(std::ostream& out) const {
  // Cells quote files (ids, titles): shown, never obeyed by the terminal.
  std::vector<std::vector<std::string>> rows = rows_;
  for (auto& row : rows)
    for (std::string& cell : row) cell = core::terminal_safe(cell);
  std::vector<std::size_t> widths(header_.size(), 0);
  auto measure = [&](const std::vector<std::string>& row) {
    for (std::size_t c = 0; c < row.size() && c < widths.size(); ++c)
      widths[c] = std::max(widths[c], core::display_width(row[c]));
  };
  measure(header_);
  for (const auto& row : rows) measure(row);
  auto line = [&](const std::vector<std::string>& row) {
    std::string text;
    for (std::size_t c = 0; c < row.size(); ++c)
      text += c + 1 == row.size() ? row[c] : core::pad_right(row[c], widths[c]) + "  ";
    while (!text.empty() && text.back() == ' ') text.pop_back();
    out << text << '\n';
  };
  line(header_);
  for (const auto& row : rows) line(row);
}

}  // namespace alliance::cli
