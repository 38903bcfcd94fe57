#pragma once
// `evaluate`: for every model, cross-validated metrics next to the majority baseline, the time-based
// backtest, calibration, fairness by sector and regional office, feature importance, recursive feature
// elimination and a label-permutation check; and the forecast's backtest.

#include <functional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "crm/common/result.h"
#include "crm/data/dataset.h"

namespace crm::models {

//! What `evaluate` runs besides the metrics and backtests.
struct EvaluationOptions {
  bool feature_elimination = true;  //!< recursive feature elimination (the slowest part)
  bool permutation_test = true;     //!< AUC with shuffled labels, which must come out near 0.5
  std::function<void(const std::string&)> progress;  //!< told what is being evaluated; may be empty
};

//! How the figures of an evaluation were obtained and how to read them, one sentence each.
std::vector<std::string> EvaluationNotes();

//! The evaluation document: {as_of, models: {name: metrics}, backtest: {name: …, forecast: …},
//! calibration: {name: …}, fairness: {name: {sector, regional_office}}, importance, elimination,
//! permutation, notes}. A model that refuses to train appears with its reason.
Result<nlohmann::json> EvaluateModels(const Dataset& data, const EvaluationOptions& options = {});

}  // namespace crm::models
