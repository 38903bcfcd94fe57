#include "crm/analytics/period.h"

#include <charconv>
#include <cstdio>

#include "crm/common/date.h"

namespace crm::analytics {

namespace {

//! Parses exactly `digits` decimal digits.
bool ParseDigits(std::string_view text, size_t digits, int& out) {
  if (text.size() != digits) return false;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), out);
  return error == std::errc() && end == text.data() + text.size();
}

Error BadPeriod(std::string_view text) {
  return Error{"invalid period '" + std::string(text) +
               "': use a year (2017), a quarter (2017-Q3) or a month (2017-07)"};
}

}  // namespace

Result<Period> ParsePeriod(std::string_view text) {
  int year = 0;
  if (text.size() < 4 || !ParseDigits(text.substr(0, 4), 4, year) || year < 1900 || year > 2200) {
    return BadPeriod(text);
  }
  if (text.size() == 4) {
    return Period{std::string(text), DaysFromCivil(year, 1, 1), DaysFromCivil(year, 12, 31)};
  }
  if (text[4] != '-') return BadPeriod(text);
  const std::string_view rest = text.substr(5);
  int number = 0;
  if (rest.size() == 2 && (rest[0] == 'Q' || rest[0] == 'q') && ParseDigits(rest.substr(1), 1, number) &&
      number >= 1 && number <= 4) {
    const int32_t first_month = (year - 1970) * 12 + (number - 1) * 3;
    return Period{std::to_string(year) + "-Q" + std::to_string(number), FirstDayOfMonth(first_month),
                  FirstDayOfMonth(first_month + 3) - 1};
  }
  if (ParseDigits(rest, 2, number) && number >= 1 && number <= 12) {
    const int32_t month = (year - 1970) * 12 + number - 1;
    return Period{std::string(text), FirstDayOfMonth(month), FirstDayOfMonth(month + 1) - 1};
  }
  return BadPeriod(text);
}

std::string MonthLabel(int32_t month_index) {
  const int year = 1970 + (month_index >= 0 ? month_index / 12 : (month_index - 11) / 12);
  const int month = month_index - (year - 1970) * 12 + 1;
  char text[32];
  std::snprintf(text, sizeof text, "%04d-%02d", year, month);
  return text;
}

std::string QuarterLabel(int32_t quarter_index) {
  const int year = 1970 + (quarter_index >= 0 ? quarter_index / 4 : (quarter_index - 3) / 4);
  return std::to_string(year) + "-Q" + std::to_string(quarter_index - (year - 1970) * 4 + 1);
}

int32_t MonthIndexOfDay(int32_t day) {
  const CivilDate date = CivilFromDays(day);
  return (date.year - 1970) * 12 + date.month - 1;
}

int32_t FirstDayOfMonth(int32_t month_index) {
  const int year = 1970 + (month_index >= 0 ? month_index / 12 : (month_index - 11) / 12);
  return DaysFromCivil(year, month_index - (year - 1970) * 12 + 1, 1);
}

}  // namespace crm::analytics
