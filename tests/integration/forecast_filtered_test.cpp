// The Monte Carlo forecast with filters on the Kaggle data, through the CLI: each regional office's
// forecast simulates only its own open deals and history, and the three offices add up to the whole.
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include <nlohmann/json.hpp>

#include "support/insight_json.h"
#include "support/test_support.h"

namespace crm {
namespace {

using nlohmann::json;

double Number(const json& value) { return value.get<double>(); }

json Forecast(const std::string& filters = "") { return test::KaggleInsight("forecast " + filters); }

//! The simulated range is ordered in every period and the headline is the quarter's row.
void ExpectOrderedRange(const json& insight) {
  const auto rows = test::TableRows(insight, "simulation");
  ASSERT_EQ(rows.size(), 4u);  // 2018-01, 02, 03 and 2018-Q1
  for (const json& row : rows) {
    EXPECT_LE(Number(row["p10"]), Number(row["p50"])) << row["period"];
    EXPECT_LE(Number(row["p50"]), Number(row["p90"])) << row["period"];
  }
  EXPECT_EQ(rows[3]["period"], "2018-Q1");
  EXPECT_EQ(Number(insight["metrics"]["next_quarter_p50"]), Number(rows[3]["p50"]));
  EXPECT_GT(Number(rows[3]["p90"]), Number(rows[3]["p10"]));
}

TEST(ForecastFilteredTest, OfficesSimulateTheirOwnDealsAndAddUpToTheWhole) {
  CRM_REQUIRE_SHARED_DATA();
  const json all = Forecast();
  ExpectOrderedRange(all);
  const json& whole = all["metrics"];
  // 1,589 Engaging deals, 1,303 of them older than any deal that ever closed.
  EXPECT_EQ(whole["open_deals_simulated"], 1589);
  EXPECT_GE(whole["stalled_deals"].get<int64_t>(), 1303);
  int64_t deals = 0, stalled = 0;
  double value = 0, from_open = 0, p50 = 0, projected_from_open = 0;
  for (const std::string office : {"West", "East", "Central"}) {
    const json insight = Forecast("--regional-office " + office);
    ExpectOrderedRange(insight);
    const json& metrics = insight["metrics"];
    // Only the office's open deals are simulated: its count is the projection's, which the goldens pin
    // (West: 748 engaged deals).
    EXPECT_EQ(metrics["open_deals_simulated"], metrics["engaging_deals_projected"]) << office;
    EXPECT_LT(metrics["open_deals_simulated"].get<int64_t>(), 1589) << office;
    deals += metrics["open_deals_simulated"].get<int64_t>();
    stalled += metrics["stalled_deals"].get<int64_t>();
    value += Number(metrics["open_value_simulated"]);
    from_open += Number(metrics["next_quarter_from_open_deals"]);
    p50 += Number(metrics["next_quarter_p50"]);
    projected_from_open += Number(metrics["projected_next_quarter_from_open_deals"]);
  }
  EXPECT_EQ(deals, 1589);
  EXPECT_EQ(stalled, whole["stalled_deals"].get<int64_t>());
  EXPECT_NEAR(value, Number(whole["open_value_simulated"]), 1e-3);
  EXPECT_NEAR(projected_from_open, Number(whole["projected_next_quarter_from_open_deals"]), 1e-3);
  // Means add up (up to the noise of 2,000 runs); medians nearly so.
  EXPECT_NEAR(from_open, Number(whole["next_quarter_from_open_deals"]),
              0.03 * Number(whole["next_quarter_from_open_deals"]));
  EXPECT_NEAR(p50, Number(whole["next_quarter_p50"]), 0.05 * Number(whole["next_quarter_p50"]));
}

}  // namespace
}  // namespace crm
