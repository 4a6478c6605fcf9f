// A JSON response document (an object, or an array of them). The first byte
// picks the questionnaire; the rest is the file.
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace alliance;
  if (size == 0) return 0;
  const fuzz::MemoryFile file(std::string_view(reinterpret_cast<const char*>(data) + 1, size - 1));
  io::ReaderOptions options;
  options.format = io::InputFormat::json;
  fuzz::read_all(file.path(), fuzz::questionnaire(data[0]), options);
  return 0;
}
