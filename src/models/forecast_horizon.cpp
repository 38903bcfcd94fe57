#include "forecast_horizon.h"

#include <algorithm>

#include "crm/analytics/calendar.h"
#include "crm/analytics/period.h"

namespace crm::models {

using analytics::Calendar;
using analytics::FirstDayOfMonth;
using analytics::MonthIndexOfDay;

DayRange MonthDays(int32_t month) { return {FirstDayOfMonth(month), FirstDayOfMonth(month + 1) - 1}; }

DayRange QuarterDays(int32_t quarter) {
  return {FirstDayOfMonth(3 * quarter), FirstDayOfMonth(3 * quarter + 3) - 1};
}

ForecastHorizon::ForecastHorizon(int32_t as_of) : as_of_(as_of), as_of_month_(MonthIndexOfDay(as_of)) {
  next_quarter_ = Calendar::QuarterOfMonth(as_of_month_) + 1;
  const bool month_over = as_of == MonthDays(as_of_month_).last;
  for (int32_t month = month_over ? as_of_month_ + 1 : as_of_month_; month <= 3 * next_quarter_ + 2;
       ++month) {
    months_.push_back(month);
    days_ahead_.push_back({std::max(MonthDays(month).first, as_of + 1), MonthDays(month).last});
  }
}

bool ForecastHorizon::InNextQuarter(int32_t index) const {
  return Calendar::QuarterOfMonth(months_[static_cast<size_t>(index)]) == next_quarter_;
}

int32_t ForecastHorizon::FirstFullShift() const {
  int32_t shift = 1;
  while (MonthDays(months_.back() - shift).last > as_of_) ++shift;
  return shift;
}

int32_t ForecastHorizon::ShiftedAsOf(int32_t months_back) const {
  const DayRange month = MonthDays(as_of_month_), shifted = MonthDays(as_of_month_ - months_back);
  if (as_of_ == month.last) return shifted.last;
  return std::min(shifted.first + (as_of_ - month.first), shifted.last);
}

std::vector<DayRange> ForecastHorizon::ShiftedDays(int32_t months_back) const {
  const int32_t shifted_as_of = ShiftedAsOf(months_back);
  std::vector<DayRange> days;
  for (int32_t month : months_) {
    const DayRange whole = MonthDays(month - months_back);
    days.push_back({std::max(whole.first, shifted_as_of + 1), whole.last});
  }
  return days;
}

}  // namespace crm::models
