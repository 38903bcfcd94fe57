// RowIndex: the in-place sort of its entries and its directory.
#include "crm/data/row_index.h"

namespace crm {

namespace {

// Sorts `values` in place (no scratch array) and fills `directory` (2^16 + 1 slots) with the first
// value whose top 16 bits are >= each slot's number: the values are distributed into the buckets of
// their top 16 bits by swapping (an American flag sort), then each bucket, a few dozen values on
// average, is sorted on its own.
template <typename T>
void SortByTopBits(std::vector<T>& values, std::vector<uint32_t>& directory) {
  constexpr size_t kBuckets = size_t{1} << 16;
  constexpr int kShift = static_cast<int>(sizeof(T)) * 8 - 16;
  directory.assign(kBuckets + 1, 0);
  for (T value : values) ++directory[(value >> kShift) + 1];
  for (size_t slot = 1; slot <= kBuckets; ++slot) directory[slot] += directory[slot - 1];
  std::vector<uint32_t> next(directory.begin(), directory.end() - 1);
  for (size_t bucket = 0; bucket < kBuckets; ++bucket) {
    while (next[bucket] < directory[bucket + 1]) {
      T& value = values[next[bucket]];
      const size_t home = value >> kShift;
      if (home == bucket) {
        ++next[bucket];
      } else {
        std::swap(value, values[next[home]++]);
      }
    }
  }
  for (size_t bucket = 0; bucket < kBuckets; ++bucket) {
    std::sort(values.begin() + directory[bucket], values.begin() + directory[bucket + 1]);
  }
}

}  // namespace

void RowIndex::SortEntries() {
  static_assert(kDirectoryShift == 16, "the directory has a slot for each value of the tag's top 16 bits");
  SortByTopBits(entries_, directory_);
}

void RowIndex::SortTags(std::vector<uint32_t>& tags) {
  std::vector<uint32_t> directory;
  SortByTopBits(tags, directory);
}

}  // namespace crm
