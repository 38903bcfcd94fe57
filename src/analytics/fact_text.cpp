#include "crm/analytics/fact_text.h"

#include <cmath>

namespace crm::analytics {

std::string GroupedText(double value) {
  if (std::isnan(value)) return "unknown";
  const std::string digits = std::to_string(static_cast<long long>(std::llround(std::fabs(value))));
  std::string text = value <= -0.5 ? "-" : "";
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) text += ',';
    text += digits[i];
  }
  return text;
}

std::string UsdText(double value) {
  if (std::isnan(value)) return "unknown";
  const std::string grouped = GroupedText(value);
  return grouped[0] == '-' ? "-$" + grouped.substr(1) : "$" + grouped;
}

std::string PercentText(double fraction) {
  if (std::isnan(fraction)) return "unknown";
  return std::to_string(static_cast<long long>(std::llround(fraction * 100))) + "%";
}

std::string DaysText(double days) {
  const long long whole = std::llround(days);
  return std::to_string(whole) + (whole == 1 ? " day" : " days");
}

std::string Ordinal(int number) {
  const int tens = number % 100, units = number % 10;
  const char* suffix = tens >= 11 && tens <= 13 ? "th"
                       : units == 1             ? "st"
                       : units == 2             ? "nd"
                       : units == 3             ? "rd"
                                                : "th";
  return std::to_string(number) + suffix;
}

}  // namespace crm::analytics
