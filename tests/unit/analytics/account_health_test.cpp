// account_health on the hand-built HealthCrm (account_fixture.h): every expected figure is worked out in
// the comments from the formula in docs/analytics/account_health.md.
#include <cmath>

#include <gtest/gtest.h>

#include "account_fixture.h"
#include "crm/analytics/account_health.h"

namespace crm::analytics::test {
namespace {

// Able's average quarterly won value: 6 wins of 1,000 since its first engagement 250 days before the
// as-of date, i.e. over (250 + 1) / 91.3125 quarters.
const double kAbleQuarterly = 6000 / (251 / 91.3125);

Insight Health(const Dataset& data, std::vector<std::pair<std::string, std::string>> filters = {}) {
  filters.emplace_back("as_of", kAccountsAsOf);
  return RunInsight(data, "account_health", filters);
}

TEST(AccountHealthTest, LearnedFiguresAndScope) {
  const Insight insight = Health(HealthCrm());
  EXPECT_EQ(MetricNumber(insight, "accounts"), 4);
  EXPECT_EQ(MetricNumber(insight, "peer_accounts"), 4);
  EXPECT_EQ(MetricNumber(insight, "deals_without_account"), 2);  // the win at 150 and the prospect
  // Own rhythms: Able's win days (ages 210 200 35 25 15 5) have gaps 10 165 10 10 10, median 10; Brisk's
  // and Dusk's gaps are all 10; Calm won once. Typical: median(10, 10, 10).
  EXPECT_EQ(MetricNumber(insight, "typical_buying_rhythm_days"), 10);
  // 5 + 3 + 2 = 10 gaps, fewer than 20: the default factor 3.
  EXPECT_EQ(MetricNumber(insight, "overdue_factor_gaps"), 10);
  EXPECT_EQ(MetricNumber(insight, "overdue_factor"), 3);
  EXPECT_EQ(MetricNumber(insight, "healthy_accounts"), 1);
  EXPECT_EQ(MetricNumber(insight, "watch_accounts"), 0);
  EXPECT_EQ(MetricNumber(insight, "at_risk_accounts"), 3);
  EXPECT_EQ(insight.FindMetric("typical_activity_days"), nullptr);
}

TEST(AccountHealthTest, TwoThreadPassesGiveTheSameHealthAsOnePass) {
  constexpr int32_t kBallast = 300000;  // over the two-thread threshold (2^18 deals)
  const Insight small = Health(HealthCrm());
  const Insight large = Health(HealthCrm(false, kBallast));
  EXPECT_EQ(MetricNumber(large, "deals_without_account"), 2 + kBallast);
  const Table* expected = small.FindTable("account_health");
  const Table* actual = large.FindTable("account_health");
  ASSERT_NE(expected, nullptr);
  ASSERT_NE(actual, nullptr);
  EXPECT_EQ(actual->columns, expected->columns);
  EXPECT_EQ(actual->rows, expected->rows);  // every component of Able, whose wins the split divides
}

TEST(AccountHealthTest, ComponentsByHand) {
  const Insight insight = Health(HealthCrm());
  const Table* table = insight.FindTable("account_health");
  ASSERT_NE(table, nullptr);
  // No activities: no activity column.
  EXPECT_EQ(std::find(table->columns.begin(), table->columns.end(), "activity"), table->columns.end());
  // Recency: Able 5 days since its last win, under its 10-day rhythm: 100. Brisk 100 / 10, Calm 300 / 10
  // (typical rhythm), Dusk 280 / 10: all past 3 rhythms, 0.
  EXPECT_EQ(NumberAt(*table, "Able", "recency"), 100);
  EXPECT_EQ(NumberAt(*table, "Brisk", "recency"), 0);
  EXPECT_EQ(NumberAt(*table, "Calm", "recency"), 0);
  // Frequency: wins in the last 365 days Calm 1 < Dusk 3 < Brisk 4 < Able 6: ranks 0, 1, 2, 3 of 3.
  EXPECT_EQ(NumberAt(*table, "Able", "frequency"), 100);
  EXPECT_NEAR(NumberAt(*table, "Brisk", "frequency"), 200.0 / 3, 1e-9);
  EXPECT_NEAR(NumberAt(*table, "Dusk", "frequency"), 100.0 / 3, 1e-9);
  EXPECT_EQ(NumberAt(*table, "Calm", "frequency"), 0);
  // Monetary: the same order (1,000 per win).
  EXPECT_NEAR(NumberAt(*table, "Dusk", "monetary"), 100.0 / 3, 1e-9);
  // Win trend: Able 4 of 5 in the last 180 days vs 2 of 5 before: 50 + 200 x 0.4 → 100. Dusk 0 of 5 vs
  // 3 of 5: 50 − 200 x 0.6 → 0. Brisk has no earlier deals and Calm too few: absent.
  EXPECT_EQ(NumberAt(*table, "Able", "win_trend"), 100);
  EXPECT_EQ(NumberAt(*table, "Dusk", "win_trend"), 0);
  EXPECT_TRUE(std::isnan(NumberAt(*table, "Brisk", "win_trend")));
  EXPECT_TRUE(std::isnan(NumberAt(*table, "Calm", "win_trend")));
  // Pipeline coverage: Able's open deal is worth 1,000 (Alpha's won-to-list ratio is 1) against its
  // average quarter; Calm's 1,000 covers far more than its 1,000 x 91.3125 / 311; Brisk and Dusk: nothing
  // open.
  EXPECT_NEAR(NumberAt(*table, "Able", "pipeline_coverage"), 100 * 1000 / kAbleQuarterly, 1e-9);
  EXPECT_EQ(NumberAt(*table, "Calm", "pipeline_coverage"), 100);
  EXPECT_EQ(NumberAt(*table, "Brisk", "pipeline_coverage"), 0);
}

TEST(AccountHealthTest, ScoresBandsAndOrder) {
  const Insight insight = Health(HealthCrm());
  const Table* table = insight.FindTable("account_health");
  ASSERT_NE(table, nullptr);
  // Able: (0.25 x 100 + 0.15 x (100 + 100 + 100 + coverage)) / 0.85.
  const double able = (25 + 45 + 0.15 * 100 * 1000 / kAbleQuarterly) / 0.85;
  EXPECT_NEAR(NumberAt(*table, "Able", "health_score"), able, 1e-9);
  EXPECT_NEAR(able, 90.44, 0.01);
  // Brisk without a trend: 0.15 x (200/3 + 200/3) / 0.70 = 20 / 0.7; Calm: 0.15 x 100 / 0.7;
  // Dusk: 0.15 x (100/3 + 100/3) / 0.85.
  EXPECT_NEAR(NumberAt(*table, "Brisk", "health_score"), 20 / 0.7, 1e-9);
  EXPECT_NEAR(NumberAt(*table, "Calm", "health_score"), 15 / 0.7, 1e-9);
  EXPECT_NEAR(NumberAt(*table, "Dusk", "health_score"), 10 / 0.85, 1e-9);
  EXPECT_EQ(std::get<std::string>(CellAt(*table, *FindRow(*table, "Able"), "band")), "Healthy");
  EXPECT_EQ(std::get<std::string>(CellAt(*table, *FindRow(*table, "Dusk"), "band")), "At risk");
  // Lowest first.
  EXPECT_EQ(RowNames(*table), (std::vector<std::string>{"Dusk", "Calm", "Brisk", "Able"}));
  // Calm's parent is shown; Able has none.
  EXPECT_EQ(std::get<std::string>(CellAt(*table, *FindRow(*table, "Calm"), "parent")), "Able");
  EXPECT_TRUE(std::holds_alternative<std::nullptr_t>(CellAt(*table, *FindRow(*table, "Able"), "parent")));
  EXPECT_NE(
      std::find(insight.notes.begin(), insight.notes.end(),
                "The data has no activities: the activity component is absent and the other weights are "
                "renormalised to sum to 1."),
      insight.notes.end());
}

TEST(AccountHealthTest, InputsBehindTheComponents) {
  const Insight insight = Health(HealthCrm());
  const Table* inputs = insight.FindTable("health_inputs");
  ASSERT_NE(inputs, nullptr);
  EXPECT_EQ(NumberAt(*inputs, "Brisk", "days_since_last_win"), 100);
  EXPECT_EQ(NumberAt(*inputs, "Calm", "buying_rhythm_days"), 10);
  EXPECT_EQ(std::get<std::string>(CellAt(*inputs, *FindRow(*inputs, "Calm"), "rhythm_basis")), "typical");
  EXPECT_EQ(std::get<std::string>(CellAt(*inputs, *FindRow(*inputs, "Able"), "rhythm_basis")), "own");
  EXPECT_NEAR(NumberAt(*inputs, "Able", "recent_win_rate"), 0.8, 1e-12);
  EXPECT_NEAR(NumberAt(*inputs, "Able", "earlier_win_rate"), 0.4, 1e-12);
  EXPECT_NEAR(NumberAt(*inputs, "Able", "average_quarterly_won"), kAbleQuarterly, 1e-9);
  EXPECT_EQ(NumberAt(*inputs, "Calm", "open_value"), 1000);
  const Table* histogram = insight.FindTable("score_distribution");
  ASSERT_NE(histogram, nullptr);
  // Dusk 11.8 and Calm 21.4 → bins 10–20 and 20–30; Brisk 28.6 → 20–30; Able 90.4 → 90–100.
  EXPECT_EQ(NumberAt(*histogram, "10–20", "accounts"), 1);
  EXPECT_EQ(NumberAt(*histogram, "20–30", "accounts"), 2);
  EXPECT_EQ(NumberAt(*histogram, "90–100", "accounts"), 1);
  ASSERT_EQ(insight.charts.size(), 2u);
  EXPECT_EQ(insight.charts[0].type, "histogram");
  EXPECT_EQ(insight.charts[1].labels, (std::vector<std::string>{"Dusk", "Calm", "Brisk", "Able"}));
}

TEST(AccountHealthTest, ActivityComponentWhenTheDataHasActivities) {
  const Insight insight = Health(HealthCrm(true));
  // Days since the last activity: Able 2, Dusk 9, Brisk 40 (Calm's only activity is after the as-of
  // date). Typical: max(7, median(2, 9, 40)) = 9.
  EXPECT_EQ(MetricNumber(insight, "typical_activity_days"), 9);
  const Table* table = insight.FindTable("account_health");
  ASSERT_NE(table, nullptr);
  EXPECT_EQ(NumberAt(*table, "Able", "activity"), 100);  // 2 / 9 <= 1
  EXPECT_EQ(NumberAt(*table, "Dusk", "activity"), 100);  // 9 / 9 = 1
  EXPECT_EQ(NumberAt(*table, "Brisk", "activity"), 0);   // 40 / 9 >= 3
  EXPECT_EQ(NumberAt(*table, "Calm", "activity"), 0);    // never contacted by the as-of date
  // Weights now sum to 1 when the trend is present, 0.85 when not.
  EXPECT_NEAR(NumberAt(*table, "Able", "health_score"), 25 + 45 + 0.15 * 100 * 1000 / kAbleQuarterly + 15,
              1e-9);
  EXPECT_NEAR(NumberAt(*table, "Dusk", "health_score"), 10 + 15, 1e-9);
  EXPECT_NEAR(NumberAt(*table, "Brisk", "health_score"), 20 / 0.85, 1e-9);
  const Table* inputs = insight.FindTable("health_inputs");
  ASSERT_NE(inputs, nullptr);
  EXPECT_TRUE(std::isnan(NumberAt(*inputs, "Calm", "days_since_activity")));
}

TEST(AccountHealthTest, AccountFiltersKeepPeersAndTopCuts) {
  const Dataset data = HealthCrm();
  const Insight retail = Health(data, {{"sector", "retail"}});
  EXPECT_EQ(MetricNumber(retail, "accounts"), 1);
  EXPECT_EQ(MetricNumber(retail, "peer_accounts"), 4);          // percentiles still rank among all four
  EXPECT_EQ(MetricNumber(retail, "deals_without_account"), 0);  // the sector filter drops them
  const Table* table = retail.FindTable("account_health");
  ASSERT_NE(table, nullptr);
  EXPECT_EQ(RowNames(*table), std::vector<std::string>{"Dusk"});
  EXPECT_NEAR(NumberAt(*table, "Dusk", "health_score"), 10 / 0.85, 1e-9);
  const Insight top = Health(data, {{"top", "2"}});
  EXPECT_EQ(RowNames(*top.FindTable("account_health")), (std::vector<std::string>{"Dusk", "Calm"}));
  EXPECT_EQ(top.FindTable("health_inputs")->rows.size(), 2u);
  EXPECT_EQ(MetricNumber(top, "accounts"), 4);
}

TEST(AccountHealthTest, GroupsBySectorOnly) {
  const Insight insight = Health(HealthCrm(), {{"by", "sector"}});
  const Table* table = insight.FindTable("by_sector");
  ASSERT_NE(table, nullptr);
  // tech: Able (healthy), Brisk and Calm (at risk); retail: Dusk (at risk).
  const double able = (25 + 45 + 0.15 * 100 * 1000 / kAbleQuarterly) / 0.85;
  EXPECT_NEAR(NumberAt(*table, "tech", "mean_health_score"), (able + 20 / 0.7 + 15 / 0.7) / 3, 1e-9);
  EXPECT_EQ(NumberAt(*table, "tech", "healthy"), 1);
  EXPECT_EQ(NumberAt(*table, "tech", "at_risk"), 2);
  EXPECT_EQ(NumberAt(*table, "retail", "accounts"), 1);
  const Insight by_agent = Health(HealthCrm(), {{"by", "sales_agent"}});
  EXPECT_EQ(by_agent.FindTable("by_sales_agent"), nullptr);
  const std::string note =
      "--by sales_agent is not an attribute of an account; health can be grouped by sector or country.";
  EXPECT_NE(std::find(by_agent.notes.begin(), by_agent.notes.end(), note), by_agent.notes.end());
}

TEST(AccountHealthTest, DealFiltersNarrowThePeers) {
  // Bob's deals only: Brisk and Dusk. Frequency and monetary rank Dusk (3 wins) 0 and Brisk (4) 100.
  const Insight bob = Health(HealthCrm(), {{"sales_agent", "Bob"}});
  EXPECT_EQ(MetricNumber(bob, "peer_accounts"), 2);
  const Table* table = bob.FindTable("account_health");
  ASSERT_NE(table, nullptr);
  EXPECT_EQ(NumberAt(*table, "Brisk", "frequency"), 100);
  EXPECT_NEAR(NumberAt(*table, "Brisk", "health_score"), 30 / 0.7, 1e-9);  // 0.15 x (100 + 100) / 0.7: Watch
  EXPECT_EQ(std::get<std::string>(CellAt(*table, *FindRow(*table, "Brisk"), "band")), "Watch");
  EXPECT_EQ(NumberAt(*table, "Dusk", "health_score"), 0);
}

TEST(AccountHealthTest, AsOfRewindsEachAccountsHistory) {
  // 150 days before: Brisk's deals were engaged later and do not exist yet; Able had won at 210 and 200.
  const Insight insight = RunInsight(HealthCrm(), "account_health", {{"as_of", DaysBefore(150)}});
  const Table* inputs = insight.FindTable("health_inputs");
  ASSERT_NE(inputs, nullptr);
  EXPECT_EQ(RowNames(*inputs).size(), 3u);
  EXPECT_EQ(NumberAt(*inputs, "Able", "days_since_last_win"), 50);
  EXPECT_EQ(NumberAt(*inputs, "Able", "open_deals"), 0);
  // Dusk's loss at 90 was engaged at 100: at 95 days before, it is still open.
  const Insight later = RunInsight(HealthCrm(), "account_health", {{"as_of", DaysBefore(95)}});
  EXPECT_EQ(NumberAt(*later.FindTable("health_inputs"), "Dusk", "open_deals"), 1);
}

TEST(AccountHealthTest, OverdueFactorLearnedFromManyGaps) {
  // One account with win days 2 apart from 6 to 42 days before (18 gaps of 2) and then 50, 58, 66, 74,
  // 82 (5 gaps of 8): own rhythm median(18 x 2, 5 x 8) = 2; gap / rhythm: 18 x 1 and 5 x 4; the 90th
  // percentile is order statistic floor(0.9 x 22) = 19 of the sorted ratios: 4.
  DatasetBuilder b;
  const int32_t alpha = b.Product("Alpha", "A", 1000);
  const int32_t ann = b.Agent("Ann", "Mia", "East");
  const int32_t busy = b.Account("Busy", "tech", 1, 1, "US");
  for (int age = 6; age <= 42; age += 2) ClosedDeal(b, ann, alpha, busy, true, age);
  for (int age = 50; age <= 82; age += 8) ClosedDeal(b, ann, alpha, busy, true, age);
  const Insight insight = Health(b.Build());
  EXPECT_EQ(MetricNumber(insight, "overdue_factor_gaps"), 23);
  EXPECT_EQ(MetricNumber(insight, "overdue_factor"), 4);
  EXPECT_EQ(MetricNumber(insight, "typical_buying_rhythm_days"), 2);
  // 6 days since the last win = 3 rhythms: recency 100 x (4 − 3) / (4 − 1).
  EXPECT_NEAR(NumberAt(*insight.FindTable("account_health"), "Busy", "recency"), 100.0 / 3, 1e-9);
}

TEST(AccountHealthTest, WinTrendScalesTheChange) {
  // Recent 3 of 5 (ages 10 to 50), earlier 2 of 5 (ages 200 to 240): 50 + 200 x (0.6 − 0.4) = 90.
  DatasetBuilder b;
  const int32_t alpha = b.Product("Alpha", "A", 1000);
  const int32_t ann = b.Agent("Ann", "Mia", "East");
  const int32_t steady = b.Account("Steady", "tech", 1, 1, "US");
  for (int age : {10, 20, 30, 200, 210}) ClosedDeal(b, ann, alpha, steady, true, age);
  for (int age : {40, 50, 220, 230, 240}) ClosedDeal(b, ann, alpha, steady, false, age);
  const Insight insight = Health(b.Build());
  EXPECT_NEAR(NumberAt(*insight.FindTable("account_health"), "Steady", "win_trend"), 90, 1e-9);
}

TEST(AccountHealthTest, LibraryApiScoresEveryPeerAndMarksTheSelected) {
  const Dataset data = HealthCrm();
  const Engine engine(data);
  FilterRequest request;
  request.account = "Calm";
  request.as_of = kAccountsAsOf;
  const DealFilter filter = *ResolveFilters(data, request, engine.latest_day());
  const QueryContext query(data, engine.calendar(), filter, engine.latest_day());
  const AccountHealthReport report = ScoreAccountHealth(query);
  ASSERT_EQ(report.accounts.size(), 4u);
  int selected = 0;
  for (const AccountHealthScore& health : report.accounts) {
    selected += health.selected;
    if (data.accounts[health.account].name != "Calm") continue;
    EXPECT_TRUE(health.selected);
    EXPECT_EQ(health.won, 1);
    EXPECT_EQ(health.lost, 1);
    EXPECT_EQ(health.loss_run, 1);  // the loss at 40 came after the win at 300
    EXPECT_NEAR(health.score, 15 / 0.7, 1e-9);
    EXPECT_EQ(health.band, HealthBand::kAtRisk);
  }
  EXPECT_EQ(selected, 1);
}

}  // namespace
}  // namespace crm::analytics::test
