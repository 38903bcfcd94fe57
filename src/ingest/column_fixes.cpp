#include "crm/ingest/column_fixes.h"

#include <map>

namespace crm::ingest {

void FixColumnTypos(std::vector<std::string*> column, const TypoPolicy& policy, const std::string& file,
                    const std::string& field, std::vector<CleaningEntry>& cleaning) {
  std::map<std::string, int64_t> counts;
  for (const std::string* value : column) {
    if (!value->empty()) ++counts[*value];
  }
  const std::map<std::string, std::string> fixes = FindTypos(counts, policy);
  for (const auto& [from, to] : fixes) {
    cleaning.push_back({"typo", file, field, from, to, counts[from]});
  }
  for (std::string* value : column) {
    if (auto it = fixes.find(*value); it != fixes.end()) *value = it->second;
  }
}

}  // namespace crm::ingest
