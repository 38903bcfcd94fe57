// RowIndex: the in-place sort of its entries and its directory.
#include "crm/data/row_index.h"

namespace crm {

void RowIndex::SortEntries() {
  // In place, so that the index needs no second array: the entries are distributed into the
  // directory's buckets by swapping (an American flag sort on the tag's top bits), then each bucket,
  // a few dozen entries on average, is sorted by the rest of the tag and the row.
  constexpr size_t kDirectorySize = size_t{1} << (32 - kDirectoryShift);
  constexpr int kBucketShift = 32 + kDirectoryShift;
  directory_.assign(kDirectorySize + 1, 0);
  for (uint64_t entry : entries_) ++directory_[(entry >> kBucketShift) + 1];
  for (size_t slot = 1; slot <= kDirectorySize; ++slot) directory_[slot] += directory_[slot - 1];
  std::vector<uint32_t> next(directory_.begin(), directory_.end() - 1);
  for (size_t bucket = 0; bucket < kDirectorySize; ++bucket) {
    while (next[bucket] < directory_[bucket + 1]) {
      uint64_t& entry = entries_[next[bucket]];
      const size_t home = entry >> kBucketShift;
      if (home == bucket) {
        ++next[bucket];
      } else {
        std::swap(entry, entries_[next[home]++]);
      }
    }
  }
  for (size_t bucket = 0; bucket < kDirectorySize; ++bucket) {
    std::sort(entries_.begin() + directory_[bucket], entries_.begin() + directory_[bucket + 1]);
  }
}

}  // namespace crm
