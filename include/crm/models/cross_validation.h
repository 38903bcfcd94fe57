#pragma once
// Stratified, grouped k-fold cross-validation: every row is predicted by a model that never saw its
// entity, and calibrated by a calibrator fitted on the other folds' predictions (cross-fitting), so
// that the metrics reported from it are out-of-sample twice over.

#include <cstdint>
#include <span>
#include <vector>

#include "crm/common/result.h"
#include "crm/models/booster_settings.h"
#include "crm/models/training_set.h"

namespace crm::models {

//! Out-of-fold predictions of one setting.
struct CrossValidation {
  int folds = 0;                  //!< folds actually used
  std::vector<int> fold_of_row;   //!< the fold of each row
  std::vector<float> raw;         //!< the booster's probability, from the model that did not see the row
  std::vector<float> calibrated;  //!< raw, calibrated by a calibrator fitted on the other folds' raw
};

//! Folds used by every cross-validation of the product.
inline constexpr int kCrossValidationFolds = 5;
//! The seed of the folds used by every cross-validation of the product.
inline constexpr uint64_t kCrossValidationSeed = 17;

//! The cross-validation of each setting of `grid`, on the same folds: one booster per (setting, fold),
//! two at a time on one thread each, each predicting its held-out rows; the settings of one fold train on
//! one XGBoost matrix, sketched once. The settings' nthread is ignored.
//! An Error when a fold's training fails.
Result<std::vector<CrossValidation>> CrossValidateEach(const TrainingSet& set,
                                                       std::span<const BoosterSettings> grid,
                                                       int folds = kCrossValidationFolds,
                                                       uint64_t seed = kCrossValidationSeed);

//! CrossValidateEach of one setting.
Result<CrossValidation> CrossValidate(const TrainingSet& set, const BoosterSettings& settings,
                                      int folds = kCrossValidationFolds,
                                      uint64_t seed = kCrossValidationSeed);

}  // namespace crm::models
