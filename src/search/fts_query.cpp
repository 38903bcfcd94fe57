#include "crm/search/fts_query.h"

#include <vector>

#include "crm/search/text_folding.h"

namespace crm::search {

std::string FtsMatchExpression(std::string_view text) {
  std::vector<std::string> words = Words(text);
  if (words.size() > kMaxQueryWords) words.resize(kMaxQueryWords);
  std::string expression;
  for (size_t i = 0; i < words.size(); ++i) {
    // A word holds only letters and digits, so between quotes it is always a plain string.
    if (i > 0) expression += " OR ";
    expression += '"' + words[i] + '"';
    if (i + 1 == words.size() && words[i].size() >= 2) expression += '*';
  }
  return expression;
}

}  // namespace crm::search
