#include "crm/search/fts_query.h"

#include "crm/search/text_folding.h"

namespace crm::search {

std::string FtsMatchExpression(std::string_view text) {
  std::string expression;
  size_t used = 0;
  for (const std::string& word : Words(text)) {
    if (used++ == kMaxQueryWords) break;
    // A word holds only letters and digits, so between quotes it is always a plain string.
    if (!expression.empty()) expression += " OR ";
    expression += '"';
    expression += word;
    expression += '"';
    if (word.size() >= 2) expression += '*';
  }
  return expression;
}

}  // namespace crm::search
