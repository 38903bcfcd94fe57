#include "crm/models/hyperparameter_search.h"

#include "crm/models/metrics.h"

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

Result<SearchResult> SearchSettings(const TrainingSet& set, std::span<const BoosterSettings> grid) {
  SearchResult result;
  for (const BoosterSettings& settings : grid) {
    Result<CrossValidation> cv = CrossValidate(set, settings);
    if (!cv.ok()) return cv.error();
    const SearchCandidate candidate{settings, LogLoss(cv->raw, set.labels), Auc(cv->raw, set.labels)};
    const bool better =
        result.candidates.empty() || candidate.log_loss < result.candidates[result.best].log_loss;
    result.candidates.push_back(candidate);
    if (better) {
      result.best = result.candidates.size() - 1;
      result.cv = std::move(cv).value();
    }
  }
  return result;
}

}  // namespace crm::models
