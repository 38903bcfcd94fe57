#pragma once
// Shared set-up of the agents' tests: contexts over hand-made datasets and over the Kaggle data.

#include <memory>

#include "crm/agents/agent_context.h"
#include "crm/data/dataset.h"

namespace crm::agents::test {

//! A dataset and the agents' context over it (the context points into the dataset).
struct AgentWorld {
  std::unique_ptr<Dataset> data;
  std::unique_ptr<AgentContext> context;
};

//! The context over `data` without models; fails the test when it cannot be built.
AgentWorld MakeWorld(Dataset data);
//! The Kaggle data set (loaded once per test binary) and its context; null data when absent.
const AgentWorld& KaggleWorld();

}  // namespace crm::agents::test
