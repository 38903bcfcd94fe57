#pragma once
// The cells that identify an open deal in a table row, shared by the insights that list deals.

#include <cstdint>
#include <string>
#include <vector>

#include "crm/analytics/insight.h"
#include "crm/analytics/query_context.h"

namespace crm::analytics {

//! opportunity_id, account, product, sales_agent, deal_stage, days_open.
std::vector<std::string> DealColumns();

//! The DealColumns() cells of `row`: the account is null when missing, days_open null when not engaged.
std::vector<Cell> DealCells(const QueryContext& query, int32_t row);

}  // namespace crm::analytics
