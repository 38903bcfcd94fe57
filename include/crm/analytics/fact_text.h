#pragma once
// Numbers written into the sentences that explain a result ("$26,707", "61%", "2nd").

#include <string>

namespace crm::analytics {

//! A number rounded to a whole, with thousands separators: "12,300", "-4,512"; "unknown" for NaN.
std::string GroupedText(double value);
//! Whole dollars with thousands separators: "$26,707"; "unknown" for NaN.
std::string UsdText(double value);
//! A fraction as a whole percentage: 0.614 → "61%"; "unknown" for NaN.
std::string PercentText(double fraction);
//! Whole days, rounded: 87.5 → "88 days"; 1 → "1 day".
std::string DaysText(double days);
//! 1 → "1st", 2 → "2nd", 3 → "3rd", 11 → "11th".
std::string Ordinal(int number);

}  // namespace crm::analytics
