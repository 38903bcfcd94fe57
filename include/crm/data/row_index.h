#pragma once
// A hash index from string keys to row numbers: one 8-byte entry a row (the key hash's high 32 bits
// and the row), radix-sorted in place. Building it reads the keys once, in order, so it stays fast for
// millions of rows (no random probing), and it stays valid when the indexed table is moved or copied
// (it stores no keys: they are read back through a key function and compared in full). Repeats finds
// repeated keys without an index, in half its memory or less.

#include <algorithm>
#include <cstdint>
#include <functional>
#include <string_view>
#include <utility>
#include <vector>

#include "crm/common/huge_page_allocator.h"
#include "crm/common/text_hash.h"
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

  //! Duplicates of rows 0..rows-1 without an index, in two passes over the keys: the first marks the
  //! bits of each key's hash in a RepeatFilter, the second collects the few rows whose bits were met
  //! twice, which alone are sorted and compared. The filter has about 4 bytes a row, for a moment,
  //! instead of an index's 8 bytes a row.
  template <typename KeyOf>
  static std::vector<std::pair<int32_t, int32_t>> Repeats(size_t rows, KeyOf key_of) {
    RepeatFilter filter(rows);
    ForEachTag(rows, key_of, filter, [&filter](size_t /*row*/, uint32_t tag) { filter.Add(tag); });
    std::vector<uint64_t> entries;
    ForEachTag(rows, key_of, filter, [&](size_t row, uint32_t tag) {
      if (filter.MetTwice(tag)) entries.push_back((uint64_t{tag} << 32) | row);
    });
    std::sort(entries.begin(), entries.end());
    return RepeatsAmong(entries, key_of);
  }

  //! Bytes held.
  size_t MemoryBytes() const {
    return entries_.capacity() * sizeof(uint64_t) + directory_.capacity() * sizeof(uint32_t);
  }

 private:
  static uint32_t HashTag(std::string_view key) { return static_cast<uint32_t>(HashText(key) >> 32); }
  static int32_t RowOf(uint64_t entry) { return static_cast<int32_t>(entry & 0xFFFFFFFFu); }
  //! Sorts the entries by tag, then row, in place (no scratch array), and builds the directory.
  void SortEntries();
  //! Which hash tags were met once and twice, about 16 bits a row each, in one array (a tag's two bits
  //! share a cache line); a tag's top bits say which bits are its.
  class RepeatFilter {
   public:
    //! A filter sized for `rows` rows.
    explicit RepeatFilter(size_t rows);
    //! Starts reading the bits of `tag`, to be used soon.
    void Prefetch(uint32_t tag) const { __builtin_prefetch(&words_[WordOf(tag)]); }
    //! Marks `tag` met: met twice when it was met before.
    void Add(uint32_t tag) {
      uint64_t* words = &words_[WordOf(tag)];
      const uint64_t mask = MaskOf(tag);
      words[1] |= words[0] & mask;
      words[0] |= mask;
    }
    //! True when `tag`'s bits were met twice or more (by it or by another tag with the same top bits).
    bool MetTwice(uint32_t tag) const { return (words_[WordOf(tag) + 1] & MaskOf(tag)) != 0; }

   private:
    //! Word 2w holds the met-once bits of bits 64w..64w+63, word 2w + 1 their met-twice bits; a tag's
    //! bit is its top bits.
    size_t WordOf(uint32_t tag) const { return (tag >> shift_) / 64 * 2; }
    uint64_t MaskOf(uint32_t tag) const { return uint64_t{1} << ((tag >> shift_) % 64); }

    int shift_;
    std::vector<uint64_t, HugePageAllocator<uint64_t>> words_;  // read at random: on huge pages
  };

  //! Calls `use(row, tag)` for rows 0..rows-1 in order, with the hash tag of each key; the bits of a batch
  //! of tags are prefetched from `filter` before the first is used.
  template <typename KeyOf, typename Use>
  static void ForEachTag(size_t rows, KeyOf key_of, const RepeatFilter& filter, Use use) {
    constexpr size_t kBatch = 64;
    uint32_t tags[kBatch];
    for (size_t begin = 0; begin < rows; begin += kBatch) {
      const size_t count = std::min(kBatch, rows - begin);
      for (size_t i = 0; i < count; ++i) {
        tags[i] = HashTag(key_of(begin + i));
        filter.Prefetch(tags[i]);
      }
      for (size_t i = 0; i < count; ++i) use(begin + i, tags[i]);
    }
  }
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

  //! The directory has one slot per value of the tag's top 16 bits.
  static constexpr int kDirectoryShift = 16;
  std::vector<uint64_t> entries_;
  //! directory_[d] is the first entry whose tag's top bits are >= d; 2^16 + 1 slots.
  std::vector<uint32_t> directory_;
};

}  // namespace crm
