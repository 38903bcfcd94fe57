#pragma once
// Finds misspelled values in a categorical column: a value within a small edit distance of a word in a
// reference vocabulary, or a rare value within a small edit distance of a much more frequent one.

#include <cstdint>
#include <map>
#include <span>
#include <string>
#include <string_view>

namespace crm::ingest {

//! Where the correct spellings come from.
struct TypoPolicy {
  std::span<const std::string_view> vocabulary;  //!< known-good words (may be empty)
  int frequency_ratio = 3;  //!< a column value is a correction target when this many times as common
};

//! Maps each misspelled value of `counts` (value → rows) to its correction. A value that is itself a
//! known word is never changed, and a value with two equally close corrections is left alone.
std::map<std::string, std::string> FindTypos(const std::map<std::string, int64_t>& counts,
                                             const TypoPolicy& policy);

}  // namespace crm::ingest
