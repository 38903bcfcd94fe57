#include "crm/models/forecast_stalled.h"

#include <cmath>

namespace crm::models {

StalledHistory::StalledHistory(const Dataset& data, const analytics::PipelineSnapshot& snapshot,
                               const analytics::WonCycles& cycles) {
  for (size_t p = 0; p < data.products.size(); ++p) {
    const analytics::DayHistogram& product = cycles.For(static_cast<int32_t>(p));
    thresholds_.push_back(
        product.size() > 0 ? static_cast<int32_t>(std::floor(product.Quantile(kStallQuantile))) : -1);
  }
  const OpportunityColumns& deals = data.opportunities;
  const int32_t as_of = snapshot.as_of();
  for (size_t i = 0; i < deals.size(); ++i) {
    const auto row = static_cast<int32_t>(i);
    if (deals.engage_date[i] == kNoDay || !snapshot.Visible(row)) continue;
    const int32_t stall = StallDay(deals.product[i], deals.engage_date[i]);
    if (stall == kNoDay || stall > as_of) continue;
    const DealStage stage = snapshot.Stage(row);
    if (!IsClosed(stage)) {
      if (stage == DealStage::kEngaging) open_.Add(as_of - stall);
      continue;
    }
    const int32_t closed = snapshot.CloseDate(row);
    if (closed == kNoDay || closed < stall) continue;
    closed_.Add(closed - stall);
    if (stage == DealStage::kWon) won_.Add(closed - stall);
  }
  closed_.Finish();
  won_.Finish();
  open_.Finish();
}

int32_t StalledHistory::StallDay(int32_t product, int32_t engaged) const {
  const int32_t threshold = Threshold(product);
  return threshold < 0 || engaged == kNoDay ? kNoDay : engaged + threshold + 1;
}

double StalledHistory::WinProbability(int32_t days) const {
  const int64_t at_risk = AtRisk(days);
  return at_risk > 0 ? static_cast<double>(WonLater(days)) / static_cast<double>(at_risk) : kNoNumber;
}

}  // namespace crm::models
