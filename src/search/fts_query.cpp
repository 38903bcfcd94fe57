#include "crm/search/fts_query.h"

#include <vector>

#include "crm/search/text_folding.h"

namespace crm::search {

std::string FtsMatchExpression(std::string_view text) {
  return FtsMatchExpression(text, [](const std::string&) { return true; });
}

std::string FtsMatchExpression(std::string_view text, const std::function<bool(const std::string&)>& keep) {
  std::vector<std::string> words = Words(text);
  if (words.size() > kMaxQueryWords) words.resize(kMaxQueryWords);
  std::string expression;
  for (size_t i = 0; i < words.size(); ++i) {
    if (!keep(words[i])) continue;
    // A word holds only letters and digits, so between quotes it is always a plain string.
    if (!expression.empty()) expression += " OR ";
    expression += '"' + words[i] + '"';
    if (i + 1 == words.size() && words[i].size() >= 2) expression += '*';
  }
  return expression;
}

}  // namespace crm::search
