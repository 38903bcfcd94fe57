// top_opportunities on hand-built data: every expected figure is worked out in the comments.
#include <gtest/gtest.h>

#include "analytics_fixture.h"

namespace crm::analytics::test {
namespace {

// SmallCrm at 2017-06-30: 6 won, 3 lost (overall 6/9). Alpha wins 3 of 4, Beta 3 of 5, each steadied
// with 10 pseudo-deals at 6/9: Alpha (3 + 20/3) / 14, Beta (3 + 20/3) / 15. Won-to-list ratios average
// 1.0, so Alpha deals are worth 1000 and Beta deals 100.
const double kAlpha = (3 + 10 * 6.0 / 9) / 14;
const double kBeta = (3 + 10 * 6.0 / 9) / 15;

const std::string& Text(const Table& table, size_t row, size_t column) {
  return std::get<std::string>(table.rows[row][column]);
}

TEST(TopOpportunitiesTest, RanksOpenDealsByExpectedValueWithReasons) {
  const Dataset data = SmallCrm();
  const Insight insight = RunInsight(data, "top_opportunities");
  EXPECT_EQ(MetricNumber(insight, "open_deals"), 3);  // E1, E2, P1
  const double total = 2 * 1000 * kAlpha + 100 * kBeta;
  EXPECT_NEAR(MetricNumber(insight, "open_expected_value"), total, 1e-9);
  EXPECT_NEAR(MetricNumber(insight, "top_share"), 1, 1e-12);  // all three shown
  const Table* table = insight.FindTable("top_opportunities");
  ASSERT_NE(table, nullptr);
  ASSERT_EQ(table->rows.size(), 3u);
  // E1 and P1 tie at 1000 x Alpha's rate: the Engaging deal goes first; E2 (Beta) is last.
  EXPECT_EQ(Text(*table, 0, 0), "E1");
  EXPECT_EQ(Text(*table, 1, 0), "P1");
  EXPECT_EQ(Text(*table, 2, 0), "E2");
  EXPECT_NEAR(CellNumber(table->rows[0][9]), 1000 * kAlpha, 1e-9);
  EXPECT_NEAR(CellNumber(table->rows[2][8]), kBeta, 1e-12);
  EXPECT_EQ(CellNumber(table->rows[0][5]), 60);  // E1 engaged 2017-05-01
  // P1 has no account and no engage date: both cells are missing, not invented.
  EXPECT_TRUE(std::holds_alternative<std::nullptr_t>(table->rows[1][1]));
  EXPECT_TRUE(std::holds_alternative<std::nullptr_t>(table->rows[1][5]));
  // Ann wins 2 of 3 (67%), the same whole percentage as overall: no agent clause. Acme won W1 and W4.
  EXPECT_EQ(
      Text(*table, 0, 10),
      "Alpha has the highest estimated value of 2 products: $1,000; Alpha won 3 of 4 closed deals (75%); "
      "Acme has won 2 deals with us");
  // Bob wins 1 of 3 and P1 has no account: only the product's facts.
  EXPECT_EQ(
      Text(*table, 1, 10),
      "Alpha has the highest estimated value of 2 products: $1,000; Alpha won 3 of 4 closed deals (75%)");
  // Cal wins 3 of 3; Bolt won W2 and W5.
  EXPECT_EQ(
      Text(*table, 2, 10),
      "Beta has the 2nd highest estimated value of 2 products: $100; Beta won 3 of 5 closed deals (60%); "
      "Cal wins 100% vs 67% overall; Bolt has won 2 deals with us");
  ASSERT_EQ(insight.charts.size(), 1u);
  EXPECT_EQ(insight.charts[0].type, "horizontal_bar");
  EXPECT_EQ(insight.charts[0].labels, (std::vector<std::string>{"E1", "P1", "E2"}));
}

TEST(TopOpportunitiesTest, TopLimitsTheRowsAndTheShare) {
  const Dataset data = SmallCrm();
  const Insight insight = RunInsight(data, "top_opportunities", {{"top", "1"}});
  EXPECT_EQ(insight.FindTable("top_opportunities")->rows.size(), 1u);
  EXPECT_EQ(MetricNumber(insight, "top_deals"), 1);
  EXPECT_NEAR(MetricNumber(insight, "top_expected_value"), 1000 * kAlpha, 1e-9);
  EXPECT_NEAR(MetricNumber(insight, "top_share"), 1000 * kAlpha / (2 * 1000 * kAlpha + 100 * kBeta), 1e-12);
}

TEST(TopOpportunitiesTest, FiltersSelectDealsButReasonsQuoteEveryDeal) {
  const Dataset data = SmallCrm();
  const Insight insight = RunInsight(data, "top_opportunities", {{"sales_agent", "Cal"}});
  EXPECT_EQ(MetricNumber(insight, "open_deals"), 1);  // E2
  const Table* table = insight.FindTable("top_opportunities");
  ASSERT_EQ(table->rows.size(), 1u);
  // Bolt's two wins include W2, which is Ann's: the record is the account's, not the filter's.
  EXPECT_NE(Text(*table, 0, 10).find("Bolt has won 2 deals with us"), std::string::npos);
}

TEST(TopOpportunitiesTest, AsOfRewindsValuesRatesAndAges) {
  const Dataset data = SmallCrm();
  const Insight insight = RunInsight(data, "top_opportunities", {{"as_of", "2017-03-31"}});
  // On 2017-03-31: closed W1 W3 W4 (won) L1 L2 (lost), overall 3/5. Open: W2 (Alpha, engaged 02-01),
  // L3 (Beta, engaged 03-01) and P1; E1 and E2 did not exist yet. Alpha (2 + 6) / 13, worth
  // 1000 x mean(1.1, 1.0) = 1050; Beta (1 + 6) / 12, worth 100.
  EXPECT_EQ(MetricNumber(insight, "open_deals"), 3);
  EXPECT_NEAR(MetricNumber(insight, "open_expected_value"), 2 * 1050 * 8.0 / 13 + 100 * 7.0 / 12, 1e-9);
  const Table* table = insight.FindTable("top_opportunities");
  ASSERT_EQ(table->rows.size(), 3u);
  EXPECT_EQ(Text(*table, 0, 0), "W2");
  EXPECT_EQ(Text(*table, 0, 4), "Engaging");
  EXPECT_EQ(CellNumber(table->rows[0][5]), 58);
  // Won cycles by then: 30, 10, 20 days; Alpha has fewer than 20 wins, so all products' longest (30)
  // is the yardstick: W2, open 58 days, gets a caution; L3, open 30 days, does not.
  const std::string& reason = Text(*table, 0, 10);
  EXPECT_NE(reason.find("caution: open 58 days, longer than any won deal took (30 days)"), std::string::npos);
  EXPECT_EQ(Text(*table, 2, 0), "L3");
  EXPECT_EQ(Text(*table, 2, 10).find("caution"), std::string::npos);
}

TEST(TopOpportunitiesTest, ADealWithoutPriceRanksLastWithMissingValues) {
  DatasetBuilder b;
  const int32_t alpha = b.Product("Alpha", "A", 1000);
  const int32_t gamma = b.Product("Gamma", "G", kNoNumber);
  const int32_t ann = b.Agent("Ann", "Mia", "East");
  b.Deal("W1", ann, alpha, kNoIndex, DealStage::kWon, "2017-01-01", "2017-01-11", 1000);
  b.Deal("G1", ann, gamma, kNoIndex, DealStage::kEngaging, "2017-01-05", "", kNoNumber);
  b.Deal("A1", ann, alpha, kNoIndex, DealStage::kEngaging, "2017-01-05", "", kNoNumber);
  const Dataset data = b.Build();
  const Insight insight = RunInsight(data, "top_opportunities");
  // Overall 1/1; Alpha (1 + 10) / 11 = 1, worth 1000. Gamma has no price: no value, no expected value.
  EXPECT_EQ(MetricNumber(insight, "open_deals"), 2);
  EXPECT_NEAR(MetricNumber(insight, "open_expected_value"), 1000, 1e-9);
  const Table* table = insight.FindTable("top_opportunities");
  ASSERT_EQ(table->rows.size(), 2u);
  EXPECT_EQ(Text(*table, 0, 0), "A1");
  EXPECT_EQ(Text(*table, 1, 0), "G1");
  EXPECT_TRUE(std::holds_alternative<std::nullptr_t>(table->rows[1][6]));
  EXPECT_TRUE(std::holds_alternative<std::nullptr_t>(table->rows[1][9]));
  EXPECT_EQ(Text(*table, 1, 10)
                .rfind("Gamma has no list price to estimate its value from; Gamma has no closed deal "
                       "yet, so it gets the overall win rate",
                       0),
            0u);
}

}  // namespace
}  // namespace crm::analytics::test
