#include "crm/analytics/statistics.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace crm::analytics {

double Quantile(std::vector<double>& values, double q) {
  if (values.empty()) return std::numeric_limits<double>::quiet_NaN();
  const double position = q * static_cast<double>(values.size() - 1);
  const size_t below = static_cast<size_t>(std::floor(position));
  std::nth_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(below), values.end());
  const double low = values[below];
  if (below + 1 >= values.size()) return low;
  const double high =
      *std::min_element(values.begin() + static_cast<std::ptrdiff_t>(below) + 1, values.end());
  return low + (high - low) * (position - static_cast<double>(below));
}

Interval WilsonInterval(int64_t successes, int64_t n) {
  if (n <= 0) return {std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::quiet_NaN()};
  constexpr double z = 1.959963984540054;
  const double total = static_cast<double>(n);
  const double p = static_cast<double>(successes) / total;
  const double denominator = 1 + z * z / total;
  const double centre = (p + z * z / (2 * total)) / denominator;
  const double half = z * std::sqrt(p * (1 - p) / total + z * z / (4 * total * total)) / denominator;
  return {std::max(0.0, centre - half), std::min(1.0, centre + half)};
}

double Ratio(double numerator, double denominator) {
  return denominator == 0 ? std::numeric_limits<double>::quiet_NaN() : numerator / denominator;
}

}  // namespace crm::analytics
