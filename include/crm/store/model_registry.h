#pragma once
// The model registry: trained models kept in the store, each name with numbered versions.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "crm/common/result.h"
#include "crm/store/store.h"

namespace crm::store {

//! One stored version of a model.
struct ModelRecord {
  std::string name;           //!< e.g. "opportunity_win"
  int64_t version = 0;        //!< 1, 2, … per name; assigned by SaveModels
  std::string created_at;     //!< ISO 8601 UTC; assigned by SaveModels
  std::string data_hash;      //!< DatasetFingerprint of the data it was trained on
  std::string metadata_json;  //!< a JSON document: feature schema, settings, metrics, or why it refused
  std::string booster;        //!< the booster's bytes (Booster::Save); empty when none was trained

  bool operator==(const ModelRecord&) const = default;
};

//! Stores `records` in ONE transaction, each as the next version of its name (records sharing a name
//! get consecutive versions, in order) with created_at now; returns the versions given, in order. A
//! record without a name or whose metadata is not JSON is an Error and nothing is written.
Result<std::vector<int64_t>> SaveModels(Store& store, std::vector<ModelRecord> records);

//! The highest version stored under `name`, with its booster bytes; nullopt when there is none.
Result<std::optional<ModelRecord>> LatestModel(const Store& store, std::string_view name);

//! The highest version of every name, with its booster bytes, ordered by name.
Result<std::vector<ModelRecord>> LatestModels(const Store& store);

}  // namespace crm::store
