// at_risk_accounts on the hand-built HealthCrm (account_fixture.h): reasons, thresholds and ranking by hand.
#include <cmath>

#include <gtest/gtest.h>

#include "account_fixture.h"

namespace crm::analytics::test {
namespace {

Insight AtRisk(const Dataset& data, std::vector<std::pair<std::string, std::string>> filters = {}) {
  filters.emplace_back("as_of", kAccountsAsOf);
  return RunInsight(data, "at_risk_accounts", filters);
}

std::string Text(const Table& table, const std::string& account, const std::string& column) {
  const std::vector<Cell>* row = FindRow(table, account);
  return row ? std::get<std::string>(CellAt(table, *row, column)) : "";
}

TEST(AtRiskAccountsTest, ThresholdsLearnedFromTheData) {
  const Insight insight = AtRisk(HealthCrm());
  // Closed deals of the accounts: 14 won (6 + 4 + 1 + 3) and 14 lost (4 + 2 + 1 + 7): p = 0.5.
  EXPECT_EQ(MetricNumber(insight, "peer_win_rate"), 0.5);
  // Least N >= 2 with 0.5^N <= 0.05: 0.5^4 = 0.0625, 0.5^5 = 0.03125.
  EXPECT_EQ(MetricNumber(insight, "loss_run_threshold"), 5);
  EXPECT_EQ(MetricNumber(insight, "overdue_factor"), 3);
  EXPECT_EQ(MetricNumber(insight, "min_closed_deals"), 5);
  // Calm has 2 closed deals: no verdict. Able, Brisk and Dusk are assessed.
  EXPECT_EQ(MetricNumber(insight, "accounts_assessed"), 3);
  EXPECT_EQ(MetricNumber(insight, "accounts_without_verdict"), 1);
  EXPECT_EQ(MetricNumber(insight, "accounts_at_risk"), 2);
  EXPECT_EQ(MetricNumber(insight, "deals_without_account"), 2);
  // Last 180 days: Able 4 of 5, Brisk 4 of 6, Dusk 0 of 5 (Calm's loss at 40 too): 8 of 17.
  EXPECT_NEAR(MetricNumber(insight, "peer_recent_win_rate"), 8.0 / 17, 1e-12);
  // Before: Able 2 of 5, Calm 1 of 1, Dusk 3 of 5: 6 of 11.
  EXPECT_NEAR(MetricNumber(insight, "peer_earlier_win_rate"), 6.0 / 11, 1e-12);
}

TEST(AtRiskAccountsTest, ReasonsWithEvidenceRankedBySeverity) {
  const Insight insight = AtRisk(HealthCrm());
  const Table* table = insight.FindTable("at_risk_accounts");
  ASSERT_NE(table, nullptr);
  // Dusk: 280 days since its last win > 3 x its 10-day rhythm; 0 of 5 recently, and the Wilson upper
  // bound of 0/5 (0.43) is below its earlier 3 of 5; nothing open after 3 wins; the 5 losses after its
  // last win reach the threshold 5. Brisk: 100 days > 30; nothing open; its 2 losses are no run.
  EXPECT_EQ(RowNames(*table), (std::vector<std::string>{"Dusk", "Brisk"}));
  EXPECT_EQ(NumberAt(*table, "Dusk", "reasons"), 4);
  EXPECT_EQ(NumberAt(*table, "Brisk", "reasons"), 2);
  EXPECT_EQ(Text(*table, "Dusk", "evidence"),
            "no win for 280 days, 28.0x its usual gap of 10 days; win rate 0% in the last 180 days (0 of 5) vs "
            "60% before (3 of 5); no open deal after 3 won; last 5 closed deals lost");
  EXPECT_EQ(Text(*table, "Brisk", "evidence"),
            "no win for 100 days, 10.0x its usual gap of 10 days; no open deal after 4 won");
  EXPECT_EQ(NumberAt(*table, "Brisk", "loss_run"), 2);
  EXPECT_NEAR(NumberAt(*table, "Dusk", "health_score"), 10 / 0.85, 1e-9);
  const Table* reasons = insight.FindTable("reasons");
  ASSERT_NE(reasons, nullptr);
  EXPECT_EQ(NumberAt(*reasons, "overdue_win", "accounts"), 2);
  EXPECT_EQ(NumberAt(*reasons, "win_rate_drop", "accounts"), 1);
  EXPECT_EQ(NumberAt(*reasons, "pipeline_dried_up", "accounts"), 2);
  EXPECT_EQ(NumberAt(*reasons, "loss_run", "accounts"), 1);
  EXPECT_EQ(Text(*reasons, "loss_run", "rule"), "last 5 or more closed deals lost");
  ASSERT_EQ(insight.charts.size(), 2u);
  EXPECT_EQ(insight.charts[0].labels.size(), 4u);
}

TEST(AtRiskAccountsTest, TheLossRunThresholdFollowsTheFilteredDeals) {
  // Bob's deals: Brisk 4 won 2 lost, Dusk 3 won 7 lost: p = 7/16, and 0.5625^5 = 0.056 > 0.05 >= 0.5625^6:
  // N = 6, so Dusk's 5 losses are no longer a run.
  const Insight insight = AtRisk(HealthCrm(), {{"sales_agent", "Bob"}});
  EXPECT_NEAR(MetricNumber(insight, "peer_win_rate"), 7.0 / 16, 1e-12);
  EXPECT_EQ(MetricNumber(insight, "loss_run_threshold"), 6);
  const Table* table = insight.FindTable("at_risk_accounts");
  ASSERT_NE(table, nullptr);
  EXPECT_EQ(NumberAt(*table, "Dusk", "reasons"), 3);
  EXPECT_EQ(MetricNumber(insight, "deals_without_account"), 0);
}

TEST(AtRiskAccountsTest, AccountFiltersAndTop) {
  const Insight tech = AtRisk(HealthCrm(), {{"sector", "tech"}});
  EXPECT_EQ(RowNames(*tech.FindTable("at_risk_accounts")), std::vector<std::string>{"Brisk"});
  EXPECT_EQ(MetricNumber(tech, "accounts_without_verdict"), 1);  // Calm
  EXPECT_EQ(MetricNumber(tech, "loss_run_threshold"), 5);         // learned from all peer accounts
  const Insight top = AtRisk(HealthCrm(), {{"top", "1"}});
  EXPECT_EQ(RowNames(*top.FindTable("at_risk_accounts")), std::vector<std::string>{"Dusk"});
  EXPECT_EQ(MetricNumber(top, "accounts_at_risk"), 2);
}

TEST(AtRiskAccountsTest, AStageFilterLeavesOutWhatItEmpties) {
  // Won deals only: nothing is open and every rate is 100%, so only overdue wins are judged. Only Able
  // keeps 5 closed deals (Brisk 4, Dusk 3, Calm 1), and it won 5 days ago.
  const Insight insight = AtRisk(HealthCrm(), {{"deal_stage", "Won"}});
  EXPECT_TRUE(std::isnan(MetricNumber(insight, "loss_run_threshold")));
  EXPECT_EQ(MetricNumber(insight, "accounts_assessed"), 1);
  EXPECT_EQ(MetricNumber(insight, "accounts_without_verdict"), 3);
  EXPECT_TRUE(insight.FindTable("at_risk_accounts")->rows.empty());
  const Table* reasons = insight.FindTable("reasons");
  ASSERT_NE(reasons, nullptr);
  for (const std::string reason : {"win_rate_drop", "pipeline_dried_up", "loss_run"}) {
    EXPECT_EQ(Text(*reasons, reason, "rule"), "not judged under a stage filter");
  }
  // Health loses the trend and the coverage: Able (0.25 x 100 + 0.15 x 100 + 0.15 x 100) / 0.55 = 100;
  // Brisk (0 + 0.15 x 200/3 x 2) / 0.55.
  const Insight health = RunInsight(HealthCrm(), "account_health", {{"as_of", kAccountsAsOf}, {"deal_stage", "Won"}});
  const Table* table = health.FindTable("account_health");
  ASSERT_NE(table, nullptr);
  EXPECT_NEAR(NumberAt(*table, "Able", "health_score"), 100, 1e-9);
  EXPECT_NEAR(NumberAt(*table, "Brisk", "health_score"), 20 / 0.55, 1e-9);
  EXPECT_TRUE(std::isnan(NumberAt(*table, "Able", "pipeline_coverage")));
}

TEST(AtRiskAccountsTest, AsOfSeesTheOpenDealThen) {
  // 95 days before: Dusk's loss at 90 (engaged at 100) is still open, so its pipeline has not dried up;
  // its only loss after the last win (280) is the one at 100, and only 1 deal (100) closed in the
  // 180 days before that date, so no trend either. Still overdue: 185 days > 3 x 10.
  const Insight insight = RunInsight(HealthCrm(), "at_risk_accounts", {{"as_of", DaysBefore(95)}});
  const Table* table = insight.FindTable("at_risk_accounts");
  ASSERT_NE(table, nullptr);
  EXPECT_EQ(NumberAt(*table, "Dusk", "open_deals"), 1);
  EXPECT_EQ(NumberAt(*table, "Dusk", "loss_run"), 1);
  EXPECT_EQ(Text(*table, "Dusk", "evidence"), "no win for 185 days, 18.5x its usual gap of 10 days");
}

}  // namespace
}  // namespace crm::analytics::test
