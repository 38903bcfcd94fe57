#pragma once
// The periods a forecast made at an as-of date covers, and the same periods some months earlier, where
// the history shows what happened after a date in the same position.

#include <cstdint>
#include <vector>

namespace crm::models {

//! A range of days, both ends included.
struct DayRange {
  int32_t first = 0;
  int32_t last = 0;

  //! True when `day` falls inside the range.
  bool Contains(int32_t day) const { return day >= first && day <= last; }
  //! Days in the range (0 when empty).
  int32_t Length() const { return last >= first ? last - first + 1 : 0; }
};

//! The as-of month when it is not over, then every month through the end of the next calendar quarter:
//! the horizon of the analytics projection, so that either can stand for the other.
class ForecastHorizon {
 public:
  //! The horizon of a forecast made at the end of `as_of`.
  explicit ForecastHorizon(int32_t as_of);

  //! The as-of day.
  int32_t as_of() const { return as_of_; }
  //! Months since 1970-01 of the periods, in order.
  const std::vector<int32_t>& months() const { return months_; }
  //! Number of monthly periods.
  int32_t size() const { return static_cast<int32_t>(months_.size()); }
  //! Days of each month still ahead after the as-of date.
  const std::vector<DayRange>& days_ahead() const { return days_ahead_; }
  //! Quarters since 1970-Q1 of the quarter after the as-of date's.
  int32_t next_quarter() const { return next_quarter_; }
  //! True when period `index` lies in the next quarter.
  bool InNextQuarter(int32_t index) const;

  //! The fewest whole months back at which the shifted horizon ends by the as-of date.
  int32_t FirstFullShift() const;
  //! The as-of date `months_back` months earlier: a month's last day stays the last day, another day keeps
  //! its day of the month (clamped to the shorter month).
  int32_t ShiftedAsOf(int32_t months_back) const;
  //! Days of each period `months_back` months earlier, after the shifted as-of date.
  std::vector<DayRange> ShiftedDays(int32_t months_back) const;

 private:
  int32_t as_of_;
  int32_t as_of_month_;
  std::vector<int32_t> months_;
  std::vector<DayRange> days_ahead_;
  int32_t next_quarter_ = 0;
};

//! The days of a month index.
DayRange MonthDays(int32_t month);
//! The days of a quarter index.
DayRange QuarterDays(int32_t quarter);

}  // namespace crm::models
