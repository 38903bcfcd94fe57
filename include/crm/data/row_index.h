#pragma once
// A hash index from string keys to row numbers: one 8-byte entry a row (the key hash's high 32 bits
// and the row), radix-sorted in place. Building it reads the keys once, in order, so it stays fast for
// millions of rows (no random probing), and it stays valid when the indexed table is moved or copied
// (it stores no keys: they are read back through a key function and compared in full). Repeats finds
// repeated keys without an index, in half its memory.

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
    for (auto it = std::lower_bound(bucket_begin, bucket_end, tag << 32);
         it != bucket_end && (*it >> 32) == tag; ++it) {
      if (key_of(RowOf(*it)) == key) return RowOf(*it);
    }
    return kNoIndex;
  }

  //! Every row whose key repeats the key of an earlier row, paired with that earliest row, ordered by
  //! the repeating row.
  template <typename KeyOf>
  std::vector<std::pair<int32_t, int32_t>> Duplicates(KeyOf key_of) const {
    return RepeatsAmong(entries_, key_of);
  }

  //! Duplicates of rows 0..rows-1 without an index: 4 bytes a row for a moment (the rows' hash tags,
  //! sorted), then 8 for the few rows whose tag another row shares, instead of an index's 8 bytes a row.
  template <typename KeyOf>
  static std::vector<std::pair<int32_t, int32_t>> Repeats(size_t rows, KeyOf key_of) {
    const std::vector<uint32_t> shared = SharedTags(rows, key_of);
    if (shared.empty()) return {};
    // A bit for each value of a tag's top kFilterBits bits spares most rows the binary search.
    const auto bit_of = [](uint32_t tag) { return tag >> (32 - kFilterBits); };
    std::vector<uint64_t> filter((size_t{1} << kFilterBits) / 64);
    for (uint32_t tag : shared) filter[bit_of(tag) / 64] |= uint64_t{1} << (bit_of(tag) % 64);
    std::vector<uint64_t> entries;
    for (size_t row = 0; row < rows; ++row) {
      const uint32_t tag = HashTag(key_of(row));
      const uint32_t bit = bit_of(tag);
      if ((filter[bit / 64] >> (bit % 64) & 1) != 0 &&
          std::binary_search(shared.begin(), shared.end(), tag)) {
        entries.push_back((uint64_t{tag} << 32) | row);
      }
    }
    std::sort(entries.begin(), entries.end());
    return RepeatsAmong(entries, key_of);
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
  //! The tags that two or more of rows 0..rows-1 have, ascending.
  template <typename KeyOf>
  static std::vector<uint32_t> SharedTags(size_t rows, KeyOf key_of) {
    std::vector<uint32_t> tags(rows);
    for (size_t row = 0; row < rows; ++row) tags[row] = HashTag(key_of(row));
    SortTags(tags);
    std::vector<uint32_t> shared;
    for (size_t i = 1; i < tags.size(); ++i) {
      if (tags[i] == tags[i - 1] && (shared.empty() || shared.back() != tags[i])) shared.push_back(tags[i]);
    }
    return shared;
  }
  //! Sorts tags in place, the way SortEntries sorts entries.
  static void SortTags(std::vector<uint32_t>& tags);
  //! The duplicates among `entries` (tag, row) sorted by tag, then row: see Duplicates.
  template <typename KeyOf>
  static std::vector<std::pair<int32_t, int32_t>> RepeatsAmong(const std::vector<uint64_t>& entries,
                                                               KeyOf key_of) {
    std::vector<std::pair<int32_t, int32_t>> duplicates;
    for (size_t begin = 0; begin < entries.size();) {
      size_t end = begin + 1;
      while (end < entries.size() && (entries[end] >> 32) == (entries[begin] >> 32)) ++end;
      // Within a run of equal tags rows ascend: the first earlier row with the same key is the original.
      for (size_t i = begin + 1; i < end; ++i) {
        for (size_t j = begin; j < i; ++j) {
          if (key_of(RowOf(entries[i])) == key_of(RowOf(entries[j]))) {
            duplicates.emplace_back(RowOf(entries[i]), RowOf(entries[j]));
            break;
          }
        }
      }
      begin = end;
    }
    std::sort(duplicates.begin(), duplicates.end());
    return duplicates;
  }

  //! Bits of a tag that Repeats' filter of shared tags looks at.
  static constexpr int kFilterBits = 20;

  //! The directory has one slot per value of the tag's top 16 bits.
  static constexpr int kDirectoryShift = 16;
  std::vector<uint64_t> entries_;
  //! directory_[d] is the first entry whose tag's top bits are >= d; 2^16 + 1 slots.
  std::vector<uint32_t> directory_;
};

}  // namespace crm
