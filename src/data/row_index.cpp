// RowIndex: the in-place sort of its entries and its directory, and the filter of repeated tags.
#include "crm/data/row_index.h"

#include <array>

namespace crm {

namespace {

// Moves the values of [bounds(0), bounds(256)) in place so that those whose byte at bit `shift` is b
// end up in [bounds(b), bounds(b + 1)) (an American flag sort pass; the bounds come from counts).
// 256 buckets keep the positions being written few enough to stay in the cache.
template <typename T, typename Bounds>
void DistributeByByte(std::vector<T>& values, int shift, Bounds bounds) {
  std::array<uint32_t, 256> next;
  for (size_t bucket = 0; bucket < next.size(); ++bucket) next[bucket] = bounds(bucket);
  for (size_t bucket = 0; bucket < next.size(); ++bucket) {
    const uint32_t end = bounds(bucket + 1);
    while (next[bucket] < end) {
      T value = values[next[bucket]];
      for (size_t home = (value >> shift) & 255; home != bucket; home = (value >> shift) & 255) {
        std::swap(value, values[next[home]++]);
      }
      values[next[bucket]++] = value;
    }
  }
}

// Sorts `values` in place (no scratch array) and fills `directory` (2^16 + 1 slots) with the first
// value whose top 16 bits are >= each slot's number: the values are distributed by their top byte, then
// each of those buckets by the next byte (two American flag sort passes), then each of the 2^16
// buckets, a few dozen values on average, is sorted on its own.
template <typename T>
void SortByTopBits(std::vector<T>& values, std::vector<uint32_t>& directory) {
  constexpr size_t kBuckets = size_t{1} << 16;
  constexpr int kShift = static_cast<int>(sizeof(T)) * 8 - 16;
  directory.assign(kBuckets + 1, 0);
  for (T value : values) ++directory[(value >> kShift) + 1];
  for (size_t slot = 1; slot <= kBuckets; ++slot) directory[slot] += directory[slot - 1];
  DistributeByByte(values, kShift + 8, [&directory](size_t top) { return directory[top << 8]; });
  for (size_t top = 0; top < 256; ++top) {
    DistributeByByte(values, kShift, [&directory, top](size_t next) { return directory[(top << 8) + next]; });
  }
  for (size_t bucket = 0; bucket < kBuckets; ++bucket) {
    std::sort(values.begin() + directory[bucket], values.begin() + directory[bucket + 1]);
  }
}

}  // namespace

RowIndex::RepeatFilter::RepeatFilter(size_t rows) {
  int bits = 12;  // 2^12 to 2^30 bits, about 16 a row
  while (bits < 30 && (size_t{1} << bits) < rows * 16) ++bits;
  shift_ = 32 - bits;
  words_.resize((size_t{1} << bits) / 32);
}

void RowIndex::SortEntries() {
  static_assert(kDirectoryShift == 16, "the directory has a slot for each value of the tag's top 16 bits");
  SortByTopBits(entries_, directory_);
}

}  // namespace crm
