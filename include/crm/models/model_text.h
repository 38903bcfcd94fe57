#pragma once
// Plain-text views of training results, evaluations and scores, for the terminal (the JSON forms are
// the machine-readable ones).

#include <string>

#include <nlohmann/json.hpp>

#include "crm/models/deal_scorer.h"

namespace crm::models {

//! How much a cross-validated AUC is worth, in words ("weak: little better than chance").
std::string AucVerdict(double auc);

//! The `train` document as text: one block per model with its cross-validated figures and verdict.
std::string TrainingText(const nlohmann::json& document);

//! The `evaluate` document as text.
std::string EvaluationText(const nlohmann::json& document);

//! One score with its tier, reasons and model version.
std::string ScoreText(const DealScore& score);

}  // namespace crm::models
