// forecast on hand-built CRMs where the win curves, the projection, the run rate and the backtest can be
// worked out by hand.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <utility>
#include <vector>

#include "analytics_fixture.h"
#include "table_lookup.h"

namespace crm::analytics::test {
namespace {

using S = DealStage;

//! Adds `count` deals with the same facts, ids prefix-1, prefix-2, ...
void Deals(DatasetBuilder& b, int count, const std::string& prefix, int32_t agent, int32_t product, S stage,
           const std::string& engage, const std::string& close, double value) {
  for (int i = 1; i <= count; ++i) {
    b.Deal(prefix + "-" + std::to_string(i), agent, product, kNoIndex, stage, engage, close, value);
  }
}

// Alpha (1,000), always won at list price, so open Alpha deals are worth 1,000; Beta (100) never won, so
// open Beta deals are worth its list price, 100. Engage-to-close ages:
//   W10: 30 Alpha deals engaged 2017-05-01 won 05-11, and W10J engaged 06-01 won 06-11 (all 10 days, Ann)
//   W40: 10 Alpha deals engaged 04-01 won 05-11 (40 days, Bob)
//   L60: 19 Alpha deals engaged 04-01 lost 05-31 (60 days, Ann)
// Open on 2017-06-30 (age that day): E1 Alpha engaged 06-25 (5 days, Ann; won 07-15 later), E2 Alpha
// 06-10 (20, Bob), E3 Alpha 03-01 (121, Ann), E5 Beta 06-25 (5, Bob); P1 Alpha prospect (Ann).
// N1 Alpha engaged 07-03 won 08-01 (Ann): not in the data yet on 06-30.
Dataset ForecastCrm() {
  DatasetBuilder b;
  const int32_t alpha = b.Product("Alpha", "A", 1000);
  const int32_t beta = b.Product("Beta", "B", 100);
  const int32_t ann = b.Agent("Ann", "Mia", "East");
  const int32_t bob = b.Agent("Bob", "Mia", "East");
  Deals(b, 30, "W10", ann, alpha, S::kWon, "2017-05-01", "2017-05-11", 1000);
  Deals(b, 1, "W10J", ann, alpha, S::kWon, "2017-06-01", "2017-06-11", 1000);
  Deals(b, 10, "W40", bob, alpha, S::kWon, "2017-04-01", "2017-05-11", 1000);
  Deals(b, 19, "L60", ann, alpha, S::kLost, "2017-04-01", "2017-05-31", 0);
  b.Deal("E1", ann, alpha, kNoIndex, S::kWon, "2017-06-25", "2017-07-15", 1000);
  b.Deal("E2", bob, alpha, kNoIndex, S::kEngaging, "2017-06-10", "", kNoNumber);
  b.Deal("E3", ann, alpha, kNoIndex, S::kEngaging, "2017-03-01", "", kNoNumber);
  b.Deal("E5", bob, beta, kNoIndex, S::kEngaging, "2017-06-25", "", kNoNumber);
  b.Deal("P1", ann, alpha, kNoIndex, S::kProspecting, "", "", kNoNumber);
  b.Deal("N1", ann, alpha, kNoIndex, S::kWon, "2017-07-03", "2017-08-01", 1000);
  return b.Build();
}

// The win curve on 2017-06-30 (Alpha's own: 41 wins; all products' is the same after day 5, E5 only adds a
// deal at risk on days 0-5). At risk on day 10: all but E1 (gone after day 5) = 62; 31 won: WonBy(10) = 1/2,
// Survival(10) = 1/2. Day 40: at risk W40 + L60 + E3 = 30 (E2 left after day 20); 10 won: WonBy(40) =
// 1/2 + 1/2 x 10/30 = 2/3, Survival(40) = 1/2 x 20/30 = 1/3. Day 60: 20 at risk, 19 lost: Survival 1/60.
// Day 61: only E3 at risk, fewer than 20: horizon 60; the tail (E3, days 61-121) has no event: hazard 0.
// July is 1-31 days ahead, August 32-62, September 63-92.
//   E1 (5 days, Survival 1): July ages 6-36 hold day 10: 1/2; August 37-67 hold day 40: 1/6; total 2/3.
//   E2 (20 days, Survival 1/2): July ages 21-51 hold day 40: (2/3 - 1/2) / (1/2) = 1/3. Aging past the
//   early wins halves the chance.
//   E3 (121 days): in the tail, no chance.   E5 (Beta, all products' curve): as E1, of 100.

//! The projection table's cell in the row labelled `period`.
double Projected(const Insight& insight, const std::string& period, const std::string& column) {
  const Table& table = TableNamed(insight, "projection");
  for (size_t row = 0; row < table.rows.size(); ++row) {
    if (TextAt(table, row, "period") == period) return NumberAt(table, row, column);
  }
  ADD_FAILURE() << "no period " << period;
  return kNoNumber;
}

TEST(ForecastTest, ProjectsOpenDealsByTheirAgeOnTheWinCurve) {
  const Dataset data = ForecastCrm();
  const Insight insight = RunInsight(data, "forecast", {{"as_of", "2017-06-30"}});
  EXPECT_NEAR(Projected(insight, "2017-07", "from_engaging_deals"), 500 + 1000.0 / 3 + 50, 1e-9);
  EXPECT_NEAR(Projected(insight, "2017-08", "from_engaging_deals"), 1000.0 / 6 + 100.0 / 6, 1e-9);
  EXPECT_NEAR(Projected(insight, "2017-09", "from_engaging_deals"), 0, 1e-9);
  EXPECT_EQ(MetricNumber(insight, "engaging_deals_projected"), 4);  // E1 E2 E3 E5
  EXPECT_EQ(MetricNumber(insight, "engaging_value"), 3100);
  EXPECT_NEAR(MetricNumber(insight, "next_quarter_win_share_of_engaging_value"), (3200.0 / 3) / 3100, 1e-12);
  EXPECT_EQ(MetricNumber(insight, "tail_deals"), 1);  // E3
  EXPECT_EQ(MetricNumber(insight, "prospecting_deals"), 1);
  EXPECT_EQ(MetricNumber(insight, "prospecting_value"), 1000);
  EXPECT_EQ(MetricNumber(insight, "horizon_days_all_products"), 60);
  const Table& curves = TableNamed(insight, "win_curves");
  ASSERT_EQ(curves.rows.size(), 2u);
  EXPECT_EQ(TextAt(curves, 0, "curve_basis"), "product");
  EXPECT_EQ(NumberAt(curves, 0, "won_deals"), 41);  // W10, W10J, W40
  EXPECT_EQ(NumberAt(curves, 0, "lost_deals"), 19);
  EXPECT_EQ(NumberAt(curves, 0, "open_deals"), 3);  // E1 E2 E3
  EXPECT_EQ(NumberAt(curves, 0, "horizon_days"), 60);
  EXPECT_NEAR(NumberAt(curves, 0, "new_deal_win_probability_90_days"), 2.0 / 3, 1e-12);
  EXPECT_EQ(NumberAt(curves, 0, "tail_win_probability_90_days"), 0);
  EXPECT_NEAR(NumberAt(curves, 0, "expected_next_quarter"), 1000, 1e-9);  // E1 2/3 + E2 1/3
  EXPECT_EQ(TextAt(curves, 1, "curve_basis"), "all products");            // Beta: no win
  EXPECT_NEAR(NumberAt(curves, 1, "expected_next_quarter"), 200.0 / 3, 1e-9);
  // Aging lowers the chance to be won within 90 days: 2/3 from engagement, 1/3 after day 10 (WonBy 1/2 ->
  // 2/3 over Survival 1/2), 0 from day 40 on.
  const auto chart = std::find_if(insight.charts.begin(), insight.charts.end(),
                                  [](const ChartSpec& spec) { return spec.id == "win_probability_by_age"; });
  ASSERT_NE(chart, insight.charts.end());
  const ChartSpec& by_age = *chart;
  ASSERT_GE(by_age.labels.size(), 3u);
  EXPECT_NEAR(by_age.series[0].values[0], 2.0 / 3, 1e-12);
  EXPECT_NEAR(by_age.series[0].values[1], 1.0 / 3, 1e-12);
  EXPECT_EQ(by_age.series[0].values[2], 0);
}

TEST(ForecastTest, AddsTheNewBusinessRunRate) {
  const Dataset data = ForecastCrm();
  const Insight insight = RunInsight(data, "forecast", {{"as_of", "2017-06-30"}});
  // The first win closed in May: run rate over May and June. Lead 1 (engaged the month it closed): W10 and
  // W10J, 31,000; lead 2: W40, 10,000. Rates: 15,500, then 20,500.
  EXPECT_EQ(MetricNumber(insight, "run_rate_months"), 2);
  EXPECT_NEAR(Projected(insight, "2017-07", "new_business"), 15500, 1e-9);
  EXPECT_NEAR(Projected(insight, "2017-08", "new_business"), 20500, 1e-9);
  EXPECT_NEAR(Projected(insight, "2017-09", "new_business"), 20500, 1e-9);
  EXPECT_NEAR(MetricNumber(insight, "projected_month_1"), 500 + 1000.0 / 3 + 50 + 15500, 1e-9);
  EXPECT_EQ(MetricText(insight, "next_quarter"), "2017-Q3");
  EXPECT_NEAR(MetricNumber(insight, "projected_next_quarter_from_open_deals"), 3200.0 / 3, 1e-9);
  EXPECT_NEAR(MetricNumber(insight, "projected_next_quarter_new_business"), 56500, 1e-9);
  EXPECT_NEAR(MetricNumber(insight, "projected_next_quarter"), 3200.0 / 3 + 56500, 1e-9);
  EXPECT_TRUE(MetricIsNull(insight, "projected_current_month"));  // June is over
  EXPECT_EQ(TableNamed(insight, "projection").rows.size(), 4u);   // July, August, September, 2017-Q3
  const Table& history = TableNamed(insight, "monthly_won_revenue");
  ASSERT_EQ(history.rows.size(), 12u);
  EXPECT_EQ(TextAt(history, 11, "month"), "2017-06");
  EXPECT_EQ(NumberAt(history, 11, "won_revenue"), 1000);   // W10J
  EXPECT_EQ(NumberAt(history, 10, "won_revenue"), 40000);  // W10, W40
  EXPECT_EQ(insight.charts.at(0).labels.size(), 15u);      // 12 months of history, 3 projected
}

TEST(ForecastTest, BacktestsTheLastCompleteQuarter) {
  const Dataset data = ForecastCrm();
  const Insight insight = RunInsight(data, "forecast", {{"as_of", "2017-09-30"}});
  // Rerun as of 2017-06-30 for 2017-Q3: the projection above. Won in July-September: E1 (in the pipeline
  // on 06-30) and N1 (engaged 07-03).
  const double open = 3200.0 / 3, fresh = 56500;
  EXPECT_EQ(MetricText(insight, "backtest_quarter"), "2017-Q3");
  EXPECT_NEAR(MetricNumber(insight, "backtest_projected_from_open_deals"), open, 1e-9);
  EXPECT_NEAR(MetricNumber(insight, "backtest_projected_new_business"), fresh, 1e-9);
  EXPECT_NEAR(MetricNumber(insight, "backtest_projected"), open + fresh, 1e-9);
  EXPECT_EQ(MetricNumber(insight, "backtest_won_from_open_deals"), 1000);
  EXPECT_EQ(MetricNumber(insight, "backtest_won_new_business"), 1000);
  EXPECT_EQ(MetricNumber(insight, "backtest_actual"), 2000);
  EXPECT_NEAR(MetricNumber(insight, "backtest_error_rate"), (open + fresh - 2000) / 2000, 1e-12);
}

TEST(ForecastTest, MidMonthAddsWhatIsAlreadyWonAndInterpolatesNewBusiness) {
  const Dataset data = ForecastCrm();
  const Insight insight = RunInsight(data, "forecast", {{"as_of", "2017-06-15"}});
  // Half of June is left (15 of 30 days). Already won in June: W10J (06-11). E1 and E5 do not exist yet.
  // Curve: 62 deals (E2 open 5 days, E3 106 days); day 10: 61 at risk, 31 won: WonBy 31/61, Survival
  // 30/61; day 40: 30 at risk, 10 won: WonBy 41/61. E2: June 16-30 is ages 6-20: 31/61; July (21-51):
  // 10/61. Run rate over May alone: lead 1 30,000, lead 2 10,000 -> rates 30,000, 40,000.
  // New business: June 0.5 x 30,000; July 30,000 + 0.5 x 10,000.
  EXPECT_EQ(MetricNumber(insight, "current_month_won"), 1000);
  EXPECT_NEAR(MetricNumber(insight, "projected_current_month"), 1000 + 31000.0 / 61 + 15000, 1e-9);
  EXPECT_NEAR(Projected(insight, "2017-07", "from_engaging_deals"), 10000.0 / 61, 1e-9);
  EXPECT_NEAR(Projected(insight, "2017-07", "new_business"), 35000, 1e-9);
  EXPECT_NEAR(MetricNumber(insight, "projected_month_2"), 40000, 1e-9);
  EXPECT_EQ(MetricNumber(insight, "run_rate_months"), 1);
  EXPECT_EQ(NumberAt(TableNamed(insight, "monthly_won_revenue"), 11, "complete_month"), 0);
  // The last complete quarter is 2017-Q1; nothing was won before it began: no projection to compare.
  EXPECT_EQ(MetricText(insight, "backtest_quarter"), "2017-Q1");
  EXPECT_TRUE(std::isnan(MetricNumber(insight, "backtest_projected")));
  EXPECT_EQ(MetricNumber(insight, "backtest_actual"), 0);
}

TEST(ForecastTest, FiltersNarrowThePipelineButNotTheCurves) {
  const Dataset data = ForecastCrm();
  const Insight alpha = RunInsight(data, "forecast", {{"as_of", "2017-06-30"}, {"product", "Alpha"}});
  EXPECT_NEAR(Projected(alpha, "2017-07", "from_engaging_deals"), 500 + 1000.0 / 3, 1e-9);  // E5 left out
  // Bob: E2 and E5, still on the curves of all deals; run rate from W40 alone (lead 2): 0, 5,000, 5,000.
  const Insight bob = RunInsight(data, "forecast", {{"as_of", "2017-06-30"}, {"sales_agent", "Bob"}});
  EXPECT_NEAR(Projected(bob, "2017-07", "total"), 1000.0 / 3 + 50, 1e-9);
  EXPECT_NEAR(Projected(bob, "2017-08", "total"), 100.0 / 6 + 5000, 1e-9);
  EXPECT_NEAR(MetricNumber(bob, "projected_next_quarter"), 1000.0 / 3 + 50 + 100.0 / 6 + 10000, 1e-9);
  EXPECT_EQ(MetricNumber(bob, "tail_deals"), 0);
  EXPECT_EQ(MetricNumber(bob, "prospecting_deals"), 0);
}

TEST(ForecastTest, FewDealsShareOnePooledHazard) {
  // Under 20 deals at risk from day 0: the whole curve is the tail. Alpha: T1 T2 engaged 2017-05-01 won
  // 05-05 (4 days), T3 engaged 05-01 lost 05-10 (9 days), T4 engaged 06-20, open 10 days on 06-30.
  // Deal-days at risk (days 0 to the age): 5 + 5 + 10 + 11 = 31; 2 wins, 1 loss: a daily chance of 2/31 to
  // be won and 3/31 to close. P(won within d days) = 2/3 x (1 - (28/31)^d), whatever the age:
  // July (31 days): 2/3 x (1 - 0.042627) = 0.638249; August: 2/3 x (0.042627 - 0.001817) = 0.027207.
  DatasetBuilder b;
  const int32_t alpha = b.Product("Alpha", "A", 1000);
  const int32_t ann = b.Agent("Ann", "Mia", "East");
  Deals(b, 2, "T", ann, alpha, S::kWon, "2017-05-01", "2017-05-05", 1000);
  b.Deal("T3", ann, alpha, kNoIndex, S::kLost, "2017-05-01", "2017-05-10", 0);
  b.Deal("T4", ann, alpha, kNoIndex, S::kEngaging, "2017-06-20", "", kNoNumber);
  const Dataset data = b.Build();
  const Insight insight = RunInsight(data, "forecast", {{"as_of", "2017-06-30"}});
  const double stay = 28.0 / 31;
  EXPECT_NEAR(Projected(insight, "2017-07", "from_engaging_deals"), 1000 * 2.0 / 3 * (1 - std::pow(stay, 31)),
              1e-9);
  EXPECT_NEAR(Projected(insight, "2017-07", "from_engaging_deals"), 638.249, 1e-3);
  EXPECT_NEAR(Projected(insight, "2017-08", "from_engaging_deals"),
              1000 * 2.0 / 3 * (std::pow(stay, 31) - std::pow(stay, 62)), 1e-9);
  EXPECT_NEAR(Projected(insight, "2017-08", "from_engaging_deals"), 27.207, 1e-3);
  EXPECT_EQ(MetricNumber(insight, "horizon_days_all_products"), -1);
  EXPECT_EQ(MetricNumber(insight, "tail_deals"), 1);
  EXPECT_NEAR(NumberAt(TableNamed(insight, "win_curves"), 0, "tail_win_probability_90_days"),
              2.0 / 3 * (1 - std::pow(stay, 90)), 1e-12);
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

namespace crm::analytics::test {
namespace {

TEST(ForecastTest, TheSimulationIsTheHeadlineWithOrWithoutFilters) {
  const Dataset data = ForecastCrm();
  for (const auto& filters : std::vector<std::vector<std::pair<std::string, std::string>>>{
           {{"as_of", "2017-06-30"}}, {{"as_of", "2017-06-30"}, {"product", "Alpha"}}}) {
    const Insight insight = RunInsight(data, "forecast", filters);
    const Table& simulation = TableNamed(insight, "simulation");
    ASSERT_EQ(simulation.rows.size(), 4u);  // July, August, September, 2017-Q3
    EXPECT_EQ(TextAt(simulation, 3, "period"), "2017-Q3");
    for (size_t row = 0; row < simulation.rows.size(); ++row) {
      EXPECT_LE(NumberAt(simulation, row, "p10"), NumberAt(simulation, row, "p50"));
      EXPECT_LE(NumberAt(simulation, row, "p50"), NumberAt(simulation, row, "p90"));
    }
    EXPECT_EQ(MetricNumber(insight, "next_quarter_p50"), NumberAt(simulation, 3, "p50"));
    EXPECT_EQ(MetricNumber(insight, "next_quarter_p90"), NumberAt(simulation, 3, "p90"));
    EXPECT_EQ(MetricNumber(insight, "month_1_p50"), NumberAt(simulation, 0, "p50"));
    EXPECT_TRUE(MetricIsNull(insight, "current_month_p50"));  // June is over
    EXPECT_NEAR(MetricNumber(insight, "next_quarter_from_open_deals"),
                NumberAt(simulation, 3, "expected_from_open_deals"), 1e-9);
    EXPECT_NEAR(MetricNumber(insight, "next_quarter_expected"),
                MetricNumber(insight, "next_quarter_already_won") +
                    MetricNumber(insight, "next_quarter_from_open_deals") +
                    MetricNumber(insight, "next_quarter_new_business"),
                1e-6);
    bool banded = false;
    for (const ChartSpec& chart : insight.charts) banded = banded || chart.id == "simulated_range";
    EXPECT_TRUE(banded);
  }
  // Alpha alone: E1, E2 and E3 are simulated, not Beta's E5. E3 (121 days) is older than every won cycle
  // (at most 40 days): stalled.
  const Insight alpha = RunInsight(data, "forecast", {{"as_of", "2017-06-30"}, {"product", "Alpha"}});
  EXPECT_EQ(MetricNumber(alpha, "open_deals_simulated"), 3);
  EXPECT_EQ(MetricNumber(alpha, "open_value_simulated"), 3000);
  EXPECT_EQ(MetricNumber(alpha, "stalled_deals"), 1);
  const Insight beta = RunInsight(data, "forecast", {{"as_of", "2017-06-30"}, {"product", "Beta"}});
  EXPECT_EQ(MetricNumber(beta, "open_deals_simulated"), 1);
  EXPECT_EQ(MetricNumber(beta, "open_value_simulated"), 100);
}

}  // namespace
}  // namespace crm::analytics::test
