#pragma once
// What the server answers from: the loaded data and everything built over it once, at start-up.

#include <memory>
#include <string>

#include "crm/access/workspaces.h"
#include "crm/agents/agent_context.h"
#include "crm/data/dataset.h"
#include "crm/llm/writing_task.h"
#include "crm/search/search_index.h"

namespace crm::server {

//! The read-only state behind every request; built before serving and never changed while serving.
struct ServerState {
  std::unique_ptr<Dataset> data;                 //!< the loaded data (agents and search point into it)
  std::unique_ptr<agents::AgentContext> agents;  //!< engine, scorer, account insights, models
  std::unique_ptr<llm::TextWriter> writer;       //!< the configured writer of prose
  std::unique_ptr<search::SearchIndex> search;   //!< the hybrid search index
  access::IndexBuilder index_part;               //!< builds the search index of a part of the data
  std::string store_path;                        //!< the SQLite store that keeps chat threads
};

}  // namespace crm::server
