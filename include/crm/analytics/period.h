#pragma once
// Calendar periods a user can filter on: a year, a quarter or a month.

#include <cstdint>
#include <string>
#include <string_view>

#include "crm/common/result.h"

namespace crm::analytics {

//! A closed range of days named the way the user wrote it ("2017", "2017-Q3", "2017-07").
struct Period {
  std::string label;
  int32_t first_day = 0;  //!< day number of the first day
  int32_t last_day = 0;   //!< day number of the last day, inclusive

  //! True when `day` falls inside the period.
  bool Contains(int32_t day) const { return day >= first_day && day <= last_day; }
};

//! Parses `YYYY`, `YYYY-Qn` or `YYYY-MM` (case-insensitive Q); an error names the accepted forms.
Result<Period> ParsePeriod(std::string_view text);

//! "2017-07" for a month index (months since 1970-01).
std::string MonthLabel(int32_t month_index);
//! "2017-Q3" for a quarter index (quarters since 1970-Q1).
std::string QuarterLabel(int32_t quarter_index);
//! Months since 1970-01 of a day number.
int32_t MonthIndexOfDay(int32_t day);
//! Day number of the first day of a month index.
int32_t FirstDayOfMonth(int32_t month_index);

}  // namespace crm::analytics
