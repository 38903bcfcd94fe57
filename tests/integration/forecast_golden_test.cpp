// Goldens of the forecast on the Kaggle data, through the CLI. Every expected figure comes from
// bench/golden_forecast.py (pandas and numpy, from the raw CSV files and the documented definitions:
// README "Analytics" and the forecast's `definitions`, independently of the engine); run it to see them
// all. Money is compared to the cent, chances to 1e-6 (the JSON carries 6 decimals).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "support/insight_json.h"
#include "support/test_support.h"

namespace crm {
namespace {

using nlohmann::json;

constexpr double kCents = 1e-2;
constexpr double kChance = 1e-6;

json Forecast(const std::string& filters = "") { return test::KaggleInsight("forecast " + filters); }

//! The row whose `key` column is `value`.
json RowWhere(const std::vector<json>& rows, const std::string& key, const std::string& value) {
  for (const json& row : rows) {
    if (row[key] == value) return row;
  }
  ADD_FAILURE() << "no row " << key << " = " << value;
  return json::object();
}

double Number(const json& value) { return value.get<double>(); }

//! One projected period: from open engaged deals, new business, total.
struct PeriodGolden {
  std::string period;
  double from_engaging_deals;
  double new_business;
  double total;
};

void ExpectProjection(const json& insight, const std::vector<PeriodGolden>& goldens) {
  const auto rows = test::TableRows(insight, "projection");
  ASSERT_EQ(rows.size(), goldens.size());
  for (size_t i = 0; i < goldens.size(); ++i) {
    SCOPED_TRACE(goldens[i].period);
    EXPECT_EQ(rows[i]["period"], goldens[i].period);
    EXPECT_EQ(Number(rows[i]["already_won"]), 0);  // the as-of month is over
    EXPECT_NEAR(Number(rows[i]["from_engaging_deals"]), goldens[i].from_engaging_deals, kCents);
    EXPECT_NEAR(Number(rows[i]["new_business"]), goldens[i].new_business, kCents);
    EXPECT_NEAR(Number(rows[i]["total"]), goldens[i].total, kCents);
  }
}

//! The backtest metrics: actual and its split, projected and its split.
struct BacktestGolden {
  std::string quarter;
  double actual;
  double won_from_open_deals;
  double won_new_business;
  double projected_from_open_deals;
  double projected_new_business;
  double error_rate;
};

void ExpectBacktest(const json& metrics, const BacktestGolden& golden) {
  EXPECT_EQ(metrics["backtest_quarter"], golden.quarter);
  EXPECT_NEAR(Number(metrics["backtest_actual"]), golden.actual, kCents);
  EXPECT_NEAR(Number(metrics["backtest_won_from_open_deals"]), golden.won_from_open_deals, kCents);
  EXPECT_NEAR(Number(metrics["backtest_won_new_business"]), golden.won_new_business, kCents);
  EXPECT_NEAR(Number(metrics["backtest_projected_from_open_deals"]), golden.projected_from_open_deals, kCents);
  EXPECT_NEAR(Number(metrics["backtest_projected_new_business"]), golden.projected_new_business, kCents);
  EXPECT_NEAR(Number(metrics["backtest_projected"]),
              golden.projected_from_open_deals + golden.projected_new_business, kCents);
  EXPECT_NEAR(Number(metrics["backtest_error_rate"]), golden.error_rate, kChance);
}

void ExpectRunRate(const json& insight, const std::vector<double>& per_month) {
  const auto rows = test::TableRows(insight, "new_business_run_rate");
  ASSERT_EQ(rows.size(), per_month.size());
  for (size_t k = 0; k < per_month.size(); ++k) {
    EXPECT_EQ(rows[k]["engaged_within_months"], k + 1);
    EXPECT_NEAR(Number(rows[k]["won_revenue_per_month"]), per_month[k], kCents);
  }
}

//! The all-products chance to be won within the next 90 days at ages 0, 30, 60, 90, 120.
void ExpectWinChanceByAge(const json& insight, const std::vector<double>& chances) {
  const json& chart = insight["charts"][1];
  ASSERT_EQ(chart["id"], "win_probability_by_age");
  const json& values = chart["series"][0]["values"];
  ASSERT_GE(values.size(), chances.size());
  for (size_t i = 0; i < chances.size(); ++i) {
    EXPECT_EQ(chart["labels"][i], std::to_string(30 * i));
    EXPECT_NEAR(Number(values[i]), chances[i], kChance) << "age " << 30 * i;
  }
}

//! The win curves at 2017-12-31, learned from all deals whatever the filters.
void ExpectCurvesAtYearEnd(const json& insight) {
  EXPECT_EQ(insight["metrics"]["horizon_days_all_products"], 388);
  ExpectWinChanceByAge(insight, {0.397015, 0.454182, 0.463300, 0.348926, 0.094871});
  const auto curves = test::TableRows(insight, "win_curves");
  ASSERT_EQ(curves.size(), 7u);
  const json gtx_pro = RowWhere(curves, "product", "GTX Pro");
  EXPECT_EQ(gtx_pro["curve_basis"], "product");
  EXPECT_EQ(gtx_pro["won_deals"], 729);
  EXPECT_EQ(gtx_pro["lost_deals"], 418);
  EXPECT_EQ(gtx_pro["open_deals"], 253);
  EXPECT_EQ(gtx_pro["horizon_days"], 328);
  EXPECT_NEAR(Number(gtx_pro["new_deal_win_probability_90_days"]), 0.420074, kChance);
  EXPECT_EQ(Number(gtx_pro["tail_win_probability_90_days"]), 0);  // no deal closes past 138 days
  EXPECT_NEAR(Number(RowWhere(curves, "product", "GTX Basic")["new_deal_win_probability_90_days"]), 0.387727,
              kChance);
  const json gtk = RowWhere(curves, "product", "GTK 500");  // 15 wins: the all-products curve
  EXPECT_EQ(gtk["curve_basis"], "all products");
  EXPECT_EQ(gtk["won_deals"], 15);
  EXPECT_EQ(gtk["lost_deals"], 10);
  EXPECT_EQ(gtk["open_deals"], 15);
  EXPECT_EQ(gtk["horizon_days"], 388);
  EXPECT_NEAR(Number(gtk["new_deal_win_probability_90_days"]), 0.397015, kChance);  // = the chart at age 0
}

TEST(ForecastGoldenTest, AllDealsAtYearEnd) {
  CRM_REQUIRE_SHARED_DATA();
  const json insight = Forecast();
  const json& metrics = insight["metrics"];
  EXPECT_EQ(metrics["next_quarter"], "2018-Q1");
  EXPECT_EQ(metrics["run_rate_months"], 6);
  EXPECT_EQ(metrics["engaging_deals_projected"], 1589);
  EXPECT_NEAR(Number(metrics["engaging_value"]), 3884844.851793, kCents);
  EXPECT_EQ(metrics["prospecting_deals"], 500);
  EXPECT_NEAR(Number(metrics["prospecting_value"]), 1072016.209754, kCents);
  EXPECT_EQ(metrics["tail_deals"], 111);
  EXPECT_NEAR(Number(metrics["next_quarter_win_share_of_engaging_value"]), 0.043376, kChance);
  EXPECT_NEAR(Number(metrics["projected_next_quarter"]), 1610635.334136, kCents);
  ExpectProjection(insight, {{"2018-01", 119016.802243, 304748.166667, 423764.968910},
                             {"2018-02", 36035.364068, 481474.833333, 517510.197401},
                             {"2018-03", 13458.001158, 655902.166667, 669360.167825},
                             {"2018-Q1", 168510.167469, 1442125.166667, 1610635.334136}});
  ExpectRunRate(insight, {304748.166667, 481474.833333, 655902.166667, 887271.166667});
  const auto history = test::TableRows(insight, "monthly_won_revenue");
  ASSERT_EQ(history.size(), 12u);
  EXPECT_EQ(history[0]["month"], "2017-01");
  EXPECT_EQ(Number(history[0]["won_revenue"]), 0);  // no deal in the file closes before March
  EXPECT_EQ(history[2]["month"], "2017-03");
  EXPECT_EQ(Number(history[2]["won_revenue"]), 1134672);
  EXPECT_EQ(history[2]["won_deals"], 531);
  EXPECT_EQ(Number(history[9]["won_revenue"]), 731980);
  EXPECT_EQ(history[9]["won_deals"], 279);
  EXPECT_EQ(history[11]["month"], "2017-12");
  EXPECT_EQ(Number(history[11]["won_revenue"]), 1131573);
  EXPECT_EQ(history[11]["won_deals"], 511);
  EXPECT_EQ(history[11]["complete_month"], 1);
  ExpectBacktest(metrics, {"2017-Q4", 2802496, 1251928, 1550568, 2018664.192969, 1455953, 0.239829});
  ExpectCurvesAtYearEnd(insight);
  const auto curves = test::TableRows(insight, "win_curves");
  EXPECT_NEAR(Number(RowWhere(curves, "product", "GTX Pro")["expected_next_quarter"]), 59982.875692, kCents);
  EXPECT_NEAR(Number(RowWhere(curves, "product", "GTK 500")["expected_next_quarter"]), 8167.808667, kCents);
}

TEST(ForecastGoldenTest, WestOfficeKeepsTheCurvesOfAllDeals) {
  CRM_REQUIRE_SHARED_DATA();
  const json insight = Forecast("--regional-office West");
  const json& metrics = insight["metrics"];
  EXPECT_EQ(metrics["engaging_deals_projected"], 748);
  EXPECT_NEAR(Number(metrics["engaging_value"]), 1994440.528767, kCents);
  EXPECT_EQ(metrics["prospecting_deals"], 0);
  EXPECT_EQ(metrics["tail_deals"], 71);
  EXPECT_NEAR(Number(metrics["next_quarter_win_share_of_engaging_value"]), 0.053481, kChance);
  ExpectProjection(insight, {{"2018-01", 76525.483650, 101592.833333, 178118.316983},
                             {"2018-02", 22610.956092, 155013.5, 177624.456092},
                             {"2018-03", 7529.000870, 218388.833333, 225917.834204},
                             {"2018-Q1", 106665.440612, 474995.166667, 581660.607279}});
  ExpectRunRate(insight, {101592.833333, 155013.5, 218388.833333, 307321.333333});
  const auto history = test::TableRows(insight, "monthly_won_revenue");
  ASSERT_EQ(history.size(), 12u);
  EXPECT_EQ(Number(history[11]["won_revenue"]), 369924);
  EXPECT_EQ(history[11]["won_deals"], 187);
  ExpectBacktest(metrics, {"2017-Q4", 989861, 458949, 530912, 696435.721770, 495213, 0.203855});
  ExpectCurvesAtYearEnd(insight);
  const auto curves = test::TableRows(insight, "win_curves");
  EXPECT_NEAR(Number(RowWhere(curves, "product", "GTX Pro")["expected_next_quarter"]), 35436.053113, kCents);
  // GTK 500's West deals are all of its open deals: the same figure as unfiltered.
  EXPECT_NEAR(Number(RowWhere(curves, "product", "GTK 500")["expected_next_quarter"]), 8167.808667, kCents);
}

TEST(ForecastGoldenTest, AsOfEndOfSeptemberRewinds) {
  CRM_REQUIRE_SHARED_DATA();
  const json insight = Forecast("--as-of 2017-09-30");
  const json& metrics = insight["metrics"];
  EXPECT_EQ(insight["as_of"], "2017-09-30");
  EXPECT_EQ(metrics["next_quarter"], "2017-Q4");
  EXPECT_EQ(metrics["engaging_deals_projected"], 2409);
  EXPECT_NEAR(Number(metrics["engaging_value"]), 5743698.375316, kCents);
  EXPECT_EQ(metrics["prospecting_deals"], 500);
  EXPECT_NEAR(Number(metrics["prospecting_value"]), 1071325.820834, kCents);
  EXPECT_EQ(metrics["tail_deals"], 111);
  EXPECT_NEAR(Number(metrics["next_quarter_win_share_of_engaging_value"]), 0.351457, kChance);
  // The year-end backtest's projection: the same method as of 2017-09-30.
  ExpectProjection(insight, {{"2017-10", 821282.251486, 314384.5, 1135666.751486},
                             {"2017-11", 704802.953225, 482417.666667, 1187220.619892},
                             {"2017-12", 492578.988257, 659150.833333, 1151729.821591},
                             {"2017-Q4", 2018664.192969, 1455953, 3474617.192969}});
  ExpectRunRate(insight, {314384.5, 482417.666667, 659150.833333, 898905.5});
  const auto history = test::TableRows(insight, "monthly_won_revenue");
  ASSERT_EQ(history.size(), 12u);
  EXPECT_EQ(history[0]["month"], "2016-10");
  EXPECT_EQ(history[11]["month"], "2017-09");
  EXPECT_EQ(Number(history[11]["won_revenue"]), 1235264);
  // As of 2017-06-30 the first won deal closed in March: the run rate averages March to June only.
  ExpectBacktest(metrics, {"2017-Q3", 2982255, 1441450, 1540805, 1962816.577517, 1395433.75, 0.126078});
  EXPECT_EQ(metrics["horizon_days_all_products"], 296);
  ExpectWinChanceByAge(insight, {0.391728, 0.508854, 0.534170, 0.444087, 0.150103});
  const auto curves = test::TableRows(insight, "win_curves");
  const json gtx_pro = RowWhere(curves, "product", "GTX Pro");
  EXPECT_EQ(gtx_pro["won_deals"], 529);
  EXPECT_EQ(gtx_pro["lost_deals"], 293);
  EXPECT_EQ(gtx_pro["open_deals"], 383);
  EXPECT_EQ(gtx_pro["horizon_days"], 236);
  EXPECT_NEAR(Number(gtx_pro["new_deal_win_probability_90_days"]), 0.409481, kChance);
  EXPECT_NEAR(Number(gtx_pro["expected_next_quarter"]), 679349.450535, kCents);
  const json gtk = RowWhere(curves, "product", "GTK 500");
  EXPECT_EQ(gtk["curve_basis"], "all products");
  EXPECT_EQ(gtk["won_deals"], 12);
  EXPECT_NEAR(Number(gtk["new_deal_win_probability_90_days"]), 0.391728, kChance);
}

}  // namespace
}  // namespace crm
