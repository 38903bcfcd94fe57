#pragma once
// A small grid search: each candidate setting is cross-validated (CrossValidateEach, or the trainer's
// job pool) and the one with the lowest out-of-fold log loss wins. The grid is small on purpose: on
// weak signal, bigger searches only fit noise.

#include <span>
#include <vector>

#include "crm/common/result.h"
#include "crm/models/booster_settings.h"
#include "crm/models/cross_validation.h"
#include "crm/models/training_set.h"

namespace crm::models {

//! One candidate and how it cross-validated (raw probabilities).
struct SearchCandidate {
  BoosterSettings settings;
  double log_loss = 0;
  double auc = 0;
};

//! Every candidate, the winner and the winner's cross-validation.
struct SearchResult {
  std::vector<SearchCandidate> candidates;
  size_t best = 0;
  CrossValidation cv;  //!< of the best candidate
};

//! The candidates tried by default: shallow to moderately deep trees, slower learning for deeper ones.
std::vector<BoosterSettings> DefaultSearchGrid();

//! The candidate of `grid` whose out-of-fold raw predictions (`runs`, one per candidate, on the same
//! folds, calibrated or not) have the lowest log loss; its cross-validation, calibrated cross-fitted.
SearchResult PickSettings(const TrainingSet& set, std::span<const BoosterSettings> grid,
                          std::vector<CrossValidation> runs);

}  // namespace crm::models
