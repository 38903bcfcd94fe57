#pragma once
// What the Monte Carlo forecast learns at an as-of date from every deal, whatever deals it then
// simulates: the pipeline as it stood, value estimates, won cycles, the stalled deals' history and each
// open deal's win probability. One basis serves the forecast over every deal and each filtered forecast.

#include <cstdint>
#include <span>
#include <vector>

#include "crm/analytics/deal_estimates.h"
#include "crm/analytics/snapshot.h"
#include "crm/analytics/won_cycles.h"
#include "crm/data/dataset.h"
#include "crm/models/forecast_stalled.h"

namespace crm::models {

//! The facts a forecast at the snapshot's date draws from. It points at `data`, `snapshot`, `estimates`
//! and `cycles`, which must outlive it.
class ForecastBasis {
 public:
  //! `win_probability` is indexed by deal row and read for the deals open and engaged at the as-of date;
  //! NaN (or an empty vector) means unknown: the product's historical win rate stands in. Throws
  //! std::invalid_argument for a vector of another size.
  ForecastBasis(const Dataset& data, const analytics::PipelineSnapshot& snapshot,
                const analytics::DealEstimates& estimates, const analytics::WonCycles& cycles,
                std::vector<double> win_probability);

  const Dataset& data() const { return *data_; }
  const analytics::PipelineSnapshot& snapshot() const { return *snapshot_; }
  const analytics::DealEstimates& estimates() const { return *estimates_; }
  const analytics::WonCycles& cycles() const { return *cycles_; }
  //! How deals that outlived their product's P95 won cycle fared.
  const StalledHistory& stalled() const { return stalled_; }
  //! Per deal row, the given win probability (empty when none was given).
  std::span<const double> win_probability() const { return win_probability_; }
  //! The as-of date.
  int32_t as_of() const { return snapshot_->as_of(); }

 private:
  const Dataset* data_;
  const analytics::PipelineSnapshot* snapshot_;
  const analytics::DealEstimates* estimates_;
  const analytics::WonCycles* cycles_;
  StalledHistory stalled_;
  std::vector<double> win_probability_;
};

}  // namespace crm::models
