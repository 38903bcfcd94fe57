// TrainingMatrix: checks the rows, then builds the named XGBoost matrix with its labels and weights.
#include "crm/models/training_matrix.h"

#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>

#include "dmatrix.h"
#include "xgboost_api.h"

namespace crm::models {

namespace {

// An Error when the matrix cannot be trained on: no columns or rows, unnamed or repeated names, values
// that are not whole rows, labels or weights not one per row.
Status CheckTrainingData(const FeatureMatrix& x, std::span<const float> labels,
                         std::span<const float> weights) {
  if (x.columns() == 0) return Error{"training a booster: the feature matrix has no columns"};
  if (x.values.size() % x.columns() != 0) {
    return Error{"training a booster: the feature values are not a whole number of rows"};
  }
  if (x.rows() == 0) return Error{"training a booster: the feature matrix has no rows"};
  std::unordered_set<std::string_view> names;
  for (const FeatureSpec& feature : x.features) {
    if (feature.name.empty()) return Error{"training a booster: a feature has no name"};
    if (!names.insert(feature.name).second) {
      return Error{"training a booster: the feature name '" + feature.name + "' is repeated"};
    }
  }
  if (labels.size() != x.rows()) {
    return Error{"training a booster: " + std::to_string(labels.size()) + " labels for " +
                 std::to_string(x.rows()) + " rows"};
  }
  if (!weights.empty() && weights.size() != x.rows()) {
    return Error{"training a booster: " + std::to_string(weights.size()) + " weights for " +
                 std::to_string(x.rows()) + " rows"};
  }
  return Status::Ok();
}

}  // namespace

Result<TrainingMatrix> TrainingMatrix::Create(const FeatureMatrix& x, std::span<const float> labels,
                                              int nthread, std::span<const float> weights) {
  SilenceXgboost();
  if (Status valid = CheckTrainingData(x, labels, weights); !valid.ok()) return valid.error();
  Result<DMatrix> made = DMatrix::FromFeatures(x, nthread);
  if (!made.ok()) return made.error();
  auto matrix = std::make_unique<DMatrix>(std::move(made).value());
  if (Status set = matrix->SetRowInfo("label", labels); !set.ok()) return set.error();
  if (!weights.empty()) {
    if (Status set = matrix->SetRowInfo("weight", weights); !set.ok()) return set.error();
  }
  std::vector<FeatureSpec> features;
  for (const FeatureSpec& feature : x.features) features.push_back({feature.name, "", feature.kind, {}});
  return TrainingMatrix(std::move(matrix), std::move(features));
}

TrainingMatrix::TrainingMatrix(std::unique_ptr<DMatrix> matrix, std::vector<FeatureSpec> features)
    : matrix_(std::move(matrix)), features_(std::move(features)) {}

TrainingMatrix::TrainingMatrix(TrainingMatrix&& other) noexcept = default;
TrainingMatrix& TrainingMatrix::operator=(TrainingMatrix&& other) noexcept = default;
TrainingMatrix::~TrainingMatrix() = default;

}  // namespace crm::models
