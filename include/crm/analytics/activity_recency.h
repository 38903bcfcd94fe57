#pragma once
// When each deal last saw an activity, and how long won deals went between activities: the yardstick
// for "no activity for too long".

#include <cstdint>
#include <vector>

#include "crm/analytics/day_histogram.h"
#include "crm/analytics/snapshot.h"
#include "crm/data/dataset.h"

namespace crm::analytics {

//! Activity facts up to the as-of date.
struct ActivityRecency {
  bool present = false;                  //!< false when the data has no activities at all
  std::vector<int32_t> last_by_deal;     //!< latest activity day on or before the as-of date, or kNoDay
  std::vector<int32_t> last_by_account;  //!< the same per account row
  DayHistogram won_gaps;  //!< days between consecutive activities of deals won by the as-of date
};

//! One pass over the activities when each deal's activities are stored in date order (as the importer
//! and the demo data keep them); otherwise the activities of won deals are sorted first.
ActivityRecency CollectActivityRecency(const Dataset& data, const PipelineSnapshot& snapshot);

}  // namespace crm::analytics
