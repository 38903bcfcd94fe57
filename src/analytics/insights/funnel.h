#pragma once
// The funnel Prospecting → Engaging → Won, shared by pipeline_overview and conversion_analysis.

#include "crm/analytics/insight.h"
#include "crm/analytics/tally.h"

namespace crm::analytics {

//! How the funnel's steps count deals, for Insight::Define("funnel", …).
inline constexpr const char* kFunnelDefinition =
    "Prospecting: every deal; Engaging: deals that reached engagement (Engaging, Won, Lost); Won: won deals";

//! The table "funnel" (step, deals, rate_from_previous) of the deals in `totals`.
Table FunnelTable(const GroupTotals& totals);

}  // namespace crm::analytics
