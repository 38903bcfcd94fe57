// industry_trends on hand-built data: every expected figure is worked out in the comments.
#include <cmath>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "analytics_fixture.h"
#include "table_lookup.h"

namespace crm::analytics::test {
namespace {

// SmallCrm by sector and quarter of close (tech: Acme, Cora; retail: Bolt; P1 has no account):
//   2017-Q1 tech   W1 1100, W3 1000, W4 100 won, L1 lost   2,200
//   2017-Q1 retail L2 lost                                      0
//   2017-Q2 tech   W6 80 won, L3 lost                          80
//   2017-Q2 retail W2 900, W5 120 won                       1,020
// Quarter totals: Q1 2,200, Q2 1,100.

TEST(IndustryTrendsTest, SectorsPerQuarterAndGrowthByHand) {
  const Dataset data = SmallCrm();
  const Insight insight = RunInsight(data, "industry_trends");  // as of 2017-06-30, the last day of Q2
  EXPECT_EQ(MetricNumber(insight, "sectors"), 2);
  EXPECT_EQ(MetricNumber(insight, "won_revenue"), 3300);
  EXPECT_EQ(MetricNumber(insight, "deals_without_sector"), 1);  // P1
  EXPECT_EQ(MetricNumber(insight, "won_revenue_without_sector"), 0);
  const Table& cells = TableNamed(insight, "by_sector_quarter");
  ASSERT_EQ(cells.rows.size(), 4u);
  EXPECT_EQ(TextAt(cells, 0, "quarter"), "2017-Q1");
  EXPECT_EQ(TextAt(cells, 0, "sector"), "retail");
  EXPECT_EQ(NumberAt(cells, 0, "won_revenue"), 0);
  EXPECT_EQ(NumberAt(cells, 0, "lost_deals"), 1);
  EXPECT_EQ(NumberAt(cells, 0, "win_rate"), 0);
  EXPECT_EQ(NumberAt(cells, 0, "revenue_share"), 0);
  EXPECT_EQ(TextAt(cells, 1, "sector"), "tech");
  EXPECT_EQ(NumberAt(cells, 1, "won_revenue"), 2200);
  EXPECT_EQ(NumberAt(cells, 1, "won_deals"), 3);
  EXPECT_EQ(NumberAt(cells, 1, "win_rate"), 0.75);
  EXPECT_EQ(NumberAt(cells, 1, "revenue_share"), 1);
  EXPECT_EQ(TextAt(cells, 2, "quarter"), "2017-Q2");
  EXPECT_EQ(TextAt(cells, 2, "sector"), "retail");
  EXPECT_NEAR(NumberAt(cells, 2, "revenue_share"), 1020.0 / 1100, 1e-12);
  EXPECT_EQ(NumberAt(cells, 3, "won_revenue"), 80);
  EXPECT_EQ(NumberAt(cells, 3, "win_rate"), 0.5);
  EXPECT_NEAR(NumberAt(cells, 3, "revenue_share"), 80.0 / 1100, 1e-12);
  // Totals: tech 7 deals (W1 W3 W4 W6 L1 L3 E1), 2,280 won; retail 4 deals (W2 W5 L2 E2), 1,020 won.
  const Table& sectors = TableNamed(insight, "by_sector");
  ASSERT_EQ(sectors.rows.size(), 2u);
  EXPECT_EQ(TextAt(sectors, 0, "sector"), "tech");
  EXPECT_EQ(NumberAt(sectors, 0, "deals"), 7);
  EXPECT_EQ(NumberAt(sectors, 0, "won_revenue"), 2280);
  EXPECT_NEAR(NumberAt(sectors, 0, "win_rate"), 4.0 / 6, 1e-12);
  EXPECT_NEAR(NumberAt(sectors, 0, "revenue_share"), 2280.0 / 3300, 1e-12);
  EXPECT_EQ(TextAt(sectors, 1, "sector"), "retail");
  EXPECT_NEAR(NumberAt(sectors, 1, "win_rate"), 2.0 / 3, 1e-12);
  // Q2 against Q1: tech 2,200 → 80 (−96.4%); retail 0 → 1,020 grows, with no rate; total 2,200 → 1,100.
  EXPECT_EQ(MetricText(insight, "growth_quarter"), "2017-Q2");
  EXPECT_EQ(MetricText(insight, "previous_quarter"), "2017-Q1");
  EXPECT_EQ(MetricNumber(insight, "total_growth_rate"), -0.5);
  const Table& growth = TableNamed(insight, "growth");
  ASSERT_EQ(growth.rows.size(), 2u);
  EXPECT_EQ(TextAt(growth, 0, "sector"), "tech");
  EXPECT_EQ(NumberAt(growth, 0, "previous"), 2200);
  EXPECT_EQ(NumberAt(growth, 0, "last"), 80);
  EXPECT_EQ(NumberAt(growth, 0, "change"), -2120);
  EXPECT_NEAR(NumberAt(growth, 0, "growth_rate"), -2120.0 / 2200, 1e-12);
  EXPECT_EQ(TextAt(growth, 1, "sector"), "retail");
  EXPECT_TRUE(std::holds_alternative<std::nullptr_t>(CellAt(growth, 1, "growth_rate")));
  EXPECT_TRUE(MetricIsNull(insight, "top_grower"));  // retail grew from nothing: no rate to rank
  EXPECT_EQ(MetricText(insight, "top_decliner"), "tech");
  EXPECT_NEAR(MetricNumber(insight, "top_decliner_growth_rate"), -2120.0 / 2200, 1e-12);
  EXPECT_EQ(MetricText(insight, "growing_sectors"), "retail");
  EXPECT_EQ(MetricText(insight, "shrinking_sectors"), "tech");
  // Charts: won revenue stacked by sector per quarter; growth rate per sector.
  ASSERT_EQ(insight.charts.size(), 2u);
  const ChartSpec& stacked = insight.charts[0];
  EXPECT_EQ(stacked.type, "stacked_bar");
  EXPECT_EQ(stacked.labels, (std::vector<std::string>{"2017-Q1", "2017-Q2"}));
  ASSERT_EQ(stacked.series.size(), 2u);
  EXPECT_EQ(stacked.series[0].name, "retail");
  EXPECT_EQ(stacked.series[0].values, (std::vector<double>{0, 1020}));
  EXPECT_EQ(stacked.series[1].values, (std::vector<double>{2200, 80}));
  EXPECT_EQ(insight.charts[1].type, "bar");
  EXPECT_EQ(insight.charts[1].unit, "percent");
  EXPECT_EQ(insight.charts[1].labels, (std::vector<std::string>{"tech", "retail"}));
}

TEST(IndustryTrendsTest, OnlyCompleteQuartersAreCompared) {
  const Dataset data = SmallCrm();
  // On 2017-06-29 Q2 is not over: Q1 is compared with 2016-Q4, when nothing closed. Tech 0 → 2,200
  // grows with no rate; retail had no won revenue in either quarter and is left out.
  const Insight june = RunInsight(data, "industry_trends", {{"as_of", "2017-06-29"}});
  EXPECT_EQ(MetricText(june, "growth_quarter"), "2017-Q1");
  EXPECT_EQ(MetricText(june, "previous_quarter"), "2016-Q4");
  EXPECT_TRUE(MetricIsNull(june, "total_growth_rate"));
  const Table& growth = TableNamed(june, "growth");
  ASSERT_EQ(growth.rows.size(), 1u);
  EXPECT_EQ(TextAt(growth, 0, "sector"), "tech");
  EXPECT_EQ(NumberAt(growth, 0, "last"), 2200);
  EXPECT_EQ(MetricText(june, "growing_sectors"), "tech");
  EXPECT_EQ(MetricText(june, "shrinking_sectors"), "");
  EXPECT_TRUE(MetricIsNull(june, "top_decliner"));
  // On 2017-04-01 W2 (closed 04-02) is still open: no quarter after Q1 has a closed deal.
  const Insight april = RunInsight(data, "industry_trends", {{"as_of", "2017-04-01"}});
  EXPECT_EQ(MetricText(april, "growth_quarter"), "2017-Q1");
  const Table& cells = TableNamed(april, "by_sector_quarter");
  ASSERT_EQ(cells.rows.size(), 2u);
  EXPECT_EQ(TextAt(cells, 1, "quarter"), "2017-Q1");
  EXPECT_EQ(MetricNumber(april, "won_revenue"), 2200);
  // On 2018-03-31, after the data ends (last close 2017-06-29), the data's last quarters are compared.
  const Insight later = RunInsight(data, "industry_trends", {{"as_of", "2018-03-31"}});
  EXPECT_EQ(MetricText(later, "growth_quarter"), "2017-Q2");
  EXPECT_EQ(MetricText(later, "top_decliner"), "tech");
}

TEST(IndustryTrendsTest, PeriodFilterIsNotedAsEmptyingOtherQuarters) {
  const Dataset data = SmallCrm();
  // Only Q2 deals selected: Q1 shows no revenue, so both sectors "grow" from nothing, without a rate.
  const Insight q2 = RunInsight(data, "industry_trends", {{"period", "2017-Q2"}});
  EXPECT_EQ(MetricText(q2, "growing_sectors"), "retail, tech");
  EXPECT_TRUE(MetricIsNull(q2, "total_growth_rate"));
  bool noted = false;
  for (const std::string& note : q2.notes)
    noted = noted || note.find("selects only deals dated in 2017-Q2") != std::string::npos;
  EXPECT_TRUE(noted);
}

TEST(IndustryTrendsTest, FiltersAndTop) {
  const Dataset data = SmallCrm();
  // East (Ann, Bob): tech Q1 W1 1100 + W4 100, L1; tech Q2 L3; retail Q1 L2; retail Q2 W2 900.
  const Insight east = RunInsight(data, "industry_trends", {{"regional_office", "east"}, {"top", "1"}});
  EXPECT_EQ(MetricNumber(east, "won_revenue"), 2100);
  EXPECT_EQ(MetricText(east, "top_decliner"), "tech");
  EXPECT_EQ(MetricNumber(east, "top_decliner_growth_rate"), -1);  // 1,200 → 0
  EXPECT_EQ(MetricText(east, "growing_sectors"), "retail");
  const Table& sectors = TableNamed(east, "by_sector");
  ASSERT_EQ(sectors.rows.size(), 1u);  // --top 1: the sector with the most won revenue
  EXPECT_EQ(TextAt(sectors, 0, "sector"), "tech");
  EXPECT_EQ(NumberAt(sectors, 0, "won_revenue"), 1200);
  EXPECT_EQ(TableNamed(east, "growth").rows.size(), 2u);  // growth keeps every sector
}

//! One quarter of deals, some without a sector: 300 won by a tech account, 100 by an account without a
//! sector, 600 won and one lost without an account.
Dataset DealsWithoutSector() {
  DatasetBuilder b;
  const int32_t product = b.Product("Alpha", "A", 100);
  const int32_t ann = b.Agent("Ann", "Mia", "East");
  const int32_t acme = b.Account("Acme", "tech", 10, 10, "US");
  const int32_t plain = b.Account("Plain", "", 10, 10, "US");
  b.Deal("T1", ann, product, acme, DealStage::kWon, "2017-01-01", "2017-02-01", 300);
  b.Deal("S1", ann, product, plain, DealStage::kWon, "2017-01-01", "2017-02-10", 100);
  b.Deal("N1", ann, product, kNoIndex, DealStage::kWon, "2017-01-01", "2017-03-01", 600);
  b.Deal("N2", ann, product, kNoIndex, DealStage::kLost, "2017-01-01", "2017-03-02", 0);
  return b.Build();
}

TEST(IndustryTrendsTest, DealsWithoutSectorAreCountedApart) {
  const Dataset data = DealsWithoutSector();
  const Insight insight = RunInsight(data, "industry_trends", {{"as_of", "2017-03-31"}});
  EXPECT_EQ(MetricNumber(insight, "sectors"), 1);
  EXPECT_EQ(MetricNumber(insight, "won_revenue"), 1000);
  EXPECT_EQ(MetricNumber(insight, "deals_without_sector"), 3);  // S1 N1 N2
  EXPECT_EQ(MetricNumber(insight, "won_revenue_without_sector"), 700);
  // Tech's share is of all won revenue in the quarter: 300 / 1,000.
  const Table& cells = TableNamed(insight, "by_sector_quarter");
  ASSERT_EQ(cells.rows.size(), 1u);
  EXPECT_EQ(NumberAt(cells, 0, "revenue_share"), 0.3);
  EXPECT_EQ(NumberAt(TableNamed(insight, "by_sector"), 0, "revenue_share"), 0.3);
  bool noted = false;
  for (const std::string& note : insight.notes)
    noted = noted || note.rfind("3 selected deals have no sector", 0) == 0;
  EXPECT_TRUE(noted);
  // The sector filter leaves the deals without a sector out.
  const Insight tech = RunInsight(data, "industry_trends", {{"as_of", "2017-03-31"}, {"sector", "tech"}});
  EXPECT_EQ(MetricNumber(tech, "deals_without_sector"), 0);
  EXPECT_EQ(NumberAt(TableNamed(tech, "by_sector"), 0, "revenue_share"), 1);
}

TEST(IndustryTrendsTest, SectorsNewInTheQuarterRankByTheirChange) {
  DatasetBuilder b;
  const int32_t product = b.Product("Alpha", "A", 100);
  const int32_t ann = b.Agent("Ann", "Mia", "East");
  const int32_t apparel = b.Account("Apparel Co", "apparel", 10, 10, "US");
  const int32_t zinc = b.Account("Zinc Co", "zinc", 10, 10, "US");
  b.Deal("A1", ann, product, apparel, DealStage::kWon, "2017-01-01", "2017-02-01", 10);
  b.Deal("Z1", ann, product, zinc, DealStage::kWon, "2017-01-01", "2017-02-01", 500);
  const Dataset data = b.Build();
  // Q1 against 2016-Q4, when nothing closed: both sectors are new, zinc gained 500, apparel 10.
  const Insight insight = RunInsight(data, "industry_trends", {{"as_of", "2017-03-31"}});
  EXPECT_EQ(MetricText(insight, "growing_sectors"), "zinc, apparel");
  EXPECT_EQ(TextAt(TableNamed(insight, "growth"), 0, "sector"), "zinc");
}

TEST(IndustryTrendsTest, ActivitiesDoNotChangeTheTrends) {
  Dataset without = SmallCrm();
  without.activities = ActivityColumns{};
  const Insight with_activities = RunInsight(SmallCrm(), "industry_trends", {{"as_of", "2017-06-30"}});
  const Insight without_activities = RunInsight(without, "industry_trends", {{"as_of", "2017-06-30"}});
  EXPECT_EQ(InsightJson(with_activities), InsightJson(without_activities));
  EXPECT_EQ(MetricText(without_activities, "growth_quarter"), "2017-Q2");
}

}  // namespace
}  // namespace crm::analytics::test
