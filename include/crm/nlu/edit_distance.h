#pragma once
// Damerau-Levenshtein distance (optimal string alignment) with an early stop, for typo matching.

#include <string_view>

namespace crm::nlu {

//! Edits (insert, delete, substitute, swap two neighbours) turning `a` into `b`, counted bytewise;
//! any value above `limit` is reported as limit + 1.
int BoundedEditDistance(std::string_view a, std::string_view b, int limit);

}  // namespace crm::nlu
