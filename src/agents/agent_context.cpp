#include "crm/agents/agent_context.h"

#include <algorithm>
#include <map>

#include "crm/models/probability_source.h"

namespace crm::agents {

namespace {

//! Runs an insight over every account (top = all of them, so no table is cut).
Result<analytics::Insight> RunOverAll(const analytics::Engine& engine, const Dataset& data,
                                      std::string_view type) {
  analytics::FilterRequest request;
  request.top = std::to_string(std::clamp<size_t>(data.accounts.size(), 1, 100000));
  return engine.Run(type, request);
}

}  // namespace

AgentContext::AgentContext(const Dataset& data, std::shared_ptr<const models::ModelSet> models)
    : data_(&data),
      models_(std::move(models)),
      engine_(std::make_unique<analytics::Engine>(data, models::ModelSourcesFor(data, models_))),
      as_of_(engine_->latest_day()),
      company_win_rate_(kNoNumber),
      deals_by_account_(data.accounts.size()),
      subsidiaries_(data.accounts.size()) {
  scorer_ = std::make_unique<models::DealScorer>(data, *models_, as_of_);
  const OpportunityColumns& deals = data.opportunities;
  for (size_t row = 0; row < deals.size(); ++row) {
    if (deals.account[row] != kNoIndex)
      deals_by_account_[deals.account[row]].push_back(static_cast<int32_t>(row));
  }
  for (size_t row = 0; row < data.accounts.size(); ++row) {
    const int32_t parent = data.accounts[row].parent;
    if (parent != kNoIndex) subsidiaries_[parent].push_back(static_cast<int32_t>(row));
  }
}

Result<std::unique_ptr<AgentContext>> AgentContext::Build(const Dataset& data,
                                                          std::shared_ptr<const models::ModelSet> models) {
  if (!models) models = std::make_shared<const models::ModelSet>();
  std::unique_ptr<AgentContext> context(new AgentContext(data, std::move(models)));
  auto health = RunOverAll(*context->engine_, data, "account_health");
  if (!health.ok()) return health.error();
  auto risks = RunOverAll(*context->engine_, data, "at_risk_accounts");
  if (!risks.ok()) return risks.error();
  auto prioritization = RunOverAll(*context->engine_, data, "account_prioritization");
  if (!prioritization.ok()) return prioritization.error();
  context->health_ = std::move(health).value();
  context->risks_ = std::move(risks).value();
  context->prioritization_ = std::move(prioritization).value();
  auto all = analytics::ResolveFilters(data, {}, context->as_of_);
  if (!all.ok()) return all.error();
  context->account_totals_ = context->engine_->Breakdown(analytics::Dimension::kAccount, *all);
  // The company's rate: conversion_analysis over every deal (won / closed, deals without an account too).
  auto conversion = context->engine_->Run("conversion_analysis", analytics::FilterRequest{});
  if (!conversion.ok()) return conversion.error();
  if (const analytics::Cell* rate = conversion->FindMetric("win_rate")) {
    context->company_win_rate_ = analytics::CellNumber(*rate);
  }
  return context;
}

std::span<const int32_t> AgentContext::DealsOf(int32_t account) const {
  return deals_by_account_[static_cast<size_t>(account)];
}

std::span<const int32_t> AgentContext::SubsidiariesOf(int32_t account) const {
  return subsidiaries_[static_cast<size_t>(account)];
}

int32_t AgentContext::MainAgent(int32_t account) const {
  std::map<std::string_view, std::pair<int, int32_t>> counts;  // name → (deals, agent row)
  for (int32_t deal : DealsOf(account)) {
    const int32_t agent = data_->opportunities.sales_agent[deal];
    if (agent == kNoIndex) continue;
    auto& entry = counts[data_->sales_agents[agent].name];
    ++entry.first;
    entry.second = agent;
  }
  int32_t best = kNoIndex;
  int most = 0;
  for (const auto& [name, entry] : counts) {
    if (entry.first > most) {
      most = entry.first;
      best = entry.second;
    }
  }
  return best;
}

}  // namespace crm::agents
