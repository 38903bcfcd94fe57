#include "crm/nlu/phrase_table.h"

#include <algorithm>

#include "crm/nlu/stop_words.h"
#include "crm/nlu/text_normalization.h"

namespace crm::nlu {

void PhraseTable::Add(std::string_view phrase, const std::string& key, const std::string& value) {
  const std::vector<Token> words = Tokenize(phrase);
  // A phrase may be typed with one more space than listed ("follow up" for "followup").
  max_words_ = std::max(max_words_, words.size() + 1);
  std::string phrase_key = MatchKey(FoldText(phrase));
  phrases_.Insert(phrase_key, PhraseValue{key, value});
  if (phrase_key.size() >= min_typo_length_) {
    typo_index_.Add(phrase_key, static_cast<int32_t>(typo_phrases_.size()));
    typo_phrases_.push_back(TypoPhrase{std::move(phrase_key), PhraseValue{key, value}});
  }
}

void PhraseTable::Add(std::initializer_list<std::string_view> phrases, const std::string& key,
                      const std::string& value) {
  for (std::string_view phrase : phrases) Add(phrase, key, value);
}

std::optional<PhraseMatch> PhraseTable::Match(const std::vector<Token>& tokens, size_t first,
                                              size_t free) const {
  const size_t longest = std::min(free, max_words_);
  std::string key;
  std::optional<PhraseMatch> best;
  for (size_t count = 1; count <= longest; ++count) {
    key += tokens[first + count - 1].key;
    if (const PhraseValue* value = phrases_.Find(key)) best = PhraseMatch{count, *value};
  }
  return best;
}

std::optional<PhraseMatch> PhraseTable::MatchWithTypo(const std::vector<Token>& tokens, size_t first,
                                                      size_t free) const {
  if (free == 0 || IsStopWord(tokens[first].key)) return std::nullopt;
  std::string key;
  std::optional<PhraseMatch> best;
  for (size_t count = 1; count <= std::min<size_t>(free, 2); ++count) {
    const std::string& word = tokens[first + count - 1].key;
    if (!IsLetters(word)) break;
    key += word;
    const FuzzyHits hits = typo_index_.Closest(key);
    if (hits.ids.empty() || hits.distance == 0) continue;
    const TypoPhrase& phrase = typo_phrases_[hits.ids.front()];
    const bool single = std::all_of(hits.ids.begin(), hits.ids.end(), [&](int32_t id) {
      return typo_phrases_[id].value.key == phrase.value.key &&
             typo_phrases_[id].value.value == phrase.value.value;
    });
    const std::string_view ending = EnglishEnding(word);
    if (single && (ending.empty() || phrase.key.ends_with(ending))) best = PhraseMatch{count, phrase.value};
  }
  return best;
}

}  // namespace crm::nlu
