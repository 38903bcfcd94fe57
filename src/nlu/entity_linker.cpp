#include "crm/nlu/entity_linker.h"

#include <algorithm>
#include <cctype>
#include <optional>
#include <string>

#include "crm/nlu/deal_stage_phrases.h"
#include "crm/nlu/grouping_phrases.h"
#include "crm/nlu/link_state.h"
#include "crm/nlu/message_vocabulary.h"
#include "crm/nlu/name_synonyms.h"
#include "crm/nlu/numeric_conditions.h"
#include "crm/nlu/period_phrases.h"
#include "crm/nlu/top_n.h"

namespace crm::nlu {

namespace {

// The score of an email type or tone typed with a typo ("freindly").
constexpr double kTypoPhraseScore = 0.7;
// Opportunity ids have exactly this many letters and digits.
constexpr size_t kOpportunityIdLength = 8;

//! The opportunity id a word spells (matched case-insensitively), or nullopt.
std::optional<std::string> OpportunityIdOf(const Dataset& data, const Token& token) {
  if (token.key.size() != kOpportunityIdLength || token.text.size() != kOpportunityIdLength)
    return std::nullopt;
  std::string upper = token.key;
  std::transform(upper.begin(), upper.end(), upper.begin(), [](unsigned char c) { return std::toupper(c); });
  if (data.FindOpportunity(upper) == kNoIndex) return std::nullopt;
  return upper;
}

}  // namespace

EntityLinker::EntityLinker(const Dataset& data)
    : data_(data), names_(data), synonyms_(NameSynonyms(data, names_)) {}

void EntityLinker::LinkWordsAt(LinkState& state, size_t i) const {
  const std::vector<Token>& tokens = state.tokens();
  const size_t free = state.FreeRun(i);
  if (auto id = OpportunityIdOf(data_, tokens[i])) {
    state.Claim(i, 1, "opportunity_id", *id);
    return;
  }
  std::optional<PhraseMatch> phrase = MessagePhrases().Match(tokens, i, free);
  if (auto synonym = synonyms_.Match(tokens, i, free);
      synonym && (!phrase || synonym->count > phrase->count)) {
    phrase = synonym;
  }
  if (!phrase) phrase = UnitedStatesAbbreviation(state, i, data_);
  const std::optional<NameMatch> name = names_.Match(tokens, i, free);
  // A name wins over a phrase of as many words only when it is written as in the data.
  const bool name_wins = name && (!phrase || name->count > phrase->count ||
                                  (name->count == phrase->count && name->score >= kNormalizedNameScore));
  if (name_wins) {
    if (name->entry == kNoIndex) {
      state.Block(i, name->count);
    } else {
      const NameEntry& entry = names_.entry(name->entry);
      state.Claim(i, name->count, entry.kind, entry.value, name->score);
    }
  } else if (phrase) {
    state.Claim(i, phrase->count, phrase->value.key, phrase->value.value);
  } else if (auto typo = MessagePhrases().MatchWithTypo(tokens, i, free)) {
    state.Claim(i, typo->count, typo->value.key, typo->value.value, kTypoPhraseScore);
  }
}

LinkedQuery EntityLinker::Link(std::string_view text, int32_t as_of_day) const {
  LinkState state(text);
  FindNumericConditions(state);
  FindPeriods(state, as_of_day);
  FindGroupings(state);
  FindDealStages(state);
  for (size_t i = 0; i < state.size(); ++i) {
    if (state.Free(i)) LinkWordsAt(state, i);
  }
  FindTopN(state);
  return state.Finish();
}

}  // namespace crm::nlu
