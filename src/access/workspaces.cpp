#include "crm/access/workspaces.h"

#include "crm/nlu/intent_classifier.h"

namespace crm::access {

namespace {

//! An assistant over `agents` that searches `search`.
std::unique_ptr<chat::Assistant> MakeAssistant(const agents::AgentContext& agents,
                                               const search::SearchIndex* search,
                                               const llm::TextWriter& writer) {
  return std::make_unique<chat::Assistant>(
      agents, writer, [search] { return search; }, nlu::BuiltinIntentClassifier());
}

}  // namespace

Workspace::Workspace(Scope scope, const agents::AgentContext& agents, const search::SearchIndex* search,
                     const llm::TextWriter& writer, uint64_t generation)
    : scope_(std::move(scope)),
      generation_(generation),
      agents_(&agents),
      search_(search),
      assistant_(MakeAssistant(agents, search, writer)) {}

Workspace::Workspace(Scope scope, std::unique_ptr<Dataset> data, std::unique_ptr<agents::AgentContext> agents,
                     std::unique_ptr<search::SearchIndex> search, const llm::TextWriter& writer,
                     uint64_t generation)
    : scope_(std::move(scope)),
      generation_(generation),
      owned_data_(std::move(data)),
      owned_agents_(std::move(agents)),
      owned_search_(std::move(search)),
      agents_(owned_agents_.get()),
      search_(owned_search_.get()),
      assistant_(MakeAssistant(*agents_, search_, writer)) {}

Workspaces::Workspaces(const agents::AgentContext& whole, const search::SearchIndex* whole_search,
                       const llm::TextWriter& writer, IndexBuilder build_index)
    : whole_search_(whole_search), writer_(&writer), build_index_(std::move(build_index)) {
  auto first = std::make_unique<Generation>();
  first->agents = &whole;
  first->whole = std::make_unique<Workspace>(Scope::All(), whole, whole_search, writer);
  current_ = first.get();
  generations_.push_back(std::move(first));
}

Workspaces::~Workspaces() = default;

Result<const Workspace*> Workspaces::For(const Scope& scope) {
  Generation* generation = current_.load();
  if (scope.all()) return generation->whole.get();
  const std::string key = scope.Key();
  {
    std::lock_guard lock(mutex_);
    if (auto found = generation->parts.find(key); found != generation->parts.end())
      return found->second.get();
  }
  // Built outside the lock, so that one scope's first request does not hold up the others; when two
  // requests race, the first one stored wins and the other's copy is dropped.
  auto built = BuildPart(*generation, scope);
  if (!built.ok()) return built.error();
  std::lock_guard lock(mutex_);
  return generation->parts.try_emplace(key, std::move(built).value()).first->second.get();
}

Status Workspaces::UseModels(std::shared_ptr<const models::ModelSet> models) {
  const Dataset& data = current_.load()->agents->data();
  auto agents = agents::AgentContext::Build(data, std::move(models));
  if (!agents.ok()) return agents.error();
  (*agents)->engine().Warm();  // as at start-up: the first requests over the new models are fast too
  std::lock_guard lock(mutex_);
  auto next = std::make_unique<Generation>();
  next->owned_agents = std::move(agents).value();
  next->agents = next->owned_agents.get();
  next->whole =
      std::make_unique<Workspace>(Scope::All(), *next->agents, whole_search_, *writer_, generations_.size());
  current_ = next.get();
  generations_.push_back(std::move(next));
  return Status::Ok();
}

Result<std::unique_ptr<Workspace>> Workspaces::BuildPart(const Generation& generation,
                                                         const Scope& scope) const {
  auto part = ScopeDataset(generation.agents->data(), scope);
  if (!part.ok()) return part.error();
  auto data = std::make_unique<Dataset>(std::move(part).value());
  auto agents = agents::AgentContext::Build(*data, generation.agents->shared_models());
  if (!agents.ok()) return agents.error();
  std::unique_ptr<search::SearchIndex> index;
  if (build_index_) {
    auto built = build_index_(*data);
    if (!built.ok()) return built.error();
    index = std::move(built).value();
  }
  return std::make_unique<Workspace>(scope, std::move(data), std::move(agents).value(), std::move(index),
                                     *writer_, generation.whole->generation());
}

}  // namespace crm::access
