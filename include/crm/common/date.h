#pragma once
// Calendar dates as day numbers (days since 1970-01-01), the representation used everywhere in memory.

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>

namespace crm {

//! Marks a missing date in a day-number column.
inline constexpr int32_t kNoDay = std::numeric_limits<int32_t>::min();

//! Day number of a valid civil date.
int32_t DaysFromCivil(int year, int month, int day);

//! Year, month and day of a day number.
struct CivilDate {
  int year;
  int month;
  int day;
};
CivilDate CivilFromDays(int32_t days);

//! Parses strict ISO `YYYY-MM-DD`; nullopt when malformed or not a real calendar date.
std::optional<int32_t> ParseIsoDate(std::string_view text);

//! Formats a day number as `YYYY-MM-DD`; empty for kNoDay.
std::string FormatIsoDate(int32_t days);

//! Today's date in UTC as a day number.
int32_t TodayUtc();

}  // namespace crm
