// agent_performance on hand-built data: every expected figure is worked out in the comments.
#include <cmath>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "analytics_fixture.h"
#include "table_lookup.h"

namespace crm::analytics::test {
namespace {

constexpr double kTolerance = 5e-6;
// Open deals in SmallCrm at 2017-06-30: won-to-list ratios average 1.0, so Alpha is worth 1,000 and Beta
// 100; win probabilities: Alpha 3 of 4, Beta 3 of 5, each steadied with 10 pseudo-deals at 6/9.
const double kAlpha = (3 + 10 * 6.0 / 9) / 14;
const double kBeta = (3 + 10 * 6.0 / 9) / 15;

// SmallCrm per agent (cycle: engage to close of won deals):
//   Ann (Mia, East): W1 1100 (30 d), W2 900 (60 d), L3, E1 Alpha open
//   Cal (Max, West): W3 1000 (10 d), W5 120 (40 d), W6 80 (50 d), E2 Beta open
//   Bob (Mia, East): W4 100 (20 d), L1, L2, P1 Alpha open
TEST(AgentPerformanceTest, LeaderboardAndRollUpsByHand) {
  const Dataset data = SmallCrm();
  const Insight insight = RunInsight(data, "agent_performance");
  const Table& board = TableNamed(insight, "leaderboard");
  ASSERT_EQ(board.rows.size(), 3u);
  EXPECT_EQ(TextAt(board, 0, "sales_agent"), "Ann");
  EXPECT_EQ(TextAt(board, 0, "manager"), "Mia");
  EXPECT_EQ(TextAt(board, 0, "regional_office"), "East");
  EXPECT_EQ(NumberAt(board, 0, "won_revenue"), 2000);
  EXPECT_EQ(NumberAt(board, 0, "won_deals"), 2);
  EXPECT_EQ(NumberAt(board, 0, "lost_deals"), 1);
  EXPECT_NEAR(NumberAt(board, 0, "win_rate"), 2.0 / 3, 1e-12);
  EXPECT_NEAR(NumberAt(board, 0, "win_rate_low"), 0.207660, kTolerance);
  EXPECT_NEAR(NumberAt(board, 0, "win_rate_high"), 0.938508, kTolerance);
  EXPECT_EQ(NumberAt(board, 0, "average_won_deal"), 1000);
  EXPECT_EQ(NumberAt(board, 0, "median_cycle_days"), 45);
  EXPECT_EQ(NumberAt(board, 0, "open_deals"), 1);
  EXPECT_EQ(NumberAt(board, 0, "open_pipeline_value"), 1000);
  EXPECT_NEAR(NumberAt(board, 0, "expected_value"), 1000 * kAlpha, 1e-9);
  EXPECT_EQ(TextAt(board, 1, "sales_agent"), "Cal");
  EXPECT_EQ(NumberAt(board, 1, "won_revenue"), 1200);
  EXPECT_EQ(NumberAt(board, 1, "average_won_deal"), 400);
  EXPECT_EQ(NumberAt(board, 1, "median_cycle_days"), 40);
  EXPECT_EQ(NumberAt(board, 1, "win_rate_high"), 1);
  EXPECT_NEAR(NumberAt(board, 1, "expected_value"), 100 * kBeta, 1e-9);
  EXPECT_EQ(TextAt(board, 2, "sales_agent"), "Bob");
  EXPECT_EQ(NumberAt(board, 2, "median_cycle_days"), 20);
  EXPECT_NEAR(NumberAt(board, 2, "win_rate_low"), 0.061492, kTolerance);  // 1 of 3
  // Mia = Ann + Bob: 2,100 won, 3 won of 6, cycles 20 30 60 → 30, open 2,000; Max = Cal.
  const Table& managers = TableNamed(insight, "by_manager");
  ASSERT_EQ(managers.rows.size(), 2u);
  EXPECT_EQ(TextAt(managers, 0, "manager"), "Mia");
  EXPECT_EQ(NumberAt(managers, 0, "agents"), 2);
  EXPECT_EQ(NumberAt(managers, 0, "won_revenue"), 2100);
  EXPECT_EQ(NumberAt(managers, 0, "win_rate"), 0.5);
  EXPECT_EQ(NumberAt(managers, 0, "average_won_deal"), 700);
  EXPECT_EQ(NumberAt(managers, 0, "median_cycle_days"), 30);
  EXPECT_EQ(NumberAt(managers, 0, "open_deals"), 2);
  EXPECT_EQ(NumberAt(managers, 0, "open_pipeline_value"), 2000);
  EXPECT_NEAR(NumberAt(managers, 0, "expected_value"), 2000 * kAlpha, 1e-9);
  EXPECT_EQ(TextAt(managers, 1, "manager"), "Max");
  EXPECT_EQ(NumberAt(managers, 1, "won_revenue"), 1200);
  const Table& offices = TableNamed(insight, "by_regional_office");
  ASSERT_EQ(offices.rows.size(), 2u);
  EXPECT_EQ(TextAt(offices, 0, "regional_office"), "East");
  EXPECT_EQ(NumberAt(offices, 0, "won_revenue"), 2100);
  EXPECT_EQ(TextAt(offices, 1, "regional_office"), "West");
  EXPECT_EQ(NumberAt(offices, 1, "agents"), 1);
  // Team: 6 won of 9; top Ann; rates from Bob 1/3 [6.1, 79.2] to Cal 3/3 [43.9, 100]: they overlap.
  EXPECT_EQ(MetricNumber(insight, "agents"), 3);
  EXPECT_EQ(MetricNumber(insight, "won_revenue"), 3300);
  EXPECT_NEAR(MetricNumber(insight, "team_win_rate"), 6.0 / 9, 1e-12);
  EXPECT_NEAR(MetricNumber(insight, "team_win_rate_low"), 0.354202, kTolerance);
  EXPECT_EQ(MetricText(insight, "top_agent"), "Ann");
  EXPECT_EQ(MetricNumber(insight, "top_agent_won_revenue"), 2000);
  EXPECT_EQ(MetricNumber(insight, "open_pipeline_value"), 2100);
  EXPECT_EQ(MetricText(insight, "highest_win_rate_agent"), "Cal");
  EXPECT_EQ(MetricText(insight, "lowest_win_rate_agent"), "Bob");
  EXPECT_NEAR(MetricNumber(insight, "win_rate_gap"), 2.0 / 3, 1e-12);
  EXPECT_EQ(MetricText(insight, "highest_lowest_intervals_overlap"), "yes");
  ASSERT_EQ(insight.charts.size(), 2u);
  EXPECT_EQ(insight.charts[0].type, "horizontal_bar");
  EXPECT_EQ(insight.charts[0].labels, (std::vector<std::string>{"Ann", "Cal", "Bob"}));
  EXPECT_EQ(insight.charts[0].series[0].values, (std::vector<double>{2000, 1200, 100}));
  EXPECT_EQ(insight.charts[1].type, "bar");
  EXPECT_NEAR(insight.charts[1].series[0].low[1], 0.438503, kTolerance);
}

TEST(AgentPerformanceTest, TopCutsTheLeaderboardOnly) {
  const Dataset data = SmallCrm();
  const Insight insight = RunInsight(data, "agent_performance", {{"top", "2"}});
  const Table& board = TableNamed(insight, "leaderboard");
  ASSERT_EQ(board.rows.size(), 2u);
  EXPECT_EQ(TextAt(board, 1, "sales_agent"), "Cal");
  EXPECT_EQ(NumberAt(TableNamed(insight, "by_manager"), 0, "agents"), 2);  // Mia still counts Bob
  EXPECT_EQ(MetricNumber(insight, "agents"), 3);
  EXPECT_EQ(MetricText(insight, "lowest_win_rate_agent"), "Bob");
  EXPECT_EQ(insight.charts[0].labels.size(), 2u);
}

TEST(AgentPerformanceTest, AgentsWithoutSelectedDealsAreLeftOut) {
  Dataset data = SmallCrm();
  data.sales_agents.push_back({"Dee", data.managers.Intern("Max"), data.regional_offices.Intern("West")});
  data.BuildIndexes();
  const Insight all = RunInsight(data, "agent_performance");
  EXPECT_EQ(MetricNumber(all, "agents"), 3);
  EXPECT_EQ(TableNamed(all, "leaderboard").rows.size(), 3u);
  EXPECT_EQ(NumberAt(TableNamed(all, "by_manager"), 1, "agents"), 1);  // Max: Cal, not Dee
  // Max's team is Cal and Dee; only Cal has deals: one agent, so no spread to compare.
  const Insight max = RunInsight(data, "agent_performance", {{"manager", "max"}});
  EXPECT_EQ(MetricNumber(max, "agents"), 1);
  EXPECT_EQ(MetricText(max, "top_agent"), "Cal");
  EXPECT_TRUE(MetricIsNull(max, "highest_win_rate_agent"));
  EXPECT_EQ(TableNamed(max, "by_manager").rows.size(), 1u);
}

TEST(AgentPerformanceTest, ProductFilterAndMissingAverages) {
  const Dataset data = SmallCrm();
  // Beta only: Cal W5 120 (40 d), W6 80 (50 d), E2; Bob W4 100 (20 d), L2; Ann L3.
  const Insight insight = RunInsight(data, "agent_performance", {{"product", "beta"}});
  const Table& board = TableNamed(insight, "leaderboard");
  ASSERT_EQ(board.rows.size(), 3u);
  EXPECT_EQ(TextAt(board, 0, "sales_agent"), "Cal");
  EXPECT_EQ(NumberAt(board, 0, "won_revenue"), 200);
  EXPECT_EQ(NumberAt(board, 0, "median_cycle_days"), 45);
  EXPECT_EQ(NumberAt(board, 0, "open_pipeline_value"), 100);
  EXPECT_EQ(TextAt(board, 1, "sales_agent"), "Bob");
  EXPECT_EQ(NumberAt(board, 1, "win_rate"), 0.5);
  EXPECT_EQ(NumberAt(board, 1, "open_deals"), 0);  // P1 is an Alpha deal
  // Ann lost her only Beta deal: no won deal, so no average deal and no cycle.
  EXPECT_EQ(TextAt(board, 2, "sales_agent"), "Ann");
  EXPECT_EQ(NumberAt(board, 2, "win_rate"), 0);
  EXPECT_TRUE(std::holds_alternative<std::nullptr_t>(CellAt(board, 2, "average_won_deal")));
  EXPECT_TRUE(std::holds_alternative<std::nullptr_t>(CellAt(board, 2, "median_cycle_days")));
  EXPECT_EQ(MetricText(insight, "lowest_win_rate_agent"), "Ann");
}

TEST(AgentPerformanceTest, AsOfRewindsDealsAndEstimates) {
  const Dataset data = SmallCrm();
  // By 2017-03-31 closed: W1 W3 (Alpha) and W4 (Beta) won, L1 (Alpha) and L2 (Beta) lost; overall 3/5.
  // Alpha: ratio (1.1 + 1.0) / 2 → worth 1,050, rate (2 + 6) / 13; Beta: worth 100, rate (1 + 6) / 12.
  // Ann: W1 won; W2 (Alpha) and L3 (Beta) still open. Cal: W3 won. Bob: W4 won, L1 L2 lost, P1 open.
  const Insight insight = RunInsight(data, "agent_performance", {{"as_of", "2017-03-31"}});
  const Table& board = TableNamed(insight, "leaderboard");
  ASSERT_EQ(board.rows.size(), 3u);
  EXPECT_EQ(TextAt(board, 0, "sales_agent"), "Ann");
  EXPECT_EQ(NumberAt(board, 0, "won_revenue"), 1100);
  EXPECT_EQ(NumberAt(board, 0, "lost_deals"), 0);
  EXPECT_EQ(NumberAt(board, 0, "median_cycle_days"), 30);
  EXPECT_EQ(NumberAt(board, 0, "open_deals"), 2);
  EXPECT_NEAR(NumberAt(board, 0, "open_pipeline_value"), 1150, 1e-9);
  EXPECT_NEAR(NumberAt(board, 0, "expected_value"), 1050 * 8.0 / 13 + 100 * 7.0 / 12, 1e-9);
  EXPECT_EQ(TextAt(board, 1, "sales_agent"), "Cal");
  EXPECT_EQ(NumberAt(board, 1, "open_deals"), 0);  // E2 was not engaged yet
  EXPECT_EQ(TextAt(board, 2, "sales_agent"), "Bob");
  EXPECT_NEAR(NumberAt(board, 2, "expected_value"), 1050 * 8.0 / 13, 1e-9);
  EXPECT_NEAR(MetricNumber(insight, "team_win_rate"), 0.6, 1e-12);
}

TEST(AgentPerformanceTest, ActivitiesDoNotChangeTheLeaderboard) {
  Dataset without = SmallCrm();
  without.activities = ActivityColumns{};
  const Insight with_activities = RunInsight(SmallCrm(), "agent_performance", {{"as_of", "2017-06-30"}});
  const Insight without_activities = RunInsight(without, "agent_performance", {{"as_of", "2017-06-30"}});
  EXPECT_EQ(InsightJson(with_activities), InsightJson(without_activities));
  EXPECT_EQ(MetricText(without_activities, "top_agent"), "Ann");
}

}  // namespace
}  // namespace crm::analytics::test
