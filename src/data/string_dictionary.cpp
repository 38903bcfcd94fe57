// StringDictionary: interning and lookup through a probe array of 8-byte slots.
#include "crm/data/string_dictionary.h"

#include <algorithm>

#include "crm/common/text_hash.h"

namespace crm {

namespace {

uint64_t TagOf(uint64_t hash) { return hash >> 32; }
int32_t CodeOf(uint64_t slot) { return static_cast<int32_t>(slot & 0xFFFFFFFFu) - 1; }

}  // namespace

int32_t StringDictionary::Intern(std::string_view value) {
  if ((values_.size() + 1) * 2 > slots_.size()) Grow();
  const uint64_t hash = HashText(value);
  uint64_t& slot = slots_[SlotOf(value, hash)];
  if (slot != 0) return CodeOf(slot);
  const auto code = static_cast<int32_t>(values_.size());
  values_.emplace_back(value);
  slot = (TagOf(hash) << 32) | static_cast<uint32_t>(code + 1);
  return code;
}

void StringDictionary::InternBatch(std::span<const std::string_view> values, std::span<int32_t> codes) {
  values_.reserve(values_.size() + values.size());
  for (size_t i = 0; i < values.size(); ++i) codes[i] = Intern(values[i]);
}

int32_t StringDictionary::Find(std::string_view value) const {
  if (slots_.empty()) return kNoIndex;
  const uint64_t slot = slots_[SlotOf(value, HashText(value))];
  return slot == 0 ? kNoIndex : CodeOf(slot);
}

const std::string& StringDictionary::Value(int32_t code) const {
  static const std::string kEmpty;
  return code < 0 || static_cast<size_t>(code) >= values_.size() ? kEmpty : values_[code];
}

size_t StringDictionary::SlotOf(std::string_view value, uint64_t hash) const {
  const size_t mask = slots_.size() - 1;
  for (size_t index = hash & mask;; index = (index + 1) & mask) {
    const uint64_t slot = slots_[index];
    if (slot == 0 || ((slot >> 32) == TagOf(hash) && values_[CodeOf(slot)] == value)) return index;
  }
}

void StringDictionary::Grow() {
  slots_.assign(std::max<size_t>(16, slots_.size() * 2), 0);
  const size_t mask = slots_.size() - 1;
  for (size_t code = 0; code < values_.size(); ++code) {
    const uint64_t hash = HashText(values_[code]);
    size_t index = hash & mask;
    while (slots_[index] != 0) index = (index + 1) & mask;
    slots_[index] = (TagOf(hash) << 32) | static_cast<uint32_t>(code + 1);
  }
}

}  // namespace crm
