#include "crm/models/tiers.h"

namespace crm::models {

Tier TierOf(double probability) {
  if (probability >= kHighTierFrom) return Tier::kHigh;
  if (probability >= kMediumTierFrom) return Tier::kMedium;
  return Tier::kLow;
}

std::string_view TierName(Tier tier) {
  switch (tier) {
    case Tier::kHigh:
      return "High";
    case Tier::kMedium:
      return "Medium";
    case Tier::kLow:
      return "Low";
  }
  return "Low";
}

}  // namespace crm::models
