#include "crm/analytics/score_scales.h"

#include <algorithm>
#include <cmath>

#include "crm/data/dataset.h"

namespace crm::analytics {

PeerPercentile::PeerPercentile(std::vector<double> values) : sorted_(std::move(values)) {
  sorted_.erase(
      std::remove_if(sorted_.begin(), sorted_.end(), [](double value) { return std::isnan(value); }),
      sorted_.end());
  std::sort(sorted_.begin(), sorted_.end());
}

double PeerPercentile::Score(double value) const {
  if (std::isnan(value)) return kNoNumber;
  if (value <= 0) return 0;
  if (sorted_.size() <= 1) return 100;
  const auto low = std::lower_bound(sorted_.begin(), sorted_.end(), value);
  const auto high = std::upper_bound(low, sorted_.end(), value);
  const double below = static_cast<double>(low - sorted_.begin());
  const double others_equal = std::max<double>(0, static_cast<double>(high - low) - 1);
  return 100 * (below + others_equal / 2) / static_cast<double>(sorted_.size() - 1);
}

double DecayScore(double ratio, double zero_at) {
  if (std::isnan(ratio)) return kNoNumber;
  return 100 * std::clamp((zero_at - ratio) / (zero_at - 1), 0.0, 1.0);
}

double WeightedScore(std::span<const double> scores, std::span<const double> weights) {
  double total = 0, weight = 0;
  for (size_t i = 0; i < scores.size(); ++i) {
    if (std::isnan(scores[i])) continue;
    total += weights[i] * scores[i];
    weight += weights[i];
  }
  return weight > 0 ? total / weight : kNoNumber;
}

}  // namespace crm::analytics
