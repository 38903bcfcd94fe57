#include "deal_survival.h"

#include <algorithm>

#include "crm/analytics/day_histogram.h"

namespace crm::analytics {

namespace {

//! Ages at which one group of deals was won, lost, or last seen open.
struct AgeHistograms {
  DayHistogram won, lost, open;

  void Add(const AgeHistograms& other) {
    won.Add(other.won);
    lost.Add(other.lost);
    open.Add(other.open);
  }
  WinCurve Curve() {
    won.Finish();
    lost.Finish();
    open.Finish();
    return WinCurve(won, lost, open);
  }
};

}  // namespace

DealSurvival::DealSurvival(const Dataset& data, const PipelineSnapshot& snapshot)
    : outcomes_(data.products.size()) {
  const OpportunityColumns& deals = data.opportunities;
  std::vector<AgeHistograms> ages(data.products.size());
  const int32_t as_of = snapshot.as_of();
  for (size_t i = 0; i < deals.size(); ++i) {
    const auto row = static_cast<int32_t>(i);
    if (!snapshot.Visible(row)) continue;
    const DealStage stage = snapshot.Stage(row);
    const int32_t engaged = deals.engage_date[i], closed = snapshot.CloseDate(row);
    if (stage == DealStage::kWon && closed != kNoDay)
      first_won_day_ = first_won_day_ == kNoDay ? closed : std::min(first_won_day_, closed);
    if (engaged == kNoDay) continue;
    AgeHistograms& product = ages[deals.product[i]];
    DealOutcomes& outcomes = outcomes_[deals.product[i]];
    if (!IsClosed(stage)) {
      product.open.Add(as_of - engaged);
      ++outcomes.open;
    } else if (closed != kNoDay && closed >= engaged) {
      (stage == DealStage::kWon ? product.won : product.lost).Add(closed - engaged);
      ++(stage == DealStage::kWon ? outcomes.won : outcomes.lost);
    }
  }
  AgeHistograms all;
  for (AgeHistograms& product : ages) {
    all.Add(product);
    curves_.push_back(product.Curve());
  }
  all_curve_ = all.Curve();
}

}  // namespace crm::analytics
