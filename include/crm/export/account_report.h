#pragma once
// The printable account report: everything the account summary agent computes (key figures, health and
// its components, open opportunities with their scores and reasons, risks, next best actions) with
// charts of the account's deals by stage and won revenue by quarter, and the list of all its deals.
// The text is the offline writer's, so every figure comes from the facts.

#include <cstdint>

#include "crm/agents/agent_context.h"
#include "crm/export/report.h"

namespace crm::exports {

//! The report of the account at `row` of the context's data.
Report AccountReport(const agents::AgentContext& context, int32_t row);

}  // namespace crm::exports
