// forecast on a hand-built CRM where the projection, the run rate and the backtest can be worked out by hand.
#include <gtest/gtest.h>

#include "analytics_fixture.h"

namespace crm::analytics::test {
namespace {

// Alpha (1000), won at list price, so open Alpha deals are worth 1000:
//   A engaged 2017-01-05 won 01-15 (10 days, engaged the month it closed: lead 1)
//   B engaged 02-20 won 03-12 (20 days, lead 2)    C engaged 04-01 won 05-11 (40 days, lead 2)
//   D engaged 03-25 won 06-03 (70 days, lead 4)    L engaged 02-01 lost 02-10
// Open on 2017-06-30: E1 engaged 06-20 (10 days), E2 engaged 05-01 (60 days), E3 engaged 03-01 (121 days),
// P1 Alpha prospect (Ann), P2 Beta prospect (Beta: list price 100, never closed).
// On 2017-06-30 overall 4/5; Alpha (4 + 8) / 15 = 0.8, Beta (0 + 8) / 10 = 0.8: E1 E2 E3 P1 expect 800,
// P2 80.
Dataset ForecastCrm() {
  DatasetBuilder b;
  const int32_t alpha = b.Product("Alpha", "A", 1000);
  const int32_t beta = b.Product("Beta", "B", 100);
  const int32_t ann = b.Agent("Ann", "Mia", "East");
  const int32_t bob = b.Agent("Bob", "Mia", "East");
  using S = DealStage;
  b.Deal("A", ann, alpha, kNoIndex, S::kWon, "2017-01-05", "2017-01-15", 1000);
  b.Deal("B", ann, alpha, kNoIndex, S::kWon, "2017-02-20", "2017-03-12", 1000);
  b.Deal("C", bob, alpha, kNoIndex, S::kWon, "2017-04-01", "2017-05-11", 1000);
  b.Deal("D", bob, alpha, kNoIndex, S::kWon, "2017-03-25", "2017-06-03", 1000);
  b.Deal("L", bob, alpha, kNoIndex, S::kLost, "2017-02-01", "2017-02-10", 0);
  b.Deal("E1", ann, alpha, kNoIndex, S::kEngaging, "2017-06-20", "", kNoNumber);
  b.Deal("E2", ann, alpha, kNoIndex, S::kEngaging, "2017-05-01", "", kNoNumber);
  b.Deal("E3", bob, alpha, kNoIndex, S::kEngaging, "2017-03-01", "", kNoNumber);
  b.Deal("P1", ann, alpha, kNoIndex, S::kProspecting, "", "", kNoNumber);
  b.Deal("P2", bob, beta, kNoIndex, S::kProspecting, "", "", kNoNumber);
  return b.Build();
}

//! The projection table's cell in the row labelled `period`.
double Projected(const Insight& insight, const std::string& period, const std::string& column) {
  const Table* table = insight.FindTable("projection");
  EXPECT_NE(table, nullptr);
  const size_t c = static_cast<size_t>(std::find(table->columns.begin(), table->columns.end(), column) -
                                       table->columns.begin());
  for (const auto& row : table->rows) {
    if (std::get<std::string>(row[0]) == period) return CellNumber(row[c]);
  }
  ADD_FAILURE() << "no period " << period;
  return kNoNumber;
}

TEST(ForecastTest, ProjectsOpenDealsAndNewBusinessByHand) {
  const Dataset data = ForecastCrm();
  const Insight insight = RunInsight(data, "forecast", {{"as_of", "2017-06-30"}});
  // Won cycles 10 20 40 70. E1, 10 days old, outlives 3 of them: July (cycles 11–41 days) holds 20 and 40,
  // August (42–72) holds 70: 800 x 2/3 and 800 x 1/3. E2, 60 days old, outlives only 70, which falls in
  // July (61–91): 800. E3, 121 days old, outlives none: stale. Prospects land the median cycle (30 days)
  // after the as-of date, on 07-30: 800 + 80.
  EXPECT_NEAR(Projected(insight, "2017-07", "from_engaging_deals"), 800 * 2.0 / 3 + 800, 1e-9);
  EXPECT_NEAR(Projected(insight, "2017-08", "from_engaging_deals"), 800.0 / 3, 1e-9);
  EXPECT_NEAR(Projected(insight, "2017-09", "from_engaging_deals"), 0, 1e-9);
  EXPECT_NEAR(Projected(insight, "2017-07", "from_prospecting_deals"), 880, 1e-9);
  EXPECT_EQ(MetricNumber(insight, "stale_deals"), 1);
  EXPECT_NEAR(MetricNumber(insight, "stale_expected_value"), 800, 1e-9);
  // Run rate over January–June (6 months): lead 1 A, lead 2 B C, lead 4 D.
  EXPECT_EQ(MetricNumber(insight, "run_rate_months"), 6);
  EXPECT_NEAR(Projected(insight, "2017-07", "new_business"), 1000.0 / 6, 1e-9);
  EXPECT_NEAR(Projected(insight, "2017-08", "new_business"), 3000.0 / 6, 1e-9);
  EXPECT_NEAR(Projected(insight, "2017-09", "new_business"), 3000.0 / 6, 1e-9);
  EXPECT_NEAR(MetricNumber(insight, "projected_month_1"), 800 * 2.0 / 3 + 800 + 880 + 1000.0 / 6, 1e-9);
  EXPECT_EQ(std::get<std::string>(*insight.FindMetric("next_quarter")), "2017-Q3");
  EXPECT_NEAR(MetricNumber(insight, "projected_next_quarter"), 800 + 800 + 880 + 7000.0 / 6, 1e-9);
  EXPECT_NEAR(MetricNumber(insight, "next_quarter_new_business"), 7000.0 / 6, 1e-9);
  EXPECT_TRUE(std::isnan(MetricNumber(insight, "projected_current_month")));  // June is over
  const Table* table = insight.FindTable("projection");
  ASSERT_EQ(table->rows.size(), 4u);  // July, August, September, 2017-Q3
  const Table* history = insight.FindTable("monthly_won_revenue");
  ASSERT_EQ(history->rows.size(), 12u);
  EXPECT_EQ(std::get<std::string>(history->rows.back()[0]), "2017-06");
  EXPECT_EQ(CellNumber(history->rows.back()[1]), 1000);  // D
  ASSERT_EQ(insight.charts.size(), 1u);
  EXPECT_EQ(insight.charts[0].labels.size(), 15u);  // 12 months of history, 3 projected
}

TEST(ForecastTest, BacktestsTheLastCompleteQuarter) {
  const Dataset data = ForecastCrm();
  const Insight insight = RunInsight(data, "forecast", {{"as_of", "2017-06-30"}});
  // As of 2017-03-31: won A B (10, 20 days), lost L: overall 2/3, Alpha (2 + 20/3) / 13 = 2/3, Beta 2/3.
  // D (6 days old) closes in April (7–36 days) for sure: 1000 x 2/3. E3 (30 days) outlives no won cycle.
  // P1 and P2 land 15 days (median of 10, 20) later, in April: 666.67 + 66.67. Run rate January–March
  // (the first won deal closed in January): lead 1 A, lead 2 B: April 1000/3, May and June 2000/3.
  const double open = 2000.0 / 3 + 2000.0 / 3 + 200.0 / 3, fresh = 1000.0 / 3 + 4000.0 / 3;
  EXPECT_EQ(std::get<std::string>(*insight.FindMetric("backtest_quarter")), "2017-Q2");
  EXPECT_NEAR(MetricNumber(insight, "backtest_projected_from_open_deals"), open, 1e-9);
  EXPECT_NEAR(MetricNumber(insight, "backtest_projected_new_business"), fresh, 1e-9);
  EXPECT_NEAR(MetricNumber(insight, "backtest_projected"), open + fresh, 1e-9);
  // Won in April–June: D (in the pipeline on 03-31) and C (engaged 04-01).
  EXPECT_EQ(MetricNumber(insight, "backtest_won_from_open_deals"), 1000);
  EXPECT_EQ(MetricNumber(insight, "backtest_won_new_business"), 1000);
  EXPECT_EQ(MetricNumber(insight, "backtest_actual"), 2000);
  EXPECT_NEAR(MetricNumber(insight, "backtest_error_rate"), (open + fresh - 2000) / 2000, 1e-12);
}

TEST(ForecastTest, MidMonthAddsWhatIsAlreadyWonAndInterpolatesNewBusiness) {
  const Dataset data = ForecastCrm();
  const Insight insight = RunInsight(data, "forecast", {{"as_of", "2017-06-15"}});
  // Half of June is left (15 of 30 days). Already won in June: D (06-03). E1 does not exist yet.
  // Run rate over January–May (5 months): lead 1 A, lead 2 B C → rates 200, 600, 600, 600.
  // New business: June 0.5 x 200; July 200 + 0.5 x 400; August and September 600.
  // E2 (45 days old) outlives only 70, which falls in July (61–91). Prospects land 30 days later, 07-15.
  EXPECT_EQ(MetricNumber(insight, "current_month_won"), 1000);
  EXPECT_NEAR(MetricNumber(insight, "projected_current_month"), 1000 + 100, 1e-9);
  EXPECT_NEAR(Projected(insight, "2017-07", "new_business"), 400, 1e-9);
  EXPECT_NEAR(MetricNumber(insight, "projected_month_1"), 800 + 880 + 400, 1e-9);
  EXPECT_NEAR(MetricNumber(insight, "projected_month_2"), 600, 1e-9);
  EXPECT_EQ(MetricNumber(insight, "run_rate_months"), 5);
  const Table* history = insight.FindTable("monthly_won_revenue");
  EXPECT_EQ(CellNumber(history->rows.back()[3]), 0);  // June is not complete
  // The last complete quarter is 2017-Q1; nothing was won before it began: no projection to compare.
  EXPECT_EQ(std::get<std::string>(*insight.FindMetric("backtest_quarter")), "2017-Q1");
  EXPECT_TRUE(std::isnan(MetricNumber(insight, "backtest_projected")));
  EXPECT_EQ(MetricNumber(insight, "backtest_actual"), 2000);  // A and B
}

TEST(ForecastTest, FiltersNarrowThePipelineAndTheRunRate) {
  const Dataset data = ForecastCrm();
  const Insight alpha = RunInsight(data, "forecast", {{"as_of", "2017-06-30"}, {"product", "Alpha"}});
  EXPECT_NEAR(Projected(alpha, "2017-07", "from_prospecting_deals"), 800, 1e-9);  // P2 (Beta) left out
  const Insight bob = RunInsight(data, "forecast", {{"as_of", "2017-06-30"}, {"sales_agent", "Bob"}});
  // Bob: E3 (stale), P2 (80 in July); run rate from C (lead 2) and D (lead 4): 0, 1000/6, 1000/6.
  EXPECT_NEAR(Projected(bob, "2017-07", "total"), 80, 1e-9);
  EXPECT_NEAR(Projected(bob, "2017-08", "new_business"), 1000.0 / 6, 1e-9);
  EXPECT_NEAR(MetricNumber(bob, "projected_next_quarter"), 80 + 2000.0 / 6, 1e-9);
  EXPECT_EQ(MetricNumber(bob, "stale_deals"), 1);
}

TEST(DealInsightsTest, DataWithoutDealsGivesEmptyResultsNotErrors) {
  DatasetBuilder b;
  b.Product("Alpha", "A", 1000);
  b.Agent("Ann", "Mia", "East");
  const Dataset data = b.Build();
  const std::pair<std::string, std::string> as_of{"as_of", "2017-06-30"};
  const Insight top = RunInsight(data, "top_opportunities", {as_of});
  EXPECT_EQ(MetricNumber(top, "open_deals"), 0);
  EXPECT_TRUE(std::isnan(MetricNumber(top, "top_share")));
  const Insight risk = RunInsight(data, "at_risk_deals", {as_of});
  EXPECT_EQ(MetricNumber(risk, "at_risk_deals"), 0);
  EXPECT_TRUE(std::isnan(MetricNumber(risk, "cycle_p75_days_all_products")));
  const Insight forecast = RunInsight(data, "forecast", {as_of});
  EXPECT_EQ(MetricNumber(forecast, "projected_next_quarter"), 0);
  EXPECT_EQ(MetricNumber(forecast, "run_rate_months"), 0);
  EXPECT_TRUE(std::isnan(MetricNumber(forecast, "backtest_error_rate")));
}

}  // namespace
}  // namespace crm::analytics::test
