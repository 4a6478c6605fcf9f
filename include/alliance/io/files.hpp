// Whole-file reads and atomic, owner-only writes. Failures throw
// alliance::Error with ExitCode::io and the file name in the message.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace alliance::io {

std::string read_file(const std::filesystem::path& path);

// Standard input, read to the end.
std::string read_stdin();

enum class Overwrite { refuse, allow };

// Writes to a temporary file beside `path`, fsyncs it, renames it over `path`
// and fsyncs the directory: readers see the old file or the new one, never a
// torn one. The file is created with mode 0600 (responses are health data).
void write_file_atomic(const std::filesystem::path& path, std::string_view content, Overwrite overwrite);

}  // namespace alliance::io
