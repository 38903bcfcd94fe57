// Stalled deals on a hand-built history where the threshold, the chance and the timing can be worked out
// by hand: 60 wins at 10 days set the P95 cycle to 10, so a deal stalls on day 11 after engagement.
#include "crm/models/forecast_stalled.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "crm/analytics/won_cycles.h"
#include "crm/models/forecast_simulation.h"
#include "unit/analytics/analytics_fixture.h"

namespace crm::models {
namespace {

using analytics::test::DatasetBuilder;
using analytics::test::Day;
using S = DealStage;

//! As of 2017-12-31, product Alpha (1,000, always won at list price):
//!   60 deals engaged 2017-02-01 won 02-11 (10 days): with the 3 later wins the cycles are 60 x 10, 41, 41
//!     and 71 days; P95 at position 0.95 x 62 = 58.9 lies between two 10s: threshold 10, stall on day 11.
//!   3 deals engaged 2017-06-01 (stall day 06-12): two won 07-12 (30 days after stalling), one 08-11 (60).
//!   3 deals engaged 06-01 lost 06-22 (10 days after stalling); 1 lost at 5 days, before stalling.
//!   4 deals engaged 06-01 still open: stalled 202 days at the as-of date.
//!   1 deal engaged 2017-12-01 still open: stalled on 12-12, 19 days at the as-of date.
//!   1 deal engaged 2017-12-25 still open: 6 days, not stalled.
struct StalledCrm {
  DatasetBuilder builder;
  int32_t alpha = builder.Product("Alpha", "A", 1000);
  int32_t ann = builder.Agent("Ann", "Mia", "East");
  int32_t deals = 0;

  void Add(S stage, const std::string& engage, const std::string& close, double value) {
    builder.Deal("D" + std::to_string(deals++), ann, alpha, kNoIndex, stage, engage, close, value);
  }
  Dataset Build() {
    for (int i = 0; i < 60; ++i) Add(S::kWon, "2017-02-01", "2017-02-11", 1000);
    Add(S::kWon, "2017-06-01", "2017-07-12", 1000);
    Add(S::kWon, "2017-06-01", "2017-07-12", 1000);
    Add(S::kWon, "2017-06-01", "2017-08-11", 1000);
    for (int i = 0; i < 3; ++i) Add(S::kLost, "2017-06-01", "2017-06-22", 0);
    Add(S::kLost, "2017-06-01", "2017-06-06", 0);
    for (int i = 0; i < 4; ++i) Add(S::kEngaging, "2017-06-01", "", kNoNumber);
    Add(S::kEngaging, "2017-12-01", "", kNoNumber);
    Add(S::kEngaging, "2017-12-25", "", kNoNumber);
    return builder.Build();
  }
};

TEST(StalledHistoryTest, LearnsTheChanceOfDealsStalledAsLong) {
  const Dataset data = StalledCrm().Build();
  const analytics::PipelineSnapshot snapshot(data, Day("2017-12-31"), data.LatestDate());
  const analytics::WonCycles cycles(data, snapshot);
  const StalledHistory stalled(data, snapshot, cycles);
  EXPECT_EQ(stalled.Threshold(0), 10);
  EXPECT_EQ(stalled.StallDay(0, Day("2017-06-01")), Day("2017-06-12"));
  // Stalled by the as-of date: 3 won, 3 lost after stalling, 4 + 1 open (not the deal lost at 5 days, nor
  // the 6-day-old one).
  EXPECT_EQ(stalled.stalled(), 11);
  EXPECT_EQ(stalled.won(), 3);
  // Still open 19 days after stalling: the 3 won (30, 30, 60 days after), the 4 open for 202 days and the
  // 19-day one; the lost ones closed at 10. Won later: 3. P = 3/8.
  EXPECT_EQ(stalled.AtRisk(19), 8);
  EXPECT_EQ(stalled.WonLater(19), 3);
  EXPECT_DOUBLE_EQ(stalled.WinProbability(19), 3.0 / 8);
  // On the day of stalling all 11 were open; 202 days later only the 4 old open ones, none won later.
  EXPECT_DOUBLE_EQ(stalled.WinProbability(0), 3.0 / 11);
  EXPECT_DOUBLE_EQ(stalled.WinProbability(202), 0);
  EXPECT_TRUE(std::isnan(stalled.WinProbability(203)));
}

TEST(StalledHistoryTest, TheSimulationUsesItInPlaceOfTheWinProbability) {
  const Dataset data = StalledCrm().Build();
  // Every open deal at 0.9: the stalled ones take their learned chance instead.
  const std::vector<double> p(data.opportunities.size(), 0.9);
  const ForecastResult result = SimulateForecast(data, Day("2017-12-31"), p, {4000, 7});
  EXPECT_EQ(result.open_deals_simulated, 6);
  EXPECT_EQ(result.open_deals_stalled, 5);
  EXPECT_DOUBLE_EQ(result.stalled_value, 5000);
  EXPECT_DOUBLE_EQ(result.stalled_expected_wins, 3.0 / 8);  // 4 x 0 + 3/8
  EXPECT_EQ(result.stalled_history_deals, 11);
  EXPECT_EQ(result.stalled_history_won, 3);
  // The 19-day stalled deal is won with 3/8 and then closes 30 days after stalling (2018-01-11) in two
  // cases of three, 60 days after (2018-02-10) in one: 250 in January, 125 in February (the 4 others: 0).
  // The 6-day deal keeps its 0.9 and a cycle among the 63 longer than 6 days from 2017-12-25: 60 of 10
  // days (January), two of 41 (February), one of 71 (March).
  const double january_other = 900.0 * 60 / 63, february_other = 900.0 * 2 / 63;
  // Standard error over 4,000 runs: below 16 for each month.
  EXPECT_NEAR(result.months[0].expected_from_open, 250 + january_other, 60);
  EXPECT_NEAR(result.months[1].expected_from_open, 125 + february_other, 60);
}

}  // namespace
}  // namespace crm::models
