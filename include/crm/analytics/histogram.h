#pragma once
// Equal-width histograms of a numeric field, missing values counted apart, and their chart specification
// (the "histogram" ChartSpec the insights use).

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "crm/analytics/insight.h"

namespace crm::analytics {

//! Counts of values in equal-width bins [low + i * width, low + (i + 1) * width); the last bin also holds
//! `low + bins * width`.
struct Histogram {
  double low = 0;
  double width = 0;             //!< 0 when there are no values
  std::vector<int64_t> counts;  //!< one per bin; empty when there are no values
  int64_t missing = 0;          //!< NaN values, left out of the bins
};

//! The closed range the bins of a histogram cover.
struct HistogramRange {
  double low = 0;
  double high = 0;
};

//! `bins` (>= 1) equal-width bins over `range`, or over the smallest to the largest value when no range
//! is given; values outside the range fall in the first or the last bin. One value repeated gives one
//! bin of width 1. No values: no bins.
Histogram EqualWidthHistogram(std::span<const double> values, int bins,
                              std::optional<HistogramRange> range = std::nullopt);

//! What a histogram chart is called and measured in.
struct HistogramLabels {
  std::string id;
  std::string title;
  std::string value_unit;  //!< of the values binned (USD, score, …), for the bin labels
  std::string x_label;
  std::string y_label;  //!< what is counted, e.g. "won deals"
};

//! The chart of `histogram` (unit "count"): one label "low–high" per bin and one series of counts named by
//! `y_label`.
ChartSpec HistogramChart(const Histogram& histogram, const HistogramLabels& labels);

}  // namespace crm::analytics
