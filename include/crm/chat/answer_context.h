#pragma once
// What every intent's answer can read: the data, the analytics engine, the models, the agents' shared
// state and the writer of prose.

#include "crm/agents/agent_context.h"
#include "crm/analytics/engine.h"
#include "crm/data/dataset.h"
#include "crm/llm/writing_task.h"
#include "crm/models/model_set.h"

namespace crm::chat {

//! The engines an answer draws on; all outlive the answers.
struct AnswerContext {
  const Dataset& data;
  const analytics::Engine& engine;
  const models::ModelSet& models;
  const agents::AgentContext& agents;  //!< summaries, emails and narratives
  const llm::TextWriter& writer;       //!< writes the agents' prose (offline unless configured)
};

}  // namespace crm::chat
