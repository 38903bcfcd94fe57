#pragma once
// The data page's profile of a dataset: how deal sizes and account health scores are distributed, and
// how the numeric fields correlate.

#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "crm/analytics/correlation.h"
#include "crm/analytics/insight.h"
#include "crm/data/dataset.h"

namespace crm::analytics {

//! The numeric fields of every deal, one row per opportunity: its account's revenue, employees and year
//! established, its product's price, its value (Won deals only: a Lost deal's 0 is no deal size), its days
//! from engagement to close (closed deals) and whether it was won (closed deals). Missing stays NaN.
std::vector<NumericField> DealNumericFields(const Dataset& data);

//! {deal_size, health: histogram ChartSpecs; correlation: {fields, matrix, n, descriptions}; notes}. The
//! health scores are read from `health`, the account_health insight over every account.
nlohmann::json DataProfileJson(const Dataset& data, const Insight& health);

}  // namespace crm::analytics
