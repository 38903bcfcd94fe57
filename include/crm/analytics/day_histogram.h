#pragma once
// Whole-day durations counted per day: exact quantiles in one pass and without sorting, and histograms
// of teams added up from their members'.

#include <cstdint>

#include "crm/analytics/dense_series.h"

namespace crm::analytics {

//! Counts of whole-day durations (sales cycles, ages).
class DayHistogram {
 public:
  //! Counts one duration.
  void Add(int32_t days) {
    ++counts_.At(days);
    ++size_;
  }
  //! Adds every duration of `other`.
  void Add(const DayHistogram& other);
  //! Number of durations counted.
  int64_t size() const { return size_; }
  //! The q-quantile (0..1) with linear interpolation between order statistics, as Quantile() and pandas;
  //! NaN when empty.
  double Quantile(double q) const;

 private:
  //! The duration of order statistic `rank` (0-based, < size()).
  int32_t ValueAt(int64_t rank) const;

  DenseSeries<int64_t> counts_;
  int64_t size_ = 0;
};

}  // namespace crm::analytics
