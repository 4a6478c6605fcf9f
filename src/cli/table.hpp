// Aligned plain-text tables for terminal output (UTF-8 aware widths).
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace alliance::cli {

class Table {
 public:
  explicit Table(std::vector<std::string> header) : header_(std::move(header)) {}
  void add(std::vector<std::string> row) { rows_.push_back(std::move(row)); }
  // Columns separated by two spaces; the last column is not padded. Cells
  // are shown with control characters escaped (core::terminal_safe).
  void print(std::ostream& out) const;

 private:
  std::vector<std::string> header_;
  std::vector<std::vector<std::string>> rows_;
};

}  // namespace alliance::cli
