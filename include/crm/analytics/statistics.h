#pragma once
// Small statistics used by the insights: quantiles, Wilson intervals, safe ratios.

#include <cstdint>
#include <vector>

namespace crm::analytics {

//! The q-quantile (0..1) with linear interpolation between order statistics (pandas' default);
//! NaN for no values. Reorders `values`.
double Quantile(std::vector<double>& values, double q);

//! A two-sided interval.
struct Interval {
  double low = 0;
  double high = 0;
};

//! The 95% Wilson score interval of a proportion; {NaN, NaN} when n is 0.
Interval WilsonInterval(int64_t successes, int64_t n);

//! numerator / denominator, or NaN when the denominator is 0.
double Ratio(double numerator, double denominator);

}  // namespace crm::analytics
