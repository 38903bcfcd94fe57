#include "crm/models/trainer.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "crm/models/cross_validation.h"
#include "crm/models/feature_checks.h"
#include "crm/models/metrics.h"
#include "crm/models/model_backtest.h"
#include "model_fixture.h"

namespace crm::models {
namespace {

using test::DemoDataset;

//! A set of `won` and `lost` deals, one row each, with one uninformative feature.
TrainingSet TinySet(int won, int lost) {
  TrainingSet set;
  set.x.features = {{"noise", "noise", FeatureKind::kNumeric, {}}};
  for (int i = 0; i < won + lost; ++i) {
    set.x.values.push_back(static_cast<float>(i % 7));
    set.labels.push_back(i < won ? 1.0f : 0.0f);
    set.entities.push_back(i);
    set.days.push_back(0);
    set.sectors.push_back(kNoIndex);
    set.offices.push_back(kNoIndex);
  }
  return set;
}

TEST(TrainerTest, RefusesBelowFortyOutcomesOfEachKind) {
  const Status refused = CheckEnoughHistory(TinySet(39, 100));
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.error().message.find("at least 40 won deals"), std::string::npos);
  EXPECT_NE(refused.error().message.find("historical rates"), std::string::npos);
  EXPECT_TRUE(CheckEnoughHistory(TinySet(40, 40)).ok());
  // A deal seen at several month ends counts once.
  TrainingSet repeated = TinySet(40, 40);
  for (int32_t& entity : repeated.entities) entity = entity % 50;
  EXPECT_FALSE(CheckEnoughHistory(repeated).ok());
}

TEST(TrainerTest, WinModelRecoversThePlantedSignalOnHeldOutDemoData) {
  const Dataset& data = DemoDataset();
  Result<TrainedModel> model = TrainModel(data, ModelKind::kOpportunityWin);
  ASSERT_TRUE(model.ok()) << model.error().message;
  // Out-of-fold: every deal scored by a model that never saw it.
  EXPECT_GE(model->metrics["auc"].get<double>(), 0.80);
  EXPECT_GT(model->metrics["accuracy"].get<double>(), model->metrics["baseline_accuracy"].get<double>());
  // Forward in time: trained on what was closed by each date, scored on what was open then.
  const std::vector<std::string> features = model->FeatureNames();
  Result<ModelBacktest> backtest =
      BacktestModel(data, ModelKind::kOpportunityWin, ModelBacktestDates(data), model->settings, features);
  ASSERT_TRUE(backtest.ok()) << backtest.error().message;
  ASSERT_GT(backtest->n_test, 100);
  // The latest date learns from the most history; earlier dates have far fewer closed deals behind them.
  ASSERT_FALSE(backtest->points.empty());
  EXPECT_GE(backtest->points.back().metrics.auc, 0.80);
  EXPECT_GE(backtest->pooled.auc, 0.70);
}

TEST(TrainerTest, ShuffledOutcomesLeaveNothingToLearn) {
  const Dataset& data = DemoDataset();
  const std::vector<std::string> features = DefaultFeatureNames(data, ModelKind::kOpportunityWin);
  Result<TrainingSet> set = BuildTrainingSet(data, ModelKind::kOpportunityWin, data.LatestDate(), features);
  ASSERT_TRUE(set.ok());
  Result<double> auc = PermutedLabelAuc(*set, BoosterSettings{});
  ASSERT_TRUE(auc.ok());
  EXPECT_NEAR(*auc, 0.5, 0.05);
}

TEST(TrainerTest, CrossValidatingSettingsTogetherGivesEachOnesOwnResult) {
  const Dataset& data = DemoDataset();
  const std::vector<std::string> features = DefaultFeatureNames(data, ModelKind::kLeadScore);
  Result<TrainingSet> set = BuildTrainingSet(data, ModelKind::kLeadScore, data.LatestDate(), features);
  ASSERT_TRUE(set.ok()) << set.error().message;
  std::vector<BoosterSettings> grid(2);
  grid[0].rounds = 5;
  grid[1].rounds = 8;
  grid[1].max_depth = 2;
  Result<std::vector<CrossValidation>> together = CrossValidateEach(*set, grid);
  ASSERT_TRUE(together.ok()) << together.error().message;
  ASSERT_EQ(together->size(), 2u);
  for (size_t i = 0; i < grid.size(); ++i) {
    Result<CrossValidation> alone = CrossValidate(*set, grid[i]);
    ASSERT_TRUE(alone.ok()) << alone.error().message;
    EXPECT_EQ((*together)[i].fold_of_row, alone->fold_of_row);
    EXPECT_EQ((*together)[i].raw, alone->raw) << "setting " << i;
    EXPECT_EQ((*together)[i].calibrated, alone->calibrated) << "setting " << i;
  }
  EXPECT_NE((*together)[0].raw, (*together)[1].raw);
}

TEST(TrainerTest, ModelsTrainedTogetherAreTheModelsTrainedOneByOne) {
  // TrainModels runs the three models' fits in one pool, in an order that depends on timing: each model
  // must come out exactly as TrainModel makes it alone (a small grid keeps the test fast).
  const Dataset& data = DemoDataset();
  TrainOptions options;
  options.grid.resize(2);
  options.grid[0].rounds = 4;
  options.grid[1].rounds = 6;
  options.grid[1].max_depth = 2;
  const std::vector<Result<TrainedModel>> together = TrainModels(data, kAllModels, options);
  ASSERT_EQ(together.size(), kAllModels.size());
  for (size_t i = 0; i < kAllModels.size(); ++i) {
    SCOPED_TRACE(ModelName(kAllModels[i]));
    const Result<TrainedModel> alone = TrainModel(data, kAllModels[i], options);
    ASSERT_TRUE(together[i].ok()) << together[i].error().message;
    ASSERT_TRUE(alone.ok()) << alone.error().message;
    EXPECT_EQ(together[i]->kind, kAllModels[i]);
    EXPECT_EQ(together[i]->metrics.dump(), alone->metrics.dump());
    EXPECT_EQ(together[i]->settings.ToJson(), alone->settings.ToJson());
    Result<std::string> saved_together = together[i]->booster->Save();
    Result<std::string> saved_alone = alone->booster->Save();
    ASSERT_TRUE(saved_together.ok() && saved_alone.ok());
    EXPECT_EQ(*saved_together, *saved_alone);
  }
}

TEST(TrainerTest, CloseValueSmuggledInIsRefusedAsLeakage) {
  const Dataset& data = DemoDataset();
  const std::vector<std::string> features = DefaultFeatureNames(data, ModelKind::kOpportunityWin);
  Result<TrainingSet> set = BuildTrainingSet(data, ModelKind::kOpportunityWin, data.LatestDate(), features);
  ASSERT_TRUE(set.ok());
  // Append the deals' close value as a column, as the original project did.
  TrainingSet leaky = *set;
  leaky.x.features.push_back({"close_value", "close value", FeatureKind::kNumeric, {}});
  leaky.x.values.clear();
  for (size_t row = 0; row < set->size(); ++row) {
    const std::span<const float> values = set->x.Row(row);
    leaky.x.values.insert(leaky.x.values.end(), values.begin(), values.end());
    leaky.x.values.push_back(static_cast<float>(data.opportunities.close_value[set->entities[row]]));
  }
  Result<TrainingRun> run = TrainOnSet(leaky, TrainOptions{});
  ASSERT_FALSE(run.ok());
  EXPECT_NE(run.error().message.find("close_value"), std::string::npos);
  EXPECT_NE(run.error().message.find("leakage"), std::string::npos);
}

TEST(TrainerTest, LeadAndAccountModelsTrainOnDemoData) {
  const Dataset& data = DemoDataset();
  for (ModelKind kind : {ModelKind::kLeadScore, ModelKind::kAccountRisk}) {
    Result<TrainedModel> model = TrainModel(data, kind);
    ASSERT_TRUE(model.ok()) << ModelName(kind) << ": " << model.error().message;
    const double auc = model->metrics["auc"].get<double>();
    EXPECT_GT(auc, 0.5) << ModelName(kind);
    EXPECT_LE(model->metrics["calibration"]["ece"].get<double>(), 0.1) << ModelName(kind);
  }
}

}  // namespace
}  // namespace crm::models
