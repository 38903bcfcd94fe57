#pragma once
// A model ready to score: the booster, its calibrator, the features it reads, and what it was trained on
// and how well it cross-validated.

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "crm/models/booster.h"
#include "crm/models/booster_settings.h"
#include "crm/models/calibrator.h"
#include "crm/models/feature_matrix.h"
#include "crm/models/model_kind.h"

namespace crm::models {

//! One trained model. Copies share the booster (read-only, safe across threads).
struct TrainedModel {
  ModelKind kind = ModelKind::kOpportunityWin;
  std::vector<FeatureSpec> features;  //!< with descriptions and category labels
  BoosterSettings settings;
  std::shared_ptr<const Booster> booster;
  Calibrator calibrator = IsotonicCalibrator::Fit({}, {});  //!< the identity until fitted
  std::vector<float> reference;  //!< per feature: the training median (NaN for categorical features)
  std::vector<float> maximum;    //!< per feature: the largest training value (NaN for categorical or empty)
  std::vector<uint8_t> missing_seen;  //!< per feature: 1 when some training row lacked it
  double positive_rate = 0;           //!< share of positive labels in training
  nlohmann::json metrics;             //!< cross-validated metrics and how they were obtained
  int64_t n_train = 0;                //!< rows the final booster was fitted on
  int32_t known_by = 0;               //!< outcomes known by this day were learned from
  int64_t version = 0;                //!< assigned by the registry; 0 before it is stored
  std::string data_hash;              //!< DatasetFingerprint of the data it was trained on
  std::string created_at;             //!< ISO 8601 UTC, from the registry

  //! "opportunity_win v3" (or "… (not stored)" before it is).
  std::string VersionLabel() const;
  //! The names of the features, in column order.
  std::vector<std::string> FeatureNames() const;
  //! Calibrated probabilities of the positive outcome for each row of `x`.
  Result<std::vector<float>> Probabilities(const FeatureMatrix& x) const;
};

}  // namespace crm::models
