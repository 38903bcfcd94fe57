#pragma once
// The last line against leakage: a feature that on its own all but separates the outcomes was almost
// surely built from the outcome (as close value is: every Lost deal has 0), so training refuses it.

#include <span>

#include "crm/common/result.h"
#include "crm/models/feature_matrix.h"

namespace crm::models {

//! A single feature whose AUC is at least this (or at most 1 − this) is refused as leakage. Real
//! pre-outcome signals in sales data stay far below it; outcome-derived fields sit at or near 1.
inline constexpr double kLeakageAuc = 0.97;
//! Features with fewer known values than this are not judged.
inline constexpr size_t kLeakageMinRows = 100;

//! An Error naming the first feature that separates `labels` on its own (numeric features by their
//! value, categorical ones by their categories' outcome rates).
Status CheckForLeakage(const FeatureMatrix& x, std::span<const float> labels);

}  // namespace crm::models
