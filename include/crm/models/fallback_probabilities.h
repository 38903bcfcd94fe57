#pragma once
// Win probabilities of open deals from history alone, for the forecast when no model is trained.

#include <cstdint>
#include <vector>

#include "crm/data/dataset.h"

namespace crm::models {

//! Per deal row: the product's historical win rate at `as_of` (won / closed by then, steadied as in
//! analytics::DealEstimates) for the deals open then, NaN for the others. It ignores how long a deal has
//! been open, so it overstates the chances of deals that have waited long.
std::vector<double> HistoricalWinProbabilities(const Dataset& data, int32_t as_of);

//! Per deal row: P(won at any later age | still open at its age on `as_of`) from the product's win curve
//! (analytics::DealSurvival: won and lost deals as events, open ones censored; all products' curve below
//! 20 wins) for the deals open and engaged then, NaN for the others (prospects included: no age).
std::vector<double> WinCurveProbabilities(const Dataset& data, int32_t as_of);

}  // namespace crm::models
