#pragma once
// The analytics engine over one loaded dataset: builds its lookups once, then answers insight queries.

#include <string>
#include <string_view>
#include <vector>

#include "crm/analytics/calendar.h"
#include "crm/analytics/filters.h"
#include "crm/analytics/insight.h"
#include "crm/common/result.h"
#include "crm/data/dataset.h"

namespace crm::analytics {

//! The insight types of CONTRACTS.md, in the order the issue lists them.
const std::vector<std::string>& InsightTypes();

//! Answers insight queries on a dataset that outlives it.
class Engine {
 public:
  explicit Engine(const Dataset& data);

  //! Runs the insight `type` with filters as the user gave them; errors name the bad type or filter.
  Result<Insight> Run(std::string_view type, const FilterRequest& request) const;
  //! Runs the insight `type` with resolved filters.
  Result<Insight> Run(std::string_view type, const DealFilter& filter) const;
  //! The dataset queried.
  const Dataset& data() const { return *data_; }
  //! Month lookups over the data's dates.
  const Calendar& calendar() const { return calendar_; }
  //! The latest date in the data (the default as-of date), kNoDay when there is none.
  int32_t latest_day() const { return latest_day_; }

 private:
  const Dataset* data_;
  Calendar calendar_;
  int32_t latest_day_;
};

}  // namespace crm::analytics
