#pragma once
// One opportunity's fields as JSON, as the API shows a deal.

#include <cstdint>

#include <nlohmann/json.hpp>

#include "crm/data/dataset.h"

namespace crm::agents {

//! {opportunity_id, account, sales_agent, product, deal_stage, engage_date, close_date, close_value}, a
//! missing value as null.
nlohmann::json DealRecordJson(const Dataset& data, int32_t deal);

}  // namespace crm::agents
