#pragma once
// Small statistics used by the insights: quantiles, Wilson intervals, safe ratios.

#include <cstdint>
#include <vector>

namespace crm::analytics {

//! The q-quantile (0..1) with linear interpolation between order statistics (pandas' default);
//! NaN for no values. Reorders `values`.
double Quantile(std::vector<double>& values, double q);

//! Quantiles of non-negative integers (such as days) kept as counts: O(1) to add, no sorting.
class IntegerDistribution {
 public:
  //! Adds one value (negative values are ignored).
  void Add(int32_t value);
  //! Number of values added.
  int64_t size() const { return size_; }
  //! The q-quantile with the same interpolation as Quantile(); NaN when empty.
  double Quantile(double q) const;

 private:
  std::vector<int64_t> counts_;
  int64_t size_ = 0;
};

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
