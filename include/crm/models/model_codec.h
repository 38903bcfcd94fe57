#pragma once
// A trained model as the registry stores it: the booster's bytes and one JSON document of metadata
// (features, settings, calibrator, reference values, metrics), and back.

#include "crm/common/result.h"
#include "crm/models/trained_model.h"
#include "crm/store/model_registry.h"

namespace crm::models {

//! The registry record of `model` (version and created_at are assigned by the registry).
Result<store::ModelRecord> EncodeModel(const TrainedModel& model);

//! The model stored in `record`, its booster loaded to predict on one thread per call; an Error says
//! what is damaged.
Result<TrainedModel> DecodeModel(const store::ModelRecord& record);

//! The record of a model that refused to train: no booster, the reason in the metadata.
store::ModelRecord RefusalRecord(ModelKind kind, const std::string& reason, const std::string& data_hash);

//! The refusal reason kept in a record, empty when the record holds a trained model.
std::string RefusalReason(const store::ModelRecord& record);

}  // namespace crm::models
