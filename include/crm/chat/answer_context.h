#pragma once
// What every intent's answer can read: the data, the analytics engine, the models and the as-of date.

#include <cstdint>

#include "crm/analytics/engine.h"
#include "crm/data/dataset.h"
#include "crm/models/model_set.h"

namespace crm::chat {

//! The engines an answer draws on; all outlive the answers.
struct AnswerContext {
  const Dataset& data;
  const analytics::Engine& engine;
  const models::ModelSet& models;
};

}  // namespace crm::chat
