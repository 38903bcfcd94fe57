#pragma once
// Fast month and quarter lookups for day numbers, precomputed over the dates present in the data.

#include <cstdint>
#include <vector>

namespace crm::analytics {

//! Maps day numbers to month indexes (months since 1970-01) with a table over a range of days.
class Calendar {
 public:
  //! A calendar whose table covers [first_day, last_day]; days outside it are computed.
  Calendar(int32_t first_day, int32_t last_day);
  //! Months since 1970-01 of `day` (not kNoDay).
  int32_t Month(int32_t day) const {
    const uint32_t offset = static_cast<uint32_t>(day - first_day_);
    return offset < months_.size() ? months_[offset] : Compute(day);
  }
  //! Quarters since 1970-Q1 of `day`.
  int32_t Quarter(int32_t day) const { return QuarterOfMonth(Month(day)); }
  //! The first month index of the table's range.
  int32_t first_month() const { return months_.empty() ? Compute(first_day_) : months_.front(); }
  //! The last month index of the table's range.
  int32_t last_month() const { return months_.empty() ? Compute(first_day_) : months_.back(); }
  //! The quarter index of a month index.
  static int32_t QuarterOfMonth(int32_t month) { return month >= 0 ? month / 3 : (month - 2) / 3; }

 private:
  static int32_t Compute(int32_t day);
  int32_t first_day_ = 0;
  std::vector<int32_t> months_;
};

}  // namespace crm::analytics
