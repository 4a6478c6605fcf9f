// NDJSON responses, one per line, through the reader the commands use (fast
// path, then the full reader for the lines it declines). The first byte
// picks the questionnaire, and whether the format is given or detected.
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace alliance;
  if (size == 0) return 0;
  const fuzz::MemoryFile file(std::string_view(reinterpret_cast<const char*>(data) + 1, size - 1));
  io::ReaderOptions options;
  options.format = (data[0] & 0x80) ? io::InputFormat::automatic : io::InputFormat::ndjson;
  fuzz::read_all(file.path(), fuzz::questionnaire(data[0]), options);
  return 0;
}
