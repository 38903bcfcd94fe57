#pragma once
// Adding group totals together: roll-ups of groups into larger ones, and the grand total of a tally.

#include <vector>

#include "crm/analytics/tally.h"

namespace crm::analytics {

//! Adds the counts and values of `from` to `into`.
void AddTotals(GroupTotals& into, const GroupTotals& from);

//! The sum of all groups of a tally.
GroupTotals SumTotals(const std::vector<GroupTotals>& groups);

}  // namespace crm::analytics
