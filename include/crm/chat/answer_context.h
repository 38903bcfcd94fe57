#pragma once
// What every intent's answer can read: the data, the analytics engine, the models, the agents' shared
// state and the writer of prose.

#include <string_view>

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
  const agents::AgentContext& agents;               //!< summaries, emails and narratives
  const llm::TextWriter& writer;                    //!< writes the agents' prose (offline unless configured)
  const llm::ChunkCallback* on_markdown = nullptr;  //!< streams the markdown as it is written, or null
};

//! Streams `markdown` (the answer's text before its writer's) when the answer streams; false when the
//! reader went away, and nothing more need be computed.
inline bool StreamMarkdown(const AnswerContext& context, std::string_view markdown) {
  return context.on_markdown == nullptr || (*context.on_markdown)(markdown);
}

}  // namespace crm::chat
