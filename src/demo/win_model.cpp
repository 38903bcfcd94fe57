#include "crm/demo/win_model.h"

#include <algorithm>
#include <cmath>

#include "crm/demo/sales_force.h"

namespace crm::demo {

double WinLogOdds(const WinFactors& factors) {
  return kWinIntercept +
         kEngagedFactsWeight *
             (kAgents[factors.agent].skill + kProductSectorFit[factors.product][factors.sector]) -
         kCyclePenaltyPerDay * std::max(0, factors.cycle_days - kCycleGraceDays) +
         kActivityBonus * std::min(factors.activity_count, kActivityCountCap) -
         kSilencePenaltyPerDay * std::min(factors.days_since_activity, kSilenceCapDays);
}

double WinProbability(const WinFactors& factors) { return 1.0 / (1.0 + std::exp(-WinLogOdds(factors))); }

}  // namespace crm::demo
