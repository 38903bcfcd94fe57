#pragma once
// Won revenue expected in the months after an as-of date: from the open pipeline (each engaged deal's
// chance of being won in a month given how long it has been open, from the product's win curve) and from
// business not yet engaged (a run rate learned from recent months, which also covers today's prospects). The
// forecast insight runs it at the as-of date and, for its backtest, at an earlier date.

#include <cstdint>
#include <span>
#include <utility>
#include <vector>

#include "crm/analytics/calendar.h"
#include "crm/analytics/deal_estimates.h"
#include "crm/analytics/deal_survival.h"
#include "crm/analytics/snapshot.h"
#include "crm/data/dataset.h"

namespace crm::analytics {

//! The pieces of a query that a projection reads.
struct PipelineView {
  const Dataset& data;
  const Calendar& calendar;
  const PipelineSnapshot& snapshot;
  const DealEstimates& estimates;
  //! The selected deals; nullopt for every deal visible in the snapshot (one pass then serves the win
  //! curves and the projection).
  std::span<const int32_t> rows;  //!< the selected deals
  const DealSurvival& survival;   //!< the win curves at the snapshot's date
};

//! Expected won revenue of one calendar month.
struct MonthProjection {
  int32_t month = 0;         //!< months since 1970-01
  double already_won = 0;    //!< won from the first of the month to the as-of date
  double from_engaging = 0;  //!< expected from open engaged deals
  double new_business = 0;   //!< expected from deals not yet engaged

  //! Sum of the three parts.
  double total() const { return already_won + from_engaging + new_business; }
};

//! Won revenue of one past month.
struct MonthHistory {
  int32_t month = 0;
  double won_value = 0;
  int64_t won_deals = 0;
  double won_from_quarter_pipeline = 0;  //!< by deals engaged before the month's quarter began
};

//! A projection and the facts it was made from.
struct RevenueProjection {
  //! Number of past months the run rate averages at most.
  static constexpr int kRunRateMonths = 6;
  //! Number of past months in `history`.
  static constexpr int kHistoryMonths = 12;

  //! An empty projection that will use `curves`.
  explicit RevenueProjection(const DealSurvival& curves) : survival(&curves) {}

  std::vector<MonthProjection>
      months;                         //!< the as-of month when it is not over, then through the next quarter
  int32_t next_quarter = 0;           //!< quarters since 1970-Q1
  double month_left = 0;              //!< fraction of the as-of month after the as-of date
  std::vector<MonthHistory> history;  //!< the kHistoryMonths months through the as-of month
  std::vector<double> run_rate;  //!< [k]: won revenue of a month from deals engaged in it or the k − 1 before
  int run_rate_months = 0;       //!< complete months averaged (fewer when the data starts later)
  int64_t engaging_deals = 0;    //!< open engaged deals projected
  double engaging_value = 0;     //!< their estimated value
  int64_t tail_deals = 0;        //!< of them, older than their curve's horizon (on the pooled tail hazard)
  int64_t prospecting_deals = 0;                //!< open deals without an engage date: left to the run rate
  double prospecting_value = 0;                 //!< their estimated value
  int64_t unplaced_deals = 0;                   //!< open deals without an estimated value
  std::vector<double> next_quarter_by_product;  //!< [product]: expected from its engaged deals
  const DealSurvival* survival;                 //!< the win curves used

  //! Sum of the months of the next quarter.
  MonthProjection NextQuarter() const;
  //! The month's projection, nullptr when it is not projected.
  const MonthProjection* Find(int32_t month) const;
};

//! Projects won revenue from the as-of date of `view.snapshot` to the end of the next calendar quarter.
RevenueProjection ProjectRevenue(const PipelineView& view);

}  // namespace crm::analytics
