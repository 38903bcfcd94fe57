#pragma once
// One workspace per scope: the part of the data a scope sees and every service built over it (engine,
// scorer, agents, search, chat), built on first use and kept. The whole data's workspace reuses the
// services built at start-up.

#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "crm/access/scope.h"
#include "crm/agents/agent_context.h"
#include "crm/chat/assistant.h"
#include "crm/llm/writing_task.h"
#include "crm/search/search_index.h"

namespace crm::access {

//! Builds the search index of a part of the data (the part outlives the index).
using IndexBuilder = std::function<Result<std::unique_ptr<search::SearchIndex>>(const Dataset&)>;

//! What one scope sees and the services that answer over it; read-only and safe from several threads.
class Workspace {
 public:
  //! A workspace over services that outlive it (the whole data's).
  Workspace(Scope scope, const agents::AgentContext& agents, const search::SearchIndex* search,
            const llm::TextWriter& writer);
  //! A workspace owning its part of the data and the services built over it.
  Workspace(Scope scope, std::unique_ptr<Dataset> data, std::unique_ptr<agents::AgentContext> agents,
            std::unique_ptr<search::SearchIndex> search, const llm::TextWriter& writer);
  Workspace(const Workspace&) = delete;
  Workspace& operator=(const Workspace&) = delete;

  //! The scope it answers for.
  const Scope& scope() const { return scope_; }
  //! The data inside the scope.
  const Dataset& data() const { return agents_->data(); }
  //! Engine, scorer, account insights and models over the scope's data.
  const agents::AgentContext& agents() const { return *agents_; }
  //! The search index over the scope's data (null when there is none).
  const search::SearchIndex* search() const { return search_; }
  //! The chat assistant over the scope's data.
  const chat::Assistant& assistant() const { return *assistant_; }

 private:
  Scope scope_;
  std::unique_ptr<Dataset> owned_data_;
  std::unique_ptr<agents::AgentContext> owned_agents_;
  std::unique_ptr<search::SearchIndex> owned_search_;
  const agents::AgentContext* agents_;
  const search::SearchIndex* search_;
  std::unique_ptr<chat::Assistant> assistant_;
};

//! The workspaces of every scope asked for so far.
class Workspaces {
 public:
  //! Workspaces over the whole data's services (which outlive them): `whole` and `whole_search` answer
  //! for the scope of everything; a part gets its own, with the same models and writer and an index
  //! from `build_index`.
  Workspaces(const agents::AgentContext& whole, const search::SearchIndex* whole_search,
             const llm::TextWriter& writer, IndexBuilder build_index);

  //! The workspace of `scope`, built on first use and kept; an Error when the scope names a manager or
  //! agent the data does not have, or a service cannot be built over the part.
  Result<const Workspace*> For(const Scope& scope);

 private:
  //! Builds the workspace of a part.
  Result<std::unique_ptr<Workspace>> BuildPart(const Scope& scope) const;

  const agents::AgentContext* whole_agents_;
  const llm::TextWriter* writer_;
  IndexBuilder build_index_;
  Workspace whole_;
  std::mutex mutex_;
  std::map<std::string, std::unique_ptr<Workspace>> parts_;
};

}  // namespace crm::access
