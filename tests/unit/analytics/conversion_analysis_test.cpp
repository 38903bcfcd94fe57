// conversion_analysis on hand-built data: every expected figure is worked out in the comments.
// Wilson 95% bounds: (p + z²/2n ± z·sqrt(p(1−p)/n + z²/4n²)) / (1 + z²/n) with z = 1.959964, by hand.
#include <algorithm>
#include <cmath>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "analytics_fixture.h"
#include "table_lookup.h"

namespace crm::analytics::test {
namespace {

constexpr double kTolerance = 5e-6;

TEST(ConversionAnalysisTest, ByProductFunnelMonthsAndQuartersByHand) {
  const Dataset data = SmallCrm();
  const Insight insight = RunInsight(data, "conversion_analysis");
  EXPECT_EQ(MetricText(insight, "grouped_by"), "product");
  EXPECT_EQ(MetricNumber(insight, "deals"), 12);
  EXPECT_EQ(MetricNumber(insight, "closed_deals"), 9);
  EXPECT_EQ(MetricNumber(insight, "won_deals"), 6);
  EXPECT_EQ(MetricNumber(insight, "lost_deals"), 3);
  EXPECT_NEAR(MetricNumber(insight, "win_rate"), 6.0 / 9, 1e-12);
  EXPECT_NEAR(MetricNumber(insight, "win_rate_low"), 0.354202, kTolerance);  // 6 of 9
  EXPECT_NEAR(MetricNumber(insight, "win_rate_high"), 0.879416, kTolerance);
  EXPECT_EQ(MetricNumber(insight, "groups"), 2);
  // Alpha: W1 W2 W3 won, L1 lost = 3/4; Beta: W4 W5 W6 won, L2 L3 lost = 3/5. Highest rate first.
  const Table& groups = TableNamed(insight, "win_rate_by_product");
  ASSERT_EQ(groups.rows.size(), 2u);
  EXPECT_EQ(TextAt(groups, 0, "product"), "Alpha");
  EXPECT_EQ(NumberAt(groups, 0, "closed"), 4);
  EXPECT_EQ(NumberAt(groups, 0, "won"), 3);
  EXPECT_EQ(NumberAt(groups, 0, "lost"), 1);
  EXPECT_EQ(NumberAt(groups, 0, "win_rate"), 0.75);
  EXPECT_NEAR(NumberAt(groups, 0, "win_rate_low"), 0.300642, kTolerance);
  EXPECT_NEAR(NumberAt(groups, 0, "win_rate_high"), 0.954413, kTolerance);
  EXPECT_EQ(TextAt(groups, 1, "product"), "Beta");
  EXPECT_EQ(NumberAt(groups, 1, "win_rate"), 0.6);
  EXPECT_NEAR(NumberAt(groups, 1, "win_rate_low"), 0.230724, kTolerance);
  // Best Alpha 75% [30.1, 95.4], worst Beta 60% [23.1, 88.2]: the intervals overlap.
  EXPECT_EQ(MetricText(insight, "highest_win_rate_group"), "Alpha");
  EXPECT_EQ(MetricText(insight, "lowest_win_rate_group"), "Beta");
  EXPECT_NEAR(MetricNumber(insight, "win_rate_gap"), 0.15, 1e-12);
  EXPECT_EQ(MetricText(insight, "highest_lowest_intervals_overlap"), "yes");
  // Funnel: 12 deals; 11 reached engagement (all but P1); 6 won.
  const Table& funnel = TableNamed(insight, "funnel");
  EXPECT_EQ(NumberAt(funnel, 0, "deals"), 12);
  EXPECT_EQ(NumberAt(funnel, 1, "deals"), 11);
  EXPECT_NEAR(NumberAt(funnel, 1, "rate_from_previous"), 11.0 / 12, 1e-12);
  EXPECT_EQ(NumberAt(funnel, 2, "deals"), 6);
  EXPECT_NEAR(NumberAt(funnel, 2, "rate_from_previous"), 6.0 / 11, 1e-12);
  // Close months: Jan W4; Feb W1 L2; Mar W3 L1; Apr W2; May W5; Jun W6 L3.
  const Table& months = TableNamed(insight, "by_month");
  ASSERT_EQ(months.rows.size(), 6u);
  EXPECT_EQ(TextAt(months, 0, "month"), "2017-01");
  EXPECT_EQ(NumberAt(months, 0, "win_rate"), 1);
  EXPECT_EQ(TextAt(months, 1, "month"), "2017-02");
  EXPECT_EQ(NumberAt(months, 1, "closed"), 2);
  EXPECT_EQ(NumberAt(months, 1, "won"), 1);
  EXPECT_NEAR(NumberAt(months, 1, "win_rate_low"), 0.094531, kTolerance);  // 1 of 2
  EXPECT_EQ(TextAt(months, 5, "month"), "2017-06");
  EXPECT_EQ(NumberAt(months, 5, "win_rate"), 0.5);
  // Q1: W4 W1 L2 W3 L1 = 3 of 5; Q2: W2 W5 W6 L3 = 3 of 4.
  const Table& quarters = TableNamed(insight, "by_quarter");
  ASSERT_EQ(quarters.rows.size(), 2u);
  EXPECT_EQ(TextAt(quarters, 0, "quarter"), "2017-Q1");
  EXPECT_EQ(NumberAt(quarters, 0, "closed"), 5);
  EXPECT_EQ(NumberAt(quarters, 0, "won"), 3);
  EXPECT_EQ(TextAt(quarters, 1, "quarter"), "2017-Q2");
  EXPECT_EQ(NumberAt(quarters, 1, "win_rate"), 0.75);
  // Charts: win rate by group with its band, monthly line with its band, funnel.
  ASSERT_EQ(insight.charts.size(), 3u);
  EXPECT_EQ(insight.charts[0].type, "bar");
  EXPECT_EQ(insight.charts[0].labels, (std::vector<std::string>{"Alpha", "Beta"}));
  EXPECT_NEAR(insight.charts[0].series[0].low[1], 0.230724, kTolerance);
  EXPECT_NEAR(insight.charts[0].series[0].high[0], 0.954413, kTolerance);
  EXPECT_EQ(insight.charts[1].type, "line");
  EXPECT_EQ(insight.charts[1].labels.size(), 6u);
  EXPECT_EQ(insight.charts[1].series[0].high.size(), 6u);
  EXPECT_EQ(insight.charts[2].type, "funnel");
}

TEST(ConversionAnalysisTest, GroupsByTheRequestedDimensionAndHonoursTop) {
  const Dataset data = SmallCrm();
  // Ann: W1 W2 won, L3 lost = 2/3; Bob: W4 won, L1 L2 lost = 1/3; Cal: W3 W5 W6 won = 3/3.
  const Insight insight = RunInsight(data, "conversion_analysis", {{"by", "sales_agent"}, {"top", "1"}});
  EXPECT_EQ(MetricText(insight, "grouped_by"), "sales_agent");
  const Table& groups = TableNamed(insight, "win_rate_by_sales_agent");
  ASSERT_EQ(groups.rows.size(), 1u);  // --top 1 keeps the highest
  EXPECT_EQ(TextAt(groups, 0, "sales_agent"), "Cal");
  EXPECT_NEAR(NumberAt(groups, 0, "win_rate_low"), 0.438503, kTolerance);  // 3 of 3
  EXPECT_EQ(NumberAt(groups, 0, "win_rate_high"), 1);
  // The spread still looks at every group: Cal 3/3 [43.9, 100] against Bob 1/3 [6.1, 79.2] overlap.
  EXPECT_EQ(MetricNumber(insight, "groups"), 3);
  EXPECT_EQ(MetricText(insight, "highest_win_rate_group"), "Cal");
  EXPECT_EQ(MetricText(insight, "lowest_win_rate_group"), "Bob");
  EXPECT_NEAR(MetricNumber(insight, "lowest_win_rate"), 1.0 / 3, 1e-12);
  EXPECT_EQ(MetricText(insight, "highest_lowest_intervals_overlap"), "yes");
}

TEST(ConversionAnalysisTest, GroupingByStageFallsBackToProduct) {
  const Dataset data = SmallCrm();
  const Insight insight = RunInsight(data, "conversion_analysis", {{"by", "deal_stage"}});
  EXPECT_EQ(MetricText(insight, "grouped_by"), "product");
  EXPECT_NE(insight.FindTable("win_rate_by_product"), nullptr);
  EXPECT_TRUE(std::any_of(insight.notes.begin(), insight.notes.end(), [](const std::string& note) {
    return note.find("grouped by product instead") != std::string::npos;
  }));
  const Insight by_product = RunInsight(data, "conversion_analysis");
  EXPECT_EQ(by_product.notes.size() + 1, insight.notes.size());  // the note only when --by deal_stage
}

TEST(ConversionAnalysisTest, FiltersSelectTheDealsAndTiesKeepTwoGroups) {
  const Dataset data = SmallCrm();
  // Tech accounts Acme and Cora: W1 W3 W4 W6 won, L1 L3 lost, E1 open; P1 (no account) is left out.
  const Insight insight = RunInsight(data, "conversion_analysis", {{"sector", "tech"}});
  EXPECT_EQ(MetricNumber(insight, "deals"), 7);
  EXPECT_NEAR(MetricNumber(insight, "win_rate"), 4.0 / 6, 1e-12);
  // Alpha W1 W3 L1 and Beta W4 W6 L3 both win 2 of 3: a tie keeps key order, and the lowest is the other.
  EXPECT_EQ(MetricText(insight, "highest_win_rate_group"), "Alpha");
  EXPECT_EQ(MetricText(insight, "lowest_win_rate_group"), "Beta");
  EXPECT_EQ(MetricNumber(insight, "win_rate_gap"), 0);
  const Insight q2_west =
      RunInsight(data, "conversion_analysis", {{"period", "2017-Q2"}, {"regional_office", "west"}});
  // Cal's deals dated in Q2: W5 and W6 won (E2 engaged in June, open): one group, no spread.
  EXPECT_EQ(MetricNumber(q2_west, "closed_deals"), 2);
  EXPECT_EQ(MetricNumber(q2_west, "groups"), 1);
  EXPECT_TRUE(MetricIsNull(q2_west, "highest_win_rate_group"));
  EXPECT_TRUE(MetricIsNull(q2_west, "highest_lowest_intervals_overlap"));
}

TEST(ConversionAnalysisTest, AsOfRewindsClosedDeals) {
  const Dataset data = SmallCrm();
  // By 2017-03-31: W1 W3 W4 won, L1 L2 lost; W2 and L3 still open; W5 W6 E1 E2 not engaged yet.
  const Insight insight = RunInsight(data, "conversion_analysis", {{"as_of", "2017-03-31"}});
  EXPECT_EQ(MetricNumber(insight, "closed_deals"), 5);
  EXPECT_NEAR(MetricNumber(insight, "win_rate"), 0.6, 1e-12);
  EXPECT_NEAR(MetricNumber(insight, "win_rate_low"), 0.230724, kTolerance);  // 3 of 5
  const Table& funnel = TableNamed(insight, "funnel");
  EXPECT_EQ(NumberAt(funnel, 0, "deals"), 8);  // W1 W2 W3 W4 L1 L2 L3 P1
  EXPECT_EQ(NumberAt(funnel, 1, "deals"), 7);  // all but P1
  EXPECT_EQ(NumberAt(funnel, 2, "deals"), 3);
  const Table& months = TableNamed(insight, "by_month");
  ASSERT_EQ(months.rows.size(), 3u);  // January to March
  EXPECT_EQ(TextAt(months, 2, "month"), "2017-03");
  EXPECT_EQ(NumberAt(months, 2, "closed"), 2);  // W3 L1
}

//! Product A: 20 deals won in January 2017; product B: 20 lost in March; one deal without an account won in
//! March.
Dataset SeparatedProducts() {
  DatasetBuilder b;
  const int32_t a = b.Product("A", "S", 100);
  const int32_t bp = b.Product("B", "S", 100);
  const int32_t ann = b.Agent("Ann", "Mia", "East");
  const int32_t acme = b.Account("Acme", "tech", 10, 10, "US");
  for (int i = 0; i < 20; ++i) {
    b.Deal("A" + std::to_string(i), ann, a, acme, DealStage::kWon, "2017-01-01", "2017-01-15", 100);
    b.Deal("B" + std::to_string(i), ann, bp, acme, DealStage::kLost, "2017-01-01", "2017-03-15", 0);
  }
  b.Deal("N1", ann, a, kNoIndex, DealStage::kWon, "2017-03-01", "2017-03-20", 100);
  return b.Build();
}

TEST(ConversionAnalysisTest, SeparatedIntervalsEmptyMonthsAndDealsWithoutAccount) {
  const Dataset data = SeparatedProducts();
  const Insight insight = RunInsight(data, "conversion_analysis");
  // A: 21 of 21 [84.5%, 100%]; B: 0 of 20 [0%, 16.1%]: the intervals do not overlap.
  EXPECT_EQ(MetricText(insight, "highest_win_rate_group"), "A");
  EXPECT_EQ(MetricText(insight, "lowest_win_rate_group"), "B");
  EXPECT_EQ(MetricNumber(insight, "win_rate_gap"), 1);
  EXPECT_EQ(MetricText(insight, "highest_lowest_intervals_overlap"), "no");
  const Table& groups = TableNamed(insight, "win_rate_by_product");
  EXPECT_NEAR(NumberAt(groups, 0, "win_rate_low"), 0.845361, kTolerance);
  EXPECT_NEAR(NumberAt(groups, 1, "win_rate_high"), 0.161125, kTolerance);
  // January 20 of 20; February nothing closed: a row without a rate; March 1 of 21.
  const Table& months = TableNamed(insight, "by_month");
  ASSERT_EQ(months.rows.size(), 3u);
  EXPECT_EQ(TextAt(months, 1, "month"), "2017-02");
  EXPECT_EQ(NumberAt(months, 1, "closed"), 0);
  EXPECT_TRUE(std::holds_alternative<std::nullptr_t>(CellAt(months, 1, "win_rate")));
  EXPECT_TRUE(std::isnan(insight.charts[1].series[0].values[1]));           // a gap in the line
  EXPECT_NEAR(NumberAt(months, 2, "win_rate_high"), 0.226694, kTolerance);  // 1 of 21
  // By account: the deal without an account is a group of its own, 1 of 1, above Acme's 20 of 40.
  const Insight by_account = RunInsight(data, "conversion_analysis", {{"by", "account"}});
  const Table& accounts = TableNamed(by_account, "win_rate_by_account");
  ASSERT_EQ(accounts.rows.size(), 2u);
  EXPECT_EQ(TextAt(accounts, 0, "account"), "(no account)");
  EXPECT_EQ(TextAt(accounts, 1, "account"), "Acme");
  EXPECT_NEAR(NumberAt(accounts, 1, "win_rate_low"), 0.351995, kTolerance);  // 20 of 40
}

TEST(ConversionAnalysisTest, NothingClosedLeavesRatesMissing) {
  const Dataset data = SmallCrm();
  const Insight insight = RunInsight(data, "conversion_analysis", {{"deal_stage", "Engaging"}});
  EXPECT_EQ(MetricNumber(insight, "deals"), 2);  // E1 E2
  EXPECT_EQ(MetricNumber(insight, "closed_deals"), 0);
  EXPECT_TRUE(MetricIsNull(insight, "win_rate"));
  EXPECT_TRUE(MetricIsNull(insight, "win_rate_low"));
  EXPECT_EQ(MetricNumber(insight, "groups"), 0);
  EXPECT_TRUE(TableNamed(insight, "win_rate_by_product").rows.empty());
  EXPECT_TRUE(TableNamed(insight, "by_month").rows.empty());
  EXPECT_TRUE(TableNamed(insight, "by_quarter").rows.empty());
}

TEST(ConversionAnalysisTest, ActivitiesDoNotChangeTheRates) {
  Dataset without = SmallCrm();
  without.activities = ActivityColumns{};
  const Insight with_activities = RunInsight(SmallCrm(), "conversion_analysis", {{"as_of", "2017-06-30"}});
  const Insight without_activities = RunInsight(without, "conversion_analysis", {{"as_of", "2017-06-30"}});
  EXPECT_EQ(InsightJson(with_activities), InsightJson(without_activities));
  EXPECT_NEAR(MetricNumber(without_activities, "win_rate"), 6.0 / 9, 1e-12);
}

}  // namespace
}  // namespace crm::analytics::test
