#pragma once
// A string-keyed hash map with open addressing and hash tags: one probe into a flat array for the
// common hit, for hot per-row lookups of a few thousand distinct names.

#include <algorithm>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace crm {

//! Maps strings to values of type T; keys are owned. Never shrinks; no erase.
template <typename T>
class FlatStringMap {
 public:
  //! The value stored for `key`, or nullptr.
  const T* Find(std::string_view key) const {
    if (slots_.empty()) return nullptr;
    const uint64_t hash = Hash(key);
    for (size_t slot = hash & mask_;; slot = (slot + 1) & mask_) {
      const Slot& s = slots_[slot];
      if (!s.used) return nullptr;
      if (s.hash == hash && s.key == key) return &s.value;
    }
  }
  //! Stores `value` for `key` (replacing any earlier value) and returns the stored value.
  T& Insert(std::string_view key, T value) {
    if ((size_ + 1) * 2 > slots_.size()) Grow();
    const uint64_t hash = Hash(key);
    size_t slot = hash & mask_;
    while (slots_[slot].used && !(slots_[slot].hash == hash && slots_[slot].key == key)) slot = (slot + 1) & mask_;
    Slot& s = slots_[slot];
    if (!s.used) ++size_;
    s = Slot{hash, true, std::string(key), std::move(value)};
    return s.value;
  }
  //! Number of keys.
  size_t size() const { return size_; }

 private:
  //! One entry; `used` marks occupied slots.
  struct Slot {
    uint64_t hash = 0;
    bool used = false;
    std::string key;
    T value{};
  };

  static uint64_t Hash(std::string_view key) { return std::hash<std::string_view>{}(key); }
  void Grow() {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(std::max<size_t>(16, old.size() * 2), Slot{});
    mask_ = slots_.size() - 1;
    for (Slot& s : old) {
      if (!s.used) continue;
      size_t slot = s.hash & mask_;
      while (slots_[slot].used) slot = (slot + 1) & mask_;
      slots_[slot] = std::move(s);
    }
  }

  std::vector<Slot> slots_;
  size_t mask_ = 0;
  size_t size_ = 0;
};

}  // namespace crm
