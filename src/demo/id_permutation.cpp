#include "crm/demo/id_permutation.h"

#include "crm/demo/random.h"

namespace crm::demo {

namespace {

constexpr int kHalfBits = 21;  // a 42-bit Feistel network: 2^42 is the smallest power of two above 36^8
constexpr uint64_t kHalfMask = (uint64_t{1} << kHalfBits) - 1;

uint64_t RoundFunction(uint64_t half, uint64_t key) {
  uint64_t state = half ^ key;
  return SplitMix64(state) & kHalfMask;
}

}  // namespace

IdPermutation::IdPermutation(uint64_t key) {
  for (uint64_t& round_key : round_keys_) round_key = SplitMix64(key);
}

uint64_t IdPermutation::Encrypt(uint64_t value) const {
  uint64_t left = value >> kHalfBits, right = value & kHalfMask;
  for (uint64_t round_key : round_keys_) {
    const uint64_t next = left ^ RoundFunction(right, round_key);
    left = right;
    right = next;
  }
  return (left << kHalfBits) | right;
}

std::array<char, 8> IdPermutation::Id(uint64_t index) const {
  // Cycle-walking keeps the 42-bit permutation inside [0, 36^8): still one-to-one.
  uint64_t value = Encrypt(index);
  while (value >= kIdSpace) value = Encrypt(value);
  std::array<char, 8> id;
  for (int i = 7; i >= 0; --i) {
    id[i] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"[value % 36];
    value /= 36;
  }
  return id;
}

}  // namespace crm::demo
