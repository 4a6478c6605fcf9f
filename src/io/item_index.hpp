// Internal to io: ids to positions in O(log n), for readers that look up
// every answer of every response, or every item's subscale of a definition
// (Questionnaire::find_item and find_subscale are linear scans, quadratic
// over a response that answers a long questionnaire).
#pragma once

#include <algorithm>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "alliance/core/questionnaire.hpp"

namespace alliance::io {

class IdIndex {
 public:
  // `list` (of items, subscales: anything with an `id`) must outlive the
  // index and keep its elements in place: the ids are viewed, not copied.
  template <typename T>
  explicit IdIndex(const std::vector<T>& list) {
    sorted_.reserve(list.size());
    for (std::size_t i = 0; i < list.size(); ++i) {
      sorted_.emplace_back(list[i].id, i);
      longest_ = std::max(longest_, list[i].id.size());
    }
    std::stable_sort(sorted_.begin(), sorted_.end(),
                     [](const Entry& a, const Entry& b) { return a.first < b.first; });
  }

  // The first position with this id, as Questionnaire::find_item and find_subscale.
  std::optional<std::size_t> find(std::string_view id) const {
    auto found = std::lower_bound(sorted_.begin(), sorted_.end(), id,
                                  [](const Entry& entry, std::string_view key) { return entry.first < key; });
    if (found == sorted_.end() || found->first != id) return std::nullopt;
    return found->second;
  }
  // The length of the longest id.
  std::size_t longest() const { return longest_; }

 private:
  using Entry = std::pair<std::string_view, std::size_t>;
  std::vector<Entry> sorted_;
  std::size_t longest_ = 0;
};

// The items of a questionnaire, which must outlive the index.
class ItemIndex : public IdIndex {
 public:
  explicit ItemIndex(const core::Questionnaire& q) : IdIndex(q.items) {}
};

}  // namespace alliance::io
