#pragma once
// What the agents share over one loaded dataset, computed once: the analytics engine, the deal scorer
// at the latest date, the account insights over every account and the per-account totals.

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "crm/analytics/engine.h"
#include "crm/analytics/insight.h"
#include "crm/data/dataset.h"
#include "crm/models/deal_scorer.h"
#include "crm/models/model_set.h"

namespace crm::agents {

//! The shared, read-only state of the agents; safe to use from several threads once built. `data` must
//! outlive it.
class AgentContext {
 public:
  //! Builds the engine (with the models' probabilities when `models` has them), the scorer at the latest
  //! date and the account insights. An Error when an insight cannot be computed on this data.
  static Result<std::unique_ptr<AgentContext>> Build(const Dataset& data,
                                                     std::shared_ptr<const models::ModelSet> models);
  AgentContext(const AgentContext&) = delete;
  AgentContext& operator=(const AgentContext&) = delete;

  //! The dataset.
  const Dataset& data() const { return *data_; }
  //! The analytics engine over the dataset.
  const analytics::Engine& engine() const { return *engine_; }
  //! Scores open deals at the latest date.
  const models::DealScorer& scorer() const { return *scorer_; }
  //! The models in use.
  const models::ModelSet& models() const { return *models_; }
  //! The models in use, shared (for contexts over other data with the same models).
  std::shared_ptr<const models::ModelSet> shared_models() const { return models_; }
  //! The as-of day of every figure: the latest date in the data.
  int32_t as_of() const { return as_of_; }
  //! account_health over every account (scores, components, inputs).
  const analytics::Insight& health() const { return health_; }
  //! at_risk_accounts over every account (reasons and evidence).
  const analytics::Insight& risks() const { return risks_; }
  //! account_prioritization over every account (potential and whitespace).
  const analytics::Insight& prioritization() const { return prioritization_; }
  //! Deals, won, lost, open, win rate and values per account (Engine::Breakdown by account).
  const analytics::Table& account_totals() const { return account_totals_; }
  //! Won / closed over every deal: the company's win rate (NaN without closed deals).
  double company_win_rate() const { return company_win_rate_; }
  //! The deal rows of an account, ascending.
  std::span<const int32_t> DealsOf(int32_t account) const;
  //! The accounts whose parent is `account`, ascending by row.
  std::span<const int32_t> SubsidiariesOf(int32_t account) const;
  //! The agent with the most deals on the account (ties: the name first in order), kNoIndex without deals.
  int32_t MainAgent(int32_t account) const;

 private:
  AgentContext(const Dataset& data, std::shared_ptr<const models::ModelSet> models);

  const Dataset* data_;
  std::shared_ptr<const models::ModelSet> models_;
  std::unique_ptr<analytics::Engine> engine_;
  std::unique_ptr<models::DealScorer> scorer_;
  int32_t as_of_;
  analytics::Insight health_;
  analytics::Insight risks_;
  analytics::Insight prioritization_;
  analytics::Table account_totals_;
  double company_win_rate_;
  std::vector<std::vector<int32_t>> deals_by_account_;
  std::vector<std::vector<int32_t>> subsidiaries_;
};

}  // namespace crm::agents
