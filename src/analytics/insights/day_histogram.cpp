#include "day_histogram.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace crm::analytics {

void DayHistogram::Finish() {
  cumulative_.resize(counts_.size());
  int64_t running = 0;
  for (size_t d = 0; d < counts_.size(); ++d) cumulative_[d] = running += counts_[d];
}

double DayHistogram::Quantile(double q) const {
  const int64_t n = size();
  if (n == 0) return std::numeric_limits<double>::quiet_NaN();
  const double position = q * static_cast<double>(n - 1);
  const auto below = static_cast<int64_t>(std::floor(position));
  const double low = OrderStatistic(below);
  if (below + 1 >= n) return low;
  const double high = OrderStatistic(below + 1);
  return low + (high - low) * (position - static_cast<double>(below));
}

int64_t DayHistogram::CountUpTo(int32_t days) const {
  if (days < 0 || cumulative_.empty()) return 0;
  return cumulative_[std::min(static_cast<size_t>(days), cumulative_.size() - 1)];
}

int32_t DayHistogram::OrderStatistic(int64_t k) const {
  const auto found = std::upper_bound(cumulative_.begin(), cumulative_.end(), k);
  return static_cast<int32_t>(found - cumulative_.begin());
}

}  // namespace crm::analytics
