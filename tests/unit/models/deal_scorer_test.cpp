#include "crm/models/deal_scorer.h"

#include <gtest/gtest.h>

#include <cmath>

#include "crm/models/deal_examples.h"
#include "crm/models/model_codec.h"
#include "crm/models/trainer.h"
#include "model_fixture.h"

namespace crm::models {
namespace {

using test::DemoDataset;

//! The demo data's win and lead models, trained once. Never destroyed: XGBoost's own globals may be gone
//! by the time static objects are destroyed at exit.
const ModelSet& DemoModels() {
  static const ModelSet* models = new ModelSet([] {
    ModelSet set;
    for (ModelKind kind : {ModelKind::kOpportunityWin, ModelKind::kLeadScore}) {
      Result<TrainedModel> model = TrainModel(DemoDataset(), kind);
      EXPECT_TRUE(model.ok()) << (model.ok() ? "" : model.error().message);
      if (model.ok()) set.Put(std::move(model).value());
    }
    return set;
  }());
  return *models;
}

int32_t FirstOpen(const Dataset& data, DealStage stage) {
  const std::vector<DealExample> open = OpenDealExamples(data, data.LatestDate(), stage);
  EXPECT_FALSE(open.empty());
  return open.empty() ? 0 : open.front().deal;
}

TEST(DealScorerTest, EngagingDealsGetTheWinModelWithReasons) {
  const Dataset& data = DemoDataset();
  const DealScorer scorer(data, DemoModels(), data.LatestDate());
  Result<DealScore> score = scorer.Score(FirstOpen(data, DealStage::kEngaging));
  ASSERT_TRUE(score.ok()) << score.error().message;
  EXPECT_EQ(score->model, "opportunity_win");
  EXPECT_EQ(score->stage, "Engaging");
  EXPECT_GE(score->probability, 0.0);
  EXPECT_LE(score->probability, 1.0);
  EXPECT_EQ(score->tier, TierOf(score->probability));
  EXPECT_EQ(score->model_version, "opportunity_win (not stored)");
  ASSERT_FALSE(score->factors.empty());
  for (const Factor& factor : score->factors) {
    EXPECT_FALSE(factor.phrase.empty());
    EXPECT_NE(factor.impact, 0.0);
  }
  const nlohmann::json json = ToJson(*score);
  for (const char* key : {"opportunity_id", "probability", "tier", "factors", "model_version"}) {
    EXPECT_TRUE(json.contains(key)) << key;
  }
}

TEST(DealScorerTest, TheScoreMatchesScoringAllOpenDeals) {
  const Dataset& data = DemoDataset();
  const DealScorer scorer(data, DemoModels(), data.LatestDate());
  const int32_t deal = FirstOpen(data, DealStage::kEngaging);
  Result<DealScore> one = scorer.Score(deal);
  const int32_t deals[] = {deal};
  Result<std::vector<float>> all = scorer.Probabilities(ModelKind::kOpportunityWin, deals);
  ASSERT_TRUE(one.ok() && all.ok());
  EXPECT_NEAR(one->probability, (*all)[0], 1e-5);
}

TEST(DealScorerTest, ProspectsGetTheLeadModel) {
  const Dataset& data = DemoDataset();
  const DealScorer scorer(data, DemoModels(), data.LatestDate());
  Result<DealScore> score = scorer.Score(FirstOpen(data, DealStage::kProspecting));
  ASSERT_TRUE(score.ok()) << score.error().message;
  EXPECT_EQ(score->model, "lead_score");
  EXPECT_EQ(score->stage, "Prospecting");
}

TEST(DealScorerTest, ClosedDealsAreNotScored) {
  const Dataset& data = DemoDataset();
  const DealScorer scorer(data, DemoModels(), data.LatestDate());
  int32_t won = 0;
  while (data.opportunities.deal_stage[won] != DealStage::kWon) ++won;
  Result<DealScore> score = scorer.Score(won);
  ASSERT_FALSE(score.ok());
  EXPECT_NE(score.error().message.find("already Won"), std::string::npos);
}

TEST(DealScorerTest, WithoutAModelTheHistoricalRateStandsInAndSaysSo) {
  const Dataset& data = DemoDataset();
  const ModelSet none;
  const DealScorer scorer(data, none, data.LatestDate());
  Result<DealScore> score = scorer.Score(FirstOpen(data, DealStage::kEngaging));
  ASSERT_TRUE(score.ok());
  EXPECT_EQ(score->model_version, "historical win rate");
  EXPECT_NE(score->note.find("run `crm-assistant train`"), std::string::npos);
  EXPECT_TRUE(score->factors.empty());
}

TEST(ModelCodecTest, AStoredModelPredictsAsTheTrainedOne) {
  const Dataset& data = DemoDataset();
  const TrainedModel* model = DemoModels().Find(ModelKind::kOpportunityWin);
  ASSERT_NE(model, nullptr);
  Result<store::ModelRecord> record = EncodeModel(*model);
  ASSERT_TRUE(record.ok());
  record->version = 4;
  Result<TrainedModel> decoded = DecodeModel(*record);
  ASSERT_TRUE(decoded.ok()) << decoded.error().message;
  EXPECT_EQ(decoded->VersionLabel(), "opportunity_win v4");
  EXPECT_EQ(decoded->FeatureNames(), model->FeatureNames());
  ModelSet original, restored;
  original.Put(*model);
  restored.Put(std::move(decoded).value());
  const DealScorer a(data, original, data.LatestDate());
  const DealScorer b(data, restored, data.LatestDate());
  const int32_t deal = FirstOpen(data, DealStage::kEngaging);
  EXPECT_NEAR(a.Score(deal)->probability, b.Score(deal)->probability, 1e-6);
}

TEST(ModelCodecTest, DamagedRecordsAreErrorsAndRefusalsKeepTheirReason) {
  store::ModelRecord damaged;
  damaged.name = "opportunity_win";
  damaged.metadata_json = "{not json";
  damaged.booster = "xx";
  EXPECT_FALSE(DecodeModel(damaged).ok());
  const store::ModelRecord refused = RefusalRecord(ModelKind::kLeadScore, "too few deals", "abc");
  EXPECT_EQ(RefusalReason(refused), "too few deals");
  Result<TrainedModel> decoded = DecodeModel(refused);
  ASSERT_FALSE(decoded.ok());
  EXPECT_NE(decoded.error().message.find("too few deals"), std::string::npos);
}

}  // namespace
}  // namespace crm::models

namespace crm::models {
namespace {

TEST(DealScorerTest, DealsBeyondWhatTheModelLearnedFromCarryACaution) {
  const Dataset& data = test::DemoDataset();
  const TrainedModel* model = DemoModels().Find(ModelKind::kOpportunityWin);
  ASSERT_NE(model, nullptr);
  const std::vector<std::string> names = model->FeatureNames();
  const auto age_column =
      static_cast<size_t>(std::find(names.begin(), names.end(), "deal_age_days") - names.begin());
  const float oldest = model->maximum.at(age_column);
  const DealScorer scorer(data, DemoModels(), data.LatestDate());
  int cautioned = 0, plain = 0;
  for (const DealExample& open : OpenDealExamples(data, data.LatestDate(), DealStage::kEngaging)) {
    Result<DealScore> score = scorer.Score(open.deal);
    ASSERT_TRUE(score.ok());
    const int32_t age = data.LatestDate() - data.opportunities.engage_date[open.deal];
    bool beyond = false;
    for (const std::string& caution : score->cautions) {
      beyond = beyond || (caution.find("days since the deal was engaged") != std::string::npos &&
                          caution.find("beyond any deal") != std::string::npos);
    }
    EXPECT_EQ(beyond, age > oldest) << age << " vs " << oldest;
    (beyond ? cautioned : plain)++;
  }
  // Stalled demo deals outlive every closed one; most open deals do not.
  EXPECT_GT(cautioned, 0);
  EXPECT_GT(plain, cautioned);
  EXPECT_FALSE(ToJson(*scorer.Score(FirstOpen(data, DealStage::kEngaging)))
                   .at("reliability")
                   .get<std::string>()
                   .empty());
}

}  // namespace
}  // namespace crm::models
