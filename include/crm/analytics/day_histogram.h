#pragma once
// Whole-day durations (sales cycles, ages, gaps between activities) counted per day: exact quantiles
// and survival counts without sorting, and histograms of teams added up from their members'.

#include <cstdint>
#include <vector>

#include "crm/analytics/dense_series.h"

namespace crm::analytics {

//! Counts of whole-day durations. Call Finish() after the last Add() when counting ranges often.
class DayHistogram {
 public:
  //! Counts a duration `times` times (0 or 1 lets a loop count without branching).
  void Add(int32_t days, int64_t times = 1) {
    counts_.At(days) += times;
    size_ += times;
  }
  //! Adds every duration of `other`.
  void Add(const DayHistogram& other);
  //! Builds the cumulative counts that make CountBetween() and CountLonger() constant time.
  void Finish();
  //! Number of durations counted.
  int64_t size() const { return size_; }
  //! The longest duration counted, -1 when none.
  int32_t Longest() const;
  //! The q-quantile (0..1) with linear interpolation between order statistics, as Quantile() and pandas;
  //! NaN when empty.
  double Quantile(double q) const;
  //! Durations of at least `low` and at most `high` days.
  int64_t CountBetween(int32_t low, int32_t high) const { return CountUpTo(high) - CountUpTo(low - 1); }
  //! Durations longer than `days`.
  int64_t CountLonger(int32_t days) const { return size_ - CountUpTo(days); }

 private:
  //! Durations of at most `days` days.
  int64_t CountUpTo(int32_t days) const;
  //! The duration of order statistic `rank` (0-based, < size()).
  int32_t ValueAt(int64_t rank) const;

  DenseSeries<int64_t> counts_;
  std::vector<int64_t> cumulative_;  //!< per day of counts_' range, once finished
  int64_t size_ = 0;
};

}  // namespace crm::analytics
