#include "totals_sum.h"

namespace crm::analytics {

void AddTotals(GroupTotals& into, const GroupTotals& from) {
  for (size_t s = 0; s < into.deals.size(); ++s) into.deals[s] += from.deals[s];
  into.won_value += from.won_value;
  into.open_value += from.open_value;
  into.expected_value += from.expected_value;
}

GroupTotals SumTotals(const std::vector<GroupTotals>& groups) {
  GroupTotals sum;
  for (const GroupTotals& group : groups) AddTotals(sum, group);
  return sum;
}

}  // namespace crm::analytics
