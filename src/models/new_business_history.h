#pragma once
// What business not yet engaged at a date brought in the following months, measured at several past
// reference dates: the history the forecast's new-business part is drawn from.

#include <cstdint>
#include <span>
#include <vector>

#include "crm/analytics/snapshot.h"
#include "crm/data/dataset.h"
#include "forecast_horizon.h"

namespace crm::models {

//! Per reference date, the revenue won in each period of the shifted horizon by deals engaged after it.
struct NewBusinessHistory {
  //! Reference dates looked at: the last this many with the whole shifted horizon known.
  static constexpr int32_t kReferenceDates = 6;
  //! Fewer reference dates than this make a range that says little; the forecast notes it.
  static constexpr int32_t kMinReferenceDates = 3;

  std::vector<int32_t> reference_days;       //!< the usable reference dates, latest first
  std::vector<std::vector<double>> revenue;  //!< [reference][period]
};

//! Measures the history of the deals of `rows` (visible at the as-of date of `snapshot`: deals won by then
//! only). A reference date counts
//! when its horizon does not start before `first_won_day` (the first win the data records: earlier months
//! would count as empty only because the data does not reach back); none when it is kNoDay.
NewBusinessHistory MeasureNewBusiness(const Dataset& data, const analytics::PipelineSnapshot& snapshot,
                                      std::span<const int32_t> rows, const ForecastHorizon& horizon,
                                      int32_t first_won_day);

}  // namespace crm::models
