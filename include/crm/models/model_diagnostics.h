#pragma once
// What a model card shows beyond its metrics: fairness of the cross-validated predictions by sector and
// regional office, and the features by their share of the booster's gain.

#include <span>

#include <nlohmann/json.hpp>

#include "crm/data/dataset.h"
#include "crm/models/trained_model.h"
#include "crm/models/training_set.h"

namespace crm::models {

//! {sector|regional_office: {groups: [...], largest_gap: {...}}} of `scores` (one per row of `set`, from
//! predictions on rows the model did not see); a grouping no row has is left out.
nlohmann::json FairnessJson(const Dataset& data, const TrainingSet& set, std::span<const float> scores);

//! [{feature, description, gain_share}] over the model's features, largest share first.
nlohmann::json ImportanceJson(const TrainedModel& model);

}  // namespace crm::models
