#pragma once
// `train`: fits every model on the loaded data and stores them, with the refusals, in one transaction.

#include <functional>
#include <string>

#include <nlohmann/json.hpp>

#include "crm/common/result.h"
#include "crm/data/dataset.h"
#include "crm/models/model_set.h"
#include "crm/store/store.h"

namespace crm::models {

//! What `train` did: the document printed by `train --json`, and the models now in use.
struct TrainingSummary {
  nlohmann::json
      document;  //!< {data_hash, seconds, models: {name: {status, version, auc, …} or {status, reason}}}
  ModelSet models;
};

//! Trains every model on `data` and stores each (or its refusal) in `store` in one transaction.
//! `progress`, when given, is told the first model's name before the models train together, then each
//! other model's name before its backtest.
Result<TrainingSummary> TrainAndStore(
    const Dataset& data, store::Store& store,
    const std::function<void(size_t done, const std::string& model)>& progress = {});

//! The models in `store` for `data`; when any is missing or stale, trains them all first and loads them
//! back as stored (as the server does in the background on start-up).
Result<ModelSet> LoadOrTrainModels(const Dataset& data, store::Store& store);

}  // namespace crm::models
