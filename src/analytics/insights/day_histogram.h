#pragma once
// Whole-day durations (sales cycles, gaps between activities) counted per day, so that quantiles and
// survival counts cost a lookup instead of a sort.

#include <cstddef>
#include <cstdint>
#include <vector>

namespace crm::analytics {

//! Counts of durations in whole days (0 and up); call Finish() once after the last Add().
class DayHistogram {
 public:
  //! Counts a duration `times` times (0 or 1 lets a loop count without branching); negative durations
  //! (dates out of order) are ignored.
  void Add(int32_t days, int64_t times = 1) {
    if (days < 0) return;
    if (static_cast<size_t>(days) >= counts_.size()) counts_.resize(static_cast<size_t>(days) + 1, 0);
    counts_[static_cast<size_t>(days)] += times;
  }
  //! Builds the cumulative counts the queries below read.
  void Finish();
  //! The longest duration counted, -1 when none.
  int32_t Longest() const { return static_cast<int32_t>(counts_.size()) - 1; }
  //! Number of durations counted.
  int64_t size() const { return cumulative_.empty() ? 0 : cumulative_.back(); }
  //! The q-quantile with linear interpolation between order statistics (as Quantile()); NaN when empty.
  double Quantile(double q) const;
  //! Durations of at least `low` and at most `high` days.
  int64_t CountBetween(int32_t low, int32_t high) const { return CountUpTo(high) - CountUpTo(low - 1); }
  //! Durations longer than `days`.
  int64_t CountLonger(int32_t days) const { return size() - CountUpTo(days); }

 private:
  //! Durations of at most `days` days.
  int64_t CountUpTo(int32_t days) const;
  //! The k-th smallest duration (0-based, k < size()).
  int32_t OrderStatistic(int64_t k) const;

  std::vector<int64_t> counts_;
  std::vector<int64_t> cumulative_;
};

}  // namespace crm::analytics
