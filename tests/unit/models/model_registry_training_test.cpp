#include "crm/models/model_registry_training.h"

#include <gtest/gtest.h>

#include "crm/models/model_card.h"
#include "crm/store/model_registry.h"
#include "model_fixture.h"

namespace crm::models {
namespace {

TEST(ModelRegistryTrainingTest, TrainsWhatIsMissingThenLoadsWhatIsStored) {
  const Dataset& data = test::DemoDataset();
  auto store = store::Store::Open(":memory:");
  ASSERT_TRUE(store.ok());
  // Nothing stored: every model is trained and stored as version 1.
  Result<ModelSet> first = LoadOrTrainModels(data, **store);
  ASSERT_TRUE(first.ok()) << first.error().message;
  for (ModelKind kind : kAllModels) {
    ASSERT_NE(first->Find(kind), nullptr) << ModelName(kind);
    EXPECT_EQ(first->Find(kind)->version, 1) << ModelName(kind);
  }
  // Fresh models stored: they are loaded, not trained again.
  Result<ModelSet> second = LoadOrTrainModels(data, **store);
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(second->Find(ModelKind::kOpportunityWin)->version, 1);
  auto latest = store::LatestModel(**store, "opportunity_win");
  ASSERT_TRUE(latest.ok() && latest->has_value());
  EXPECT_EQ((*latest)->version, 1);
}

TEST(ModelRegistryTrainingTest, ModelsOfOtherDataAreStaleAndNotUsed) {
  const Dataset& data = test::DemoDataset();
  auto store = store::Store::Open(":memory:");
  ASSERT_TRUE(store.ok());
  ASSERT_TRUE(TrainAndStore(data, **store).ok());
  Result<ModelSet> other = ModelSet::Load(**store, "another data fingerprint");
  ASSERT_TRUE(other.ok());
  EXPECT_TRUE(other->AnyStale());
  EXPECT_EQ(other->Find(ModelKind::kOpportunityWin), nullptr);
  EXPECT_TRUE(other->slot(ModelKind::kOpportunityWin).NeedsTraining());
  EXPECT_NE(other->slot(ModelKind::kOpportunityWin).unavailable.find("trained on other data"),
            std::string::npos);
}

TEST(ModelRegistryTrainingTest, ModelsToRefitSaySoUntilTheNewOnesArrive) {
  ModelSet none;
  ASSERT_TRUE(none.NeedsTraining());
  none.MarkRefused(ModelKind::kAccountRisk, "too little history");
  none.MarkRefitting();
  const ModelSlot& win = none.slot(ModelKind::kOpportunityWin);
  EXPECT_TRUE(win.refitting);
  EXPECT_EQ(win.unavailable,
            "the opportunity_win model is being trained in the background and is used as "
            "soon as it is ready");
  EXPECT_EQ(ModelCardJson(ModelKind::kOpportunityWin, win)["status"], "refitting");
  // A refusal for this data is not refitted.
  EXPECT_FALSE(none.slot(ModelKind::kAccountRisk).refitting);
  EXPECT_EQ(ModelCardJson(ModelKind::kAccountRisk, none.slot(ModelKind::kAccountRisk))["status"], "refused");
}

}  // namespace
}  // namespace crm::models
