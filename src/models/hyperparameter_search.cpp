#include "crm/models/hyperparameter_search.h"

#include "crm/models/metrics.h"
#include "cross_validation_jobs.h"

namespace crm::models {

std::vector<BoosterSettings> DefaultSearchGrid() {
  BoosterSettings shallow;
  shallow.max_depth = 2;
  shallow.eta = 0.1;
  shallow.rounds = 80;
  shallow.min_child_weight = 5;
  shallow.max_bin = 64;
  BoosterSettings medium = shallow;
  medium.max_depth = 3;
  medium.rounds = 100;
  medium.subsample = 0.8;
  medium.colsample_bytree = 0.8;
  BoosterSettings deep = medium;
  deep.max_depth = 5;
  deep.eta = 0.1;
  deep.rounds = 60;
  deep.min_child_weight = 10;
  return {shallow, medium, deep};
}

SearchResult PickSettings(const TrainingSet& set, std::span<const BoosterSettings> grid,
                          std::vector<CrossValidation> runs) {
  SearchResult result;
  for (size_t i = 0; i < grid.size(); ++i) {
    const std::vector<float>& raw = runs[i].raw;
    const SearchCandidate candidate{grid[i], LogLoss(raw, set.labels), Auc(raw, set.labels)};
    const bool better =
        result.candidates.empty() || candidate.log_loss < result.candidates[result.best].log_loss;
    result.candidates.push_back(candidate);
    if (better) result.best = i;
  }
  result.cv = std::move(runs[result.best]);
  if (result.cv.calibrated.empty()) CalibrateCrossFitted(set, result.cv);
  return result;
}

}  // namespace crm::models
