#pragma once
// Dictionary encoding for the hot path of a large file: millions of lookups of up to a few hundred
// thousand distinct values (activity subjects), one probe of a flat array a lookup.

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "crm/common/huge_page_allocator.h"
#include "crm/data/string_dictionary.h"

namespace crm::ingest {

//! Gives each distinct string a dense code 0, 1, ... in order of first appearance.
class TextInterner {
 public:
  //! The code of `text`, adding it when new.
  int32_t Intern(std::string_view text);
  //! The code of `text`, or kNoIndex when it was never interned (nothing is added).
  int32_t Find(std::string_view text) const;
  //! Interns `texts[i]` into `codes[i]`, in order: the same codes as calling Intern on each, faster for
  //! a large table, since the memory reads of the whole batch are started before the first is needed.
  void InternBatch(std::span<const std::string_view> texts, std::span<int32_t> codes);
  //! The string of a code.
  std::string_view Value(int32_t code) const { return ValueAt(offsets_[code]); }
  //! Number of distinct values.
  size_t size() const { return offsets_.size(); }

 private:
  //! One entry of the probe array: the hash's high 32 bits, code + 1 (0 when free) and where the value
  //! is, so that a hit reads the probe array and the value only.
  struct Slot {
    uint32_t tag = 0;
    uint32_t code_plus_one = 0;
    uint64_t offset = 0;
  };

  //! Find for a text whose hash is known, in a probe array that is not empty.
  int32_t FindHashed(std::string_view text, uint64_t hash) const;
  //! Intern for a text whose hash is known, when the probe array has room for it.
  int32_t InternHashed(std::string_view text, uint64_t hash);
  //! The value stored at `offset` of bytes_ (a 4-byte length, then the bytes).
  std::string_view ValueAt(uint64_t offset) const;
  //! Doubles the probe array and re-inserts every value.
  void Grow();
  //! Puts the value of `code`, whose hash is `hash`, into the first free slot of its probe sequence.
  void Place(uint64_t hash, int32_t code);

  std::vector<Slot, HugePageAllocator<Slot>> slots_;  // a large table is on huge pages: fewer TLB misses
  size_t mask_ = 0;
  std::vector<char, HugePageAllocator<char>> bytes_;  // each value as its 4-byte length and its bytes
  std::vector<uint64_t> offsets_;                     // where value `code` starts in bytes_
};

}  // namespace crm::ingest
