// What `alliance --version` prints: the version, the revision the binary was
// built from and the content hash of each bundled definition — what a methods
// section cites, and what every output's provenance carries.
#pragma once

#include <string>

namespace alliance::cli {

// "alliance 0.1.0\nrevision: c1cb08a1b2c3 (git)\nbundled definitions...": the
// first line is the version alone, as before, for scripts that read it.
std::string version_text();

}  // namespace alliance::cli
