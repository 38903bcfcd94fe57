#pragma once
// Numbers in the models' JSON: NaN (a missing value) becomes null.

#include <cmath>

#include <nlohmann/json.hpp>

namespace crm::models {

//! `value` as JSON, null when NaN.
inline nlohmann::json JsonNumber(double value) {
  return std::isnan(value) ? nlohmann::json(nullptr) : nlohmann::json(value);
}

}  // namespace crm::models
