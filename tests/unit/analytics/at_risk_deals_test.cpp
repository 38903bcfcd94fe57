// at_risk_deals on a hand-built CRM where every threshold and reason can be checked by hand.
#include <gtest/gtest.h>

#include "analytics_fixture.h"
#include "crm/common/date.h"

namespace crm::analytics::test {
namespace {

//! Every run is as of this date.
const std::pair<std::string, std::string> kAsOf{"as_of", "2017-12-31"};

std::string DaysBefore(int days) { return FormatIsoDate(Day("2017-12-31") - days); }
std::string DaysAfter(const std::string& day, int days) { return FormatIsoDate(Day(day) + days); }

//! Activities of the risk CRM, in date order per deal or shuffled.
enum class Activities { kNone, kInOrder, kShuffled };

// Alpha (1000): 20 wins by Ann, engaged 2017-01-01 and won after 10, 20, …, 200 days, 1000 each.
// Beta (100): 2 wins (5 and 15 days, 100 each) and 6 losses. Overall 22 / 28 = 11/14.
// Win probabilities (10 pseudo-deals at 11/14): Alpha (20 + 110/14) / 30 = 13/14, Beta (2 + 110/14) / 18 =
// 23/42. Open on 2017-12-31:
//   O1 Alpha Bob Engaging 160 days, O2 Alpha Cal Engaging 150 days, O3 Beta Dee Engaging 148 days (no
//   account), O4 Beta Eve Prospecting, O5 Alpha Eve Prospecting, O6 Alpha Eve Engaging 10 days.
// Activities (when asked): won WA1 on 01-01, 01-05, 01-11; WA2 on 01-01, 01-21; WB1 on 02-01, 02-03 (gaps 4,
// 6, 20, 2); lost LB1 on 03-01, 03-10 (ignored); O1 3 days before; O2 40 and 16 days before; O5 20 days
// before; O3 on 2018-01-05, after the as-of date (ignored).
Dataset RiskCrm(Activities activities) {
  DatasetBuilder b;
  const int32_t alpha = b.Product("Alpha", "A", 1000);
  const int32_t beta = b.Product("Beta", "B", 100);
  const int32_t ann = b.Agent("Ann", "Mia", "East");
  const int32_t bob = b.Agent("Bob", "Mia", "East");
  const int32_t cal = b.Agent("Cal", "Max", "West");
  const int32_t dee = b.Agent("Dee", "Max", "West");
  const int32_t eve = b.Agent("Eve", "Max", "West");
  const int32_t acme = b.Account("Acme", "tech", 10.0, 10, "US");
  using S = DealStage;
  int32_t wa1 = 0, wa2 = 0;
  for (int i = 1; i <= 20; ++i) {
    const int32_t row = b.Deal("WA" + std::to_string(i), ann, alpha, acme, S::kWon, "2017-01-01",
                               DaysAfter("2017-01-01", 10 * i), 1000);
    if (i == 1) wa1 = row;
    if (i == 2) wa2 = row;
  }
  const int32_t wb1 = b.Deal("WB1", ann, beta, acme, S::kWon, "2017-02-01", "2017-02-06", 100);
  b.Deal("WB2", ann, beta, acme, S::kWon, "2017-02-01", "2017-02-16", 100);
  int32_t lb1 = 0;
  for (int i = 1; i <= 6; ++i) {
    const int32_t row =
        b.Deal("LB" + std::to_string(i), ann, beta, acme, S::kLost, "2017-03-01", "2017-03-11", 0);
    if (i == 1) lb1 = row;
  }
  const int32_t o1 = b.Deal("O1", bob, alpha, acme, S::kEngaging, DaysBefore(160), "", kNoNumber);
  const int32_t o2 = b.Deal("O2", cal, alpha, acme, S::kEngaging, DaysBefore(150), "", kNoNumber);
  const int32_t o3 = b.Deal("O3", dee, beta, kNoIndex, S::kEngaging, DaysBefore(148), "", kNoNumber);
  b.Deal("O4", eve, beta, acme, S::kProspecting, "", "", kNoNumber);
  const int32_t o5 = b.Deal("O5", eve, alpha, acme, S::kProspecting, "", "", kNoNumber);
  b.Deal("O6", eve, alpha, acme, S::kEngaging, DaysBefore(10), "", kNoNumber);
  if (activities == Activities::kNone) return b.Build();
  int n = 0;
  auto add = [&](const std::string& date, int32_t deal) {
    b.Activity("A" + std::to_string(++n), date, "call", ann, acme, deal);
  };
  if (activities == Activities::kInOrder) {
    for (const char* date : {"2017-01-01", "2017-01-05", "2017-01-11"}) add(date, wa1);
  } else {
    for (const char* date : {"2017-01-11", "2017-01-01", "2017-01-05"}) add(date, wa1);
  }
  add("2017-01-01", wa2);
  add("2017-01-21", wa2);
  add("2017-02-01", wb1);
  add("2017-02-03", wb1);
  add("2017-03-01", lb1);
  add("2017-03-10", lb1);
  add(DaysBefore(3), o1);
  add(DaysBefore(40), o2);
  add(DaysBefore(16), o2);
  add(DaysBefore(20), o5);
  add("2018-01-05", o3);
  return b.Build();
}

const double kAlphaRate = 13.0 / 14, kBetaRate = 23.0 / 42;

std::vector<std::string> Ids(const Table& table) {
  std::vector<std::string> ids;
  for (const auto& row : table.rows) ids.push_back(std::get<std::string>(row[0]));
  return ids;
}

TEST(AtRiskDealsTest, LearnsThresholdsAndFlagsWithoutActivities) {
  const Dataset data = RiskCrm(Activities::kNone);
  const Insight insight = RunInsight(data, "at_risk_deals", {kAsOf});
  // Alpha's own P75 of 10, 20, …, 200: position 14.25 → 150 + 0.25 x 10 = 152.5. Beta has 2 wins: all
  // products' P75 of 5, 10, 15, 20, 30, …, 200 (22 cycles): position 15.75 → 140 + 0.75 x 10 = 147.5.
  EXPECT_EQ(MetricNumber(insight, "cycle_p75_days_all_products"), 147.5);
  // Open probabilities B B A A A A: lower quartile at position 1.25 → 23/42 + 0.25 x (13/14 − 23/42) = 27/42.
  EXPECT_NEAR(MetricNumber(insight, "low_probability_cutoff"), 27.0 / 42, 1e-12);
  EXPECT_NEAR(MetricNumber(insight, "overall_win_rate"), 11.0 / 14, 1e-12);
  // Open loads of agents with deals: Ann 0, Bob 1, Cal 1, Dee 1, Eve 3 → Q1 1, Q3 1, fence 1 + 1.5 x 0.
  EXPECT_EQ(MetricNumber(insight, "agent_open_deals_threshold"), 1);
  EXPECT_TRUE(std::isnan(MetricNumber(insight, "no_activity_threshold_days")));
  // O1 past cycle (160 > 152.5); O2 nothing (150); O3 past cycle (148 > 147.5) and low probability;
  // O4 low probability and Eve's load; O5 and O6 Eve's load.
  EXPECT_EQ(MetricNumber(insight, "open_deals"), 6);
  EXPECT_EQ(MetricNumber(insight, "at_risk_deals"), 5);
  EXPECT_EQ(MetricNumber(insight, "deals_past_cycle"), 2);
  EXPECT_TRUE(std::isnan(MetricNumber(insight, "deals_no_recent_activity")));
  EXPECT_EQ(MetricNumber(insight, "deals_low_probability"), 2);
  EXPECT_EQ(MetricNumber(insight, "deals_overloaded_agent"), 3);
  EXPECT_EQ(MetricNumber(insight, "at_risk_estimated_value"), 3 * 1000 + 2 * 100);
  EXPECT_NEAR(MetricNumber(insight, "at_risk_expected_value"), 3 * 1000 * kAlphaRate + 2 * 100 * kBetaRate,
              1e-9);
  const Table* table = insight.FindTable("at_risk_deals");
  ASSERT_NE(table, nullptr);
  // Two reasons first (O3 and O4 tie on value: row order), then one reason (O1 O5 O6 tie: row order).
  EXPECT_EQ(Ids(*table), (std::vector<std::string>{"O3", "O4", "O1", "O5", "O6"}));
  EXPECT_EQ(
      std::get<std::string>(table->rows[0].back()),
      "open 148 days, past the P75 cycle of won deals of all products (Beta has fewer than 20 wins; 148 "
      "days); win probability 55%, in the lowest quarter of open deals (below 64%) and under the overall "
      "79%");
  EXPECT_EQ(
      std::get<std::string>(table->rows[1].back()),
      "win probability 55%, in the lowest quarter of open deals (below 64%) and under the overall 79%; Eve "
      "carries 3 open deals, far above the team (limit 1: P75 + 1.5 IQR of agents' open deals)");
  EXPECT_EQ(std::get<std::string>(table->rows[2].back()),
            "open 160 days, past the P75 cycle of won Alpha deals (153 days)");
  EXPECT_TRUE(std::holds_alternative<std::nullptr_t>(table->rows[0][1]));  // O3 has no account
  EXPECT_TRUE(std::holds_alternative<std::nullptr_t>(table->rows[0][6]));  // no activities: no silence

  const Table* cycles = insight.FindTable("cycle_thresholds");
  ASSERT_NE(cycles, nullptr);
  ASSERT_EQ(cycles->rows.size(), 2u);
  EXPECT_EQ(CellNumber(cycles->rows[0][1]), 20);
  EXPECT_EQ(CellNumber(cycles->rows[0][2]), 152.5);
  EXPECT_EQ(std::get<std::string>(cycles->rows[0][3]), "product");
  EXPECT_EQ(CellNumber(cycles->rows[0][4]), 3);  // O1 O2 O6
  EXPECT_EQ(CellNumber(cycles->rows[0][5]), 1);  // O1
  EXPECT_EQ(CellNumber(cycles->rows[1][2]), 147.5);
  EXPECT_EQ(std::get<std::string>(cycles->rows[1][3]), "all products (fewer than 20 wins)");
  ASSERT_EQ(insight.charts.size(), 1u);
  EXPECT_EQ(insight.charts[0].type, "bar");
  EXPECT_EQ(insight.charts[0].series[0].values[0], 2);
  EXPECT_TRUE(std::isnan(insight.charts[0].series[0].values[1]));
  EXPECT_NE(insight.notes[0].find("no activities"), std::string::npos);
}

TEST(AtRiskDealsTest, LearnsTheSilenceThresholdFromWonDealsActivities) {
  for (const Activities order : {Activities::kInOrder, Activities::kShuffled}) {
    const Dataset data = RiskCrm(order);
    const Insight insight = RunInsight(data, "at_risk_deals", {kAsOf});
    // Gaps of won deals 2, 4, 6, 20 (the lost deal's 9 is not counted): P90 at position 2.7 → 6 + 0.7 x 14.
    EXPECT_NEAR(MetricNumber(insight, "no_activity_threshold_days"), 15.8, 1e-12);
    // Silent: O2 (16 days), O3 (no activity by the as-of date: 148 days since it engaged), O5 (20 days).
    // Not: O1 (3), O6 (10 days since it engaged), O4 (a prospect without activity: unknown).
    EXPECT_EQ(MetricNumber(insight, "deals_no_recent_activity"), 3);
    EXPECT_EQ(MetricNumber(insight, "at_risk_deals"), 6);
    const Table* table = insight.FindTable("at_risk_deals");
    // O3 three reasons; O5 (1000 x 13/14) and O4 (100 x 23/42) two; O1 O2 O6 one each, in row order.
    EXPECT_EQ(Ids(*table), (std::vector<std::string>{"O3", "O5", "O4", "O1", "O2", "O6"}));
    EXPECT_EQ(CellNumber(table->rows[0][6]), 148);
    EXPECT_NE(std::get<std::string>(table->rows[0].back())
                  .find("no activity since it engaged 148 days ago (won "
                        "deals went at most 16 days between activities "
                        "9 times in 10)"),
              std::string::npos);
    EXPECT_NE(std::get<std::string>(table->rows[4].back()).find("no activity for 16 days"),
              std::string::npos);
    EXPECT_TRUE(std::holds_alternative<std::nullptr_t>(table->rows[2][6]));  // O4
  }
}

TEST(AtRiskDealsTest, TopAndFiltersKeepTheThresholds) {
  const Dataset data = RiskCrm(Activities::kNone);
  const Insight top = RunInsight(data, "at_risk_deals", {kAsOf, {"top", "2"}});
  EXPECT_EQ(top.FindTable("at_risk_deals")->rows.size(), 2u);
  EXPECT_EQ(MetricNumber(top, "at_risk_deals"), 5);  // counted before the cut
  const Insight beta = RunInsight(data, "at_risk_deals", {kAsOf, {"product", "Beta"}});
  EXPECT_EQ(MetricNumber(beta, "open_deals"), 2);  // O3 O4
  EXPECT_EQ(MetricNumber(beta, "at_risk_deals"), 2);
  // Learned from every deal, so the filter does not move the yardstick.
  EXPECT_NEAR(MetricNumber(beta, "low_probability_cutoff"), 27.0 / 42, 1e-12);
  EXPECT_EQ(MetricNumber(beta, "agent_open_deals_threshold"), 1);
}

TEST(AtRiskDealsTest, GroupsByTheRequestedDimension) {
  const Dataset data = RiskCrm(Activities::kNone);
  const Insight insight = RunInsight(data, "at_risk_deals", {kAsOf, {"by", "sales_agent"}});
  const Table* by = insight.FindTable("by_sales_agent");
  ASSERT_NE(by, nullptr);
  // Ann has no open deal: left out. Bob O1 (at risk), Cal O2 (not), Dee O3 (at risk), Eve O4 O5 O6 (all).
  ASSERT_EQ(by->rows.size(), 4u);
  EXPECT_EQ(std::get<std::string>(by->rows[0][0]), "Bob");
  EXPECT_EQ(CellNumber(by->rows[1][2]), 0);  // Cal
  EXPECT_EQ(CellNumber(by->rows[3][1]), 3);  // Eve
  EXPECT_EQ(CellNumber(by->rows[3][2]), 3);
  EXPECT_NEAR(CellNumber(by->rows[3][4]), 2 * 1000 * kAlphaRate + 100 * kBetaRate, 1e-9);
}

TEST(AtRiskDealsTest, AsOfLearnsOnlyFromDealsWonByThen) {
  const Dataset data = RiskCrm(Activities::kNone);
  const Insight insight = RunInsight(data, "at_risk_deals", {{"as_of", "2017-03-31"}});
  // Won by 2017-03-31: Alpha after 10 … 80 days (day 89 is March 31), Beta after 5 and 15: 10 cycles,
  // P75 at position 6.75 → 50 + 0.75 x 10 = 57.5, for both products (Alpha has 8 wins).
  EXPECT_EQ(MetricNumber(insight, "cycle_p75_days_all_products"), 57.5);
  const Table* cycles = insight.FindTable("cycle_thresholds");
  EXPECT_EQ(CellNumber(cycles->rows[0][1]), 8);
  EXPECT_EQ(CellNumber(cycles->rows[0][2]), 57.5);
  // WA9 … WA20 were still open, engaged 89 days before: past the cycle.
  EXPECT_EQ(MetricNumber(insight, "deals_past_cycle"), 12);
}

}  // namespace
}  // namespace crm::analytics::test
