// An engine given the models' sources weights open engaged deals by the win probabilities (pipeline,
// forecast simulation) and shows account risk next to health, saying where they come from.
#include "crm/analytics/model_sources.h"

#include <cmath>

#include <gtest/gtest.h>

#include "analytics_fixture.h"
#include "crm/analytics/engine.h"
#include "table_lookup.h"

namespace crm::analytics::test {
namespace {

//! Sources giving every deal the same chance.
ModelSources Constant(double chance) {
  return {WinProbabilitySource{
              [chance](int32_t) { return std::vector<double>(SmallCrm().opportunities.size(), chance); },
              "a test model"},
          std::nullopt};
}

double StageCell(const Insight& insight, const std::string& stage, const std::string& column) {
  const Table& table = TableNamed(insight, "by_stage");
  for (size_t row = 0; row < table.rows.size(); ++row) {
    if (TextAt(table, row, "deal_stage") == stage) return NumberAt(table, row, column);
  }
  ADD_FAILURE() << "no stage " << stage;
  return kNoNumber;
}

TEST(ModelSourcesTest, OpenDealsAreWeightedByTheSource) {
  const Dataset data = SmallCrm();
  const Engine plain(data);
  const Engine none(data, Constant(0.0));
  const Engine half(data, Constant(0.5));
  const Insight base = *plain.Run("pipeline_overview", FilterRequest{});
  const Insight zero = *none.Run("pipeline_overview", FilterRequest{});
  const Insight halved = *half.Run("pipeline_overview", FilterRequest{});
  EXPECT_EQ(StageCell(zero, "Engaging", "expected_value"), 0);
  EXPECT_DOUBLE_EQ(StageCell(halved, "Engaging", "expected_value"), StageCell(base, "Engaging", "value") / 2);
  EXPECT_DOUBLE_EQ(StageCell(halved, "Prospecting", "expected_value"),
                   StageCell(base, "Prospecting", "value") / 2);
  // Closed deals keep their outcome; deals the source does not score keep their product's rate.
  EXPECT_EQ(StageCell(zero, "Won", "expected_value"), StageCell(base, "Won", "expected_value"));
  const Engine unscored(data, Constant(kNoNumber));
  const Insight fallback = *unscored.Run("pipeline_overview", FilterRequest{});
  EXPECT_DOUBLE_EQ(StageCell(fallback, "Engaging", "expected_value"),
                   StageCell(base, "Engaging", "expected_value"));
  EXPECT_DOUBLE_EQ(StageCell(fallback, "Prospecting", "expected_value"),
                   StageCell(base, "Prospecting", "expected_value"));
  bool named = false;
  for (const std::string& note : zero.notes) named = named || note.find("a test model") != std::string::npos;
  EXPECT_TRUE(named);
}

TEST(ModelSourcesTest, TheForecastSimulationUsesTheSource) {
  const Dataset data = SmallCrm();
  const Engine none(data, Constant(0.0));
  FilterRequest request;
  request.as_of = "2017-06-30";
  const Insight forecast = *none.Run("forecast", request);
  const Table& simulation = TableNamed(forecast, "simulation");
  for (size_t row = 0; row < simulation.rows.size(); ++row) {
    EXPECT_EQ(NumberAt(simulation, row, "expected_from_open_deals"), 0) << TextAt(simulation, row, "period");
  }
}

TEST(ModelSourcesTest, AccountRiskStandsNextToHealth) {
  const Dataset data = SmallCrm();
  // Risk 0.25 for the first account, none for the others (not scored).
  ModelSources sources;
  sources.account_risk = AccountRiskSource{[&data](int32_t) {
                                             std::vector<double> risk(data.accounts.size(), kNoNumber);
                                             risk[0] = 0.25;
                                             return risk;
                                           },
                                           "a risk model"};
  const Engine engine(data, sources);
  const Insight health = *engine.Run("account_health", FilterRequest{});
  const Table& table = TableNamed(health, "account_health");
  int scored = 0, unscored = 0;
  for (size_t row = 0; row < table.rows.size(); ++row) {
    const double risk = NumberAt(table, row, "risk_probability_90_days");
    if (TextAt(table, row, "account") == data.accounts[0].name) {
      EXPECT_EQ(risk, 0.25);
      ++scored;
    } else {
      EXPECT_TRUE(std::isnan(risk));
      ++unscored;
    }
  }
  EXPECT_EQ(scored, 1);
  EXPECT_GT(unscored, 0);
  // Without the source the column is absent.
  const Engine plain(data);
  const Insight plain_health = *plain.Run("account_health", FilterRequest{});
  const Table& without = TableNamed(plain_health, "account_health");
  EXPECT_EQ(std::find(without.columns.begin(), without.columns.end(), "risk_probability_90_days"),
            without.columns.end());
}

}  // namespace
}  // namespace crm::analytics::test
