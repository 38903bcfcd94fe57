#pragma once
// Damerau-Levenshtein distance (optimal string alignment) with an early stop, for typo matching in
// cleaning, entity linking and name lookups.

#include <string_view>

namespace crm {

//! Edits (insert, delete, substitute, swap two neighbours) turning `a` into `b`, counted bytewise;
//! stops early once it exceeds `limit` and then returns limit + 1.
int EditDistance(std::string_view a, std::string_view b, int limit);

}  // namespace crm
