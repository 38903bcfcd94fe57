#pragma once
// Comparing feature matrices in tests: same columns, same values, NaN equal to NaN.

#include "crm/models/feature_matrix.h"

namespace crm::models::test {

//! True when `a` and `b` have the same column names and the same values (missing where the other is).
bool SameMatrix(const FeatureMatrix& a, const FeatureMatrix& b);

}  // namespace crm::models::test
