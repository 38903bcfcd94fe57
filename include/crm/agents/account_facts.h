#pragma once
// The facts of an account summary, computed by the library before any prose: profile, key metrics,
// health, products and whitespace, open opportunities with scores, strengths, risks and the family.

#include <cstdint>

#include <nlohmann/json.hpp>

#include "crm/agents/agent_context.h"

namespace crm::agents {

//! Open opportunities listed in the facts (the highest-scored first).
inline constexpr size_t kOpportunitiesShown = 5;
//! Whitespace products listed in the facts (the most adopted by sector peers first).
inline constexpr size_t kWhitespaceShown = 3;
//! A health component at or above this is a strength; below kWeakComponent it is a risk.
inline constexpr double kStrongComponent = 70;
//! See kStrongComponent.
inline constexpr double kWeakComponent = 40;

//! A win rate this far above (below) the company's is a strength (a risk).
inline constexpr double kRateMargin = 0.02;

//! Every fact of the summary of `account` (a row of the context's data), without the plan (priority and
//! next best actions, added by AddAccountPlan).
nlohmann::json AccountFacts(const AgentContext& context, int32_t account);

}  // namespace crm::agents
