#include "crm/nlu/phrase_table.h"

#include <algorithm>

#include "crm/nlu/text_normalization.h"

namespace crm::nlu {

void PhraseTable::Add(std::string_view phrase, const std::string& key, const std::string& value) {
  const std::vector<Token> words = Tokenize(phrase);
  // A phrase may be typed with one more space than listed ("follow up" for "followup").
  max_words_ = std::max(max_words_, words.size() + 1);
  phrases_.Insert(MatchKey(FoldText(phrase)), PhraseValue{key, value});
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

}  // namespace crm::nlu
