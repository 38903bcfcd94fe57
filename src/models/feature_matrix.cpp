#include "crm/models/feature_matrix.h"

namespace crm::models {

int FeatureMatrix::FindColumn(const std::string& name) const {
  for (size_t i = 0; i < features.size(); ++i) {
    if (features[i].name == name) return static_cast<int>(i);
  }
  return -1;
}

FeatureMatrix FeatureMatrix::SelectRows(std::span<const int32_t> rows) const {
  FeatureMatrix out;
  out.features = features;
  out.values.reserve(rows.size() * columns());
  for (int32_t row : rows) {
    const std::span<const float> source = Row(static_cast<size_t>(row));
    out.values.insert(out.values.end(), source.begin(), source.end());
  }
  return out;
}

FeatureMatrix FeatureMatrix::SelectColumns(std::span<const int> columns) const {
  FeatureMatrix out;
  for (int column : columns) out.features.push_back(features[static_cast<size_t>(column)]);
  const size_t n = rows();
  out.values.reserve(n * columns.size());
  for (size_t row = 0; row < n; ++row) {
    for (int column : columns) out.values.push_back(At(row, static_cast<size_t>(column)));
  }
  return out;
}

}  // namespace crm::models
