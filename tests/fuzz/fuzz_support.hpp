// Shared by the fuzz targets (docs/fuzzing.md): the input as a file the
// readers can open, the bundled questionnaires, and reading every record.
#pragma once

#include <sys/mman.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "alliance/core/error.hpp"
#include "alliance/core/questionnaire.hpp"
#include "alliance/core/scoring.hpp"
#include "alliance/io/catalog.hpp"
#include "alliance/io/response_reader.hpp"

namespace alliance::fuzz {

// The fuzz input in an anonymous in-memory file, named by a path the readers
// open like any other ("/proc/self/fd/N"): the readers under test are the
// ones the command runs, from their ByteSource up.
class MemoryFile {
 public:
  explicit MemoryFile(std::string_view bytes) : fd_(::memfd_create("fuzz-input", 0)) {
    if (fd_ < 0) std::abort();
    for (std::size_t done = 0; done < bytes.size();) {
      const ssize_t n = ::write(fd_, bytes.data() + done, bytes.size() - done);
      if (n <= 0) std::abort();
      done += static_cast<std::size_t>(n);
    }
  }
  ~MemoryFile() { ::close(fd_); }
  MemoryFile(const MemoryFile&) = delete;
  MemoryFile& operator=(const MemoryFile&) = delete;

  std::string path() const { return "/proc/self/fd/" + std::to_string(fd_); }

 private:
  int fd_;
};

// The bundled questionnaires a response may be read against: integer scales
// (GTB-12, WAI-SR, with reverse keys) and a continuous one with decimals (SRS).
inline const core::Questionnaire& questionnaire(std::uint8_t selector) {
  static const io::Catalog catalog({});
  static const core::Questionnaire kAll[] = {catalog.load("gtb-12").questionnaire,
                                             catalog.load("wai-sr").questionnaire,
                                             catalog.load("srs").questionnaire};
  return kAll[selector % 3];
}

// Reads every record of `path` and scores the valid ones. Errors of the
// whole input (Error: a header naming no item, a usage error) are expected
// outcomes; any other exception escapes and is a finding.
inline void read_all(const std::string& path, const core::Questionnaire& q,
                     const io::ReaderOptions& options) {
  try {
    std::unique_ptr<io::ResponseReader> reader = io::open_response_reader(path, q, options);
    (void)reader->warnings();
    io::ResponseRecord record;
    core::ScoreSheet sheet;
    while (reader->next(record)) {
      if (record.problems.empty() != record.valid()) std::abort();
      if (record.valid()) {
        if (record.response.answers.size() != q.items.size()) std::abort();
        core::score_into(q, record.response.answers, sheet);
      }
    }
  } catch (const Error&) {
  }
}

}  // namespace alliance::fuzz
