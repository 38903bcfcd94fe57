#include "crm/analytics/deal_survival.h"

namespace crm::analytics {

DealSurvival::DealSurvival(const Dataset& data, const PipelineSnapshot& snapshot)
    : deals_(&data.opportunities), snapshot_(&snapshot), ages_(data.products.size() * kOutcomes) {
  for (DayHistogram& ages : ages_) ages.Add(0, 0);  // ages start at 0: the histograms only grow upward
}

void DealSurvival::Finish() {
  for (DayHistogram& ages : ages_) ages.Finish();
  DayHistogram all[kOutcomes];
  curves_.clear();
  for (size_t p = 0; p * kOutcomes < ages_.size(); ++p) {
    const auto product = static_cast<int32_t>(p);
    for (int outcome = 0; outcome < kOutcomes; ++outcome) all[outcome].Add(Ages(product, outcome));
    curves_.emplace_back(Ages(product, kWonOutcome), Ages(product, kLostOutcome),
                         Ages(product, kOpenOutcome));
  }
  for (DayHistogram& ages : all) ages.Finish();
  all_curve_ = WinCurve(all[kWonOutcome], all[kLostOutcome], all[kOpenOutcome]);
}

}  // namespace crm::analytics
