// RowIndex: the in-place sort of its entries and its directory.
#include "crm/data/row_index.h"

#include <array>

namespace crm {

namespace {

// Moves the entries of [bounds(0), bounds(256)) in place so that those whose byte at bit `shift` is b
// end up in [bounds(b), bounds(b + 1)) (an American flag sort pass; the bounds come from counts).
// 256 buckets keep the positions being written few enough to stay in the cache.
template <typename Bounds>
void DistributeByByte(std::vector<uint64_t>& entries, int shift, Bounds bounds) {
  std::array<uint32_t, 256> next;
  for (size_t bucket = 0; bucket < next.size(); ++bucket) next[bucket] = bounds(bucket);
  for (size_t bucket = 0; bucket < next.size(); ++bucket) {
    const uint32_t end = bounds(bucket + 1);
    while (next[bucket] < end) {
      uint64_t entry = entries[next[bucket]];
      for (size_t home = (entry >> shift) & 255; home != bucket; home = (entry >> shift) & 255) {
        std::swap(entry, entries[next[home]++]);
      }
      entries[next[bucket]++] = entry;
    }
  }
}

}  // namespace

void RowIndex::SortEntries() {
  // In place, so that the index needs no second array: the entries are distributed into the
  // directory's buckets by the tag's top byte, then each of those by the next byte, then each
  // directory bucket, a few dozen entries on average, is sorted by the rest of the tag and the row.
  static_assert(kDirectoryShift == 16, "the directory is the tag's top two bytes");
  constexpr size_t kDirectorySize = size_t{1} << (32 - kDirectoryShift);
  constexpr int kBucketShift = 32 + kDirectoryShift;
  directory_.assign(kDirectorySize + 1, 0);
  for (uint64_t entry : entries_) ++directory_[(entry >> kBucketShift) + 1];
  for (size_t slot = 1; slot <= kDirectorySize; ++slot) directory_[slot] += directory_[slot - 1];
  DistributeByByte(entries_, kBucketShift + 8, [this](size_t top) { return directory_[top << 8]; });
  for (size_t top = 0; top < 256; ++top) {
    DistributeByByte(entries_, kBucketShift,
                     [this, top](size_t next) { return directory_[(top << 8) + next]; });
  }
  for (size_t bucket = 0; bucket < kDirectorySize; ++bucket) {
    std::sort(entries_.begin() + directory_[bucket], entries_.begin() + directory_[bucket + 1]);
  }
}

}  // namespace crm
