#include "funnel.h"

#include "crm/analytics/statistics.h"

namespace crm::analytics {

Table FunnelTable(const GroupTotals& totals) {
  const int64_t prospects = totals.total();
  const int64_t engaged = totals.count(DealStage::kEngaging) + totals.closed();
  const int64_t won = totals.count(DealStage::kWon);
  return {"funnel",
          {"step", "deals", "rate_from_previous"},
          {{std::string("Prospecting"), prospects, nullptr},
           {std::string("Engaging"), engaged,
            Number(Ratio(static_cast<double>(engaged), static_cast<double>(prospects)))},
           {std::string("Won"), won, Number(Ratio(static_cast<double>(won), static_cast<double>(engaged)))}}};
}

}  // namespace crm::analytics
