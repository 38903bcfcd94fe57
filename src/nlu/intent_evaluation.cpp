#include "crm/nlu/intent_evaluation.h"

#include <map>

namespace crm::nlu {

Result<CrossValidation> CrossValidateIntents(const std::vector<LabeledQuestion>& corpus, int folds) {
  if (folds < 2) return Error{"cross-validation needs at least 2 folds"};
  std::vector<int> fold_of(corpus.size());
  std::map<std::string, int> dealt;
  for (size_t i = 0; i < corpus.size(); ++i) fold_of[i] = dealt[corpus[i].intent]++ % folds;

  CrossValidation result;
  result.predictions.resize(corpus.size());
  size_t correct = 0;
  for (int fold = 0; fold < folds; ++fold) {
    std::vector<LabeledQuestion> training;
    for (size_t i = 0; i < corpus.size(); ++i) {
      if (fold_of[i] != fold) training.push_back(corpus[i]);
    }
    Result<IntentClassifier> classifier = IntentClassifier::Train(training);
    if (!classifier) return Error{"fold " + std::to_string(fold + 1) + ": " + classifier.error().message};
    for (size_t i = 0; i < corpus.size(); ++i) {
      if (fold_of[i] != fold) continue;
      result.predictions[i] = classifier->Classify(MaskPlaceholders(corpus[i].text));
      if (result.predictions[i].intent == corpus[i].intent) ++correct;
    }
  }
  result.accuracy = corpus.empty() ? 0 : static_cast<double>(correct) / static_cast<double>(corpus.size());
  return result;
}

}  // namespace crm::nlu
