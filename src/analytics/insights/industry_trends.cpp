// industry_trends: placeholder until implemented in this session.
#include "insights.h"

namespace crm::analytics {

Insight IndustryTrends(const QueryContext& query) {
  Insight insight;
  insight.Metric("deals", static_cast<int64_t>(query.rows.size()));
  return insight;
}

}  // namespace crm::analytics
