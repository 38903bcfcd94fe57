// Goldens of conversion_analysis, industry_trends and agent_performance on the Kaggle data, through the CLI.
// Every expected figure comes from bench/golden_rates.py (standard-library Python, independent of the
// engine).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "support/insight_json.h"
#include "support/test_support.h"

namespace crm {
namespace {

using nlohmann::json;

json InsightJson(const std::string& type, const std::string& filters = "") {
  return test::KaggleInsight(type + " " + filters);
}

TEST(RatesGoldenTest, ConversionAnalysisOnKaggle) {
  CRM_REQUIRE_SHARED_DATA();
  const json insight = InsightJson("conversion_analysis");
  const json& metrics = insight["metrics"];
  EXPECT_EQ(metrics["won_deals"], 4238);
  EXPECT_EQ(metrics["closed_deals"], 6711);
  EXPECT_NEAR(metrics["win_rate"].get<double>(), 0.631501, 1e-6);
  EXPECT_NEAR(metrics["win_rate_low"].get<double>(), 0.619887, 1e-6);
  EXPECT_NEAR(metrics["win_rate_high"].get<double>(), 0.642964, 1e-6);
  EXPECT_EQ(metrics["highest_win_rate_group"], "MG Special");  // 793 / 1,223
  EXPECT_EQ(metrics["lowest_win_rate_group"], "GTK 500");      // 15 / 25, [0.407395, 0.765967]
  EXPECT_EQ(metrics["highest_lowest_intervals_overlap"], "yes");
  const auto products = test::TableRows(insight, "win_rate_by_product");
  ASSERT_EQ(products.size(), 7u);
  EXPECT_EQ(products[1]["product"], "GTX Plus Pro");
  EXPECT_EQ(products[1]["won"], 479);
  EXPECT_EQ(products[1]["closed"], 745);
  EXPECT_NEAR(products[5]["win_rate_low"].get<double>(), 0.573883, 1e-6);  // MG Advanced 654 / 1,084
  const auto funnel = test::TableRows(insight, "funnel");
  EXPECT_EQ(funnel[0]["deals"], 8800);
  EXPECT_EQ(funnel[1]["deals"], 8300);
  EXPECT_EQ(funnel[2]["deals"], 4238);
  const auto quarters = test::TableRows(insight, "by_quarter");
  ASSERT_EQ(quarters.size(), 4u);
  EXPECT_EQ(quarters[0]["quarter"], "2017-Q1");
  EXPECT_EQ(quarters[0]["won"], 531);
  EXPECT_EQ(quarters[0]["closed"], 647);
  EXPECT_EQ(quarters[3]["won"], 1196);
  EXPECT_EQ(quarters[3]["closed"], 1985);
}

TEST(RatesGoldenTest, IndustryTrendsOnKaggle) {
  CRM_REQUIRE_SHARED_DATA();
  const json insight = InsightJson("industry_trends");
  const json& metrics = insight["metrics"];
  EXPECT_EQ(metrics["won_revenue"], 10005534);
  EXPECT_EQ(metrics["deals_without_sector"], 1425);
  EXPECT_EQ(metrics["growth_quarter"], "2017-Q4");
  EXPECT_NEAR(metrics["total_growth_rate"].get<double>(), -0.060276, 1e-6);  // 2,982,255 → 2,802,496
  EXPECT_EQ(metrics["top_grower"], "finance");                               // 255,795 → 285,969
  EXPECT_NEAR(metrics["top_grower_growth_rate"].get<double>(), 0.117962, 1e-6);
  EXPECT_EQ(metrics["top_decliner"], "telecommunications");  // 229,146 → 154,337
  EXPECT_NEAR(metrics["top_decliner_growth_rate"].get<double>(), -0.326469, 1e-6);
  EXPECT_EQ(metrics["growing_sectors"], "finance, medical");
  const auto growth = test::TableRows(insight, "growth");
  ASSERT_EQ(growth.size(), 10u);
  EXPECT_EQ(growth[1]["sector"], "medical");
  EXPECT_EQ(growth[1]["previous"], 341942);
  EXPECT_EQ(growth[1]["last"], 370499);
}

TEST(RatesGoldenTest, AgentPerformanceOnKaggle) {
  CRM_REQUIRE_SHARED_DATA();
  const json insight = InsightJson("agent_performance", "--top 3");
  const json& metrics = insight["metrics"];
  EXPECT_EQ(metrics["agents"], 30);  // 35 in the team file, 30 with deals
  EXPECT_EQ(metrics["top_agent"], "Darcel Schlecht");
  EXPECT_EQ(metrics["highest_win_rate_agent"], "Hayden Neloms");   // 0.703947
  EXPECT_EQ(metrics["lowest_win_rate_agent"], "Lajuana Vencill");  // 0.549784
  const auto board = test::TableRows(insight, "leaderboard");
  ASSERT_EQ(board.size(), 3u);
  EXPECT_EQ(board[0]["won_revenue"], 1153214);
  EXPECT_EQ(board[0]["won_deals"], 349);
  EXPECT_EQ(board[0]["lost_deals"], 204);
  EXPECT_EQ(board[0]["median_cycle_days"], 48);
  EXPECT_EQ(board[2]["sales_agent"], "Kary Hendrixson");
  EXPECT_EQ(board[2]["median_cycle_days"], 60);
  const auto managers = test::TableRows(insight, "by_manager");
  ASSERT_EQ(managers.size(), 6u);
  EXPECT_EQ(managers[0]["manager"], "Melvin Marxen");
  EXPECT_EQ(managers[0]["won_revenue"], 2251930);
  EXPECT_EQ(managers[0]["median_cycle_days"], 51.5);
  EXPECT_EQ(managers[5]["manager"], "Dustin Brinkmann");
  EXPECT_EQ(managers[5]["won_deals"], 747);
}

}  // namespace
}  // namespace crm
