#include "crm/demo/weighted_picker.h"

namespace crm::demo {

// Vose's variant: split columns into under- and over-full, then top each under-full one up.
WeightedPicker::WeightedPicker(std::span<const double> weights)
    : threshold_(weights.size()), alias_(weights.size()) {
  double total = 0;
  for (double weight : weights) total += weight;
  std::vector<uint32_t> small, large;
  for (uint32_t i = 0; i < weights.size(); ++i) {
    threshold_[i] = weights[i] * static_cast<double>(weights.size()) / total;
    alias_[i] = i;
    (threshold_[i] < 1.0 ? small : large).push_back(i);
  }
  while (!small.empty() && !large.empty()) {
    const uint32_t under = small.back(), over = large.back();
    small.pop_back();
    alias_[under] = over;
    threshold_[over] -= 1.0 - threshold_[under];
    if (threshold_[over] < 1.0) {
      large.pop_back();
      small.push_back(over);
    }
  }
  // Whatever is left is full up to rounding; a zero weight always ends paired with an alias.
  for (uint32_t i : large) threshold_[i] = 1.0;
  for (uint32_t i : small) threshold_[i] = 1.0;
}

}  // namespace crm::demo
