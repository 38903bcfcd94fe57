#include "crm/models/probability_source.h"

#include "crm/models/deal_examples.h"
#include "crm/models/deal_scorer.h"

namespace crm::models {

std::optional<analytics::WinProbabilitySource> ModelProbabilitySource(const Dataset& data,
                                                                       std::shared_ptr<const ModelSet> models) {
  const TrainedModel* model = models->Find(ModelKind::kOpportunityWin);
  if (!model) return std::nullopt;
  analytics::WinProbabilitySource source;
  source.label = "the " + model->VersionLabel() + " model";
  source.probabilities = [&data, models](int32_t as_of) {
    std::vector<double> out(data.opportunities.size(), kNoNumber);
    std::vector<int32_t> open;
    for (const DealExample& example : OpenDealExamples(data, as_of, DealStage::kEngaging)) open.push_back(example.deal);
    const DealScorer scorer(data, *models, as_of);
    Result<std::vector<float>> chances = scorer.Probabilities(ModelKind::kOpportunityWin, open);
    if (chances.ok()) {
      for (size_t i = 0; i < open.size(); ++i) out[open[i]] = (*chances)[i];
    }
    return out;
  };
  return source;
}

}  // namespace crm::models
