#include "crm/nlu/entity_linker.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <optional>
#include <string>
#include <string_view>

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

//! Whether `token` has the shape of an opportunity id: eight letters and digits, at least one of each.
bool HasOpportunityIdShape(const Token& token) {
  if (token.key.size() != kOpportunityIdLength || token.text.size() != kOpportunityIdLength) return false;
  const auto& key = token.key;
  return std::any_of(key.begin(), key.end(), [](unsigned char c) { return std::isdigit(c) != 0; }) &&
         std::any_of(key.begin(), key.end(), [](unsigned char c) { return std::isalpha(c) != 0; });
}

//! Whether `token` announces an opportunity id after it: "opportunity ZZZZ1234", "deal ZZZZ1234".
bool AnnouncesOpportunityId(const Token& token) {
  static const std::array<std::string_view, 5> kWords = {"opportunity", "deal", "opp", "id", "opportunityid"};
  return std::find(kWords.begin(), kWords.end(), token.key) != kWords.end();
}

//! The opportunity id the word at `i` spells (matched case-insensitively), or nullopt. An id-shaped word
//! right after "opportunity" or "deal" is one even when the data holds no such deal, so that the answer can
//! say there is none.
std::optional<std::string> OpportunityIdOf(const Dataset& data, const std::vector<Token>& tokens, size_t i) {
  const Token& token = tokens[i];
  if (token.key.size() != kOpportunityIdLength || token.text.size() != kOpportunityIdLength)
    return std::nullopt;
  std::string upper = token.key;
  std::transform(upper.begin(), upper.end(), upper.begin(), [](unsigned char c) { return std::toupper(c); });
  if (data.FindOpportunity(upper) != kNoIndex) return upper;
  if (i > 0 && AnnouncesOpportunityId(tokens[i - 1]) && HasOpportunityIdShape(token)) return upper;
  return std::nullopt;
}

}  // namespace

EntityLinker::EntityLinker(const Dataset& data)
    : data_(data), names_(data), synonyms_(NameSynonyms(data, names_)) {}

void EntityLinker::LinkWordsAt(LinkState& state, size_t i) const {
  const std::vector<Token>& tokens = state.tokens();
  const size_t free = state.FreeRun(i);
  if (auto id = OpportunityIdOf(data_, tokens, i)) {
    state.Claim(i, 1, "opportunity_id", *id);
    return;
  }
  if (const size_t region = CompassRegionWords(state, i); region > 0) {
    state.Block(i, region);
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
