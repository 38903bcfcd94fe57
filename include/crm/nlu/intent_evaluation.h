#pragma once
// Measuring the intent classifier honestly: k-fold cross-validation on a labelled corpus.

#include <vector>

#include "crm/common/result.h"
#include "crm/nlu/intent_classifier.h"

namespace crm::nlu {

//! Out-of-fold predictions of a cross-validation.
struct CrossValidation {
  std::vector<IntentPrediction> predictions;  //!< one per corpus question, by a model that never saw it
  double accuracy = 0;                        //!< share of predictions naming the labelled intent
};

//! Splits `corpus` into `folds` folds (each intent dealt round-robin, so every fold holds all
//! intents), trains on all folds but one and predicts the one left out, for each fold in turn.
Result<CrossValidation> CrossValidateIntents(const std::vector<LabeledQuestion>& corpus, int folds);

}  // namespace crm::nlu
