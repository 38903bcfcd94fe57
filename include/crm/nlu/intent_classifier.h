#pragma once
// The trained intent classifier of `ask`: what a masked question is about, and when to ask back.

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "crm/common/result.h"
#include "crm/nlu/intent_corpus.h"
#include "crm/nlu/softmax_regression.h"

namespace crm::nlu {

//! Fewest training examples an intent may have.
inline constexpr size_t kMinExamplesPerIntent = 10;

//! Below this top probability the assistant asks a clarifying question. Chosen on the out-of-fold
//! predictions of 5-fold cross-validation over the built-in corpus (bench_intent prints the sweep): with
//! kClarifyMargin it answers 94% of the questions, 95.5% of those correctly (93.3% when answering all);
//! 0.5 would answer only 90% for 96.4%.
inline constexpr double kClarifyConfidence = 0.4;

//! Below this gap between the two most likely intents the assistant asks a clarifying question too.
inline constexpr double kClarifyMargin = 0.1;

//! The intent of one question.
struct IntentPrediction {
  std::string intent;                                  //!< the most likely intent
  double confidence = 0;                               //!< its probability
  std::vector<std::pair<std::string, double>> ranked;  //!< every intent and its probability, best first
  bool clarify = false;  //!< true when the classifier is unsure: ask instead of answering
};

//! Softmax regression over ExtractFeatures of questions whose names are masked ("ent_account").
class IntentClassifier {
 public:
  //! Trains on `corpus` (placeholders become mask tokens); errors for an unknown intent or an intent
  //! with fewer than kMinExamplesPerIntent examples. Deterministic: same corpus, same classifier.
  static Result<IntentClassifier> Train(const std::vector<LabeledQuestion>& corpus);

  //! The intent of a masked question. Thread-safe.
  IntentPrediction Classify(std::string_view masked_text) const;

 private:
  explicit IntentClassifier(SoftmaxRegression model) : model_(std::move(model)) {}

  SoftmaxRegression model_;
};

//! The classifier trained on BuiltinIntentCorpus(), once, at first use (thread-safe).
const IntentClassifier& BuiltinIntentClassifier();

}  // namespace crm::nlu
