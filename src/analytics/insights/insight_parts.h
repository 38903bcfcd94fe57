#pragma once
// Pieces several insight types share: cycle lengths, breakdown tables, charts from tables, top-N.

#include <string>
#include <vector>

#include "crm/analytics/day_histogram.h"
#include "crm/analytics/insight.h"
#include "crm/analytics/query_context.h"
#include "crm/analytics/table_views.h"
#include "crm/analytics/tally.h"

namespace crm::analytics {

//! Engage-to-close days of the won deals among the query's selected deals.
DayHistogram WonCycleDistribution(const QueryContext& query);

//! One row per non-empty group: label, deals, won, lost, open, win_rate, won_value, open_value,
//! expected_value; in key order (calendar order for months and quarters, with empty periods inside).
Table TotalsTable(const std::string& name, const Grouping& grouping, const std::vector<GroupTotals>& totals);

//! The number of rows to show: the --top filter, else `fallback`.
size_t TopN(const QueryContext& query, size_t fallback);

}  // namespace crm::analytics
