#include "crm/models/account_features.h"

#include <gtest/gtest.h>

#include <cmath>
#include <set>
#include <string>
#include <vector>

#include "same_matrix.h"
#include "unit/analytics/analytics_fixture.h"

namespace crm::models {
namespace {

using analytics::test::DatasetBuilder;
using analytics::test::Day;
using S = DealStage;

//! Acme (tech, 500, 100 employees, US, subsidiary of Big, established 2000) seen at T = 2017-06-30.
//! Last 90 days = (04-01, 06-30]; the 90 before = (01-01, 04-01].
//!   W1 won 500 closed 01-01 (= T − 180: in neither window)   W2 won 800 closed 04-01 (= T − 90: before)
//!   W3 won 1,200 closed 04-02 (last 90)                       W4 won 300 closed 06-10 (last 90; last win)
//!   W5 Alpha won 9,999 closed 07-15, engaged 06-01: open at T, 29 days old
//!   L1 lost 03-15 (before)   L2 lost on T (last 90)   L3 Beta lost 08-01, engaged 06-20: open, 10 days old
//!   E1 Alpha Engaging, engaged 06-25: open, 5 days old (the last engagement)
//!   E2 Engaging engaged 07-05 and P1 Prospecting: not seen at T
//!   Activities: 04-01 (T − 90, out), 04-02, 06-28 (in), 07-02 (after T); one without an account.
//! Solo has no sector, country, parent, founding year, deal or activity.
Dataset FeatureCrm(bool with_activities = true) {
  DatasetBuilder b;
  const int32_t alpha = b.Product("Alpha", "A", 1000);
  const int32_t beta = b.Product("Beta", "B", 100);
  const int32_t ann = b.Agent("Ann", "Mia", "East");
  b.Account("Big", "retail", 9000, 5000, "Japan");
  const int32_t acme = b.Account("Acme", "tech", 500, 100, "US", "Big");
  b.Account("Solo", "", 20, 5, "");
  b.Deal("W1", ann, beta, acme, S::kWon, "2016-12-01", "2017-01-01", 500);
  b.Deal("W2", ann, beta, acme, S::kWon, "2017-01-10", "2017-04-01", 800);
  b.Deal("W3", ann, alpha, acme, S::kWon, "2017-03-01", "2017-04-02", 1200);
  b.Deal("W4", ann, beta, acme, S::kWon, "2017-05-01", "2017-06-10", 300);
  b.Deal("W5", ann, alpha, acme, S::kWon, "2017-06-01", "2017-07-15", 9999);
  b.Deal("L1", ann, beta, acme, S::kLost, "2017-02-01", "2017-03-15", 0);
  b.Deal("L2", ann, beta, acme, S::kLost, "2017-04-10", "2017-06-30", 0);
  b.Deal("L3", ann, beta, acme, S::kLost, "2017-06-20", "2017-08-01", 0);
  b.Deal("E1", ann, alpha, acme, S::kEngaging, "2017-06-25", "", kNoNumber);
  b.Deal("E2", ann, alpha, acme, S::kEngaging, "2017-07-05", "", kNoNumber);
  b.Deal("P1", ann, alpha, acme, S::kProspecting, "", "", kNoNumber);
  b.Deal("X1", ann, alpha, kNoIndex, S::kWon, "2017-05-01", "2017-06-01", 5000);  // no account: ignored
  if (with_activities) {
    for (const char* date : {"2017-04-01", "2017-04-02", "2017-06-28", "2017-07-02"}) {
      b.Activity(std::string("A") + date, date, "Call", ann, acme, kNoIndex);
    }
    b.Activity("A-none", "2017-06-29", "Email", ann, kNoIndex, kNoIndex);
  }
  Dataset data = b.Build();
  data.accounts[2].year_established = kNoIndex;
  return data;
}

constexpr int32_t kAcme = 1, kSolo = 2;

//! The value of the named column in one row; fails when the column is absent.
float Value(const FeatureMatrix& matrix, size_t row, const std::string& name) {
  const int column = matrix.FindColumn(name);
  EXPECT_GE(column, 0) << "no column " << name;
  return column < 0 ? kMissingFeature : matrix.At(row, static_cast<size_t>(column));
}

TEST(AccountRiskFeaturesTest, AccountFieldsAtTheSnapshot) {
  const Dataset data = FeatureCrm();
  const std::vector<AccountExample> examples = {{kAcme, Day("2017-06-30")}, {kSolo, Day("2017-06-30")}};
  const FeatureMatrix m = BuildAccountFeatures(data, examples);
  ASSERT_EQ(m.rows(), 2u);
  EXPECT_EQ(Value(m, 0, "sector"), static_cast<float>(data.sectors.Find("tech")));
  EXPECT_EQ(Value(m, 0, "revenue"), 500.0f);
  EXPECT_EQ(Value(m, 0, "employees"), 100.0f);
  EXPECT_EQ(Value(m, 0, "office_country"), static_cast<float>(data.countries.Find("US")));
  EXPECT_EQ(Value(m, 0, "has_parent"), 1.0f);
  EXPECT_EQ(Value(m, 0, "years_established"), 17.0f);  // 2017 − 2000
  EXPECT_TRUE(std::isnan(Value(m, 1, "sector")));
  EXPECT_TRUE(std::isnan(Value(m, 1, "office_country")));
  EXPECT_EQ(Value(m, 1, "has_parent"), 0.0f);
  EXPECT_TRUE(std::isnan(Value(m, 1, "years_established")));
}

TEST(AccountRiskFeaturesTest, DealHistoryCountedByHand) {
  const Dataset data = FeatureCrm();
  const std::vector<AccountExample> examples = {{kAcme, Day("2017-06-30")}};
  const FeatureMatrix m = BuildAccountFeatures(data, examples);
  EXPECT_EQ(Value(m, 0, "won_deals_last_90_days"), 2.0f);       // W3, W4
  EXPECT_EQ(Value(m, 0, "won_revenue_last_90_days"), 1500.0f);  // 1,200 + 300
  EXPECT_EQ(Value(m, 0, "won_deals_previous_90_days"), 1.0f);   // W2
  EXPECT_EQ(Value(m, 0, "won_revenue_previous_90_days"), 800.0f);
  EXPECT_EQ(Value(m, 0, "lost_deals_last_90_days"), 1.0f);        // L2
  EXPECT_FLOAT_EQ(Value(m, 0, "win_rate"), 4.0f / 6.0f);          // W1–W4 of W1–W4, L1, L2
  EXPECT_EQ(Value(m, 0, "days_since_last_win"), 20.0f);           // 06-10 to 06-30
  EXPECT_EQ(Value(m, 0, "days_since_last_engagement"), 5.0f);     // E1, 06-25
  EXPECT_EQ(Value(m, 0, "open_deals"), 3.0f);                     // W5, L3, E1
  EXPECT_EQ(Value(m, 0, "open_list_value"), 2100.0f);             // 1,000 + 100 + 1,000
  EXPECT_FLOAT_EQ(Value(m, 0, "open_deal_mean_age"), 44.0f / 3);  // (29 + 10 + 5) / 3
  EXPECT_EQ(Value(m, 0, "activities_last_90_days"), 2.0f);        // 04-02, 06-28
  EXPECT_EQ(Value(m, 0, "days_since_last_activity"), 2.0f);       // 06-28
}

TEST(AccountRiskFeaturesTest, AnAccountWithoutHistoryHasCountsOfZeroAndMissingRatesAndDays) {
  const Dataset data = FeatureCrm();
  const std::vector<AccountExample> examples = {{kSolo, Day("2017-06-30")}};
  const FeatureMatrix m = BuildAccountFeatures(data, examples);
  EXPECT_EQ(Value(m, 0, "won_deals_last_90_days"), 0.0f);
  EXPECT_EQ(Value(m, 0, "won_revenue_last_90_days"), 0.0f);
  EXPECT_EQ(Value(m, 0, "open_deals"), 0.0f);
  EXPECT_EQ(Value(m, 0, "open_list_value"), 0.0f);
  EXPECT_EQ(Value(m, 0, "activities_last_90_days"), 0.0f);
  for (const char* missing : {"win_rate", "days_since_last_win", "days_since_last_engagement",
                              "open_deal_mean_age", "days_since_last_activity"}) {
    EXPECT_TRUE(std::isnan(Value(m, 0, missing))) << missing;
  }
}

TEST(AccountRiskFeaturesTest, AnEarlierSnapshotSeesLessAndLaterClosesAsOpen) {
  const Dataset data = FeatureCrm();
  // At 2017-04-01: W1, W2 won (W2 on the day), L1 lost; W3 (engaged 03-01) still open, 31 days old.
  const std::vector<AccountExample> examples = {{kAcme, Day("2017-04-01")}};
  const FeatureMatrix m = BuildAccountFeatures(data, examples);
  EXPECT_EQ(Value(m, 0, "won_deals_last_90_days"), 1.0f);  // W2; W1 on 01-01 = T − 90 is out
  EXPECT_FLOAT_EQ(Value(m, 0, "win_rate"), 2.0f / 3.0f);
  EXPECT_EQ(Value(m, 0, "days_since_last_win"), 0.0f);
  EXPECT_EQ(Value(m, 0, "open_deals"), 1.0f);
  EXPECT_EQ(Value(m, 0, "open_deal_mean_age"), 31.0f);
  EXPECT_EQ(Value(m, 0, "days_since_last_activity"), 0.0f);
}

TEST(AccountRiskFeaturesTest, DealsAndActivitiesAfterTheSnapshotChangeNothing) {
  Dataset data = FeatureCrm();
  const std::vector<AccountExample> examples = {{kAcme, Day("2017-06-30")}, {kSolo, Day("2017-06-30")}};
  const FeatureMatrix before = BuildAccountFeatures(data, examples);
  OpportunityColumns& deals = data.opportunities;
  deals.close_value[data.FindOpportunity("W5")] = 1;  // a future close value
  const int32_t l3 = data.FindOpportunity("L3");      // a future loss becomes a future win
  deals.deal_stage[l3] = S::kWon;
  deals.close_value[l3] = 50000;
  deals.close_date[data.FindOpportunity("W5")] = Day("2017-07-01");
  data.activities.date[3] = Day("2017-12-31");  // the activity of 07-02 moves later still
  const FeatureMatrix after = BuildAccountFeatures(data, examples);
  EXPECT_TRUE(test::SameMatrix(before, after));
  // The same edit on or before the snapshot day is seen, so the comparison above can fail.
  deals.close_date[data.FindOpportunity("W5")] = Day("2017-06-30");
  EXPECT_FALSE(test::SameMatrix(before, BuildAccountFeatures(data, examples)));
}

TEST(AccountRiskFeaturesTest, ActivityColumnsOnlyWithActivities) {
  const Dataset with = FeatureCrm(true), without = FeatureCrm(false);
  const std::vector<FeatureSpec> with_specs = AccountRiskFeatureSpecs(with);
  const std::vector<FeatureSpec> without_specs = AccountRiskFeatureSpecs(without);
  EXPECT_EQ(with_specs.size(), without_specs.size() + 2);
  const std::vector<AccountExample> examples = {{kAcme, Day("2017-06-30")}};
  const FeatureMatrix m = BuildAccountFeatures(without, examples);
  EXPECT_EQ(m.columns(), without_specs.size());
  EXPECT_EQ(m.FindColumn("activities_last_90_days"), -1);
  EXPECT_EQ(m.FindColumn("days_since_last_activity"), -1);
  EXPECT_EQ(Value(m, 0, "open_deals"), 3.0f);  // the other columns are unchanged
}

TEST(AccountRiskFeaturesTest, SpecsNameEveryColumnOnceAndListTheCategories) {
  const Dataset data = FeatureCrm();
  const std::vector<FeatureSpec> specs = AccountRiskFeatureSpecs(data);
  std::set<std::string> names;
  for (const FeatureSpec& spec : specs) {
    EXPECT_FALSE(spec.description.empty()) << spec.name;
    EXPECT_TRUE(names.insert(spec.name).second) << spec.name;
    const bool categorical = spec.name == "sector" || spec.name == "office_country";
    EXPECT_EQ(spec.kind == FeatureKind::kCategorical, categorical) << spec.name;
  }
  EXPECT_EQ(specs.size(), 19u);
  EXPECT_EQ(specs[0].categories, data.sectors.values());    // retail, tech
  EXPECT_EQ(specs[3].categories, data.countries.values());  // Japan, US
}

}  // namespace
}  // namespace crm::models
