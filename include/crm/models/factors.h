#pragma once
// The reasons behind one score: the features whose SHAP contributions moved it most, written as plain
// phrases ("the agent's win rate 70% against a typical 63%").

#include <span>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "crm/models/feature_matrix.h"
#include "crm/models/trained_model.h"

namespace crm::models {

//! One reason: a feature, its value for the scored row, and how far it moved the log-odds.
struct Factor {
  std::string feature;  //!< the feature's name
  std::string value;    //!< its value as shown to people ("70%", "GTX Pro", "unknown")
  double impact = 0;    //!< SHAP contribution in log-odds: positive raises the probability
  std::string phrase;   //!< "the agent's win rate 70% against a typical 63%"
};

//! Up to `per_side` factors that raise and `per_side` that lower the probability, strongest first
//! within each side (raising ones first). `contributions` has one entry per feature plus the bias.
std::vector<Factor> TopFactors(const TrainedModel& model, std::span<const float> row,
                               std::span<const float> contributions, size_t per_side = 3);

//! A feature's value as shown to people: percentages for rates, dollars for money, days, category labels.
std::string FormatFeatureValue(const FeatureSpec& spec, float value);

//! {feature, value, impact, phrase}.
nlohmann::json ToJson(const Factor& factor);

}  // namespace crm::models
