#pragma once
// The trained opportunity_win model as the analytics engine's source of win probabilities.

#include <memory>
#include <optional>

#include "crm/analytics/win_probability_source.h"
#include "crm/data/dataset.h"
#include "crm/models/model_set.h"

namespace crm::models {

//! A source giving, at any as-of date, the model's probability for every deal open and engaged then;
//! nullopt when `models` has no opportunity_win model. `data` must outlive the source.
std::optional<analytics::WinProbabilitySource> ModelProbabilitySource(const Dataset& data,
                                                                       std::shared_ptr<const ModelSet> models);

}  // namespace crm::models
