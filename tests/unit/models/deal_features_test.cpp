#include "crm/models/deal_features.h"

#include <gtest/gtest.h>

#include <cmath>

#include "crm/models/deal_examples.h"
#include "same_matrix.h"
#include "unit/analytics/analytics_fixture.h"

namespace crm::models {
namespace {

using analytics::test::DatasetBuilder;
using analytics::test::Day;

// Two agents (Ann: East/Mia, Bob: West/Max), two products, two accounts. Deals (engage → close):
//  D1 Ann Alpha Acme   Won  01-05 → 01-20 (value 900)
//  D2 Ann Alpha Bolt   Lost 01-10 → 02-10
//  D3 Bob Beta  Acme   Won  02-01 → 03-15
//  D4 Ann Beta  Acme   Engaging since 03-01
//  D5 Bob Alpha (none) Prospecting
// Activities on D4: 03-02, 03-20; on Acme without a deal: 01-01.
Dataset SmallPipeline() {
  DatasetBuilder b;
  const int32_t acme = b.Account("Acme", "tech", 500.0, 100, "US");
  const int32_t bolt = b.Account("Bolt", "retail", 50.0, 10, "Japan", "Acme");
  const int32_t alpha = b.Product("Alpha", "A", 1000);
  const int32_t beta = b.Product("Beta", "B", 100);
  const int32_t ann = b.Agent("Ann", "Mia", "East");
  const int32_t bob = b.Agent("Bob", "Max", "West");
  b.Deal("D1", ann, alpha, acme, DealStage::kWon, "2017-01-05", "2017-01-20", 900);
  b.Deal("D2", ann, alpha, bolt, DealStage::kLost, "2017-01-10", "2017-02-10", 0);
  b.Deal("D3", bob, beta, acme, DealStage::kWon, "2017-02-01", "2017-03-15", 100);
  const int32_t d4 = b.Deal("D4", ann, beta, acme, DealStage::kEngaging, "2017-03-01", "", kNoNumber);
  b.Deal("D5", bob, alpha, kNoIndex, DealStage::kProspecting, "", "", kNoNumber);
  b.Activity("A1", "2017-03-02", "Call", ann, acme, d4);
  b.Activity("A2", "2017-03-20", "Email", ann, acme, d4);
  b.Activity("A3", "2017-01-01", "Meeting", ann, acme, kNoIndex);
  return b.Build();
}

DealFeatureBuilder MakeBuilder(const Dataset& data, std::vector<std::string> names) {
  Result<DealFeatureBuilder> builder = DealFeatureBuilder::Create(data, names);
  EXPECT_TRUE(builder.ok()) << (builder.ok() ? "" : builder.error().message);
  return std::move(builder).value();
}

float Feature(const FeatureMatrix& matrix, size_t row, const std::string& name) {
  const int column = matrix.FindColumn(name);
  EXPECT_GE(column, 0) << name;
  return matrix.At(row, static_cast<size_t>(column));
}

TEST(DealExamplesTest, WinExamplesAreTheMonthEndsADealWasOpen) {
  const Dataset data = SmallPipeline();
  const DealExamples set = WinTrainingExamples(data, Day("2017-03-31"));
  // D1 open over no month end (01-05..01-20); D2 at 01-31; D3 at 02-28; D4 has no outcome; D5 no dates.
  ASSERT_EQ(set.examples.size(), 2u);
  EXPECT_EQ(set.examples[0].deal, 1);
  EXPECT_EQ(set.examples[0].day, Day("2017-01-31"));
  EXPECT_EQ(set.labels[0], 0.0f);
  EXPECT_EQ(set.examples[1].deal, 2);
  EXPECT_EQ(set.examples[1].day, Day("2017-02-28"));
  EXPECT_EQ(set.labels[1], 1.0f);
}

TEST(DealExamplesTest, OutcomesAfterKnownByAreNotLearnedFrom) {
  const Dataset data = SmallPipeline();
  // By 03-01 D3 (closed 03-15) has no known outcome; only D2 remains.
  const DealExamples set = WinTrainingExamples(data, Day("2017-03-01"));
  ASSERT_EQ(set.examples.size(), 1u);
  EXPECT_EQ(set.examples[0].deal, 1);
}

TEST(DealExamplesTest, LeadExamplesAreSeenTheDayBeforeEngagement) {
  const Dataset data = SmallPipeline();
  const DealExamples set = LeadTrainingExamples(data, Day("2017-12-31"));
  ASSERT_EQ(set.examples.size(), 3u);
  EXPECT_EQ(set.examples[0].day, Day("2017-01-04"));
  EXPECT_EQ(set.labels[0], 1.0f);
  EXPECT_EQ(set.labels[1], 0.0f);
}

TEST(DealExamplesTest, OpenDealsAreRewoundToTheAsOfDate) {
  const Dataset data = SmallPipeline();
  // On 02-15: D3 engaged 02-01 and closes 03-15 → open; D2 closed 02-10; D4 not engaged yet.
  const std::vector<DealExample> open = OpenDealExamples(data, Day("2017-02-15"), DealStage::kEngaging);
  ASSERT_EQ(open.size(), 1u);
  EXPECT_EQ(open[0].deal, 2);
  const std::vector<DealExample> prospects =
      OpenDealExamples(data, Day("2017-02-15"), DealStage::kProspecting);
  ASSERT_EQ(prospects.size(), 1u);
  EXPECT_EQ(prospects[0].deal, 4);
}

TEST(DealExamplesTest, MonthEndsStopAtTheLastDay) {
  const std::vector<int32_t> ends = MonthEnds(Day("2016-12-15"), Day("2017-02-27"));
  ASSERT_EQ(ends.size(), 2u);
  EXPECT_EQ(ends[0], Day("2016-12-31"));
  EXPECT_EQ(ends[1], Day("2017-01-31"));
}

TEST(DealFeaturesTest, OutcomeFieldsAreRefusedAsLeakage) {
  const Dataset data = SmallPipeline();
  const std::vector<std::string> names = {"product", "close_value"};
  Result<DealFeatureBuilder> builder = DealFeatureBuilder::Create(data, names);
  ASSERT_FALSE(builder.ok());
  EXPECT_NE(builder.error().message.find("close_value"), std::string::npos);
  EXPECT_NE(builder.error().message.find("leakage"), std::string::npos);
  const std::vector<std::string> unknown = {"shoe_size"};
  Result<DealFeatureBuilder> other = DealFeatureBuilder::Create(data, unknown);
  ASSERT_FALSE(other.ok());
  EXPECT_NE(other.error().message.find("agent_win_rate"), std::string::npos);
}

TEST(DealFeaturesTest, HistoryCountsOnlyDealsClosedByTheSnapshot) {
  const Dataset data = SmallPipeline();
  const DealFeatureBuilder builder =
      MakeBuilder(data, DealFeatureBuilder::DefaultFeatures(DealFeatureSet::kOpportunityWin, true));
  // D4 (Ann, Beta, Acme) on 03-31: Ann closed D1 won, D2 lost → 0.5 of 2; Acme closed D1, D3 both won → 1.0
  // of 2; Beta closed D3 won → 1.0 of 1. On 02-15 only D1 and D2 are closed: Acme 1 of 1, Beta none.
  const std::vector<DealExample> examples = {{3, Day("2017-03-31")}, {3, Day("2017-02-15")}};
  const FeatureMatrix matrix = builder.Build(examples);
  EXPECT_FLOAT_EQ(Feature(matrix, 0, "agent_win_rate"), 0.5f);
  EXPECT_FLOAT_EQ(Feature(matrix, 0, "agent_closed_deals"), 2);
  EXPECT_FLOAT_EQ(Feature(matrix, 0, "account_win_rate"), 1.0f);
  EXPECT_FLOAT_EQ(Feature(matrix, 0, "product_win_rate"), 1.0f);
  EXPECT_FLOAT_EQ(Feature(matrix, 0, "deal_age_days"), 30);
  EXPECT_FLOAT_EQ(Feature(matrix, 0, "engage_month"), 3);
  // Ann's open deals on 03-31: engaged D1, D2, D4 minus closed D1, D2.
  EXPECT_FLOAT_EQ(Feature(matrix, 0, "agent_open_deals"), 1);
  EXPECT_FLOAT_EQ(Feature(matrix, 1, "account_closed_deals"), 1);
  EXPECT_TRUE(std::isnan(Feature(matrix, 1, "product_win_rate")));
  // Not engaged yet on 02-15: no age.
  EXPECT_TRUE(std::isnan(Feature(matrix, 1, "deal_age_days")));
}

TEST(DealFeaturesTest, ActivitiesUpToTheSnapshotOnly) {
  const Dataset data = SmallPipeline();
  const DealFeatureBuilder builder =
      MakeBuilder(data, DealFeatureBuilder::DefaultFeatures(DealFeatureSet::kOpportunityWin, true));
  const std::vector<DealExample> examples = {{3, Day("2017-03-10")}, {3, Day("2017-03-31")}};
  const FeatureMatrix matrix = builder.Build(examples);
  EXPECT_FLOAT_EQ(Feature(matrix, 0, "deal_activities"), 1);
  EXPECT_FLOAT_EQ(Feature(matrix, 0, "days_since_deal_activity"), 8);
  EXPECT_FLOAT_EQ(Feature(matrix, 1, "deal_activities"), 2);
  EXPECT_FLOAT_EQ(Feature(matrix, 1, "days_since_deal_activity"), 11);
  // Acme's activities in the 90 days up to 03-31, i.e. after 2016-12-31: all three; up to 03-10 (after
  // 2016-12-10): 01-01 and 03-02.
  EXPECT_FLOAT_EQ(Feature(matrix, 1, "account_activities_90d"), 3);
  EXPECT_FLOAT_EQ(Feature(matrix, 0, "account_activities_90d"), 2);
}

TEST(DealFeaturesTest, TheFutureDoesNotChangeTheFeatures) {
  Dataset data = SmallPipeline();
  const std::vector<std::string> names = DealFeatureBuilder::CatalogueNames();
  const std::vector<DealExample> examples = {{2, Day("2017-02-28")}, {3, Day("2017-03-10")}};
  const FeatureMatrix before = MakeBuilder(data, names).Build(examples);
  // D3 closes 03-15, after both snapshots: flipping its outcome and value must change nothing.
  data.opportunities.deal_stage[2] = DealStage::kLost;
  data.opportunities.close_value[2] = 0;
  EXPECT_TRUE(test::SameMatrix(before, MakeBuilder(data, names).Build(examples)));
}

TEST(DealFeaturesTest, LeadFeaturesLeaveOutEngagementAndActivitiesWhenAbsent) {
  const std::vector<std::string> lead =
      DealFeatureBuilder::DefaultFeatures(DealFeatureSet::kLeadScore, false);
  EXPECT_EQ(std::find(lead.begin(), lead.end(), "deal_age_days"), lead.end());
  EXPECT_EQ(std::find(lead.begin(), lead.end(), "deal_activities"), lead.end());
  EXPECT_NE(std::find(lead.begin(), lead.end(), "agent_win_rate"), lead.end());
  const Dataset data = SmallPipeline();
  const DealFeatureBuilder builder = MakeBuilder(data, lead);
  const FeatureMatrix matrix = builder.Build(std::vector<DealExample>{{4, Day("2017-12-31")}});
  EXPECT_TRUE(std::isnan(Feature(matrix, 0, "sector")));  // no account
  EXPECT_EQ(matrix.features[static_cast<size_t>(matrix.FindColumn("product"))].categories.size(), 2u);
}

}  // namespace
}  // namespace crm::models

namespace crm::models {
namespace {

TEST(DealFeaturesTest, CountsOfOneDayGiveTheSameRowsAsTheSweep) {
  const Dataset data = analytics::test::SmallCrm();
  const DealFeatureBuilder builder = MakeBuilder(data, DealFeatureBuilder::CatalogueNames());
  const int32_t day = analytics::test::Day("2017-04-30");
  std::vector<DealExample> examples;
  std::vector<int32_t> deals;
  for (int32_t row = 0; row < static_cast<int32_t>(data.opportunities.size()); ++row) {
    examples.push_back({row, day});
    deals.push_back(row);
  }
  // One more example on another day makes Build sweep over sorted dates; its first rows must match.
  examples.push_back({0, analytics::test::Day("2017-01-31")});
  const FeatureMatrix swept = builder.Build(examples);
  std::vector<int32_t> first_rows(deals.size());
  for (size_t i = 0; i < first_rows.size(); ++i) first_rows[i] = static_cast<int32_t>(i);
  const FeatureMatrix counted = builder.BuildAt(CountDealHistory(data, day), deals);
  EXPECT_TRUE(test::SameMatrix(swept.SelectRows(first_rows), counted));
  // Examples of a single day take the counting path: the same rows again.
  examples.pop_back();
  EXPECT_TRUE(test::SameMatrix(builder.Build(examples), counted));
}

TEST(DealFeaturesTest, OneFilledRowIsTheRowOfBuildAt) {
  const Dataset data = analytics::test::SmallCrm();
  const std::vector<std::string> names = DealFeatureBuilder::CatalogueNames();
  // Two builders over one activity index, as the scorer's two models share it.
  const std::shared_ptr<const ActivityDays> activities = ActivityDays::Of(data);
  Result<DealFeatureBuilder> builder = DealFeatureBuilder::Create(data, names, activities);
  Result<DealFeatureBuilder> own_index = DealFeatureBuilder::Create(data, names);
  ASSERT_TRUE(builder.ok() && own_index.ok());
  const DealHistoryCounts counts = CountDealHistory(data, analytics::test::Day("2017-04-30"));
  std::vector<int32_t> deals(data.opportunities.size());
  for (size_t i = 0; i < deals.size(); ++i) deals[i] = static_cast<int32_t>(i);
  const FeatureMatrix built = own_index->BuildAt(counts, deals);
  std::vector<float> row(names.size());
  for (int32_t deal : deals) {
    builder->FillRow(counts, deal, row);
    const std::span<const float> expected = built.Row(static_cast<size_t>(deal));
    for (size_t column = 0; column < row.size(); ++column) {
      if (std::isnan(expected[column])) {
        EXPECT_TRUE(std::isnan(row[column])) << names[column];
      } else {
        EXPECT_EQ(row[column], expected[column]) << names[column];
      }
    }
  }
}

}  // namespace
}  // namespace crm::models
