#pragma once
// Reference vocabularies that tell a misspelling from a real value: country names and industry names.
// They are general word lists, not lists of known typos.

#include <span>
#include <string_view>

namespace crm::ingest {

//! Country and territory names in common English short forms ("United States", "Korea", "Philippines").
std::span<const std::string_view> CountryNames();

//! Industry and sector names in lower case ("technology", "medical", "telecommunications").
std::span<const std::string_view> IndustryNames();

}  // namespace crm::ingest
