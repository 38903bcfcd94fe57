#pragma once
// One workspace per scope: the part of the data a scope sees and every service built over it (engine,
// scorer, agents, search, chat), built on first use and kept. The whole data's workspace reuses the
// services built at start-up; new models (refitted while serving) replace every workspace at once.

#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

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
  //! A workspace over services that outlive it (the whole data's), of models generation `generation`.
  Workspace(Scope scope, const agents::AgentContext& agents, const search::SearchIndex* search,
            const llm::TextWriter& writer, uint64_t generation = 0);
  //! A workspace owning its part of the data and the services built over it.
  Workspace(Scope scope, std::unique_ptr<Dataset> data, std::unique_ptr<agents::AgentContext> agents,
            std::unique_ptr<search::SearchIndex> search, const llm::TextWriter& writer,
            uint64_t generation = 0);
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
  //! Which models it answers with: 0 for those of start-up, one more after each Workspaces::UseModels
  //! (so that answers cached from older models can be told apart).
  uint64_t generation() const { return generation_; }

 private:
  Scope scope_;
  uint64_t generation_;
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
  ~Workspaces();
  Workspaces(const Workspaces&) = delete;
  Workspaces& operator=(const Workspaces&) = delete;

  //! The workspace of `scope`, built on first use and kept; an Error when the scope names a manager or
  //! agent the data does not have, or a service cannot be built over the part.
  Result<const Workspace*> For(const Scope& scope);
  //! Answers with `models` from now on: builds the whole data's services over them, then replaces every
  //! workspace at once (parts are rebuilt on first use). Workspaces handed out before stay valid until
  //! this object goes away, so requests under way finish with the models they started with. An Error
  //! (nothing replaced) when a service cannot be built.
  Status UseModels(std::shared_ptr<const models::ModelSet> models);

 private:
  //! The whole data's workspace over one set of models, and the parts built with the same models.
  struct Generation {
    std::unique_ptr<agents::AgentContext> owned_agents;  //!< null for the services of start-up
    const agents::AgentContext* agents;
    std::unique_ptr<Workspace> whole;
    std::map<std::string, std::unique_ptr<Workspace>> parts;  //!< guarded by Workspaces::mutex_
  };

  //! Builds the workspace of a part of `generation`'s data.
  Result<std::unique_ptr<Workspace>> BuildPart(const Generation& generation, const Scope& scope) const;

  const search::SearchIndex* whole_search_;
  const llm::TextWriter* writer_;
  IndexBuilder build_index_;
  std::mutex mutex_;
  std::vector<std::unique_ptr<Generation>> generations_;  //!< all kept; the last one answers
  std::atomic<Generation*> current_;
};

}  // namespace crm::access
