// The test program's own temporary directory: tests of one binary run in
// parallel processes under ctest, and other checkouts run the same tests at the
// same time, so a file named only by the test (TMPDIR/a.csv) is not its own.
#pragma once

#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <stdexcept>
#include <string>

namespace alliance::testing {

// A directory made under TMPDIR (else /tmp) on first use, removed with what
// it holds when the program ends, unless ALLIANCE_KEEP_TEST_DIRS is set. Ends
// with no "/".
inline const std::string& own_temp_dir() {
  struct Dir {
    std::string path;
    Dir() {
      const char* base = std::getenv("TMPDIR");
      path = std::string(base && *base ? base : "/tmp") + "/alliance-unit-XXXXXX";
      if (!::mkdtemp(path.data())) throw std::runtime_error("mkdtemp failed");
    }
    ~Dir() {
      const char* keep = std::getenv("ALLIANCE_KEEP_TEST_DIRS");
      if (keep && *keep) return;
      std::error_code error;
      // A test may have taken the write permission away (a save that fails).
      for (auto it = std::filesystem::recursive_directory_iterator(path, error);
           !error && it != std::filesystem::recursive_directory_iterator(); it.increment(error))
        if (it->is_directory(error)) ::chmod(it->path().c_str(), 0700);
      std::filesystem::remove_all(path, error);
    }
  };
  static const Dir dir;
  return dir.path;
}

}  // namespace alliance::testing
