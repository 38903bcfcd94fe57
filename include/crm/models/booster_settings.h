#pragma once
// The hyper-parameters of a gradient-boosted tree model, and their stored JSON form.

#include <cstdint>

#include <nlohmann/json_fwd.hpp>

#include "crm/common/result.h"

namespace crm::models {

//! How a Booster is trained: XGBoost's tree parameters under XGBoost's names, and the number of rounds.
struct BoosterSettings {
  int max_depth = 3;            //!< deepest split of a tree (1 or more)
  double eta = 0.1;             //!< learning rate, in (0, 1]
  int rounds = 100;             //!< number of trees (1 or more)
  double min_child_weight = 1;  //!< least hessian weight in a leaf (0 or more)
  double subsample = 1;         //!< share of rows each tree sees, in (0, 1]
  double colsample_bytree = 1;  //!< share of columns each tree sees, in (0, 1]
  double reg_lambda = 1;        //!< L2 penalty on leaf weights (0 or more)
  int max_bin = 256;            //!< histogram bins per numeric feature (2 or more): fewer train faster
  int nthread = 0;              //!< threads used to train; 0: all cores (see Booster::Train)
  uint64_t seed = 0;            //!< seed of the row and column sampling

  bool operator==(const BoosterSettings&) const = default;

  //! An Error naming the first setting out of its range.
  Status Validate() const;
  //! The settings as a JSON object with one key per field.
  nlohmann::json ToJson() const;
  //! Reads the form written by ToJson; a missing key keeps its default, an unknown key, a value of the
  //! wrong type or out of range is an Error.
  static Result<BoosterSettings> FromJson(const nlohmann::json& json);
};

}  // namespace crm::models
