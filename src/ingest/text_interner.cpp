#include "crm/ingest/text_interner.h"

#include <algorithm>
#include <cstring>

#include "crm/common/text_hash.h"

namespace crm::ingest {

std::string_view TextInterner::ValueAt(uint64_t offset) const {
  uint32_t length;
  std::memcpy(&length, bytes_.data() + offset, sizeof(length));
  return std::string_view(bytes_.data() + offset + sizeof(length), length);
}

int32_t TextInterner::Intern(std::string_view text) {
  if ((size() + 1) * 2 > slots_.size()) Grow();
  return InternHashed(text, HashText(text));
}

int32_t TextInterner::Find(std::string_view text) const {
  return slots_.empty() ? kNoIndex : FindHashed(text, HashText(text));
}

void TextInterner::InternBatch(std::span<const std::string_view> texts, std::span<int32_t> codes) {
  constexpr size_t kMaxBatch = 256;
  uint64_t hashes[kMaxBatch];
  for (size_t begin = 0; begin < texts.size(); begin += kMaxBatch) {
    const size_t end = std::min(texts.size(), begin + kMaxBatch);
    while ((size() + end - begin) * 2 > slots_.size()) Grow();  // room for this part, if all new
    for (size_t i = begin; i < end; ++i) {                      // start reading each text's slot...
      hashes[i - begin] = HashText(texts[i]);
      __builtin_prefetch(&slots_[hashes[i - begin] & mask_]);
    }
    // ... then the value the slot points at (two cache lines: values are short, but many cross a line) ...
    for (size_t i = begin; i < end; ++i) {
      const Slot& slot = slots_[hashes[i - begin] & mask_];
      if (slot.code_plus_one != 0) {
        __builtin_prefetch(bytes_.data() + slot.offset);
        __builtin_prefetch(bytes_.data() + std::min<size_t>(slot.offset + 63, bytes_.size() - 1));
      }
    }
    for (size_t i = begin; i < end; ++i)
      codes[i] = InternHashed(texts[i], hashes[i - begin]);  // ... then use them
  }
}

int32_t TextInterner::FindHashed(std::string_view text, uint64_t hash) const {
  const auto tag = static_cast<uint32_t>(hash >> 32);
  for (size_t slot = hash & mask_;; slot = (slot + 1) & mask_) {
    const Slot& entry = slots_[slot];
    if (entry.code_plus_one == 0) return kNoIndex;
    if (entry.tag == tag && ValueAt(entry.offset) == text)
      return static_cast<int32_t>(entry.code_plus_one - 1);
  }
}

int32_t TextInterner::InternHashed(std::string_view text, uint64_t hash) {
  if (const int32_t known = FindHashed(text, hash); known != kNoIndex) return known;
  const auto code = static_cast<int32_t>(size());
  const auto length = static_cast<uint32_t>(text.size());
  offsets_.push_back(bytes_.size());
  const auto* length_bytes = reinterpret_cast<const char*>(&length);
  bytes_.insert(bytes_.end(), length_bytes, length_bytes + sizeof(length));
  bytes_.insert(bytes_.end(), text.begin(), text.end());
  Place(hash, code);
  return code;
}

void TextInterner::Grow() {
  slots_.assign(slots_.empty() ? 64 : slots_.size() * 2, Slot{});
  mask_ = slots_.size() - 1;
  for (size_t code = 0; code < size(); ++code) {
    Place(HashText(Value(static_cast<int32_t>(code))), static_cast<int32_t>(code));
  }
}

void TextInterner::Place(uint64_t hash, int32_t code) {
  size_t slot = hash & mask_;
  while (slots_[slot].code_plus_one != 0) slot = (slot + 1) & mask_;
  slots_[slot] = Slot{static_cast<uint32_t>(hash >> 32), static_cast<uint32_t>(code) + 1, offsets_[code]};
}

}  // namespace crm::ingest
