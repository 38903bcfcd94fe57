#pragma once
// A hash index from string keys to row numbers: one 8-byte entry a row (the key hash's high 32 bits
// and the row), radix-sorted in place. Building it reads the keys once, in order, so it stays fast for
// millions of rows (no random probing), and it stays valid when the indexed table is moved or copied
// (it stores no keys: they are read back through a key function and compared in full).

#include <algorithm>
#include <cstdint>
#include <functional>
#include <string_view>
#include <utility>
#include <vector>

#include "crm/data/string_dictionary.h"

namespace crm {

//! Finds the first row whose key equals a string.
class RowIndex {
 public:
  //! Indexes rows 0..rows-1, where `key_of(row)` returns the row's key.
  template <typename KeyOf>
  void Build(size_t rows, KeyOf key_of) {
    entries_.resize(rows);
    for (size_t row = 0; row < rows; ++row) entries_[row] = (uint64_t{HashTag(key_of(row))} << 32) | row;
    SortEntries();
  }

  //! The first row whose key is `key`, or kNoIndex.
  template <typename KeyOf>
  int32_t Find(std::string_view key, KeyOf key_of) const {
    if (entries_.empty()) return kNoIndex;
    const uint64_t tag = HashTag(key);
    // The directory narrows the search to the few entries that share the tag's top bits.
    const auto bucket_begin = entries_.begin() + directory_[tag >> kDirectoryShift];
    const auto bucket_end = entries_.begin() + directory_[(tag >> kDirectoryShift) + 1];
    for (auto it = std::lower_bound(bucket_begin, bucket_end, tag << 32); it != bucket_end && (*it >> 32) == tag; ++it) {
      if (key_of(RowOf(*it)) == key) return RowOf(*it);
    }
    return kNoIndex;
  }

  //! Every row whose key repeats the key of an earlier row, paired with that earliest row, ordered by
  //! the repeating row.
  template <typename KeyOf>
  std::vector<std::pair<int32_t, int32_t>> Duplicates(KeyOf key_of) const {
    std::vector<std::pair<int32_t, int32_t>> duplicates;
    for (size_t begin = 0; begin < entries_.size();) {
      size_t end = begin + 1;
      while (end < entries_.size() && (entries_[end] >> 32) == (entries_[begin] >> 32)) ++end;
      // Within a run of equal tags rows ascend: the first earlier row with the same key is the original.
      for (size_t i = begin + 1; i < end; ++i) {
        for (size_t j = begin; j < i; ++j) {
          if (key_of(RowOf(entries_[i])) == key_of(RowOf(entries_[j]))) {
            duplicates.emplace_back(RowOf(entries_[i]), RowOf(entries_[j]));
            break;
          }
        }
      }
      begin = end;
    }
    std::sort(duplicates.begin(), duplicates.end());
    return duplicates;
  }

  //! Bytes held.
  size_t MemoryBytes() const {
    return entries_.capacity() * sizeof(uint64_t) + directory_.capacity() * sizeof(uint32_t);
  }

 private:
  static uint32_t HashTag(std::string_view key) {
    return static_cast<uint32_t>(std::hash<std::string_view>{}(key) >> 32);
  }
  static int32_t RowOf(uint64_t entry) { return static_cast<int32_t>(entry & 0xFFFFFFFFu); }
  //! Sorts the entries by tag, then row, in place (no scratch array), and builds the directory.
  void SortEntries();

  //! The directory has one slot per value of the tag's top 16 bits.
  static constexpr int kDirectoryShift = 16;
  std::vector<uint64_t> entries_;
  //! directory_[d] is the first entry whose tag's top bits are >= d; 2^16 + 1 slots.
  std::vector<uint32_t> directory_;
};

}  // namespace crm
