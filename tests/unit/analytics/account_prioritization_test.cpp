// account_prioritization on the hand-built WhitespaceCrm (account_fixture.h): every figure by hand.
#include <cmath>

#include <gtest/gtest.h>

#include "account_fixture.h"

namespace crm::analytics::test {
namespace {

Insight Prioritize(std::vector<std::pair<std::string, std::string>> filters = {}) {
  filters.emplace_back("as_of", kAccountsAsOf);
  return RunInsight(WhitespaceCrm(), "account_prioritization", filters);
}

// Health of the fixture's accounts. Every win is 10 days old and no account won on two days, so no
// rhythm exists and recency is absent; no deal closed earlier than 180 days, so no trend: the score is
// the mean of frequency, monetary and pipeline coverage. Wins (and value) rank T1 = R1 (1) < T2 = T4
// (2) < T3 (3): mid-rank percentiles 12.5, 62.5 and 100. Coverage: T1's open Alpha (1,000) covers its
// one quarter of 1,000 won: 100; T3's open Beta (100) against 1,600: 6.25; the others have nothing open.
constexpr double kHealthT1 = (12.5 + 12.5 + 100) / 3;
constexpr double kHealthT2 = (62.5 + 62.5) / 3;
constexpr double kHealthT3 = (100 + 100 + 6.25) / 3;
constexpr double kHealthR1 = (12.5 + 12.5) / 3;

TEST(AccountPrioritizationTest, WhitespaceFromSectorPeers) {
  const Insight insight = Prioritize();
  const Table* table = insight.FindTable("account_prioritization");
  ASSERT_NE(table, nullptr);
  // T1 lacks Beta (bought by all 3 other tech accounts) and Gamma (by 1 of 3): 1 x 100 + 1/3 x 500.
  EXPECT_NEAR(NumberAt(*table, "T1", "whitespace_value"), 100 + 500.0 / 3, 1e-9);
  EXPECT_EQ(NumberAt(*table, "T1", "whitespace_products"), 2);
  // T2 and T4 lack Gamma: 1/3 x 500. T3 bought everything. R1 has no sector peers: missing.
  EXPECT_NEAR(NumberAt(*table, "T2", "whitespace_value"), 500.0 / 3, 1e-9);
  EXPECT_EQ(NumberAt(*table, "T3", "whitespace_value"), 0);
  EXPECT_TRUE(std::isnan(NumberAt(*table, "R1", "whitespace_value")));
  // Percentiles among the values present (0, 166.7, 166.7, 266.7): T1 3 of 3 below, T2 and T4 1 below
  // and 1 other equal: (1 + 0.5) / 3; T3 has none: 0.
  EXPECT_EQ(NumberAt(*table, "T1", "whitespace_score"), 100);
  EXPECT_EQ(NumberAt(*table, "T4", "whitespace_score"), 50);
  EXPECT_EQ(NumberAt(*table, "T3", "whitespace_score"), 0);
  EXPECT_TRUE(std::isnan(NumberAt(*table, "R1", "whitespace_score")));
  const Table* detail = insight.FindTable("whitespace");
  ASSERT_NE(detail, nullptr);
  ASSERT_GE(detail->rows.size(), 2u);
  // T1 ranks first; its gaps by adoption: Beta 3 of 3, Gamma 1 of 3.
  EXPECT_EQ(std::get<std::string>(detail->rows[0][1]), "Beta");
  EXPECT_EQ(CellNumber(CellAt(*detail, detail->rows[0], "peer_adoption_rate")), 1);
  EXPECT_EQ(CellNumber(CellAt(*detail, detail->rows[0], "estimated_deal_value")), 100);
  EXPECT_NEAR(CellNumber(CellAt(*detail, detail->rows[1], "peer_adoption_rate")), 1.0 / 3, 1e-12);
  EXPECT_EQ(CellNumber(CellAt(*detail, detail->rows[1], "adopting_peers")), 1);
  EXPECT_EQ(CellNumber(CellAt(*detail, detail->rows[1], "sector_peers")), 3);
  EXPECT_EQ(MetricNumber(insight, "accounts_with_whitespace"), 3);
  EXPECT_NEAR(MetricNumber(insight, "whitespace_value"), 100 + 500.0, 1e-9);  // 266.7 + 166.7 + 166.7
}

TEST(AccountPrioritizationTest, PipelineSizeAndHealthParts) {
  const Insight insight = Prioritize();
  const Table* table = insight.FindTable("account_prioritization");
  ASSERT_NE(table, nullptr);
  // Open values 1,000 (T1), 100 (T3), 0 for the other three: T1 4 of 4 below, T3 3 of 4.
  EXPECT_EQ(NumberAt(*table, "T1", "pipeline_score"), 100);
  EXPECT_EQ(NumberAt(*table, "T3", "pipeline_score"), 75);
  EXPECT_EQ(NumberAt(*table, "T2", "pipeline_score"), 0);
  // Size: revenue ranks 0, 25, 50, 75, 100 (T1..R1); employees rank 0, 33.3, 66.7, 100 (T4 missing).
  EXPECT_EQ(NumberAt(*table, "T1", "size_score"), 0);
  EXPECT_NEAR(NumberAt(*table, "T2", "size_score"), (25 + 100.0 / 3) / 2, 1e-9);
  EXPECT_EQ(NumberAt(*table, "T4", "size_score"), 75);  // revenue alone
  EXPECT_EQ(NumberAt(*table, "R1", "size_score"), 100);
  EXPECT_TRUE(std::isnan(NumberAt(*table, "T4", "employees")));
  EXPECT_NEAR(NumberAt(*table, "T1", "health_score"), kHealthT1, 1e-9);
  EXPECT_NEAR(NumberAt(*table, "T3", "health_score"), kHealthT3, 1e-9);
  EXPECT_NEAR(NumberAt(*table, "R1", "health_score"), kHealthR1, 1e-9);
}

TEST(AccountPrioritizationTest, PotentialScoreRankAndReasons) {
  const Insight insight = Prioritize();
  const Table* table = insight.FindTable("account_prioritization");
  ASSERT_NE(table, nullptr);
  // 0.35 whitespace + 0.25 pipeline + 0.20 size + 0.20 health; R1 without whitespace: over 0.65.
  const double t1 = 35 + 25 + 0 + 0.2 * kHealthT1;
  const double t2 = 0.35 * 50 + 0 + 0.2 * (25 + 100.0 / 3) / 2 + 0.2 * kHealthT2;
  const double t3 = 0 + 0.25 * 75 + 0.2 * (50 + 200.0 / 3) / 2 + 0.2 * kHealthT3;
  const double t4 = 0.35 * 50 + 0 + 0.2 * 75 + 0.2 * kHealthT2;
  const double r1 = (0 + 0.2 * 100 + 0.2 * kHealthR1) / 0.65;
  EXPECT_NEAR(NumberAt(*table, "T1", "potential_score"), t1, 1e-9);
  EXPECT_NEAR(NumberAt(*table, "T2", "potential_score"), t2, 1e-9);
  EXPECT_NEAR(NumberAt(*table, "T3", "potential_score"), t3, 1e-9);
  EXPECT_NEAR(NumberAt(*table, "T4", "potential_score"), t4, 1e-9);
  EXPECT_NEAR(NumberAt(*table, "R1", "potential_score"), r1, 1e-9);
  // 68.3, 44.2, 40.8, 33.3, 31.7.
  EXPECT_EQ(RowNames(*table), (std::vector<std::string>{"T1", "T3", "T4", "R1", "T2"}));
  auto reasons = [&](const std::string& account) {
    return std::get<std::string>(CellAt(*table, *FindRow(*table, account), "reasons"));
  };
  EXPECT_EQ(reasons("T1"),
            "whitespace: Beta (100% of 3 sector peers), Gamma (33%) worth ~$267; open pipeline $1,000 (1 deal)");
  // T3: pipeline (18.75), health (13.75) and size (11.7) score 50 or more.
  EXPECT_EQ(reasons("T3"), "open pipeline $100 (1 deal); health 69 (Watch); size: revenue $300M, 30 employees");
  EXPECT_EQ(reasons("T2"), "whitespace: Gamma (33% of 3 sector peers) worth ~$167");
  EXPECT_EQ(reasons("R1"), "size: revenue $500M, 50 employees");
  ASSERT_EQ(insight.charts.size(), 2u);
  EXPECT_EQ(insight.charts[1].type, "stacked_bar");
  // The parts of T1 add up to its score: 35 + 25 + 0 + 0.2 x health.
  double total = 0;
  for (const ChartSeries& series : insight.charts[1].series) total += series.values[0];
  EXPECT_NEAR(total, t1, 1e-9);
}

TEST(AccountPrioritizationTest, FiltersAndTop) {
  const Insight tech = Prioritize({{"sector", "tech"}});
  EXPECT_EQ(RowNames(*tech.FindTable("account_prioritization")),
            (std::vector<std::string>{"T1", "T3", "T4", "T2"}));
  EXPECT_EQ(MetricNumber(tech, "peer_accounts"), 5);
  const Insight top = Prioritize({{"top", "2"}});
  EXPECT_EQ(RowNames(*top.FindTable("account_prioritization")), (std::vector<std::string>{"T1", "T3"}));
  EXPECT_EQ(top.FindTable("whitespace")->rows.size(), 2u);  // T1's two products; T3 has none
  EXPECT_EQ(MetricNumber(top, "accounts"), 5);
}

}  // namespace
}  // namespace crm::analytics::test
