#pragma once
// Dictionary encoding: each distinct string gets a dense int32 code. The lookup is an 8-byte probe
// slot a value that points back into the values (no second copy of each string).

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace crm {

//! Marks a missing reference or dictionary code.
inline constexpr int32_t kNoIndex = -1;

//! Maps distinct strings to dense codes 0..size()-1 and back.
class StringDictionary {
 public:
  //! The code of `value`, adding it when new.
  int32_t Intern(std::string_view value);
  //! Interns `values[i]` into `codes[i]`, in order: the same codes as calling Intern on each.
  void InternBatch(std::span<const std::string_view> values, std::span<int32_t> codes);
  //! The code of `value`, or kNoIndex when absent.
  int32_t Find(std::string_view value) const;
  //! The string of a code; empty for kNoIndex.
  const std::string& Value(int32_t code) const;
  //! Number of distinct values.
  size_t size() const { return values_.size(); }
  //! All values in code order.
  const std::vector<std::string>& values() const { return values_; }

 private:
  //! The slot of `value`, whose hash is `hash`: the one holding it, or the free one where it belongs.
  size_t SlotOf(std::string_view value, uint64_t hash) const;
  //! Doubles the probe array and places every value again.
  void Grow();

  std::vector<std::string> values_;
  //! Open addressing over values_: 0 when free, else the value's hash's high 32 bits, then code + 1.
  std::vector<uint64_t> slots_;
};

}  // namespace crm
