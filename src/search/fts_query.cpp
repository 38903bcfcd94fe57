#include "crm/search/fts_query.h"

#include <vector>

#include "crm/search/text_folding.h"

namespace crm::search {

std::string FtsMatchExpression(std::string_view text) {
  return FtsMatchExpression(text, [](const std::string& word, bool last) {
    return last && word.size() >= 2 ? WordUse::kPrefix : WordUse::kExact;
  });
}

std::string FtsMatchExpression(std::string_view text,
                               const std::function<WordUse(const std::string& word, bool last)>& use) {
  std::vector<std::string> words = Words(text);
  if (words.size() > kMaxQueryWords) words.resize(kMaxQueryWords);
  std::string expression;
  for (size_t i = 0; i < words.size(); ++i) {
    const WordUse how = use(words[i], i + 1 == words.size());
    if (how == WordUse::kLeaveOut) continue;
    // A word holds only letters and digits, so between quotes it is always a plain string.
    if (!expression.empty()) expression += " OR ";
    expression += '"' + words[i] + '"';
    if (how == WordUse::kPrefix) expression += '*';
  }
  return expression;
}

}  // namespace crm::search
