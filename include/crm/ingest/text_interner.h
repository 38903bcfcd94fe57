#pragma once
// Dictionary encoding for the hot path of a large file: millions of lookups of up to a few hundred
// thousand distinct values (activity subjects), one probe of a flat array of hash tags a lookup.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace crm::ingest {

//! Gives each distinct string a dense code 0, 1, ... in order of first appearance.
class TextInterner {
 public:
  //! The code of `text`, adding it when new.
  int32_t Intern(std::string_view text);
  //! The string of a code.
  std::string_view Value(int32_t code) const {
    return std::string_view(bytes_).substr(offsets_[code], offsets_[code + 1] - offsets_[code]);
  }
  //! Number of distinct values.
  size_t size() const { return offsets_.size() - 1; }

 private:
  //! Doubles the probe array and re-inserts every code.
  void Grow();
  //! Puts `code`, whose hash is `hash`, into the first free slot of its probe sequence.
  void Place(uint64_t hash, int32_t code);

  //! Slot: the hash's high 32 bits, then code + 1 in the low 32 bits; 0 when free.
  std::vector<uint64_t> slots_;
  size_t mask_ = 0;
  std::string bytes_;               // the values back to back
  std::vector<size_t> offsets_{0};  // value `code` is bytes_[offsets_[code], offsets_[code + 1])
};

}  // namespace crm::ingest
