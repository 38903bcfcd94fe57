#pragma once
// Two checks on what a model learns from: recursive feature elimination (which features can go without
// loss) and the label-permutation test (with the outcomes shuffled, the cross-validated AUC must fall to
// about 0.5; if it does not, the pipeline leaks).

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "crm/common/result.h"
#include "crm/models/booster_settings.h"
#include "crm/models/training_set.h"

namespace crm::models {

//! One step of the elimination: the features kept and how they cross-validated.
struct EliminationStep {
  std::vector<std::string> features;
  std::string dropped;  //!< the feature dropped after this step (the least gain), empty for the last
  double auc = 0;
  double log_loss = 0;
};

//! The elimination and its verdict.
struct FeatureElimination {
  std::vector<EliminationStep> steps;
  std::vector<std::string> removable;  //!< dropped while the log loss stayed within the tolerance
  double tolerance = 0;                //!< largest log-loss rise over the full set still counted as no loss
};

//! The largest rise in cross-validated log loss, against all features, that counts as "no loss".
inline constexpr double kEliminationTolerance = 0.002;

//! Drops the least important feature (by gain in a fit on all rows) one at a time, cross-validating each
//! step, for at most `max_steps` steps or until `min_features` remain.
Result<FeatureElimination> EliminateFeatures(const TrainingSet& set, const BoosterSettings& settings,
                                             int max_steps = 8, size_t min_features = 4);

//! Cross-validated AUC after shuffling the labels across entities (seeded).
Result<double> PermutedLabelAuc(const TrainingSet& set, const BoosterSettings& settings, uint64_t seed = 99);

//! {steps: [{features, dropped, auc, log_loss}], removable, tolerance}.
nlohmann::json ToJson(const FeatureElimination& elimination);

}  // namespace crm::models
