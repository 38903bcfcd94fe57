#pragma once
// The names of the loaded data (accounts, people, products, series, sectors, countries, offices),
// indexed for matching a window of question words exactly, loosely, partly or with typos.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "crm/data/dataset.h"
#include "crm/data/flat_string_map.h"
#include "crm/nlu/fuzzy_index.h"
#include "crm/nlu/tokenizer.h"

namespace crm::nlu {

//! The score of a name matched on its letters and digits alone (case, spaces, punctuation aside); exact
//! matches score 1, looser ones less.
inline constexpr double kNormalizedNameScore = 0.95;

//! One indexed name.
struct NameEntry {
  std::string kind;    //!< the entity key: "account", "sales_agent", "product", …
  std::string value;   //!< the name as spelled in the data
  std::string folded;  //!< FoldText of the name
};

//! A name found at some words of the question.
struct NameMatch {
  size_t count = 0;          //!< words matched
  int32_t entry = kNoIndex;  //!< the entry, kNoIndex when the words fit several names equally well
  double score = 0;          //!< 1 exact, lower for looser matches
};

//! Finds the names of a Dataset in question words. At a starting word, windows are tried longest
//! first; in a window: exact (case-insensitive) 1, same letters and digits 0.95, a company suffix
//! added or dropped or a leading "the" dropped 0.9 ("acme corp" → "Acme Corporation"), unique leading
//! words or a person's unique last name 0.8 ("moses" → "Moses Frase"; words leading to several names
//! match nothing). Only when no window matches so, or to extend a match over more words ("darcel
//! schlect", "mg advaned"): one or two typos (AllowedEdits) with a single best name, 0.7 or 0.6, in
//! windows of letters only, never to a regional office and never from a word with an English ending the
//! name lacks (EnglishEnding). Partial and typo matches never rest on frequent words alone
//! (IsStopWord), and typo windows never start or end with a short one. When a key names several kinds,
//! the first of product, series, sales_agent, manager, account, sector, country, regional_office wins.
class NameGazetteer {
 public:
  //! Indexes the names of `data`.
  explicit NameGazetteer(const Dataset& data);

  //! The best name in the free words [first, first + free), or nullopt.
  std::optional<NameMatch> Match(const std::vector<Token>& tokens, size_t first, size_t free) const;
  //! The entry behind a match.
  const NameEntry& entry(int32_t id) const { return entries_[id]; }
  //! True when some name has exactly this key (MatchKey of its folded text).
  bool Knows(std::string_view key) const { return by_key_.Find(key) != nullptr; }

 private:
  using IdMap = FlatStringMap<std::vector<int32_t>>;

  //! Indexes one name of kind `kind`.
  void AddName(const std::string& kind, const std::string& value);
  //! Exact, normalised or suffix match of exactly the words [first, first + count).
  std::optional<NameMatch> WholeMatch(const std::vector<Token>& tokens, size_t first, size_t count) const;
  //! Leading words or last name match of exactly those words.
  std::optional<NameMatch> PartialMatch(const std::vector<Token>& tokens, size_t first, size_t count) const;
  //! Typo match of exactly those words.
  std::optional<NameMatch> FuzzyMatch(const std::vector<Token>& tokens, size_t first, size_t count) const;
  //! The single name among `ids` (the first kind when one name has several), kNoIndex when several.
  int32_t Single(const std::vector<int32_t>& ids) const;

  std::vector<NameEntry> entries_;
  IdMap by_key_;        // whole names
  IdMap by_base_;       // account names without their company suffix, names without a leading "the"
  IdMap by_prefix_;     // leading words of names of two words or more
  IdMap by_last_name_;  // last words of people's names
  FuzzyIndex fuzzy_;
  size_t max_words_ = 1;
};

}  // namespace crm::nlu
