#pragma once
// The planted signal: the log-odds that a closed deal is won, from facts fixed before its outcome is drawn.

#include <array>

#include "crm/demo/catalog.h"

namespace crm::demo {

//! The pre-outcome facts of a deal that decide its chance of being won.
struct WinFactors {
  int agent;                //!< index into kAgents (adds the agent's skill)
  int product;              //!< index into kProducts
  int sector;               //!< index into kSectors, of the deal's account
  int cycle_days;           //!< close_date - engage_date
  int activity_count;       //!< activities logged on the deal
  int days_since_activity;  //!< close_date - last activity date; cycle_days when there is no activity
};

//! Log-odds of a win for a deal with every other term zero; calibrated for an overall win rate near 63%.
inline constexpr double kWinIntercept = 1.13;
//! Weight of the facts fixed when a deal is engaged (the agent's skill, the product-sector fit). Doubled so
//! that a model seeing a deal mid-cycle, before its last activities and its close date exist, can still
//! recover the planted signal (see docs/DEMO_DATA.md).
inline constexpr double kEngagedFactsWeight = 2.0;
//! Cycles up to this many days carry no penalty.
inline constexpr int kCycleGraceDays = 45;
//! Log-odds lost per day of cycle beyond kCycleGraceDays.
inline constexpr double kCyclePenaltyPerDay = 0.05;
//! Activities beyond this count add nothing.
inline constexpr int kActivityCountCap = 6;
//! Log-odds gained per activity, up to kActivityCountCap.
inline constexpr double kActivityBonus = 0.5;
//! Silence beyond this many days costs nothing more.
inline constexpr int kSilenceCapDays = 30;
//! Log-odds lost per day between the last activity and the close, up to kSilenceCapDays.
inline constexpr double kSilencePenaltyPerDay = 0.1;

//! How well each product sells into each sector (log-odds), [product][sector] in kProducts/kSectors order.
inline constexpr std::array<std::array<double, kSectors.size()>, kProducts.size()> kProductSectorFit{{
    // retail technology medical marketing finance software entertainment telecom services employment
    {{1.5, -0.75, 0, 0, -0.75, -1.5, 0.75, 0, 1.5, 0.75}},      // GTX Basic
    {{-1.5, 1.5, 0, -0.75, 0.75, 1.5, -0.75, 0.75, -0.75, 0}},  // GTX Pro
    {{1.5, -1.5, -0.75, 1.5, -0.75, 0, 1.5, 0, 0.75, 0}},       // MG Special
    {{0.75, 0, -1.5, 1.5, 0, 0.75, 1.5, -0.75, 0, -1.5}},       // MG Advanced
    {{-1.5, 0.75, 1.5, -0.75, 1.5, 0, -1.5, 0.75, 0, -0.75}},   // GTX Plus Pro
    {{0, 0, 1.5, -1.5, 0.75, -0.75, -0.75, 0, 1.5, 1.5}},       // GTX Plus Basic
    {{-1.5, 0.75, 0.75, -1.5, 1.5, 0, -1.5, 1.5, -1.5, -1.5}},  // GTK 500
}};

//! The planted log-odds of a win (formula in docs/DEMO_DATA.md).
double WinLogOdds(const WinFactors& factors);

//! The planted probability of a win: the logistic function of WinLogOdds.
double WinProbability(const WinFactors& factors);

}  // namespace crm::demo
