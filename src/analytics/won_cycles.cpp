#include "crm/analytics/won_cycles.h"

#include <algorithm>

namespace crm::analytics {

WonCycles::WonCycles(const Dataset& data, const PipelineSnapshot& snapshot)
    : products_(data.products.size()) {
  const OpportunityColumns& deals = data.opportunities;
  for (size_t i = 0; i < deals.size(); ++i) {
    const auto row = static_cast<int32_t>(i);
    if (!snapshot.Visible(row) || snapshot.Stage(row) != DealStage::kWon) continue;
    const int32_t engaged = deals.engage_date[i], closed = deals.close_date[i];
    if (closed != kNoDay)
      first_won_day_ = first_won_day_ == kNoDay ? closed : std::min(first_won_day_, closed);
    if (engaged == kNoDay || closed == kNoDay) continue;
    products_[deals.product[i]].Add(closed - engaged);
    all_.Add(closed - engaged);
  }
  for (DayHistogram& product : products_) product.Finish();
  all_.Finish();
}

std::string WonCycles::Basis(int32_t product) const {
  return OwnUsed(product) ? "product"
                          : "all products (fewer than " + std::to_string(kMinProductWins) + " wins)";
}

}  // namespace crm::analytics
