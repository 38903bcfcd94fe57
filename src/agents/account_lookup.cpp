#include "crm/agents/account_lookup.h"

#include <algorithm>
#include <string>
#include <vector>

#include "crm/common/edit_distance.h"
#include "crm/ingest/text_cleaning.h"

namespace crm::agents {

namespace {

constexpr size_t kCloseNames = 5;
constexpr int kDistanceLimit = 64;

}  // namespace

Result<int32_t> FindAccountByName(const Dataset& data, std::string_view name) {
  const int32_t exact = data.FindAccount(name);
  if (exact != kNoIndex) return exact;
  const std::string wanted = ingest::ToLowerAscii(ingest::Trim(name));
  std::vector<std::pair<int, std::string>> ranked;
  for (size_t row = 0; row < data.accounts.size(); ++row) {
    const std::string lower = ingest::ToLowerAscii(data.accounts[row].name);
    if (lower == wanted) return static_cast<int32_t>(row);
    // A name containing what was typed (or contained in it) ranks first, then by edit distance.
    const bool contains = !wanted.empty() && (lower.find(wanted) != std::string::npos ||
                                              wanted.find(lower) != std::string::npos);
    const int distance = contains ? 0 : 1 + EditDistance(lower, wanted, kDistanceLimit);
    ranked.emplace_back(distance, data.accounts[row].name);
  }
  std::sort(ranked.begin(), ranked.end());
  std::string close;
  for (size_t i = 0; i < std::min(kCloseNames, ranked.size()); ++i) {
    close += (i ? ", " : "") + ranked[i].second;
  }
  return Error{"unknown account '" + std::string(name) + "'" +
               (close.empty() ? std::string("; the data has no accounts") : "; closest: " + close)};
}

}  // namespace crm::agents
