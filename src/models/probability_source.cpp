#include "crm/models/probability_source.h"

#include "crm/models/deal_examples.h"
#include "crm/models/deal_scorer.h"
#include "crm/models/training_set.h"

namespace crm::models {

std::optional<analytics::WinProbabilitySource> ModelProbabilitySource(
    const Dataset& data, std::shared_ptr<const ModelSet> models) {
  const TrainedModel* model = models->Find(ModelKind::kOpportunityWin);
  if (!model) return std::nullopt;
  analytics::WinProbabilitySource source;
  const TrainedModel* lead = models->Find(ModelKind::kLeadScore);
  source.label =
      "the " + model->VersionLabel() + (lead ? " and " + lead->VersionLabel() + " models" : " model");
  source.probabilities = [&data, models](int32_t as_of) {
    std::vector<double> out(data.opportunities.size(), kNoNumber);
    const DealScorer scorer(data, *models, as_of);
    // Engaging deals by the win model; prospects by the lead model when there is one.
    for (const auto& [kind, stage] : {std::pair{ModelKind::kOpportunityWin, DealStage::kEngaging},
                                      std::pair{ModelKind::kLeadScore, DealStage::kProspecting}}) {
      if (!models->Find(kind)) continue;
      std::vector<int32_t> open;
      for (const DealExample& example : OpenDealExamples(data, as_of, stage)) open.push_back(example.deal);
      Result<std::vector<float>> chances = scorer.Probabilities(kind, open);
      if (!chances.ok()) continue;
      for (size_t i = 0; i < open.size(); ++i) out[open[i]] = (*chances)[i];
    }
    return out;
  };
  return source;
}

std::optional<analytics::AccountRiskSource> AccountRiskProbabilitySource(
    const Dataset& data, std::shared_ptr<const ModelSet> models) {
  const TrainedModel* model = models->Find(ModelKind::kAccountRisk);
  if (!model) return std::nullopt;
  analytics::AccountRiskSource source;
  source.label = "the " + model->VersionLabel() + " model";
  source.probabilities = [&data, models](int32_t as_of) {
    std::vector<double> out(data.accounts.size(), kNoNumber);
    const TrainedModel& risk = *models->Find(ModelKind::kAccountRisk);
    Result<TrainingSet> rows = BuildScoringSet(data, ModelKind::kAccountRisk, as_of, risk.FeatureNames());
    if (!rows.ok()) return out;
    Result<std::vector<float>> chances = risk.Probabilities(rows->x);
    if (chances.ok()) {
      for (size_t i = 0; i < rows->size(); ++i) out[rows->entities[i]] = (*chances)[i];
    }
    return out;
  };
  return source;
}

analytics::ModelSources ModelSourcesFor(const Dataset& data, std::shared_ptr<const ModelSet> models) {
  return {ModelProbabilitySource(data, models), AccountRiskProbabilitySource(data, models)};
}

}  // namespace crm::models
