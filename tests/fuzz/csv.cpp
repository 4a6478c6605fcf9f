// CSV and TSV responses through the reader the commands use. The first byte
// picks the delimiter (bit 0), the questionnaire (bits 1-2) and one of eight
// column mappings (bits 3-5: detection, patterns, --map, id and session
// columns, skipped rows), the survey-export options (bit 6: --encoding auto,
// the delimiter sniffed, --recode, LimeSurvey's codes, --from qualtrics and
// redcap's row skipping) and a ';' with decimal commas and a --where (bit 7);
// the rest is the file.
#include "fuzz_support.hpp"

namespace {

alliance::io::ColumnMapping mapping(unsigned variant) {
  alliance::io::ColumnMapping m;
  switch (variant % 8) {
    case 0: break;  // detected from the header
    case 1: m.pattern = "Q{id}"; break;
    case 2:
      m.pattern = "item_{id}";
      m.respondent_column = "subj";
      break;
    case 3: m.columns = {{"Q7_1", "7"}, {"x", "1"}, {"", "2"}}; break;
    case 4: m.session_column = "visit"; break;
    case 5:
      m.pattern = "WAI_{id}";
      m.skip_rows = 2;
      break;
    case 6:
      m.pattern = "{id}";
      m.skip_rows = 1;
      break;
    default:
      m.pattern = "{id}_{id}";
      m.respondent_column = "id";
      m.session_column = "id";
  }
  return m;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace alliance;
  if (size == 0) return 0;
  const fuzz::MemoryFile file(std::string_view(reinterpret_cast<const char*>(data) + 1, size - 1));
  io::ReaderOptions options;
  options.format = (data[0] & 1) ? io::InputFormat::tsv : io::InputFormat::csv;
  options.mapping = mapping(static_cast<unsigned>(data[0] >> 3));
  if (data[0] & 0x40) {
    options.format = io::InputFormat::automatic;  // the delimiter sniffed
    options.encoding = io::TextEncoding::automatic;
    options.answers.recode = {{"A1", "1"}, {"Don't know", ""}, {"1", "5"}, {"Très souvent", "4"}};
    options.answers.numbered_codes = "A";
    options.mapping.skip_header_rows = true;
    options.mapping.skip_unanswered_rows = true;
  }
  if (data[0] & 0x80) {
    options.delimiter = ';';
    options.answers.decimal_comma = true;
    options.mapping.where["session"] = {"1", "Week 4"};
  }
  fuzz::read_all(file.path(), fuzz::questionnaire(static_cast<std::uint8_t>(data[0] >> 1)), options);
  return 0;
}
