#include "crm/nlu/intents.h"

#include <algorithm>

namespace crm::nlu {

const std::vector<std::string>& IntentNames() {
  static const std::vector<std::string> names = {"account_summary",
                                                 "email_draft",
                                                 "pipeline_overview",
                                                 "top_opportunities",
                                                 "at_risk_deals",
                                                 "at_risk_accounts",
                                                 "conversion_analysis",
                                                 "industry_trends",
                                                 "account_prioritization",
                                                 "forecast",
                                                 "agent_performance",
                                                 "opportunity_score",
                                                 "search",
                                                 "help",
                                                 "unsupported"};
  return names;
}

bool IsIntent(std::string_view name) {
  const auto& names = IntentNames();
  return std::find(names.begin(), names.end(), name) != names.end();
}

}  // namespace crm::nlu
