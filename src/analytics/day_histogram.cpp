#include "crm/analytics/day_histogram.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace crm::analytics {

void DayHistogram::Add(const DayHistogram& other) {
  for (int32_t days = other.counts_.first(); days < other.counts_.end(); ++days) {
    if (other.counts_[days] > 0) counts_.At(days) += other.counts_[days];
  }
  size_ += other.size_;
  cumulative_.clear();
}

void DayHistogram::Finish() {
  cumulative_.clear();
  int64_t running = 0;
  for (int32_t days = counts_.first(); days < counts_.end(); ++days)
    cumulative_.push_back(running += counts_[days]);
}

int32_t DayHistogram::Longest() const {
  for (int32_t days = counts_.end() - 1; days >= counts_.first(); --days) {
    if (counts_[days] > 0) return days;
  }
  return -1;
}

int64_t DayHistogram::CountUpTo(int32_t days) const {
  if (counts_.empty() || days < counts_.first()) return 0;
  if (days >= counts_.end() - 1) return size_;
  const auto offset = static_cast<size_t>(days - counts_.first());
  if (cumulative_.size() == static_cast<size_t>(counts_.end() - counts_.first())) return cumulative_[offset];
  int64_t count = 0;
  for (int32_t day = counts_.first(); day <= days; ++day) count += counts_[day];
  return count;
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
