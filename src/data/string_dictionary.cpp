#include "crm/data/string_dictionary.h"

namespace crm {

int32_t StringDictionary::Intern(std::string_view value) {
  if (auto it = codes_.find(value); it != codes_.end()) return it->second;
  const auto code = static_cast<int32_t>(values_.size());
  values_.emplace_back(value);
  codes_.emplace(values_.back(), code);
  return code;
}

int32_t StringDictionary::Find(std::string_view value) const {
  auto it = codes_.find(value);
  return it == codes_.end() ? kNoIndex : it->second;
}

const std::string& StringDictionary::Value(int32_t code) const {
  static const std::string kEmpty;
  return code < 0 || static_cast<size_t>(code) >= values_.size() ? kEmpty : values_[code];
}

}  // namespace crm
