#pragma once
// The calendar of the demo pipeline: when deals are engaged, how long they take, and the extract date.

#include <cstdint>
#include <vector>

#include "crm/demo/random.h"

namespace crm::demo {

//! 2016-10-20, the first engage date (as in the real file).
inline constexpr int32_t kFirstEngageDay = 17094;
//! 2017-03-01: engagements ramp up linearly until this day, then stay level.
inline constexpr int32_t kRampEndDay = 17226;
//! 2017-12-27, the last engage date (as in the real file).
inline constexpr int32_t kLastEngageDay = 17527;
//! 2017-12-31, the day the data is extracted: no close or activity date is later.
inline constexpr int32_t kSnapshotDay = 17531;
//! The longest sales cycle in days (as in the real file).
inline constexpr int kMaxCycleDays = 138;
//! Share of engaged deals that stall and stay open whatever their age; calibrated so that Engaging deals
//! make up about 18% of the pipeline.
inline constexpr double kStallShare = 0.058;
//! Prospecting deals were created at most this many days before kSnapshotDay.
inline constexpr int kProspectingAgeDays = 45;

//! Spreads engaged deals over the engage range in file order, so that the pipeline comes out sorted.
class EngageSchedule {
 public:
  //! A schedule for `engaged_deals` deals.
  explicit EngageSchedule(uint64_t engaged_deals);
  //! The engage day of the deal at `position` (0-based): the (position + 0.5) / engaged_deals quantile.
  int32_t DayOf(uint64_t position) const;

 private:
  uint64_t engaged_deals_;
  std::vector<double> cumulative_;  // cumulative weight up to and including each day of the range
};

//! A sales cycle length: 28% of deals take 1-14 days, the rest 15-138 days (uniform within each part).
int DrawCycleDays(Rng& rng);

}  // namespace crm::demo
