#pragma once
// Won revenue expected in the months after an as-of date: from the open pipeline (each deal's chance of
// closing in a month given how long it has been open) and from business not yet in the pipeline (a run
// rate learned from recent months). The forecast insight runs it at the as-of date and, for its backtest,
// at an earlier date.

#include <cstdint>
#include <span>
#include <vector>

#include "crm/analytics/calendar.h"
#include "crm/analytics/deal_estimates.h"
#include "crm/analytics/snapshot.h"
#include "crm/data/dataset.h"

namespace crm::analytics {

//! The pieces of a query that a projection reads.
struct PipelineView {
  const Dataset& data;
  const Calendar& calendar;
  const PipelineSnapshot& snapshot;
  const DealEstimates& estimates;
  std::span<const int32_t> rows;  //!< the selected deals
};

//! Expected won revenue of one calendar month.
struct MonthProjection {
  int32_t month = 0;            //!< months since 1970-01
  double already_won = 0;       //!< won from the first of the month to the as-of date
  double from_engaging = 0;     //!< expected from open Engaging deals
  double from_prospecting = 0;  //!< expected from open deals without an engage date
  double new_business = 0;      //!< expected from deals not yet in the pipeline

  //! Sum of the four parts.
  double total() const { return already_won + from_engaging + from_prospecting + new_business; }
};

//! Won revenue of one past month.
struct MonthHistory {
  int32_t month = 0;
  double won_value = 0;
  int64_t won_deals = 0;
};

//! A projection and the facts it was made from.
struct RevenueProjection {
  //! Number of past months the run rate averages at most.
  static constexpr int kRunRateMonths = 6;
  //! Number of past months in `history`.
  static constexpr int kHistoryMonths = 12;

  std::vector<MonthProjection>
      months;                         //!< the as-of month when it is not over, then through the next quarter
  int32_t next_quarter = 0;           //!< quarters since 1970-Q1
  double month_left = 0;              //!< fraction of the as-of month after the as-of date
  std::vector<MonthHistory> history;  //!< the kHistoryMonths months through the as-of month
  std::vector<double> run_rate;  //!< [k]: won revenue of a month from deals engaged in it or the k − 1 before
  int run_rate_months = 0;       //!< complete months averaged (fewer when the data starts later)
  int64_t engaging_deals = 0;    //!< open Engaging deals projected
  int64_t prospecting_deals = 0;    //!< open deals without an engage date, placed at the median cycle
  int64_t stale_deals = 0;          //!< Engaging deals open longer than any won deal of their product took
  double stale_expected_value = 0;  //!< their expected value, left out
  int64_t unplaced_deals = 0;       //!< open deals without a value or without won-cycle history

  //! Sum of the months of the next quarter.
  MonthProjection NextQuarter() const;
  //! The month's projection, nullptr when it is not projected.
  const MonthProjection* Find(int32_t month) const;
};

//! Projects won revenue from the as-of date of `view.snapshot` to the end of the next calendar quarter.
RevenueProjection ProjectRevenue(const PipelineView& view);

}  // namespace crm::analytics
