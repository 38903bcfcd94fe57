#pragma once
// The entity linker of `ask` and of search filters: finds the names, periods, numbers, email types,
// tones, groupings, stages and numeric conditions of a question and masks the names for the classifier.

#include <cstdint>
#include <string_view>

#include "crm/data/dataset.h"
#include "crm/nlu/link_state.h"
#include "crm/nlu/linked_query.h"
#include "crm/nlu/name_gazetteer.h"
#include "crm/nlu/phrase_table.h"

namespace crm::nlu {

//! Links questions to the entities of one Dataset. Finders run in this order, each claiming words
//! the later ones no longer see: numeric conditions, periods (see period_phrases.h), groupings ("by
//! sector"), deal stages, then one left-to-right pass over names, email types and tones, synonyms and
//! opportunity ids (the longest phrase at a word wins; an email type or tone with a typo only where
//! nothing else matched), and last top_n. Link is thread-safe.
class EntityLinker {
 public:
  //! Indexes the names of `data` (which must outlive the linker).
  explicit EntityLinker(const Dataset& data);
  //! Finds the entities of `text`; relative periods ("last quarter") are measured against `as_of_day`.
  LinkedQuery Link(std::string_view text, int32_t as_of_day) const;

 private:
  //! Claims the longest name, phrase or opportunity id starting at word `i`, if any.
  void LinkWordsAt(LinkState& state, size_t i) const;

  const Dataset& data_;
  NameGazetteer names_;
  PhraseTable synonyms_;
};

}  // namespace crm::nlu
