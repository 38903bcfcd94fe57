#pragma once
// Everything one insight query works from: the data, the resolved filters, the pipeline at the as-of
// date, value and probability estimates, and the deals the filters select.

#include <cstdint>
#include <vector>

#include "crm/analytics/calendar.h"
#include "crm/analytics/deal_estimates.h"
#include "crm/analytics/filters.h"
#include "crm/analytics/grouping.h"
#include "crm/analytics/snapshot.h"
#include "crm/data/dataset.h"

namespace crm::analytics {

//! The state of one query. Not copyable: the estimates point into the snapshot.
struct QueryContext {
  //! Selects the deals of `filter` in the snapshot at its as-of date; `latest_day` is the data's latest date.
  QueryContext(const Dataset& data, const Calendar& calendar, DealFilter filter, int32_t latest_day);
  QueryContext(const QueryContext&) = delete;
  QueryContext& operator=(const QueryContext&) = delete;

  const Dataset& data;
  const Calendar& calendar;
  const DealFilter filter;
  const PipelineSnapshot snapshot;
  const DealEstimates estimates;
  const std::vector<int32_t> rows;  //!< deals that pass every filter and exist at the as-of date, ascending

  //! A grouping of deals by `dimension` in this query's snapshot.
  Grouping GroupBy(Dimension dimension) const { return Grouping(data, snapshot, calendar, dimension); }
  //! True when the account passes the account, sector and country filters.
  bool AccountSelected(int32_t account) const;
  //! The accounts that pass the account, sector and country filters and have a selected deal, ascending.
  std::vector<int32_t> SelectedAccounts() const;
};

//! The deals that pass every filter of `filter` and exist at the snapshot's date.
std::vector<int32_t> SelectDeals(const Dataset& data, const PipelineSnapshot& snapshot, const DealFilter& filter);

//! Per deal and per account: the last activity on or before the as-of date and the number of activities.
struct ActivityFacts {
  bool present = false;                  //!< false when the data has no activities at all
  std::vector<int32_t> last_by_deal;     //!< day number or kNoDay, indexed by deal row
  std::vector<int32_t> count_by_deal;
  std::vector<int32_t> last_by_account;  //!< day number or kNoDay, indexed by account row
  std::vector<int32_t> count_by_account;
};

//! Collects the activity facts up to the as-of date (one pass over the activities).
ActivityFacts CollectActivityFacts(const Dataset& data, int32_t as_of);

}  // namespace crm::analytics
