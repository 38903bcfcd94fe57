#pragma once
// Unique random-looking identifiers without a table: a keyed permutation of sequence numbers.

#include <array>
#include <cstdint>

namespace crm::demo {

//! Number of distinct 8-character ids (36^8).
inline constexpr uint64_t kIdSpace = 2821109907456ULL;

//! Maps sequence numbers 0..kIdSpace-1 one-to-one onto 8-character ids of 0-9 and A-Z.
class IdPermutation {
 public:
  //! A permutation keyed by `key` (different keys give unrelated orders).
  explicit IdPermutation(uint64_t key);
  //! The id of sequence number `index` < kIdSpace; distinct indexes always give distinct ids.
  std::array<char, 8> Id(uint64_t index) const;

 private:
  uint64_t Encrypt(uint64_t value) const;

  std::array<uint64_t, 4> round_keys_;
};

}  // namespace crm::demo
