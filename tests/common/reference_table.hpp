// The reference tables under tests/reference/ (written by R, see the READMEs
// there): a header row and rows of plain comma-separated cells, no quoting
// (the R scripts write none); "NA" is no value. Shared by the unit and e2e tests.
#pragma once

#include <cstddef>
#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace alliance::testing {

inline std::vector<std::string> split_commas(const std::string& line) {
  std::vector<std::string> cells;
  std::string cell;
  std::istringstream in(line);
  while (std::getline(in, cell, ',')) cells.push_back(cell);
  if (!line.empty() && line.back() == ',') cells.emplace_back();
  return cells;
}

struct ReferenceTable {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;

  // Index of a column by name; throws when there is none.
  std::size_t column(const std::string& name) const {
    for (std::size_t i = 0; i < header.size(); ++i)
      if (header[i] == name) return i;
    throw std::runtime_error("no column " + name);
  }
};

// Reads a table from text (a whole CSV file, LF line ends).
inline ReferenceTable parse_reference_table(const std::string& text) {
  ReferenceTable table;
  std::istringstream in(text);
  std::string line;
  if (!std::getline(in, line)) return table;
  table.header = split_commas(line);
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    table.rows.push_back(split_commas(line));
    if (table.rows.back().size() != table.header.size()) throw std::runtime_error("ragged row: " + line);
  }
  return table;
}

inline ReferenceTable read_reference_table(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::ostringstream text;
  text << in.rdbuf();
  return parse_reference_table(text.str());
}

// The rows of a reference table, each cell by its column name.
using ReferenceRow = std::map<std::string, std::string>;

inline std::vector<ReferenceRow> read_reference_rows(const std::string& path) {
  const ReferenceTable table = read_reference_table(path);
  std::vector<ReferenceRow> rows;
  for (const std::vector<std::string>& cells : table.rows) {
    ReferenceRow row;
    for (std::size_t i = 0; i < table.header.size(); ++i) row[table.header[i]] = cells[i];
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace alliance::testing
