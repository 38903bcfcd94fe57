#pragma once
// The model card of every model in use, for the web app's Models page: the figures stored when the model
// was trained (cross-validated metrics next to the majority baseline, calibration, the confusion matrix at
// the decision threshold, fairness, the time-based backtest), its feature importance, and the plain words
// on what the models can and cannot do. Nothing is recomputed on training data.

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "crm/analytics/insight.h"
#include "crm/models/model_set.h"

namespace crm::models {

//! What the models can and cannot do, one sentence each, in the README's words.
std::vector<std::string> ModelLimits();

//! The card of one model kind: {name, outcome, status: trained | refused | refitting | stale | missing,
//! note, …}; a trained model adds version, created_at, data_hash (the data it was trained on), known_by,
//! n_train, validation, verdict, metrics, confusion, calibration, calibrator, importance, fairness, backtest
//! and features (the calibrator's points and the settings search are left out).
nlohmann::json ModelCardJson(ModelKind kind, const ModelSlot& slot);

//! How the revenue forecast did on its own backtest, from the forecast insight: {quarter, projected, actual,
//! error_rate, …, definitions}; null when the insight has no backtest.
nlohmann::json ForecastAccuracyJson(const analytics::Insight& forecast);

//! {models: [card, …] in training order, notes: EvaluationNotes(), limits: ModelLimits()}.
nlohmann::json ModelCardsJson(const ModelSet& models);

}  // namespace crm::models
