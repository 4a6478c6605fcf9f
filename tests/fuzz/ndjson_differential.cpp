// The NDJSON fast path against the full reader: whenever read_flat_response
// takes a line, the full reader (nlohmann/json) must read the same record —
// answers, identifiers, session, problems. The first byte picks the
// questionnaire; each line of the rest is compared.
#include <cstdio>
#include <string_view>

#include "fuzz_support.hpp"
#include "io/answer_parsing.hpp"
#include "io/flat_response.hpp"
#include "io/item_index.hpp"
#include "io/response_readers.hpp"

namespace {

using alliance::io::ResponseRecord;

bool same(const ResponseRecord& a, const ResponseRecord& b) {
  const auto& x = a.response;
  const auto& y = b.response;
  if (x.answers.size() != y.answers.size()) return false;
  for (std::size_t i = 0; i < x.answers.size(); ++i) {
    if (x.answers[i].has_value() != y.answers[i].has_value()) return false;
    // Bit for bit: -0.0 and 0.0 alike are fine, both parse "-0" or "0.0" the same way.
    if (x.answers[i] && *x.answers[i] != *y.answers[i]) return false;
  }
  return x.respondent == y.respondent && x.session == y.session && x.form == y.form && x.date == y.date &&
         x.language == y.language && x.questionnaire_id == y.questionnaire_id &&
         x.questionnaire_version == y.questionnaire_version && a.problems == b.problems &&
         a.location == b.location;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace alliance;
  if (size == 0) return 0;
  const core::Questionnaire& q = fuzz::questionnaire(data[0]);
  static const io::ItemIndex* indexes[3] = {nullptr, nullptr, nullptr};
  const io::ItemIndex*& items = indexes[data[0] % 3];
  if (!items) items = new io::ItemIndex(q);  // lives as long as the process, as the questionnaires do
  std::string_view rest(reinterpret_cast<const char*>(data) + 1, size - 1);
  ResponseRecord fast;
  ResponseRecord full;
  for (long line_number = 1; !rest.empty(); ++line_number) {
    const std::size_t end = std::min(rest.find('\n'), rest.size());
    const std::string_view line = rest.substr(0, end);
    rest.remove_prefix(std::min(end + 1, rest.size()));
    io::reset_record(q, fast);
    io::set_location(fast, "fuzz.ndjson", line_number);
    if (!io::read_flat_response(q, *items, line, fast)) continue;
    io::reset_record(q, full);
    io::set_location(full, "fuzz.ndjson", line_number);
    io::read_json_line(q, *items, line, full);
    if (!same(fast, full)) {
      std::fprintf(stderr, "the fast path and the full reader differ on line %ld: %.*s\n", line_number,
                   static_cast<int>(line.size()), line.data());
      std::abort();
    }
  }
  return 0;
}
