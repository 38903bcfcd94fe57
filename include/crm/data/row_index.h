#pragma once
// A hash index from string keys to row numbers that stores only the row numbers (open addressing),
// so it costs 4-8 bytes a row and stays valid when the table it indexes is moved or copied.

#include <bit>
#include <cstdint>
#include <functional>
#include <string_view>
#include <vector>

#include "crm/data/string_dictionary.h"

namespace crm {

//! Finds the row whose key equals a string; keys are read back through a key function.
class RowIndex {
 public:
  //! Indexes rows 0..rows-1; `key_of(row)` returns the row's key. Later duplicates are not indexed.
  template <typename KeyOf>
  void Build(size_t rows, KeyOf key_of) {
    const size_t capacity = std::bit_ceil(rows + rows / 3 + 8);
    slots_.assign(capacity, kNoIndex);
    mask_ = capacity - 1;
    for (size_t row = 0; row < rows; ++row) {
      const std::string_view key = key_of(row);
      size_t slot = Hash(key) & mask_;
      while (slots_[slot] != kNoIndex && key_of(slots_[slot]) != key) slot = (slot + 1) & mask_;
      if (slots_[slot] == kNoIndex) slots_[slot] = static_cast<int32_t>(row);
    }
  }
  //! The row whose key is `key`, or kNoIndex.
  template <typename KeyOf>
  int32_t Find(std::string_view key, KeyOf key_of) const {
    if (slots_.empty()) return kNoIndex;
    for (size_t slot = Hash(key) & mask_;; slot = (slot + 1) & mask_) {
      const int32_t row = slots_[slot];
      if (row == kNoIndex || key_of(row) == key) return row;
    }
  }
  //! Bytes held.
  size_t MemoryBytes() const { return slots_.capacity() * sizeof(int32_t); }

 private:
  static size_t Hash(std::string_view key) { return std::hash<std::string_view>{}(key); }

  std::vector<int32_t> slots_;
  size_t mask_ = 0;
};

}  // namespace crm
