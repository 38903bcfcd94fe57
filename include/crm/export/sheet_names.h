#pragma once
// Worksheet names Excel accepts: at most 31 characters, none of []:*?/\, no apostrophe at either end,
// unique ignoring case.

#include <set>
#include <string>
#include <string_view>

namespace crm::exports {

//! Hands out a valid, unique sheet name for each wanted name, in order.
class SheetNames {
 public:
  //! A valid sheet name close to `wanted`, not given before; "Sheet N" when nothing of it is usable.
  std::string Next(std::string_view wanted);

 private:
  std::set<std::string> taken_;  //!< lower-cased names given so far
};

}  // namespace crm::exports
