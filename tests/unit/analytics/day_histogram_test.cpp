// DayHistogram: quantiles from counts must equal the interpolated order statistics (pandas' default).
#include "crm/analytics/day_histogram.h"

#include <cmath>

#include <gtest/gtest.h>

namespace crm::analytics {
namespace {

TEST(DayHistogramTest, QuantilesInterpolateBetweenOrderStatistics) {
  DayHistogram days;
  for (int32_t value : {60, 10, 30, 20, 50, 40}) days.Add(value);
  EXPECT_EQ(days.size(), 6);
  EXPECT_DOUBLE_EQ(days.Quantile(0.5), 35);     // between 30 and 40
  EXPECT_DOUBLE_EQ(days.Quantile(0.75), 47.5);  // position 3.75: 40 + 0.75 x 10
  EXPECT_DOUBLE_EQ(days.Quantile(0), 10);
  EXPECT_DOUBLE_EQ(days.Quantile(1), 60);
}

TEST(DayHistogramTest, RepeatedValuesNegativeDaysAndEmpty) {
  DayHistogram days;
  for (int32_t value : {5, 9, 5, 5}) days.Add(value);
  EXPECT_DOUBLE_EQ(days.Quantile(0.5), 5);   // 5 5 | 5 9
  EXPECT_DOUBLE_EQ(days.Quantile(0.75), 6);  // position 2.25: 5 + 0.25 x 4
  DayHistogram earlier;
  earlier.Add(-3);
  days.Add(earlier);  // -3 5 5 5 9
  EXPECT_EQ(days.size(), 5);
  EXPECT_DOUBLE_EQ(days.Quantile(0), -3);
  EXPECT_DOUBLE_EQ(days.Quantile(0.5), 5);
  EXPECT_DOUBLE_EQ(days.Quantile(0.125), 1);  // position 0.5: between -3 and 5
  EXPECT_TRUE(std::isnan(DayHistogram().Quantile(0.5)));
}

}  // namespace
}  // namespace crm::analytics
