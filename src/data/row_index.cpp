#include "crm/data/row_index.h"

namespace crm {

void RowIndex::SortEntries() {
  constexpr int kDigitBits = 11;
  constexpr size_t kBuckets = size_t{1} << kDigitBits;
  if (entries_.size() < 1024) {
    std::sort(entries_.begin(), entries_.end());
  } else {
    std::vector<uint64_t> scratch(entries_.size());
    std::vector<uint32_t> offsets(kBuckets);
    for (int shift = 32; shift < 64; shift += kDigitBits) {
      std::fill(offsets.begin(), offsets.end(), 0);
      for (uint64_t entry : entries_) ++offsets[(entry >> shift) & (kBuckets - 1)];
      uint32_t total = 0;
      for (uint32_t& offset : offsets) total += std::exchange(offset, total);
      for (uint64_t entry : entries_) scratch[offsets[(entry >> shift) & (kBuckets - 1)]++] = entry;
      entries_.swap(scratch);
    }
  }
  constexpr size_t kDirectorySize = size_t{1} << (32 - kDirectoryShift);
  directory_.assign(kDirectorySize + 1, 0);
  for (uint64_t entry : entries_) ++directory_[(entry >> (32 + kDirectoryShift)) + 1];
  for (size_t slot = 1; slot <= kDirectorySize; ++slot) directory_[slot] += directory_[slot - 1];
}

}  // namespace crm
