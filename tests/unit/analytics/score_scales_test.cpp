#include "crm/analytics/score_scales.h"

#include <array>
#include <cmath>

#include <gtest/gtest.h>

#include "crm/data/dataset.h"

namespace crm::analytics {
namespace {

TEST(ScoreScalesTest, PeerPercentileUsesMidRanks) {
  // Peers 0, 5, 5, 10 (NaN left out): 5 has 1 below and 1 other equal: 100 x 1.5 / 3.
  const PeerPercentile ranks({10, 5, kNoNumber, 0, 5});
  EXPECT_EQ(ranks.Score(10), 100);
  EXPECT_EQ(ranks.Score(5), 50);
  EXPECT_EQ(ranks.Score(0), 0);
  EXPECT_TRUE(std::isnan(ranks.Score(kNoNumber)));
  EXPECT_EQ(PeerPercentile({7}).Score(7), 100);  // alone with something
  EXPECT_EQ(PeerPercentile({0}).Score(0), 0);    // nothing is no standing
}

TEST(ScoreScalesTest, DecayScoreFallsLinearlyAfterOne) {
  EXPECT_EQ(DecayScore(0.4, 3), 100);
  EXPECT_EQ(DecayScore(1, 3), 100);
  EXPECT_EQ(DecayScore(2, 3), 50);
  EXPECT_EQ(DecayScore(3, 3), 0);
  EXPECT_EQ(DecayScore(9, 3), 0);
  EXPECT_NEAR(DecayScore(2, 4), 200.0 / 3, 1e-12);
  EXPECT_TRUE(std::isnan(DecayScore(kNoNumber, 3)));
}

TEST(ScoreScalesTest, WeightedScoreSpreadsAbsentWeights) {
  const std::array<double, 3> weights = {0.5, 0.3, 0.2};
  EXPECT_NEAR(WeightedScore(std::array{100.0, 50.0, 0.0}, weights), 65, 1e-12);
  EXPECT_NEAR(WeightedScore(std::array{100.0, kNoNumber, 0.0}, weights), 50 / 0.7, 1e-12);
  EXPECT_TRUE(std::isnan(WeightedScore(std::array{kNoNumber, kNoNumber, kNoNumber}, weights)));
}

}  // namespace
}  // namespace crm::analytics
