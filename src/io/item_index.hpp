// Internal to io: item ids to item positions in O(log n), for readers that
// look up every answer of every response (Questionnaire::find_item is a
// linear scan, quadratic over a response that answers a long questionnaire).
#pragma once

#include <algorithm>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "alliance/core/questionnaire.hpp"

namespace alliance::io {

class ItemIndex {
 public:
  // `q` must outlive the index (the ids are viewed, not copied).
  explicit ItemIndex(const core::Questionnaire& q) {
    sorted_.reserve(q.items.size());
    for (std::size_t i = 0; i < q.items.size(); ++i) sorted_.emplace_back(q.items[i].id, i);
    std::stable_sort(sorted_.begin(), sorted_.end(),
                     [](const Entry& a, const Entry& b) { return a.first < b.first; });
  }

  // The first item with this id, as Questionnaire::find_item.
  std::optional<std::size_t> find(std::string_view id) const {
    auto found = std::lower_bound(sorted_.begin(), sorted_.end(), id,
                                  [](const Entry& entry, std::string_view key) { return entry.first < key; });
    if (found == sorted_.end() || found->first != id) return std::nullopt;
    return found->second;
  }

 private:
  using Entry = std::pair<std::string_view, std::size_t>;
  std::vector<Entry> sorted_;
};

}  // namespace alliance::io
