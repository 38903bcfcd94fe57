#include "crm/demo/timeline.h"

#include <algorithm>

namespace crm::demo {

namespace {

// Relative engagement volume of a day: 0.1 on the first day rising to 1 at kRampEndDay, then 1.
double DayWeight(int32_t day) {
  if (day >= kRampEndDay) return 1.0;
  return 0.1 + 0.9 * (day - kFirstEngageDay) / static_cast<double>(kRampEndDay - kFirstEngageDay);
}

}  // namespace

EngageSchedule::EngageSchedule(uint64_t engaged_deals) : engaged_deals_(engaged_deals) {
  double total = 0;
  for (int32_t day = kFirstEngageDay; day <= kLastEngageDay; ++day) {
    total += DayWeight(day);
    cumulative_.push_back(total);
  }
}

int32_t EngageSchedule::DayOf(uint64_t position) const {
  const double target =
      (static_cast<double>(position) + 0.5) / static_cast<double>(engaged_deals_) * cumulative_.back();
  const auto found = std::upper_bound(cumulative_.begin(), cumulative_.end() - 1, target);
  return kFirstEngageDay + static_cast<int32_t>(found - cumulative_.begin());
}

int DrawCycleDays(Rng& rng) {
  return rng.Chance(0.28) ? static_cast<int>(rng.Between(1, 14))
                          : static_cast<int>(rng.Between(15, kMaxCycleDays));
}

}  // namespace crm::demo
