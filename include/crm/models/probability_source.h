#pragma once
// The trained models as the analytics engine's sources: opportunity_win for open deals' win
// probabilities, account_risk for accounts' risk.

#include <memory>
#include <optional>

#include "crm/analytics/model_sources.h"
#include "crm/data/dataset.h"
#include "crm/models/model_set.h"

namespace crm::models {

//! A source giving, at any as-of date, the opportunity_win probability of every deal open and engaged
//! then and the lead_score probability of every prospect (when that model exists); nullopt when `models`
//! has no opportunity_win model. `data` must outlive the source.
std::optional<analytics::WinProbabilitySource> ModelProbabilitySource(const Dataset& data,
                                                                      std::shared_ptr<const ModelSet> models);

//! A source giving, at any as-of date, the account_risk model's probability for every active account;
//! nullopt when `models` has no account_risk model. `data` must outlive the source.
std::optional<analytics::AccountRiskSource> AccountRiskProbabilitySource(
    const Dataset& data, std::shared_ptr<const ModelSet> models);

//! Both sources of `models` for the engine.
analytics::ModelSources ModelSourcesFor(const Dataset& data, std::shared_ptr<const ModelSet> models);

}  // namespace crm::models
