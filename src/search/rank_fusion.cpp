#include "crm/search/rank_fusion.h"

#include <algorithm>
#include <unordered_map>

namespace crm::search {

std::vector<FusedItem> ReciprocalRankFusion(std::span<const std::vector<uint32_t>> lists, double k) {
  std::vector<FusedItem> fused;
  std::unordered_map<uint32_t, size_t> position;
  for (const std::vector<uint32_t>& list : lists) {
    for (size_t rank = 0; rank < list.size(); ++rank) {
      const auto [it, added] = position.try_emplace(list[rank], fused.size());
      if (added) fused.push_back({list[rank], 0.0});
      fused[it->second].score += 1.0 / (k + static_cast<double>(rank + 1));
    }
  }
  std::stable_sort(fused.begin(), fused.end(),
                   [](const FusedItem& a, const FusedItem& b) { return a.score > b.score; });
  return fused;
}

}  // namespace crm::search
