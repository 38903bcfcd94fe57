#pragma once
// The insight types, one file each; the engine dispatches to them by name.

#include "crm/analytics/insight.h"
#include "crm/analytics/query_context.h"

namespace crm::analytics {

//! Count and value by stage, open and weighted pipeline, average won deal, cycle length, funnel.
Insight PipelineOverview(const QueryContext& query);
//! Open deals ranked by expected value, with the reason each ranks high.
Insight TopOpportunities(const QueryContext& query);
//! Open deals at risk, each with its reasons and the learned thresholds.
Insight AtRiskDeals(const QueryContext& query);
//! Accounts whose health is falling, with the evidence.
Insight AtRiskAccounts(const QueryContext& query);
//! Win rates by a dimension with Wilson intervals, the funnel, monthly and quarterly rates.
Insight ConversionAnalysis(const QueryContext& query);
//! Won revenue, deals, win rate and share per sector per quarter, growth.
Insight IndustryTrends(const QueryContext& query);
//! Accounts ranked by potential: whitespace, open pipeline, size, health.
Insight AccountPrioritization(const QueryContext& query);
//! Projection of won revenue for the coming months and quarter.
Insight Forecast(const QueryContext& query);
//! Agent leaderboard and roll-ups per manager and office.
Insight AgentPerformance(const QueryContext& query);
//! A 0–100 health score per account from transparent components.
Insight AccountHealth(const QueryContext& query);

}  // namespace crm::analytics
