#include "crm/models/leakage_guard.h"

#include <cmath>
#include <string>
#include <unordered_map>
#include <vector>

#include "crm/models/metrics.h"

namespace crm::models {

namespace {

//! Each category's positive rate in place of its code.
std::vector<float> CategoryRates(std::span<const float> codes, std::span<const float> labels) {
  std::unordered_map<float, std::pair<double, double>> totals;  // code → (positives, rows)
  for (size_t i = 0; i < codes.size(); ++i) {
    auto& [positives, rows] = totals[codes[i]];
    positives += labels[i];
    rows += 1;
  }
  std::vector<float> rates;
  rates.reserve(codes.size());
  for (float code : codes) {
    const auto& [positives, rows] = totals[code];
    rates.push_back(static_cast<float>(positives / rows));
  }
  return rates;
}

}  // namespace

Status CheckForLeakage(const FeatureMatrix& x, std::span<const float> labels) {
  for (size_t column = 0; column < x.columns(); ++column) {
    std::vector<float> values, known_labels;
    for (size_t row = 0; row < x.rows(); ++row) {
      const float value = x.At(row, column);
      if (std::isnan(value)) continue;
      values.push_back(value);
      known_labels.push_back(labels[row]);
    }
    if (values.size() < kLeakageMinRows) continue;
    const FeatureSpec& spec = x.features[column];
    const double auc = Auc(
        spec.kind == FeatureKind::kCategorical ? CategoryRates(values, known_labels) : values, known_labels);
    if (std::isnan(auc) || (auc < kLeakageAuc && auc > 1 - kLeakageAuc)) continue;
    char figure[32];
    std::snprintf(figure, sizeof figure, "%.3f", std::max(auc, 1 - auc));
    return Error{"feature '" + spec.name + "' is refused: on its own it separates the outcomes (AUC " +
                 figure + "), so it must have been built from the outcome (leakage)"};
  }
  return Status::Ok();
}

}  // namespace crm::models
