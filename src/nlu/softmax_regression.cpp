#include "crm/nlu/softmax_regression.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>

namespace crm::nlu {
namespace {

constexpr double kAdaGradEpsilon = 1e-8;

// Turns scores into probabilities in place.
void Softmax(std::vector<double>& scores) {
  const double top = *std::max_element(scores.begin(), scores.end());
  double sum = 0;
  for (double& score : scores) {
    score = std::exp(score - top);
    sum += score;
  }
  for (double& score : scores) score /= sum;
}

}  // namespace

SoftmaxRegression SoftmaxRegression::Train(const std::vector<SparseFeatures>& x, const std::vector<int>& y,
                                           int classes, const SoftmaxTrainingOptions& options) {
  SoftmaxRegression model;
  model.classes_ = classes;
  model.row_of_slot_.assign(kFeatureSpace, -1);
  // The examples with weight rows in place of slots: rows are numbered in order of first use, so
  // the weights an example touches lie close together.
  int32_t rows = 0;
  std::vector<std::vector<Feature>> x_rows(x.size());
  for (size_t i = 0; i < x.size(); ++i) {
    for (const Feature& feature : x[i]) {
      int32_t& row = model.row_of_slot_[feature.index];
      if (row < 0) row = rows++;
      x_rows[i].push_back({static_cast<uint32_t>(row), feature.weight});
    }
  }
  const size_t width = static_cast<size_t>(classes);
  model.weights_.assign(static_cast<size_t>(rows) * width, 0.0);
  model.bias_.assign(width, 0.0);
  // AdaGrad with one accumulator per feature row (the squared norm of its gradients over the classes):
  // one square root per feature and example instead of one per weight.
  std::vector<double> row_squares(static_cast<size_t>(rows), 0.0);
  double bias_squares = 0;
  std::vector<double> gradient(width);
  std::vector<double> step(width);

  std::vector<size_t> order(x.size());
  std::iota(order.begin(), order.end(), size_t{0});
  std::mt19937 random(options.seed);
  for (int epoch = 0; epoch < options.epochs; ++epoch) {
    // Fisher–Yates with the engine's raw output: the same order on every standard library.
    for (size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[random() % i]);
    for (const size_t example : order) {
      model.RowScoresInto(x_rows[example], gradient);
      Softmax(gradient);
      gradient[static_cast<size_t>(y[example])] -= 1.0;
      double bias_norm = 0;
      for (size_t c = 0; c < width; ++c) bias_norm += gradient[c] * gradient[c];
      bias_squares += bias_norm / static_cast<double>(width);
      const double bias_rate = options.learning_rate / std::sqrt(bias_squares + kAdaGradEpsilon);
      for (size_t c = 0; c < width; ++c) model.bias_[c] -= bias_rate * gradient[c];
      for (const Feature& feature : x_rows[example]) {
        const size_t row = feature.index;
        double* weights = &model.weights_[row * width];
        double norm = 0;
        for (size_t c = 0; c < width; ++c) {
          step[c] = gradient[c] * feature.weight + options.l2 * weights[c];
          norm += step[c] * step[c];
        }
        row_squares[row] += norm / static_cast<double>(width);
        const double rate = options.learning_rate / std::sqrt(row_squares[row] + kAdaGradEpsilon);
        for (size_t c = 0; c < width; ++c) weights[c] -= rate * step[c];
      }
    }
  }
  return model;
}

void SoftmaxRegression::RowScoresInto(const std::vector<Feature>& x_rows, std::vector<double>& scores) const {
  scores.assign(bias_.begin(), bias_.end());
  const size_t width = static_cast<size_t>(classes_);
  for (const Feature& feature : x_rows) {
    const double* weights = &weights_[static_cast<size_t>(feature.index) * width];
    for (size_t c = 0; c < width; ++c) scores[c] += weights[c] * feature.weight;
  }
}

std::vector<double> SoftmaxRegression::Probabilities(const SparseFeatures& x) const {
  std::vector<Feature> x_rows;
  x_rows.reserve(x.size());
  for (const Feature& feature : x) {
    const int32_t row = row_of_slot_[feature.index];
    if (row >= 0) x_rows.push_back({static_cast<uint32_t>(row), feature.weight});
  }
  std::vector<double> probabilities;
  RowScoresInto(x_rows, probabilities);
  Softmax(probabilities);
  return probabilities;
}

}  // namespace crm::nlu
