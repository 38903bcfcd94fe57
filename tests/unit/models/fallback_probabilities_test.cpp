// Win probabilities from history alone: the product's win rate, and the product's win curve given a
// deal's age, both at an as-of date with later history rewound.
#include "crm/models/fallback_probabilities.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "unit/analytics/analytics_fixture.h"

namespace crm::models {
namespace {

using analytics::test::DatasetBuilder;
using analytics::test::Day;
using S = DealStage;

TEST(FallbackProbabilitiesTest, HistoricalProbabilitiesAreProductRatesAtTheDate) {
  DatasetBuilder b;
  const int32_t alpha = b.Product("Alpha", "A", 1000), beta = b.Product("Beta", "B", 100);
  const int32_t ann = b.Agent("Ann", "Mia", "East");
  b.Deal("A1", ann, alpha, kNoIndex, S::kWon, "2017-01-02", "2017-02-01", 1000);
  b.Deal("A2", ann, alpha, kNoIndex, S::kWon, "2017-01-02", "2017-02-01", 1000);
  const int32_t late_win = b.Deal("A3", ann, alpha, kNoIndex, S::kWon, "2017-01-02", "2017-06-01", 1000);
  const int32_t loss = b.Deal("A4", ann, alpha, kNoIndex, S::kLost, "2017-01-02", "2017-02-01", 0);
  b.Deal("B1", ann, beta, kNoIndex, S::kWon, "2017-01-02", "2017-02-01", 100);
  for (int i = 0; i < 3; ++i)
    b.Deal("BL" + std::to_string(i), ann, beta, kNoIndex, S::kLost, "2017-01-02", "2017-02-01", 0);
  const int32_t open = b.Deal("E1", ann, alpha, kNoIndex, S::kEngaging, "2017-03-01", "", kNoNumber);
  const int32_t prospect = b.Deal("P1", ann, beta, kNoIndex, S::kProspecting, "", "", kNoNumber);
  const int32_t later = b.Deal("E2", ann, alpha, kNoIndex, S::kEngaging, "2017-07-01", "", kNoNumber);
  const Dataset data = b.Build();
  // At 2017-12-31: Alpha 3 won 1 lost, Beta 1 won 3 lost, overall 4/8; rates steadied with 10 pseudo-deals
  // at 1/2: Alpha (3 + 5) / 14, Beta (1 + 5) / 14.
  const std::vector<double> now = HistoricalWinProbabilities(data, Day("2017-12-31"));
  EXPECT_DOUBLE_EQ(now[open], 8.0 / 14);
  EXPECT_DOUBLE_EQ(now[prospect], 6.0 / 14);
  EXPECT_TRUE(std::isnan(now[late_win]));
  EXPECT_TRUE(std::isnan(now[loss]));
  // At 2017-05-31 A3 was open and E2 not engaged: Alpha 2 won 1 lost, overall 3/7,
  // Alpha (2 + 10 x 3/7) / 13 = 44/91.
  const std::vector<double> then = HistoricalWinProbabilities(data, Day("2017-05-31"));
  EXPECT_NEAR(then[late_win], 44.0 / 91, 1e-12);
  EXPECT_NEAR(then[open], 44.0 / 91, 1e-12);
  EXPECT_TRUE(std::isnan(then[later]));
}

TEST(FallbackProbabilitiesTest, WinCurveProbabilitiesAreTheChanceOfAWinBeforeALoss) {
  DatasetBuilder b;
  const int32_t alpha = b.Product("Alpha", "A", 1000);
  const int32_t ann = b.Agent("Ann", "Mia", "East");
  b.Deal("W1", ann, alpha, kNoIndex, S::kWon, "2017-01-02", "2017-02-01", 1000);
  b.Deal("W2", ann, alpha, kNoIndex, S::kWon, "2017-01-02", "2017-02-11", 1000);
  b.Deal("W3", ann, alpha, kNoIndex, S::kWon, "2017-01-02", "2017-02-21", 1000);
  const int32_t loss = b.Deal("L1", ann, alpha, kNoIndex, S::kLost, "2017-01-02", "2017-03-03", 0);
  const int32_t open = b.Deal("E1", ann, alpha, kNoIndex, S::kEngaging, "2017-12-01", "", kNoNumber);
  const int32_t prospect = b.Deal("P1", ann, alpha, kNoIndex, S::kProspecting, "", "", kNoNumber);
  const Dataset data = b.Build();
  // Five engaged deals: fewer than 20 at risk at every age, so the whole curve is the tail, with one daily
  // chance of winning (3 / deal-days) and one of losing (1 / deal-days): whatever its age, an open deal is
  // won before it is lost with chance 3 / (3 + 1).
  const std::vector<double> p = WinCurveProbabilities(data, Day("2017-12-31"));
  EXPECT_NEAR(p[open], 0.75, 1e-9);
  EXPECT_TRUE(std::isnan(p[prospect]));
  EXPECT_TRUE(std::isnan(p[loss]));
}

}  // namespace
}  // namespace crm::models
