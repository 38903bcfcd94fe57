#pragma once
// Fixed phrases ("follow up", "west coast") mapped to entity values, matched over question words
// whatever their spacing or hyphens ("follow-up", "followup", "follow up" are one phrase).

#include <cstddef>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "crm/data/flat_string_map.h"
#include "crm/nlu/fuzzy_index.h"
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
  //! A table whose phrases of `min_typo_length` letters or more also match with a typo.
  explicit PhraseTable(size_t min_typo_length = kMinTypoPhraseLength) : min_typo_length_(min_typo_length) {}
  //! Adds `phrase` (any spacing and punctuation) for `key` = `value`.
  void Add(std::string_view phrase, const std::string& key, const std::string& value);
  //! Adds each of `phrases` for `key` = `value`.
  void Add(std::initializer_list<std::string_view> phrases, const std::string& key, const std::string& value);
  //! The longest phrase in the free words [first, first + free), or nullopt.
  std::optional<PhraseMatch> Match(const std::vector<Token>& tokens, size_t first, size_t free) const;
  //! A phrase of the table's minimum typo length or more typed with a typo ("freindly", "folow up") in
  //! one or two free words of letters that do not start with a frequent word; nullopt when none or
  //! when two values fit equally well.
  std::optional<PhraseMatch> MatchWithTypo(const std::vector<Token>& tokens, size_t first, size_t free) const;

  //! Shorter phrases are too close to ordinary words to allow typos ("quote" / "quota", "casual" /
  //! "causal", "formal" / "format"), unless the words around them say what must follow.
  static constexpr size_t kMinTypoPhraseLength = 8;

 private:
  //! A phrase long enough for typos, with its key.
  struct TypoPhrase {
    std::string key;
    PhraseValue value;
  };

  size_t min_typo_length_;
  FlatStringMap<PhraseValue> phrases_;
  std::vector<TypoPhrase> typo_phrases_;  // the phrases in typo_index_, by id
  FuzzyIndex typo_index_;
  size_t max_words_ = 0;
};

}  // namespace crm::nlu
