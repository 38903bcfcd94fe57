#include "same_matrix.h"

#include <cmath>

namespace crm::models::test {

bool SameMatrix(const FeatureMatrix& a, const FeatureMatrix& b) {
  if (a.columns() != b.columns() || a.values.size() != b.values.size()) return false;
  for (size_t i = 0; i < a.columns(); ++i) {
    if (a.features[i].name != b.features[i].name) return false;
  }
  for (size_t i = 0; i < a.values.size(); ++i) {
    const bool both_missing = std::isnan(a.values[i]) && std::isnan(b.values[i]);
    if (!both_missing && a.values[i] != b.values[i]) return false;
  }
  return true;
}

}  // namespace crm::models::test
