#pragma once
// The analytics engine over one loaded dataset: builds its lookups once, then answers insight queries.

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "crm/analytics/calendar.h"
#include "crm/analytics/filters.h"
#include "crm/analytics/insight.h"
#include "crm/analytics/model_sources.h"
#include "crm/analytics/query_context.h"
#include "crm/common/result.h"
#include "crm/data/dataset.h"

namespace crm::analytics {

//! The insight types of CONTRACTS.md, in the order the issue lists them.
const std::vector<std::string>& InsightTypes();

//! Answers insight queries on a dataset that outlives it.
class Engine {
 public:
  //! An engine over `data`, with the facts of the default as-of date learned from every deal and activity,
  //! and the forecast of every deal at that date (so that no first query waits for them); open engaged deals are weighted by the win source's
  //! probabilities when given (the trained model), else by their product's historical win rate; account
  //! health shows the risk source's probabilities when given.
  explicit Engine(const Dataset& data, ModelSources sources = {});
  Engine(const Engine&) = delete;  // the states point at the source
  Engine& operator=(const Engine&) = delete;

  //! Runs the insight `type` with filters as the user gave them; errors name the bad type or filter.
  Result<Insight> Run(std::string_view type, const FilterRequest& request) const;
  //! Runs the insight `type` with resolved filters.
  Result<Insight> Run(std::string_view type, const DealFilter& filter) const;
  //! Totals per value of `dimension` over the deals of `filter` (deals, won, lost, open, win rate, won,
  //! open and expected value): the one-pass group-by behind "won revenue by sector" and the like.
  Table Breakdown(Dimension dimension, const DealFilter& filter) const;
  //! Month lookups over the data's dates.
  const Calendar& calendar() const { return calendar_; }
  //! Also scores the accounts' model risks at the default date now (servers call this at start-up).
  void Warm() const { latest_state_->Warm(); }
  //! The latest date in the data (the default as-of date), kNoDay when there is none.
  int32_t latest_day() const { return latest_day_; }

 private:
  //! A query on the state of the filter's as-of date: the default one, or a cached or new other one.
  QueryContext Query(const DealFilter& filter) const;

  const Dataset* data_;
  Calendar calendar_;
  int32_t latest_day_;
  ModelSources sources_;
  std::shared_ptr<const AsOfState> latest_state_;  //!< the state at the default as-of date, kept for good
  AsOfStateCache other_states_;                    //!< states of other dates, most recently used
};

}  // namespace crm::analytics
