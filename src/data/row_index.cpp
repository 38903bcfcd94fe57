#include "crm/data/row_index.h"

#include <array>

namespace crm {

void RowIndex::SortEntries() {
  constexpr int kBits = 8;
  constexpr size_t kBuckets = size_t{1} << kBits;
  if (entries_.size() < 256) {
    std::stable_sort(entries_.begin(), entries_.end(),
                     [](const Entry& a, const Entry& b) { return SortKey(a.hash) < SortKey(b.hash); });
    return;
  }
  std::vector<Entry> scratch(entries_.size());
  std::vector<uint32_t> offsets(kBuckets);
  for (int shift = 32; shift < 64; shift += kBits) {
    std::fill(offsets.begin(), offsets.end(), 0);
    for (const Entry& entry : entries_) ++offsets[(entry.hash >> shift) & (kBuckets - 1)];
    uint32_t total = 0;
    for (uint32_t& offset : offsets) total += std::exchange(offset, total);
    for (const Entry& entry : entries_) scratch[offsets[(entry.hash >> shift) & (kBuckets - 1)]++] = entry;
    entries_.swap(scratch);
  }
}

}  // namespace crm
