#include "deal_cells.h"

namespace crm::analytics {

std::vector<std::string> DealColumns() {
  return {"opportunity_id", "account", "product", "sales_agent", "deal_stage", "days_open"};
}

std::vector<Cell> DealCells(const QueryContext& query, int32_t row) {
  const OpportunityColumns& deals = query.data.opportunities;
  const int32_t account = deals.account[row];
  const int32_t days_open = query.snapshot.DaysOpen(row);
  return {std::string(deals.id[row]),
          account == kNoIndex ? Cell(nullptr) : Cell(query.data.accounts[account].name),
          query.data.products[deals.product[row]].name,
          query.data.sales_agents[deals.sales_agent[row]].name,
          std::string(DealStageName(query.snapshot.Stage(row))),
          days_open < 0 ? Cell(nullptr) : Cell(static_cast<int64_t>(days_open))};
}

}  // namespace crm::analytics
