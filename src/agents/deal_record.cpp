// One opportunity's fields as JSON.
#include "crm/agents/deal_record.h"

#include <cmath>
#include <string>

namespace crm::agents {

namespace {

//! A day as text, null when missing.
nlohmann::json DayJson(int32_t day) {
  return day == kNoDay ? nlohmann::json(nullptr) : nlohmann::json(FormatIsoDate(day));
}

}  // namespace

nlohmann::json DealRecordJson(const Dataset& data, int32_t deal) {
  const OpportunityColumns& deals = data.opportunities;
  const int32_t account = deals.account[deal];
  const double value = deals.close_value[deal];
  return {{"opportunity_id", std::string(deals.id[deal])},
          {"account",
           account == kNoIndex ? nlohmann::json(nullptr) : nlohmann::json(data.accounts[account].name)},
          {"sales_agent", data.sales_agents[deals.sales_agent[deal]].name},
          {"product", data.products[deals.product[deal]].name},
          {"deal_stage", DealStageName(deals.deal_stage[deal])},
          {"engage_date", DayJson(deals.engage_date[deal])},
          {"close_date", DayJson(deals.close_date[deal])},
          {"close_value", std::isfinite(value) ? nlohmann::json(value) : nlohmann::json(nullptr)}};
}

}  // namespace crm::agents
