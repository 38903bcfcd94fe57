#include "crm/data/string_dictionary.h"

namespace crm {

int32_t StringDictionary::Intern(std::string_view value) {
  if (const int32_t* code = codes_.Find(value)) return *code;
  const auto code = static_cast<int32_t>(values_.size());
  values_.emplace_back(value);
  return codes_.Insert(value, code);
}

int32_t StringDictionary::Find(std::string_view value) const {
  const int32_t* code = codes_.Find(value);
  return code == nullptr ? kNoIndex : *code;
}

const std::string& StringDictionary::Value(int32_t code) const {
  static const std::string kEmpty;
  return code < 0 || static_cast<size_t>(code) >= values_.size() ? kEmpty : values_[code];
}

}  // namespace crm
