// SPSS, Stata and SAS files through the reader the commands use (ReadStat on
// its parsing thread, io/readstat_responses.cpp). The first byte picks the
// format (its value modulo 5: sav, dta, sas7bdat, xpt, por) and the
// questionnaire (bits 4-5); the rest is the file. A damaged file must be an
// Error, never a crash, a hang or a leak.
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace alliance;
  if (size == 0) return 0;
  const fuzz::MemoryFile file(std::string_view(reinterpret_cast<const char*>(data) + 1, size - 1));
  static constexpr io::InputFormat kFormats[] = {io::InputFormat::sav, io::InputFormat::dta,
                                                 io::InputFormat::sas7bdat, io::InputFormat::xpt,
                                                 io::InputFormat::por};
  io::ReaderOptions options;
  options.format = kFormats[(data[0] & 0x0f) % 5];
  fuzz::read_all(file.path(), fuzz::questionnaire(static_cast<std::uint8_t>(data[0] >> 4)), options);
  return 0;
}
