#pragma once
// Multinomial logistic regression (softmax) with L2 regularisation over hashed sparse features.

#include <cstdint>
#include <vector>

#include "crm/nlu/text_features.h"

namespace crm::nlu {

//! How SoftmaxRegression::Train fits the weights: seeded AdaGrad over shuffled examples.
struct SoftmaxTrainingOptions {
  int epochs = 10;             //!< passes over the examples
  double learning_rate = 0.2;  //!< AdaGrad's base step
  double l2 = 1e-4;            //!< L2 penalty on the feature weights (not on the class biases)
  uint32_t seed = 17;          //!< seed of the example order: same inputs, same model
};

//! A trained softmax model: class probabilities of a sparse feature vector.
class SoftmaxRegression {
 public:
  //! Fits `classes` classes to examples `x` with labels `y` (each below `classes`); deterministic.
  static SoftmaxRegression Train(const std::vector<SparseFeatures>& x, const std::vector<int>& y, int classes,
                                 const SoftmaxTrainingOptions& options);

  //! The probability of every class for `x`, summing to 1; features unseen in training count for nothing.
  std::vector<double> Probabilities(const SparseFeatures& x) const;

  //! Number of classes.
  int classes() const { return classes_; }

 private:
  // Writes the raw class scores (logits) of features whose index is a weight row into `scores`.
  void RowScoresInto(const std::vector<Feature>& x_rows, std::vector<double>& scores) const;

  int classes_ = 0;
  std::vector<int32_t> row_of_slot_;  // kFeatureSpace entries: the weight row of a slot, or -1
  std::vector<double> weights_;       // rows × classes
  std::vector<double> bias_;          // classes
};

}  // namespace crm::nlu
