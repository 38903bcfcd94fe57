#include "crm/analytics/calendar.h"

#include "crm/analytics/period.h"

namespace crm::analytics {

Calendar::Calendar(int32_t first_day, int32_t last_day) : first_day_(first_day) {
  if (last_day < first_day) return;
  months_.resize(static_cast<size_t>(last_day - first_day) + 1);
  int32_t month = Compute(first_day);
  int32_t next_month_day = FirstDayOfMonth(month + 1);
  for (int32_t day = first_day; day <= last_day; ++day) {
    if (day == next_month_day) next_month_day = FirstDayOfMonth(++month + 1);
    months_[static_cast<size_t>(day - first_day)] = month;
  }
}

int32_t Calendar::Compute(int32_t day) { return MonthIndexOfDay(day); }

}  // namespace crm::analytics
