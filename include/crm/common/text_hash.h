#pragma once
// A fast 64-bit hash of short strings (ids, names, subjects) for in-memory hash tables: never stored,
// so it may change between versions. Not for use against untrusted input crafted to collide.

#include <cstdint>
#include <cstring>
#include <string_view>

namespace crm {

namespace text_hash_detail {

inline constexpr uint64_t kMultiplier = 0x9E3779B97F4A7C15ULL;

//! The `bytes` (1 to 8) bytes at `data` as one word, from at most two fixed-size loads.
inline uint64_t ShortWord(const char* data, size_t bytes) {
  if (bytes >= 4) {
    uint32_t low, high;
    std::memcpy(&low, data, 4);
    std::memcpy(&high, data + bytes - 4, 4);
    return (uint64_t{high} << 32) | low;
  }
  const auto byte = [data](size_t at) { return uint64_t{static_cast<unsigned char>(data[at])}; };
  return byte(0) | byte(bytes / 2) << 8 | byte(bytes - 1) << 16;
}

}  // namespace text_hash_detail

//! A hash of `text`: eight bytes at a time, multiply and fold, then a final mix. The last eight bytes
//! are read as one word, overlapping the previous one, so that no byte-by-byte copy is needed.
inline uint64_t HashText(std::string_view text) {
  using text_hash_detail::kMultiplier;
  const char* data = text.data();
  const size_t size = text.size();
  uint64_t hash = size * kMultiplier;
  if (size > 8) {
    size_t pos = 0;
    for (; pos + 8 < size; pos += 8) {
      uint64_t word;
      std::memcpy(&word, data + pos, 8);
      hash = (hash ^ word) * kMultiplier;
      hash ^= hash >> 29;
    }
    uint64_t last;
    std::memcpy(&last, data + size - 8, 8);
    hash = (hash ^ last) * kMultiplier;
  } else if (size > 0) {
    hash = (hash ^ text_hash_detail::ShortWord(data, size)) * kMultiplier;
  }
  hash ^= hash >> 32;
  return hash * kMultiplier;
}

}  // namespace crm
