// Equal-width histograms and their chart specifications.
#include "crm/analytics/histogram.h"

#include <algorithm>
#include <cmath>

namespace crm::analytics {

Histogram EqualWidthHistogram(std::span<const double> values, int bins, std::optional<HistogramRange> range) {
  Histogram histogram;
  double low = INFINITY;
  double high = -INFINITY;
  for (double value : values) {
    if (std::isnan(value)) {
      ++histogram.missing;
      continue;
    }
    low = std::min(low, value);
    high = std::max(high, value);
  }
  if (low > high) return histogram;
  if (range) {
    low = range->low;
    high = range->high;
  }
  if (high <= low) {
    bins = 1;
    high = low + 1;
  }
  bins = std::max(bins, 1);
  histogram.low = low;
  histogram.width = (high - low) / bins;
  histogram.counts.assign(static_cast<size_t>(bins), 0);
  for (double value : values) {
    if (std::isnan(value)) continue;
    const double position = std::floor((value - low) / histogram.width);
    const auto bin = static_cast<size_t>(std::clamp(position, 0.0, static_cast<double>(bins - 1)));
    ++histogram.counts[bin];
  }
  return histogram;
}

ChartSpec HistogramChart(const Histogram& histogram, const HistogramLabels& labels) {
  ChartSpec chart{labels.id, "histogram", labels.title, "count", labels.x_label, labels.y_label, {}, {}};
  ChartSeries series{labels.y_label, {}, {}, {}};
  for (size_t i = 0; i < histogram.counts.size(); ++i) {
    const double from = histogram.low + static_cast<double>(i) * histogram.width;
    chart.labels.push_back(FormatCell(Number(from), labels.value_unit) + "–" +
                           FormatCell(Number(from + histogram.width), labels.value_unit));
    series.values.push_back(static_cast<double>(histogram.counts[i]));
  }
  chart.series.push_back(std::move(series));
  return chart;
}

}  // namespace crm::analytics
