#pragma once
// The Monte Carlo revenue forecast: won revenue per month through the end of the next quarter, with a
// P10-P90 range. Each run draws which open engaged deals are won (from a win probability per deal: the
// model's, or historical rates when no model is trained) and when they close (from the product's
// engage-to-close days of won deals, given how long the deal has been open), and the revenue of deals not
// yet engaged (one of several recent past months' worth, as the history shows it). Stalled deals (older
// than their product's P95 won cycle) win and close as the stalled deals of the past did. It can simulate
// any selection of deals (a filter's) with what was learned from all of them. It trains nothing;
// fallback_probabilities.h has the probabilities to use when no model is trained.

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "crm/data/dataset.h"
#include "crm/models/forecast_basis.h"

namespace crm::models {

//! How many runs, from which seed (the same seed gives the same forecast), on how many threads.
struct ForecastSettings {
  int runs = 2000;
  uint64_t seed = 1;
  //! Threads that may draw the runs (two at most are used; the forecast is the same for any number).
  int threads = 2;
};

//! The forecast of one month or quarter, in USD.
struct ForecastPeriod {
  std::string label;                 //!< "2018-01" or "2018-Q1"
  int32_t first_day = 0;             //!< the period's first day (day number)
  int32_t last_day = 0;              //!< its last day
  double already_won = 0;            //!< won from the period's start to the as-of date
  double expected_from_open = 0;     //!< mean over runs: won from deals open and engaged at the as-of date
  double expected_new_business = 0;  //!< mean over runs: won from deals engaged after the as-of date
  double p10 = 0, p50 = 0, p90 = 0;  //!< percentiles over runs of the period's total (already won included)

  //! Already won plus the two expectations: the mean total over runs.
  double expected_total() const { return already_won + expected_from_open + expected_new_business; }
};

//! A forecast and what it was made from.
struct ForecastResult {
  int32_t as_of = 0;
  ForecastSettings settings;
  std::vector<ForecastPeriod> months;  //!< the as-of month when it is not over, then through the next quarter
  ForecastPeriod next_quarter;         //!< per run the sum of its months, then percentiles
  int64_t open_deals_simulated = 0;    //!< open engaged deals at the as-of date that were simulated
  int64_t open_deals_without_probability = 0;  //!< of them, given NaN: the product's historical win rate used
  int64_t open_deals_past_longest_cycle = 0;   //!< of them, not stalled but as old as every won cycle
  int64_t open_deals_stalled = 0;            //!< of them, older than their product's P95 won cycle (stalled)
  double stalled_value = 0;                  //!< estimated value of the stalled deals
  double stalled_expected_wins = 0;          //!< expected number of stalled deals won (sum of their chances)
  int64_t stalled_history_deals = 0;         //!< deals that stalled by the as-of date, over every deal
  int64_t stalled_history_won = 0;           //!< of them, won after stalling
  int64_t open_deals_without_value = 0;      //!< open engaged deals without an estimated value: left out
  int64_t prospecting_deals = 0;             //!< open deals without an engage date: left to new business
  double open_value = 0;                     //!< estimated value of the simulated deals
  int32_t new_business_reference_dates = 0;  //!< past dates the new-business part is drawn from
  std::vector<std::string> notes;            //!< the method and its caveats, in sentences
};

//! Simulates won revenue after the basis' as-of date for the deals of `rows` (deal rows visible then,
//! ascending or not): their open deals, their wins for what was already won and for the new business.
//! Throws std::invalid_argument for a probability outside [0, 1] (beyond rounding: 1e-9, clamped) or
//! runs < 1.
ForecastResult SimulateForecast(const ForecastBasis& basis, std::span<const int32_t> rows,
                                const ForecastSettings& settings);

//! Simulates won revenue of every deal after the end of `as_of`, with the data as it stood then (history
//! after it is rewound). `win_probability` is indexed by deal row and read for the deals open and engaged at
//! `as_of`; NaN (or an empty span) means unknown: the product's historical win rate stands in, and is
//! counted. Throws std::invalid_argument for a span of another size, a probability outside [0, 1] (beyond
//! rounding: 1e-9, clamped) or runs < 1.
ForecastResult SimulateForecast(const Dataset& data, int32_t as_of, std::span<const double> win_probability,
                                const ForecastSettings& settings);

//! The forecast as JSON: months, next_quarter, the counts, settings and notes; dates ISO, NaN as null.
nlohmann::json ToJson(const ForecastResult& forecast);

}  // namespace crm::models
