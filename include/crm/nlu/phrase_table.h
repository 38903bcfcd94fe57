#pragma once
// Fixed phrases ("follow up", "west coast") mapped to entity values, matched over question words
// whatever their spacing or hyphens ("follow-up", "followup", "follow up" are one phrase).

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "crm/data/flat_string_map.h"
#include "crm/nlu/tokenizer.h"

namespace crm::nlu {

//! What a phrase stands for.
struct PhraseValue {
  std::string key;    //!< the entity key ("email_type")
  std::string value;  //!< its canonical value ("follow_up")
};

//! A phrase found at some words.
struct PhraseMatch {
  size_t count = 0;   //!< words matched
  PhraseValue value;  //!< what they stand for
};

//! Phrases keyed by their letters and digits; the longest phrase starting at a word wins.
class PhraseTable {
 public:
  //! Adds `phrase` (any spacing and punctuation) for `key` = `value`.
  void Add(std::string_view phrase, const std::string& key, const std::string& value);
  //! The longest phrase in the free words [first, first + free), or nullopt.
  std::optional<PhraseMatch> Match(const std::vector<Token>& tokens, size_t first, size_t free) const;

 private:
  FlatStringMap<PhraseValue> phrases_;
  size_t max_words_ = 0;
};

}  // namespace crm::nlu
