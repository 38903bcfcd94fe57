#pragma once
// Small text helpers shared by the cleaning rules: trimming, matching keys, edit distance.

#include <string>
#include <string_view>

namespace crm::ingest {

//! The value without leading and trailing ASCII white space.
std::string_view Trim(std::string_view value);

//! ASCII lower case.
std::string ToLowerAscii(std::string_view value);

//! A spelling-insensitive key: lower case letters and digits only ("GTX-Pro " and "gtxpro" agree).
std::string MatchKey(std::string_view value);

//! The largest edit distance still treated as a typo for a word of this length (0 for short words).
int TypoTolerance(size_t length);

//! True when the value is all lower case (ignoring non-letters) and has at least one letter.
bool IsLowerCase(std::string_view value);

}  // namespace crm::ingest
