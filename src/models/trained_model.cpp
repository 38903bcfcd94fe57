#include "crm/models/trained_model.h"

namespace crm::models {

std::string TrainedModel::VersionLabel() const {
  return std::string(ModelName(kind)) + (version > 0 ? " v" + std::to_string(version) : " (not stored)");
}

std::vector<std::string> TrainedModel::FeatureNames() const {
  std::vector<std::string> names;
  for (const FeatureSpec& spec : features) names.push_back(spec.name);
  return names;
}

Result<std::vector<float>> TrainedModel::Probabilities(const FeatureMatrix& x) const {
  Result<std::vector<float>> raw = booster->Predict(x);
  if (!raw.ok()) return raw.error();
  for (float& p : *raw) p = static_cast<float>(calibrator.Apply(p));
  return raw;
}

}  // namespace crm::models
