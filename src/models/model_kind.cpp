#include "crm/models/model_kind.h"

namespace crm::models {

std::string_view ModelName(ModelKind kind) {
  switch (kind) {
    case ModelKind::kOpportunityWin:
      return "opportunity_win";
    case ModelKind::kLeadScore:
      return "lead_score";
    case ModelKind::kAccountRisk:
      return "account_risk";
  }
  return "";
}

std::optional<ModelKind> ModelKindFromName(std::string_view name) {
  for (ModelKind kind : kAllModels) {
    if (ModelName(kind) == name) return kind;
  }
  return std::nullopt;
}

std::string_view PositiveOutcome(ModelKind kind) {
  return kind == ModelKind::kAccountRisk ? "at risk" : "won";
}

}  // namespace crm::models
