#include "crm/analytics/deal_counts.h"

#include "crm/analytics/statistics.h"

namespace crm::analytics {

double StageCounts::win_rate() const {
  return Ratio(static_cast<double>(count(DealStage::kWon)), static_cast<double>(closed()));
}

DealCounts CountDeals(const Dataset& data, const PipelineSnapshot& snapshot) {
  DealCounts counts{std::vector<StageCounts>(data.sales_agents.size()),
                    std::vector<StageCounts>(data.accounts.size())};
  const OpportunityColumns& deals = data.opportunities;
  for (size_t i = 0; i < deals.size(); ++i) {
    const auto row = static_cast<int32_t>(i);
    if (!snapshot.Visible(row)) continue;
    const auto stage = static_cast<size_t>(snapshot.Stage(row));
    ++counts.by_agent[deals.sales_agent[i]].deals[stage];
    if (deals.account[i] != kNoIndex) ++counts.by_account[deals.account[i]].deals[stage];
  }
  return counts;
}

}  // namespace crm::analytics
