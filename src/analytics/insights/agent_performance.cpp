// agent_performance: placeholder until implemented in this session.
#include "insights.h"

namespace crm::analytics {

Insight AgentPerformance(const QueryContext& query) {
  Insight insight;
  insight.Metric("deals", static_cast<int64_t>(query.rows.size()));
  return insight;
}

}  // namespace crm::analytics
