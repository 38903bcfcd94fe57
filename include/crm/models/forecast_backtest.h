#pragma once
// How the Monte Carlo forecast would have done: rerun at past as-of dates with the data rewound to each,
// then each forecast month and quarter that the data has seen end is compared with what was won in it.

#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "crm/data/dataset.h"
#include "crm/models/forecast_simulation.h"

namespace crm::models {

//! One forecast period against what was won in it.
struct ForecastBacktestRow {
  std::string period;  //!< "2017-07" or "2017-Q3"
  int32_t as_of = 0;   //!< the date the forecast was made at
  double p10 = 0, p50 = 0, p90 = 0;
  double actual = 0;    //!< close value of the deals won in the period, as the full data says
  bool inside = false;  //!< p10 <= actual <= p90
};

//! The rows of every as-of date and how often the range held.
struct ForecastBacktest {
  std::vector<ForecastBacktestRow> months;
  std::vector<ForecastBacktestRow> quarters;
  double coverage = kNoNumber;                //!< share of all rows (months and quarters) inside P10-P90
  double mean_abs_pct_error_p50 = kNoNumber;  //!< mean of |p50 - actual| / actual over rows with actual > 0
};

//! Forecasts at each of `as_of_days` with the probabilities `probabilities(as_of)` returns (indexed by deal
//! row, as SimulateForecast reads them) and scores the periods that end by the data's latest date.
ForecastBacktest RunForecastBacktest(const Dataset& data, std::span<const int32_t> as_of_days,
                                     const std::function<std::vector<double>(int32_t as_of)>& probabilities,
                                     const ForecastSettings& settings);

//! Days of history a backtest date needs before it (about six months).
inline constexpr int32_t kBacktestHistoryDays = 182;

//! The as-of dates of a default backtest, ascending: the day before each of the last 4 quarters that ended
//! by the data's latest date (so that each forecast's quarter can be scored), keeping those with at least
//! kBacktestHistoryDays of data (from the first engage or close date) before them.
std::vector<int32_t> DefaultBacktestDates(const Dataset& data);

//! The backtest as JSON: months, quarters (as_of as ISO dates), coverage and error; NaN as null.
nlohmann::json ToJson(const ForecastBacktest& backtest);

}  // namespace crm::models
