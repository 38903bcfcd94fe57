#pragma once
// A hash index from string keys to row numbers: (hash, row) pairs radix-sorted by hash. Building it
// reads the keys once, in order, so it stays fast for millions of rows (no random probing), costs 16
// bytes a row, and stays valid when the indexed table is moved or copied (it stores no keys).

#include <algorithm>
#include <cstdint>
#include <functional>
#include <string_view>
#include <utility>
#include <vector>

#include "crm/data/string_dictionary.h"

namespace crm {

//! Finds the first row whose key equals a string; keys are read back through a key function.
class RowIndex {
 public:
  //! Indexes rows 0..rows-1, where `key_of(row)` returns the row's key.
  template <typename KeyOf>
  void Build(size_t rows, KeyOf key_of) {
    entries_.resize(rows);
    for (size_t row = 0; row < rows; ++row) entries_[row] = {Hash(key_of(row)), static_cast<int32_t>(row)};
    SortEntries();
  }

  //! The first row whose key is `key`, or kNoIndex.
  template <typename KeyOf>
  int32_t Find(std::string_view key, KeyOf key_of) const {
    const uint64_t hash = Hash(key);
    auto it = std::lower_bound(entries_.begin(), entries_.end(), SortKey(hash),
                               [](const Entry& entry, uint32_t value) { return SortKey(entry.hash) < value; });
    for (; it != entries_.end() && SortKey(it->hash) == SortKey(hash); ++it) {
      if (it->hash == hash && key_of(it->row) == key) return it->row;
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
      while (end < entries_.size() && SortKey(entries_[end].hash) == SortKey(entries_[begin].hash)) ++end;
      // Within a run of equal sort keys rows are ascending: compare each with the earlier ones.
      for (size_t i = begin + 1; i < end; ++i) {
        for (size_t j = begin; j < i; ++j) {
          if (entries_[i].hash == entries_[j].hash && key_of(entries_[i].row) == key_of(entries_[j].row)) {
            duplicates.emplace_back(entries_[i].row, FirstRowWithKey(begin, j, key_of));
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
  size_t MemoryBytes() const { return entries_.capacity() * sizeof(Entry); }

 private:
  //! One row and its key's hash.
  struct Entry {
    uint64_t hash;
    int32_t row;
  };

  static uint64_t Hash(std::string_view key) { return std::hash<std::string_view>{}(key); }
  //! The entries are ordered by the hash's high 32 bits; equal sort keys form short runs.
  static uint32_t SortKey(uint64_t hash) { return static_cast<uint32_t>(hash >> 32); }
  //! Stable LSD radix sort by SortKey (rows with equal keys stay in row order).
  void SortEntries();
  template <typename KeyOf>
  int32_t FirstRowWithKey(size_t begin, size_t match, KeyOf& key_of) const {
    for (size_t k = begin; k < match; ++k) {
      if (entries_[k].hash == entries_[match].hash && key_of(entries_[k].row) == key_of(entries_[match].row)) {
        return entries_[k].row;
      }
    }
    return entries_[match].row;
  }

  std::vector<Entry> entries_;
};

}  // namespace crm
