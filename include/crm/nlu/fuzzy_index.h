#pragma once
// Typo-tolerant lookup of name keys: a bigram filter picks candidates, edit distance confirms them.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace crm::nlu {

//! Edits tolerated in a key of `length` letters: none below 4, one for 4-7, two for 8 or more.
int AllowedEdits(size_t length);

//! The closest keys to a query and how far they are.
struct FuzzyHits {
  int distance = 0;          //!< edits to the closest keys
  std::vector<int32_t> ids;  //!< ids of every key at that distance (empty when none is close enough)
};

//! Keys with ids; finds the keys within AllowedEdits of a query without scanning them all: each edit
//! removes at most three of the query's distinct bigrams (padded at both ends), so a key within k edits
//! shares at least (distinct bigrams - 3k) of them.
class FuzzyIndex {
 public:
  //! Adds `key` under `id`.
  void Add(std::string_view key, int32_t id);
  //! The keys closest to `query` within AllowedEdits of both the query's and the key's length.
  FuzzyHits Closest(std::string_view query) const;

 private:
  //! Distinct padded bigrams of a key, as 16-bit codes.
  static std::vector<uint16_t> Bigrams(std::string_view key);

  std::vector<std::string> keys_;
  std::vector<int32_t> ids_;
  std::vector<std::vector<int32_t>> postings_;  // by bigram code; sized at the first Add
};

}  // namespace crm::nlu
