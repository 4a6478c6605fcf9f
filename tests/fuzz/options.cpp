// The options that say how to read a CSV (--columns, --id-column,
// --session-column, --skip-rows, --map), turned into the reader's column
// mapping as the commands do (cli::reader_options), then applied to a CSV
// header and rows; and the SCALE=VALUE parser of --fail-below, --sd and
// --retest-r. The input is lines of option values, a blank line, then the
// CSV:
//   PATTERN \n ID-COLUMN \n SESSION-COLUMN \n SKIP-ROWS \n MAP... \n \n CSV
// Each MAP line is also parsed as a SCALE=VALUE spec and as a list of them.
#include <charconv>
#include <string>
#include <vector>

#include "cli/input_options.hpp"
#include "cli/thresholds.hpp"
#include "fuzz_support.hpp"

namespace {

std::vector<std::string> split_lines(std::string_view text) {
  std::vector<std::string> out;
  while (!text.empty()) {
    const std::size_t end = std::min(text.find('\n'), text.size());
    out.emplace_back(text.substr(0, end));
    text.remove_prefix(std::min(end + 1, text.size()));
  }
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace alliance;
  if (size == 0) return 0;
  const core::Questionnaire& q = fuzz::questionnaire(data[0]);
  const std::string_view input(reinterpret_cast<const char*>(data) + 1, size - 1);
  const std::size_t blank = input.find("\n\n");
  const std::vector<std::string> lines = split_lines(input.substr(0, blank));
  const std::string_view csv = blank == std::string_view::npos ? std::string_view() : input.substr(blank + 2);

  cli::InputOptions options;
  options.input_format = "csv";
  if (lines.size() > 0) options.columns = lines[0];
  if (lines.size() > 1) options.id_column = lines[1];
  if (lines.size() > 2) options.session_column = lines[2];
  if (lines.size() > 3) {
    int rows = 0;
    std::from_chars(lines[3].data(), lines[3].data() + lines[3].size(), rows);
    options.skip_rows = std::clamp(rows, 0, 1000);  // CLI11 checks it is not negative
  }
  for (std::size_t i = 4; i < lines.size(); ++i) {
    options.maps.push_back(lines[i]);
    try {
      (void)cli::parse_scale_value("--fail-below", lines[i], q);
    } catch (const Error&) {
    }
    try {
      (void)cli::parse_scale_list("--sd", {lines[i]}, q);
    } catch (const Error&) {
    }
  }
  io::ReaderOptions reader;
  try {
    reader = cli::reader_options(options);
  } catch (const Error&) {
    return 0;  // a usage error, said as such
  }
  const fuzz::MemoryFile file(csv);
  fuzz::read_all(file.path(), q, reader);
  return 0;
}
