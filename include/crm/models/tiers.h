#pragma once
// The tier shown next to a calibrated win probability: High, Medium or Low.

#include <string_view>

namespace crm::models {

//! A coarse band of a calibrated probability, for people who scan a list.
enum class Tier { kHigh, kMedium, kLow };

//! High from 70%: clearly above the typical win rate (about 63% in the Kaggle data), worth prioritising.
inline constexpr double kHighTierFrom = 0.70;
//! Medium from 40%: a real chance that effort can tip; below it a deal is more likely lost than not.
inline constexpr double kMediumTierFrom = 0.40;

//! High at or above kHighTierFrom, Medium at or above kMediumTierFrom, else Low (also for NaN).
Tier TierOf(double probability);

//! "High", "Medium" or "Low".
std::string_view TierName(Tier tier);

}  // namespace crm::models
