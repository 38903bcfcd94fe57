#pragma once
// Everything one insight query works from: the data, the resolved filters, the pipeline at the as-of
// date, value and probability estimates, and the deals the filters select.

#include <cstdint>
#include <memory>
#include <span>
#include <vector>

#include "crm/analytics/calendar.h"
#include "crm/analytics/deal_estimates.h"
#include "crm/analytics/filters.h"
#include "crm/analytics/grouping.h"
#include "crm/analytics/snapshot.h"
#include "crm/data/dataset.h"

namespace crm::analytics {

//! What depends only on the as-of date; the engine keeps the one of the default date. Not movable:
//! the estimates point into the snapshot.
struct AsOfState {
  //! The state at `as_of` of data whose latest date is `latest_day`; months come from `calendar`.
  AsOfState(const Dataset& data, const Calendar& calendar, int32_t as_of, int32_t latest_day);
  AsOfState(const AsOfState&) = delete;
  AsOfState& operator=(const AsOfState&) = delete;

  PipelineSnapshot snapshot;  //!< with its reference months computed
  const DealEstimates estimates;
  const std::vector<int32_t> visible_rows;  //!< every deal that exists at the as-of date, ascending
  const std::vector<double> won_values;     //!< per deal: close value when won by the as-of date, else 0
};

//! The state of one query. Not copyable: it may point into state it owns.
class QueryContext {
 public:
  //! A query on `state` (which must match filter.as_of and outlive the context).
  QueryContext(const Dataset& data, const Calendar& calendar, DealFilter filter, const AsOfState& state);
  //! A query that builds its own as-of state.
  QueryContext(const Dataset& data, const Calendar& calendar, DealFilter filter, int32_t latest_day);
  QueryContext(const QueryContext&) = delete;
  QueryContext& operator=(const QueryContext&) = delete;

  const Dataset& data;
  const Calendar& calendar;
  const DealFilter filter;

 private:
  std::unique_ptr<const AsOfState> owned_state_;
  std::vector<int32_t> selected_;

 public:
  const AsOfState& state;
  const PipelineSnapshot& snapshot;
  const DealEstimates& estimates;
  //! Deals that pass every filter and exist at the as-of date, ascending.
  const std::span<const int32_t> rows;

  //! A grouping of deals by `dimension` in this query's snapshot.
  Grouping GroupBy(Dimension dimension) const { return Grouping(data, snapshot, calendar, dimension); }
  //! True when the account passes the account, sector and country filters.
  bool AccountSelected(int32_t account) const;
  //! The accounts that pass the account, sector and country filters and have a selected deal, ascending.
  std::vector<int32_t> SelectedAccounts() const;

 private:
  QueryContext(const Dataset& data, const Calendar& calendar, DealFilter filter, const AsOfState* state,
               std::unique_ptr<const AsOfState> owned);
};

//! True when `filter` narrows the deals beyond the as-of date (any filter on who, what, where, when, stage).
bool NarrowsDeals(const DealFilter& filter);

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
