#include "crm/demo/win_model.h"

#include <gtest/gtest.h>

#include <cmath>

namespace crm::demo {
namespace {

// Farah Nadeem (skill 1.6) selling GTX Pro (index 1) to a technology account (fit +1.5).
constexpr WinFactors kBase{5, 1, 1, 45, 0, 30};

TEST(WinModelTest, LogOddsFollowTheDocumentedFormula) {
  EXPECT_DOUBLE_EQ(WinLogOdds(kBase), kWinIntercept + 2 * (1.6 + 1.5) - 0.0 + 0.0 - 3.0);
  WinFactors factors = kBase;
  factors.cycle_days = 100;    // 55 days past the grace period
  factors.activity_count = 9;  // capped at 6
  factors.days_since_activity = 4;
  EXPECT_DOUBLE_EQ(WinLogOdds(factors), kWinIntercept + 2 * (1.6 + 1.5) - 0.05 * 55 + 0.5 * 6 - 0.1 * 4);
}

TEST(WinModelTest, EachPlantedFactorMovesTheOddsTheDocumentedWay) {
  WinFactors weaker_agent = kBase;
  weaker_agent.agent = 8;  // Ivan Petrov, skill -1.6
  EXPECT_NEAR(WinLogOdds(kBase) - WinLogOdds(weaker_agent), 2 * 3.2, 1e-12);
  WinFactors poor_fit = kBase;
  poor_fit.sector = 0;  // GTX Pro into retail: -1.5
  EXPECT_NEAR(WinLogOdds(kBase) - WinLogOdds(poor_fit), 2 * 3.0, 1e-12);
  WinFactors recent = kBase;
  recent.days_since_activity = 0;
  EXPECT_NEAR(WinLogOdds(recent) - WinLogOdds(kBase), 3.0, 1e-12);
  WinFactors silent_longer = kBase;
  silent_longer.days_since_activity = 90;  // capped at 30 days
  EXPECT_DOUBLE_EQ(WinLogOdds(silent_longer), WinLogOdds(kBase));
}

TEST(WinModelTest, ProbabilityIsTheLogisticOfTheLogOdds) {
  WinFactors factors = kBase;
  factors.days_since_activity = 30;
  const double odds = WinLogOdds(factors);
  EXPECT_NEAR(WinProbability(factors), 1.0 / (1.0 + std::exp(-odds)), 1e-15);
  EXPECT_GT(WinProbability(factors), 0.0);
  EXPECT_LT(WinProbability(factors), 1.0);
}

}  // namespace
}  // namespace crm::demo
