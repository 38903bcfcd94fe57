#pragma once
// Win curves per product learned at the as-of date from every engaged deal visible then (all deals, not
// only the filtered ones, so that a filter does not move the yardstick): won and lost deals are events at
// their engage-to-close age, deals still open are censored at their age on the as-of date. Filled one deal
// at a time so that a caller can fold it into its own pass over the deals.

#include <algorithm>
#include <cstdint>
#include <vector>

#include "crm/analytics/day_histogram.h"
#include "crm/analytics/snapshot.h"
#include "crm/analytics/win_curve.h"
#include "crm/data/dataset.h"

namespace crm::analytics {

//! The engaged deals of one product at the as-of date.
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

  //! No deal counted yet: AddVisible(), then Finish().
  DealSurvival(const Dataset& data, const PipelineSnapshot& snapshot);

  //! Counts every deal visible in the snapshot and hands each, with its stage there, to `visit(row,
  //! stage)`, so that a caller's own pass over the deals is the same pass.
  template <typename Visit>
  void AddVisible(Visit&& visit) {
    int32_t first_won_day = first_won_day_;  // a local, not a member, in the loop
    const auto deals = static_cast<int32_t>(deals_->size());
    for (int32_t row = 0; row < deals; ++row) {
      if (!snapshot_->Visible(row)) continue;
      const DealStage stage = snapshot_->Stage(row);
      // Selects rather than branches: the stages of consecutive deals do not repeat.
      const int outcome = kOutcomeOf[static_cast<int>(stage)];
      const int32_t ends[2] = {snapshot_->as_of(), deals_->close_date[row]};
      const int32_t end = ends[outcome != kOpenOutcome];
      const int32_t won_days[2] = {kNever, end == kNoDay ? kNever : end};
      first_won_day = std::min(first_won_day, won_days[outcome == kWonOutcome]);
      const int32_t engaged = deals_->engage_date[row];
      if (engaged != kNoDay && end != kNoDay && end >= engaged) {
        ages_[static_cast<size_t>(deals_->product[row]) * kOutcomes + outcome].Add(end - engaged);
      }
      visit(row, stage);
    }
    first_won_day_ = first_won_day;
  }
  //! Builds the curves from the deals counted.
  void Finish();

  //! The curve that stands for `product`: its own, or all products' when it has too few wins.
  const WinCurve& For(int32_t product) const { return OwnUsed(product) ? curves_[product] : all_curve_; }
  //! True when `product` has enough wins for its own curve.
  bool OwnUsed(int32_t product) const { return Ages(product, kWonOutcome).size() >= kMinProductWins; }
  //! The product's engaged deals.
  DealOutcomes Outcomes(int32_t product) const {
    return {Ages(product, kWonOutcome).size(), Ages(product, kLostOutcome).size(),
            Ages(product, kOpenOutcome).size()};
  }
  //! All products' curve.
  const WinCurve& all() const { return all_curve_; }
  //! The earliest close date of a deal won by the as-of date, kNoDay when none.
  int32_t first_won_day() const { return first_won_day_ == kNever ? kNoDay : first_won_day_; }

 private:
  static constexpr int kWonOutcome = 0, kLostOutcome = 1, kOpenOutcome = 2, kOutcomes = 3;
  //! By DealStage: Prospecting and Engaging are open.
  static constexpr int kOutcomeOf[kDealStageCount] = {kOpenOutcome, kOpenOutcome, kWonOutcome, kLostOutcome};
  static constexpr int32_t kNever = INT32_MAX;

  const DayHistogram& Ages(int32_t product, int outcome) const {
    return ages_[static_cast<size_t>(product) * kOutcomes + outcome];
  }

  const OpportunityColumns* deals_;
  const PipelineSnapshot* snapshot_;
  std::vector<DayHistogram> ages_;  //!< [product x outcome]: ages at which deals were won, lost, seen open
  std::vector<WinCurve> curves_;
  WinCurve all_curve_;
  int32_t first_won_day_ = kNever;
};

}  // namespace crm::analytics
