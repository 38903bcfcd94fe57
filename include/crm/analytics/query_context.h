#pragma once
// Everything one insight query works from: the data, the resolved filters, the pipeline at the as-of
// date, value and probability estimates, and the deals the filters select.

#include <cstdint>
#include <memory>
#include <span>
#include <vector>

#include "crm/analytics/as_of_state.h"
#include "crm/analytics/calendar.h"
#include "crm/analytics/deal_estimates.h"
#include "crm/analytics/filters.h"
#include "crm/analytics/grouping.h"
#include "crm/analytics/snapshot.h"
#include "crm/data/dataset.h"

namespace crm::analytics {

//! The state of one query. Not copyable: it points into the state it holds.
class QueryContext {
 public:
  //! A query on `state` (which must match filter.as_of); `states` gives the states of other dates
  //! (nullptr: build them on demand).
  QueryContext(const Dataset& data, const Calendar& calendar, DealFilter filter,
               std::shared_ptr<const AsOfState> state, const AsOfStateCache* states = nullptr);
  //! A query on `state`, which must outlive the context (used by the state itself).
  QueryContext(const Dataset& data, const Calendar& calendar, DealFilter filter, const AsOfState& state);
  //! A query that builds its own as-of state.
  QueryContext(const Dataset& data, const Calendar& calendar, DealFilter filter, int32_t latest_day);
  QueryContext(const QueryContext&) = delete;
  QueryContext& operator=(const QueryContext&) = delete;

  const Dataset& data;
  const Calendar& calendar;
  const DealFilter filter;

 private:
  std::shared_ptr<const AsOfState> held_state_;
  const AsOfStateCache* states_;
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
  //! The state of the data at another as-of date (for backtests), shared with other queries when cached.
  std::shared_ptr<const AsOfState> StateAt(int32_t as_of) const;

 private:
  QueryContext(const Dataset& data, const Calendar& calendar, DealFilter filter, const AsOfState& state,
               std::shared_ptr<const AsOfState> held, const AsOfStateCache* states);
};

//! True when `filter` narrows the deals beyond the as-of date (any filter on who, what, where, when, stage).
bool NarrowsDeals(const DealFilter& filter);

//! The deals that pass every filter of `filter` and exist at the snapshot's date.
std::vector<int32_t> SelectDeals(const Dataset& data, const PipelineSnapshot& snapshot,
                                 const DealFilter& filter);

}  // namespace crm::analytics
