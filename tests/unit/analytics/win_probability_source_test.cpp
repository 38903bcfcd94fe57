// An engine given outside win probabilities (the trained model) weights open engaged deals by them, in the
// pipeline and in the forecast's simulation, and says where they come from.
#include "crm/analytics/win_probability_source.h"

#include <gtest/gtest.h>

#include "analytics_fixture.h"
#include "crm/analytics/engine.h"
#include "table_lookup.h"

namespace crm::analytics::test {
namespace {

//! A source giving every deal the same chance.
WinProbabilitySource Constant(double chance) {
  return {[chance](int32_t) { return std::vector<double>(SmallCrm().opportunities.size(), chance); },
          "a test model"};
}

double StageCell(const Insight& insight, const std::string& stage, const std::string& column) {
  const Table& table = TableNamed(insight, "by_stage");
  for (size_t row = 0; row < table.rows.size(); ++row) {
    if (TextAt(table, row, "deal_stage") == stage) return NumberAt(table, row, column);
  }
  ADD_FAILURE() << "no stage " << stage;
  return kNoNumber;
}

TEST(WinProbabilitySourceTest, OpenEngagedDealsAreWeightedByTheSource) {
  const Dataset data = SmallCrm();
  const Engine plain(data);
  const Engine none(data, Constant(0.0));
  const Engine half(data, Constant(0.5));
  const Insight base = *plain.Run("pipeline_overview", FilterRequest{});
  const Insight zero = *none.Run("pipeline_overview", FilterRequest{});
  const Insight halved = *half.Run("pipeline_overview", FilterRequest{});
  EXPECT_EQ(StageCell(zero, "Engaging", "expected_value"), 0);
  EXPECT_DOUBLE_EQ(StageCell(halved, "Engaging", "expected_value"), StageCell(base, "Engaging", "value") / 2);
  // Prospecting deals keep their product's rate; closed deals their outcome.
  EXPECT_EQ(StageCell(zero, "Prospecting", "expected_value"), StageCell(base, "Prospecting", "expected_value"));
  EXPECT_EQ(StageCell(zero, "Won", "expected_value"), StageCell(base, "Won", "expected_value"));
  bool named = false;
  for (const std::string& note : zero.notes) named = named || note.find("a test model") != std::string::npos;
  EXPECT_TRUE(named);
}

TEST(WinProbabilitySourceTest, TheForecastSimulationUsesTheSource) {
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

}  // namespace
}  // namespace crm::analytics::test
