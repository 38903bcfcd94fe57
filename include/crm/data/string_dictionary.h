#pragma once
// Dictionary encoding: each distinct string gets a dense int32 code.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "crm/data/flat_string_map.h"

namespace crm {

//! Marks a missing reference or dictionary code.
inline constexpr int32_t kNoIndex = -1;

//! Maps distinct strings to dense codes 0..size()-1 and back.
class StringDictionary {
 public:
  //! The code of `value`, adding it when new.
  int32_t Intern(std::string_view value);
  //! The code of `value`, or kNoIndex when absent.
  int32_t Find(std::string_view value) const;
  //! The string of a code; empty for kNoIndex.
  const std::string& Value(int32_t code) const;
  //! Number of distinct values.
  size_t size() const { return values_.size(); }
  //! All values in code order.
  const std::vector<std::string>& values() const { return values_; }

 private:
  std::vector<std::string> values_;
  FlatStringMap<int32_t> codes_;
};

}  // namespace crm
