#include "version_text.hpp"

#include <algorithm>
#include <string_view>

#include "alliance/io/catalog.hpp"
#include "alliance/revision.hpp"
#include "alliance/version.hpp"

namespace alliance::cli {

std::string version_text() {
  std::string out = std::string("alliance ") + kVersion + "\n";
  const std::string_view revision = kRevision;
  out += revision == "unknown" ? "revision: unknown (not built from a git checkout)\n"
                               : "revision: " + std::string(revision) + " (git)\n";
  out += "bundled definitions (id, version, content hash, as in every output's provenance):\n";
  const io::Catalog bundled(std::vector<std::filesystem::path>{});  // the bundled ones alone
  std::size_t width = 0;
  for (const io::CatalogEntry& entry : bundled.entries()) width = std::max(width, entry.id.size());
  for (const io::CatalogEntry& entry : bundled.entries()) {
    const io::Catalog::Checked checked = bundled.check_text(entry.text, entry.origin);
    std::string id = entry.id;
    id.resize(width, ' ');
    out +=
        "  " + id + "  " +
        (checked.loaded ? checked.loaded->questionnaire.version + "  " + checked.loaded->hash : "invalid") +
        "\n";
  }
  return out;
}

}  // namespace alliance::cli
