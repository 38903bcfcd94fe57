#pragma once
// Win curves per product learned at the as-of date from every engaged deal visible then (all deals, not
// only the filtered ones, so that a filter does not move the yardstick): won and lost deals are events at
// their engage-to-close age, deals still open are censored at their age on the as-of date.

#include <cstdint>
#include <vector>

#include "crm/analytics/snapshot.h"
#include "crm/data/dataset.h"
#include "win_curve.h"

namespace crm::analytics {

//! The engaged deals of one product (or of all products) at the as-of date.
struct DealOutcomes {
  int64_t won = 0;
  int64_t lost = 0;
  int64_t open = 0;
};

//! Per-product win curves, each from the product's own deals or, with few wins, from all products'.
class DealSurvival {
 public:
  //! A product needs this many wins for its own curve; fewer fall back to all products'.
  static constexpr int64_t kMinProductWins = 20;

  //! One pass over the deals visible in `snapshot`.
  DealSurvival(const Dataset& data, const PipelineSnapshot& snapshot);

  //! The curve that stands for `product`: its own, or all products' when it has too few wins.
  const WinCurve& For(int32_t product) const { return OwnUsed(product) ? curves_[product] : all_curve_; }
  //! True when `product` has enough wins for its own curve.
  bool OwnUsed(int32_t product) const { return outcomes_[product].won >= kMinProductWins; }
  //! The product's engaged deals.
  const DealOutcomes& Outcomes(int32_t product) const { return outcomes_[product]; }
  //! All products' curve.
  const WinCurve& all() const { return all_curve_; }
  //! The earliest close date of a deal won by the as-of date, kNoDay when none.
  int32_t first_won_day() const { return first_won_day_; }

 private:
  std::vector<DealOutcomes> outcomes_;
  std::vector<WinCurve> curves_;
  WinCurve all_curve_;
  int32_t first_won_day_ = kNoDay;
};

}  // namespace crm::analytics
