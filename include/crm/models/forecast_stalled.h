#pragma once
// Stalled deals: open deals older than their product's P95 won cycle. How such deals fared is learned
// from every engaged deal that outlived that cycle by the as-of date: how many were still won, and how
// long after stalling, given how long they had already been stalled.

#include <cstdint>
#include <vector>

#include "crm/analytics/day_histogram.h"
#include "crm/analytics/snapshot.h"
#include "crm/analytics/won_cycles.h"
#include "crm/data/dataset.h"

namespace crm::models {

//! What history says of deals that stalled. A deal stalls on the first day its age exceeds its product's
//! P95 won cycle; from then on it counts days stalled.
class StalledHistory {
 public:
  //! The share of won cycles a deal must outlive to count as stalled.
  static constexpr double kStallQuantile = 0.95;

  //! Learns from the deals visible in `snapshot` with the won cycles of `cycles` (per product, or all
  //! products' below WonCycles::kMinProductWins).
  StalledHistory(const Dataset& data, const analytics::PipelineSnapshot& snapshot,
                 const analytics::WonCycles& cycles);

  //! The day a deal of `product` engaged on `engaged` stalls; kNoDay when its product has no won cycle.
  int32_t StallDay(int32_t product, int32_t engaged) const;
  //! The age past which a deal of `product` is stalled (P95 of its won cycles, whole days); -1 without any.
  int32_t Threshold(int32_t product) const { return thresholds_[static_cast<size_t>(product)]; }
  //! Stalled deals still open `days` days after stalling (closed later, or open at the as-of date and
  //! stalled at least that long): the deals the chance below is learned from.
  int64_t AtRisk(int32_t days) const { return closed_.CountLonger(days) + open_.CountLonger(days - 1); }
  //! Of them, those won later.
  int64_t WonLater(int32_t days) const { return won_.CountLonger(days); }
  //! P(won later | still open `days` days after stalling) = WonLater / AtRisk; NaN when none is at risk.
  double WinProbability(int32_t days) const;
  //! Days from stalling to close of the stalled deals that were won (for when a stalled deal closes).
  const analytics::DayHistogram& won_delays() const { return won_; }
  //! Deals that stalled by the as-of date (closed after stalling, or still open).
  int64_t stalled() const { return closed_.size() + open_.size(); }
  //! Of them, those won.
  int64_t won() const { return won_.size(); }

 private:
  std::vector<int32_t> thresholds_;  //!< per product
  analytics::DayHistogram closed_;   //!< days from stalling to close, closed deals
  analytics::DayHistogram won_;      //!< the same, won deals
  analytics::DayHistogram open_;     //!< days from stalling to the as-of date, deals still open
};

}  // namespace crm::models
