#pragma once
// Constant-time draws from a fixed discrete distribution (Walker's alias method).

#include <cstdint>
#include <span>
#include <vector>

#include "crm/demo/random.h"

namespace crm::demo {

//! Draws index i with probability weights[i] / sum(weights), one random number per draw.
class WeightedPicker {
 public:
  //! A picker over non-negative `weights` with a positive sum.
  explicit WeightedPicker(std::span<const double> weights);

  //! A random index; indexes of zero weight are never returned.
  uint32_t Pick(Rng& rng) const {
    const double scaled = rng.Unit() * static_cast<double>(threshold_.size());
    const auto column = static_cast<uint32_t>(scaled);
    return scaled - column < threshold_[column] ? column : alias_[column];
  }

 private:
  std::vector<double> threshold_;
  std::vector<uint32_t> alias_;
};

}  // namespace crm::demo
