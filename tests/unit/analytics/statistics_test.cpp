#include "crm/analytics/statistics.h"

#include <cmath>

#include <gtest/gtest.h>

namespace crm::analytics {
namespace {

TEST(StatisticsTest, QuantileInterpolatesLikePandas) {
  std::vector<double> values = {60, 10, 30, 20, 50, 40};
  EXPECT_DOUBLE_EQ(Quantile(values, 0.5), 35);
  EXPECT_DOUBLE_EQ(Quantile(values, 0.75), 47.5);
  EXPECT_DOUBLE_EQ(Quantile(values, 0), 10);
  EXPECT_DOUBLE_EQ(Quantile(values, 1), 60);
  std::vector<double> none;
  EXPECT_TRUE(std::isnan(Quantile(none, 0.5)));
}

TEST(StatisticsTest, WilsonIntervalMatchesTheFormula) {
  // 4,238 won of 6,711 closed (the Kaggle data): p = 0.63150, Wilson 95% = [0.619887, 0.642964].
  const Interval interval = WilsonInterval(4238, 6711);
  EXPECT_NEAR(interval.low, 0.619887, 5e-6);
  EXPECT_NEAR(interval.high, 0.642964, 5e-6);
  const Interval all = WilsonInterval(5, 5);
  EXPECT_NEAR(all.low, 0.565518, 5e-6);
  EXPECT_DOUBLE_EQ(all.high, 1.0);
  EXPECT_TRUE(std::isnan(WilsonInterval(0, 0).low));
}

}  // namespace
}  // namespace crm::analytics
