#pragma once
// Pieces the account insights (account_health, at_risk_accounts, account_prioritization) share: account
// cells, the accounts a query selects, the figures about who was left out, and short texts for reasons.

#include <string>
#include <vector>

#include "crm/analytics/account_health.h"
#include "crm/analytics/fact_text.h"
#include "crm/analytics/insight.h"

namespace crm::analytics {

//! The name of the account's parent company, or a missing cell when it has none.
Cell ParentCell(const Dataset& data, int32_t account);
//! The account's sector, or a missing cell.
Cell SectorCell(const Dataset& data, int32_t account);

//! The accounts of the report that the query selects (account filters, a selected deal).
std::vector<const AccountHealthScore*> SelectedHealth(const AccountHealthReport& report);

//! Metrics and notes on which accounts were compared and which deals could not be attributed.
void DescribeAccountScope(const QueryContext& query, const AccountHealthReport& report, Insight& insight);

//! Defines buying_rhythm_days, typical_buying_rhythm_days and overdue_factor.
void DefineBuyingRhythm(Insight& insight);

}  // namespace crm::analytics
