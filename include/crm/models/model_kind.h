#pragma once
// The predictive models the product trains, by the names the CLI, the store and the JSON use.

#include <array>
#include <optional>
#include <string_view>

namespace crm::models {

//! One of the trained models.
enum class ModelKind {
  kOpportunityWin,  //!< "opportunity_win": an open Engaging deal is won
  kLeadScore,       //!< "lead_score": a Prospecting deal is eventually won
  kAccountRisk,     //!< "account_risk": an account wins nothing (or half as much) in the next 90 days
};

//! Every model, in the order `train` fits them.
inline constexpr std::array<ModelKind, 3> kAllModels = {ModelKind::kOpportunityWin, ModelKind::kLeadScore,
                                                        ModelKind::kAccountRisk};

//! The model's name ("opportunity_win", "lead_score", "account_risk").
std::string_view ModelName(ModelKind kind);
//! The model with this name.
std::optional<ModelKind> ModelKindFromName(std::string_view name);
//! What the model's label 1 means, for people ("won", "at risk").
std::string_view PositiveOutcome(ModelKind kind);

}  // namespace crm::models
