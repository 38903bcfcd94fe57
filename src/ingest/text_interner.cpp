#include "crm/ingest/text_interner.h"

#include <cstring>

namespace crm::ingest {

namespace {

constexpr uint64_t kMultiplier = 0x9E3779B97F4A7C15ULL;

// A fast 64-bit hash of short strings: eight bytes at a time, multiply-and-rotate, then a final mix.
uint64_t HashText(std::string_view text) {
  uint64_t hash = text.size() * kMultiplier;
  size_t pos = 0;
  for (; pos + 8 <= text.size(); pos += 8) {
    uint64_t word;
    std::memcpy(&word, text.data() + pos, 8);
    hash = ((hash ^ word) * kMultiplier);
    hash ^= hash >> 29;
  }
  if (pos < text.size()) {
    uint64_t word = 0;
    std::memcpy(&word, text.data() + pos, text.size() - pos);
    hash = (hash ^ word) * kMultiplier;
  }
  hash ^= hash >> 32;
  return hash * kMultiplier;
}

}  // namespace

int32_t TextInterner::Intern(std::string_view text) {
  if ((size() + 1) * 2 > slots_.size()) Grow();
  const uint64_t hash = HashText(text);
  const uint64_t tag = hash >> 32;
  for (size_t slot = hash & mask_;; slot = (slot + 1) & mask_) {
    const uint64_t entry = slots_[slot];
    if (entry == 0) break;
    const auto code = static_cast<int32_t>((entry & 0xFFFFFFFFu) - 1);
    if ((entry >> 32) == tag && Value(code) == text) return code;
  }
  const auto code = static_cast<int32_t>(size());
  bytes_.append(text);
  offsets_.push_back(bytes_.size());
  Place(hash, code);
  return code;
}

void TextInterner::Grow() {
  slots_.assign(slots_.empty() ? 64 : slots_.size() * 2, 0);
  mask_ = slots_.size() - 1;
  for (size_t code = 0; code < size(); ++code)
    Place(HashText(Value(static_cast<int32_t>(code))), static_cast<int32_t>(code));
}

void TextInterner::Place(uint64_t hash, int32_t code) {
  size_t slot = hash & mask_;
  while (slots_[slot] != 0) slot = (slot + 1) & mask_;
  slots_[slot] = ((hash >> 32) << 32) | (static_cast<uint64_t>(code) + 1);
}

}  // namespace crm::ingest
