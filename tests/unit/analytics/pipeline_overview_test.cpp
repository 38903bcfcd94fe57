// pipeline_overview on the hand-built SmallCrm: every expected figure is worked out in the comments.
#include <gtest/gtest.h>

#include "analytics_fixture.h"

namespace crm::analytics::test {
namespace {

TEST(PipelineOverviewTest, CountsValuesAndCycleByHand) {
  const Dataset data = SmallCrm();
  const Insight insight = RunInsight(data, "pipeline_overview");
  EXPECT_EQ(insight.as_of, Day("2017-06-30"));
  EXPECT_EQ(MetricNumber(insight, "deals"), 12);
  EXPECT_EQ(MetricNumber(insight, "open_deals"), 3);
  EXPECT_EQ(MetricNumber(insight, "won_deals"), 6);
  EXPECT_EQ(MetricNumber(insight, "lost_deals"), 3);
  EXPECT_EQ(MetricNumber(insight, "won_revenue"), 3300);   // 1100 + 900 + 1000 + 100 + 120 + 80
  EXPECT_NEAR(MetricNumber(insight, "win_rate"), 6.0 / 9, 1e-12);
  EXPECT_EQ(MetricNumber(insight, "average_won_deal"), 550);
  EXPECT_EQ(MetricNumber(insight, "sales_cycle_median_days"), 35);  // 10 20 30 | 40 50 60
  EXPECT_EQ(MetricNumber(insight, "sales_cycle_p75_days"), 47.5);   // 40 + 0.75 x 10
  // Won-to-list ratios average 1.0 for both products: Alpha open deals are worth 1000, Beta 100.
  EXPECT_EQ(MetricNumber(insight, "open_pipeline_value"), 2100);  // E1 1000 + P1 1000 + E2 100
  // Alpha wins 3 of 4, Beta 3 of 5, each steadied with 10 pseudo-deals at 6/9.
  const double alpha = (3 + 10 * 6.0 / 9) / 14, beta = (3 + 10 * 6.0 / 9) / 15;
  EXPECT_NEAR(MetricNumber(insight, "weighted_pipeline_value"), 2 * 1000 * alpha + 100 * beta, 1e-9);
  const Table* funnel = insight.FindTable("funnel");
  ASSERT_NE(funnel, nullptr);
  EXPECT_EQ(CellNumber(funnel->rows[0][1]), 12);
  EXPECT_EQ(CellNumber(funnel->rows[1][1]), 11);
  EXPECT_EQ(CellNumber(funnel->rows[2][1]), 6);
  ASSERT_FALSE(insight.charts.empty());
  EXPECT_EQ(insight.charts[0].type, "funnel");
}

TEST(PipelineOverviewTest, FiltersCombine) {
  const Dataset data = SmallCrm();
  const Insight west = RunInsight(data, "pipeline_overview", {{"regional_office", "west"}});
  EXPECT_EQ(MetricNumber(west, "deals"), 4);  // Cal: W3 W5 W6 E2
  EXPECT_EQ(MetricNumber(west, "won_revenue"), 1200);
  const Insight tech_alpha = RunInsight(data, "pipeline_overview", {{"sector", "tech"}, {"product", "alpha"}});
  EXPECT_EQ(MetricNumber(tech_alpha, "deals"), 4);  // W1 W3 L1 E1
  const Insight q1 = RunInsight(data, "pipeline_overview", {{"period", "2017-Q1"}});
  // Seen as it stood on 2017-03-31: closed in Q1 W1 W3 W4 L1 L2; W2 and L3 were still open then and
  // were engaged in Q1; the other open deals were engaged later, P1 has no date.
  EXPECT_EQ(q1.as_of, Day("2017-03-31"));
  EXPECT_EQ(MetricNumber(q1, "deals"), 7);
  EXPECT_EQ(MetricNumber(q1, "open_deals"), 2);
}

TEST(PipelineOverviewTest, AsOfRewindsHistory) {
  const Dataset data = SmallCrm();
  const Insight march = RunInsight(data, "pipeline_overview", {{"as_of", "2017-03-31"}});
  // Engaged after March: W5 W6 E1 E2 do not exist yet. Closed after March: W2 and L3 were still open.
  EXPECT_EQ(MetricNumber(march, "deals"), 8);
  EXPECT_EQ(MetricNumber(march, "won_deals"), 3);  // W1 W3 W4
  EXPECT_EQ(MetricNumber(march, "won_revenue"), 2200);
  EXPECT_EQ(MetricNumber(march, "lost_deals"), 2);  // L1 L2
  EXPECT_EQ(MetricNumber(march, "open_deals"), 3);  // W2 L3 P1
}

TEST(PipelineOverviewTest, GroupsByTheRequestedDimension) {
  const Dataset data = SmallCrm();
  const Insight insight = RunInsight(data, "pipeline_overview", {{"by", "manager"}});
  const Table* by = insight.FindTable("by_manager");
  ASSERT_NE(by, nullptr);
  ASSERT_EQ(by->rows.size(), 2u);
  EXPECT_EQ(std::get<std::string>(by->rows[0][0]), "Mia");
  EXPECT_EQ(CellNumber(by->rows[0][1]), 8);  // Ann: W1 W2 L3 E1; Bob: W4 L1 L2 P1
}

TEST(EngineTest, SaysWhenAnInsightDoesNotGroupBy) {
  const Dataset data = SmallCrm();
  const Insight forecast = RunInsight(data, "forecast", {{"by", "sector"}});
  ASSERT_FALSE(forecast.notes.empty());
  EXPECT_EQ(forecast.notes.back().rfind("--by is not used by forecast", 0), 0u);
  const Insight overview = RunInsight(data, "pipeline_overview", {{"by", "sector"}});
  for (const std::string& note : overview.notes) EXPECT_EQ(note.find("--by is not used"), std::string::npos);
}

TEST(EngineTest, UnknownTypesAndFiltersAreClearErrors) {
  const Dataset data = SmallCrm();
  const Engine engine(data);
  FilterRequest request;
  auto unknown = engine.Run("pipeline", request);
  ASSERT_FALSE(unknown.ok());
  EXPECT_NE(unknown.error().message.find("pipeline_overview"), std::string::npos);
  request.sector = "space";
  auto bad_sector = engine.Run("pipeline_overview", request);
  ASSERT_FALSE(bad_sector.ok());
  EXPECT_EQ(bad_sector.error().message, "unknown sector 'space'; known: retail, tech");
  request = FilterRequest{};
  request.top = "0";
  EXPECT_FALSE(engine.Run("pipeline_overview", request).ok());
  request = FilterRequest{};
  request.as_of = "2017-02-30";
  EXPECT_FALSE(engine.Run("pipeline_overview", request).ok());
  request = FilterRequest{};
  request.by = "colour";
  EXPECT_FALSE(engine.Run("pipeline_overview", request).ok());
}

}  // namespace
}  // namespace crm::analytics::test
