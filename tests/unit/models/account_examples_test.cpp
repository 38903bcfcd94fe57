#include "crm/models/account_examples.h"

#include <gtest/gtest.h>

#include <utility>
#include <vector>

#include "unit/analytics/analytics_fixture.h"

namespace crm::models {
namespace {

using analytics::test::DatasetBuilder;
using analytics::test::Day;
using S = DealStage;

enum AccountRow : int32_t { kSteady, kHalves, kQuiet, kEdge, kNever, kLapsed, kUnused };

//! Six accounts around the snapshot 2017-03-31 (T). The first close of the data is 2017-01-01 = T − 89,
//! so T is the first month end whose previous 90 days (2017-01-01 .. T) lie inside the history.
//! The label window is (T, T + 90] = 2017-04-01 .. 2017-06-29.
//!   Steady: won 1,000 on 02-10, then 600 on 05-15: 600 ≥ 1,000 / 2            → 0
//!   Halves: won 1,000 on 02-10, then 400 on 05-15: 400 < 500                   → 1
//!   Quiet:  won 1,000 on 01-01, then only a loss (05-01) and a win on 07-01    → 1 (wins nothing by 06-29)
//!   Edge:   won 1,000 on T itself and 1,000 on T + 90 (both window ends count) → 0
//!   Never:  only lost deals                                                    → never active
//!   Lapsed: first win on 04-15, after T                                         → active from 04-30 only
//!   Unused: no deal; and a won deal without an account, ignored.
Dataset RiskCrm() {
  DatasetBuilder b;
  const int32_t product = b.Product("Alpha", "A", 1000);
  const int32_t agent = b.Agent("Ann", "Mia", "East");
  for (const char* name : {"Steady", "Halves", "Quiet", "Edge", "Never", "Lapsed", "Unused"}) {
    b.Account(name, "tech", 10, 10, "US");
  }
  const auto won = [&](const char* id, int32_t account, const char* close, double value) {
    b.Deal(id, agent, product, account, S::kWon, "2016-12-01", close, value);
  };
  won("S1", kSteady, "2017-02-10", 1000);
  won("S2", kSteady, "2017-05-15", 600);
  won("H1", kHalves, "2017-02-10", 1000);
  won("H2", kHalves, "2017-05-15", 400);
  won("Q1", kQuiet, "2017-01-01", 1000);
  b.Deal("Q2", agent, product, kQuiet, S::kLost, "2017-04-01", "2017-05-01", 0);
  won("Q3", kQuiet, "2017-07-01", 1000);
  won("E1", kEdge, "2017-03-31", 1000);
  won("E2", kEdge, "2017-06-29", 1000);
  b.Deal("N1", agent, product, kNever, S::kLost, "2016-12-01", "2017-02-01", 0);
  won("L1", kLapsed, "2017-04-15", 1000);
  won("X1", kNoIndex, "2016-06-01", 1000);  // no account: does not move the start of the history
  return b.Build();
}

//! The (account, day) pairs of examples.
std::vector<std::pair<int32_t, int32_t>> Pairs(const std::vector<AccountExample>& examples) {
  std::vector<std::pair<int32_t, int32_t>> pairs;
  for (const AccountExample& example : examples) pairs.emplace_back(example.account, example.day);
  return pairs;
}

TEST(AccountRiskExamplesTest, LabelsWinsNothingAndHalvedRevenueAsAtRisk) {
  // known_by = T + 90 = 2017-06-29: the label of T is known, that of 04-30 (needs 07-29) is not.
  const Dataset data = RiskCrm();
  const AccountExamples out = AccountRiskTrainingExamples(data, Day("2017-06-29"));
  const int32_t t = Day("2017-03-31");
  const std::vector<std::pair<int32_t, int32_t>> expected = {
      {kSteady, t}, {kHalves, t}, {kQuiet, t}, {kEdge, t}};
  EXPECT_EQ(Pairs(out.examples), expected);
  EXPECT_EQ(out.labels, (std::vector<float>{0, 1, 1, 0}));
}

TEST(AccountRiskExamplesTest, ClosesAfterKnownByChangeNoLabel) {
  Dataset data = RiskCrm();
  const AccountExamples before = AccountRiskTrainingExamples(data, Day("2017-06-29"));
  // Quiet's win of 07-01 is after known_by: making it huge, or moving it to 06-30, changes nothing.
  const int32_t q3 = data.FindOpportunity("Q3");
  data.opportunities.close_value[q3] = 1e9;
  data.opportunities.close_date[q3] = Day("2017-06-30");
  const AccountExamples after = AccountRiskTrainingExamples(data, Day("2017-06-29"));
  EXPECT_EQ(Pairs(after.examples), Pairs(before.examples));
  EXPECT_EQ(after.labels, before.labels);
}

TEST(AccountRiskExamplesTest, SnapshotsAreMonthEndsWhoseHorizonEndsByKnownBy) {
  const Dataset data = RiskCrm();
  // 06-30 + 90 days = 09-28: known by 09-28, not by 09-27. The first is 03-31 (history from 01-01).
  const std::vector<int32_t> four = {Day("2017-03-31"), Day("2017-04-30"), Day("2017-05-31"),
                                     Day("2017-06-30")};
  EXPECT_EQ(AccountRiskSnapshotDays(data, Day("2017-09-28")), four);
  EXPECT_EQ(AccountRiskSnapshotDays(data, Day("2017-09-27")),
            std::vector<int32_t>(four.begin(), four.end() - 1));
  EXPECT_TRUE(AccountRiskSnapshotDays(data, Day("2017-06-28")).empty());
}

TEST(AccountRiskExamplesTest, FirstSnapshotWaitsForAFullQuarterOfHistory) {
  Dataset data = RiskCrm();
  // History from 01-02: 03-31 − 89 = 01-01 falls before it, so the first snapshot is 04-30.
  data.opportunities.close_date[data.FindOpportunity("Q1")] = Day("2017-01-02");
  EXPECT_EQ(AccountRiskSnapshotDays(data, Day("2017-09-28")).front(), Day("2017-04-30"));
}

TEST(AccountRiskExamplesTest, TrainingSkipsAccountsNotActiveAtTheSnapshot) {
  const Dataset data = RiskCrm();
  const AccountExamples out = AccountRiskTrainingExamples(data, Day("2017-09-28"));
  // 03-31: the four that won by then; 04-30, 05-31, 06-30: Lapsed joins. Never and Unused never.
  std::vector<std::pair<int32_t, int32_t>> expected;
  for (int32_t account : {kSteady, kHalves, kQuiet, kEdge}) expected.emplace_back(account, Day("2017-03-31"));
  for (const char* day : {"2017-04-30", "2017-05-31", "2017-06-30"}) {
    for (int32_t account : {kSteady, kHalves, kQuiet, kEdge, kLapsed})
      expected.emplace_back(account, Day(day));
  }
  EXPECT_EQ(Pairs(out.examples), expected);
  EXPECT_EQ(out.labels.size(), expected.size());
}

TEST(AccountRiskExamplesTest, ScoringTakesTheAccountsWithAWinInTheLast365Days) {
  const Dataset data = RiskCrm();
  // Quiet's last win is 2017-07-01: 2018-06-30 is 364 days later (inside), 2018-07-01 is 365 (outside).
  // Every other account's last win is 2017-06-29 or earlier, so it is out by 2018-06-30.
  EXPECT_EQ(Pairs(AccountRiskScoringExamples(data, Day("2018-06-30"))),
            (std::vector<std::pair<int32_t, int32_t>>{{kQuiet, Day("2018-06-30")}}));
  EXPECT_TRUE(AccountRiskScoringExamples(data, Day("2018-07-01")).empty());
  // On 2017-04-15 Lapsed's first win makes it active the same day.
  std::vector<std::pair<int32_t, int32_t>> expected;
  for (int32_t account : {kSteady, kHalves, kQuiet, kEdge, kLapsed})
    expected.emplace_back(account, Day("2017-04-15"));
  EXPECT_EQ(Pairs(AccountRiskScoringExamples(data, Day("2017-04-15"))), expected);
}

}  // namespace
}  // namespace crm::models
