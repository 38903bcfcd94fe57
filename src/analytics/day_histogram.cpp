#include "crm/analytics/day_histogram.h"

#include <cmath>
#include <limits>

namespace crm::analytics {

void DayHistogram::Add(const DayHistogram& other) {
  for (int32_t days = other.counts_.first(); days < other.counts_.end(); ++days) {
    if (other.counts_[days] > 0) counts_.At(days) += other.counts_[days];
  }
  size_ += other.size_;
}

int32_t DayHistogram::ValueAt(int64_t rank) const {
  int64_t seen = 0;
  int32_t days = counts_.first();
  for (; days < counts_.end() - 1; ++days) {
    seen += counts_[days];
    if (seen > rank) break;
  }
  return days;
}

double DayHistogram::Quantile(double q) const {
  if (size_ == 0) return std::numeric_limits<double>::quiet_NaN();
  const double position = q * static_cast<double>(size_ - 1);
  const auto below = static_cast<int64_t>(std::floor(position));
  const double low = ValueAt(below);
  if (below + 1 >= size_) return low;
  const double high = ValueAt(below + 1);
  return low + (high - low) * (position - static_cast<double>(below));
}

}  // namespace crm::analytics
