// The aligned table every output for people prints (score, stats, trend,
// compare, list, --explain): the one table printer.
#pragma once

#include <cstddef>
#include <ostream>
#include <string>
#include <vector>

namespace alliance::io {

// What a table shows for a value that is missing (no score, an undefined
// statistic, a session not given).
inline constexpr const char* kMissingCell = "–";

class TextTable {
 public:
  TextTable() = default;
  explicit TextTable(std::vector<std::string> header) { add(std::move(header)); }

  // Rows may differ in length; the first row added is the heading.
  void add(std::vector<std::string> row);
  // `colours`: an SGR sequence per cell ("" for none), wrapped around the
  // padded cell when render(true).
  void add(std::vector<std::string> row, std::vector<const char*> colours);
  // The column is left out of every row (score's SESSION when no response has one).
  void hide_column(std::size_t column);
  std::size_t rows() const { return rows_.size(); }

  // Columns separated by two spaces, each padded to its widest cell (display
  // columns, UTF-8 aware) but the last; no trailing spaces; each line ends
  // with '\n'. Cells quote files (ids, titles): shown with their control
  // characters escaped (core::terminal_safe), never obeyed by the terminal.
  std::string render(bool colour = false) const;
  void print(std::ostream& out) const { out << render(); }

 private:
  std::vector<std::vector<std::string>> rows_;
  std::vector<std::vector<const char*>> colours_;
  std::vector<bool> hidden_;
};

}  // namespace alliance::io
