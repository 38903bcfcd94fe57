// The account page's answer: record, summary, health, scored deals and look-alikes.
#include "crm/agents/account_page.h"

#include "crm/agents/account_summary.h"
#include "crm/agents/deal_record.h"
#include "crm/analytics/account_health.h"
#include "crm/common/date.h"

namespace crm::agents {

namespace {

//! The account's deals, in data order, each with its score when open (or why there is none).
nlohmann::json OpportunitiesJson(const AgentContext& context, int32_t row) {
  nlohmann::json deals = nlohmann::json::array();
  for (int32_t deal : context.DealsOf(row)) {
    nlohmann::json entry = DealRecordJson(context.data(), deal);
    entry["score"] = nullptr;
    if (!IsClosed(context.data().opportunities.deal_stage[deal])) {
      auto score = context.scorer().Score(deal);
      if (score.ok()) {
        entry["score"] = models::ToJson(*score);
      } else {
        entry["score_note"] = score.error().message;
      }
    }
    deals.push_back(std::move(entry));
  }
  return deals;
}

//! The health of the summary's facts with the weight of every component.
nlohmann::json HealthJson(const nlohmann::json& facts) {
  nlohmann::json health = facts.contains("health") ? facts["health"] : nlohmann::json(nullptr);
  if (!health.is_object()) return nullptr;
  nlohmann::json weights = nlohmann::json::object();
  for (int c = 0; c < analytics::kHealthComponentCount; ++c) {
    const auto component = static_cast<analytics::HealthComponent>(c);
    weights[std::string(analytics::HealthComponentName(component))] =
        analytics::HealthComponentWeight(component);
  }
  health["weights"] = std::move(weights);
  return health;
}

//! The look-alikes of the account: name, similarity and what they share.
nlohmann::json SimilarJson(const search::SearchIndex* index, int32_t row) {
  nlohmann::json similar = nlohmann::json::array();
  if (!index) return similar;
  auto results = index->SimilarAccounts(row, kSimilarAccountsShown);
  if (!results.ok()) return similar;
  for (const search::SearchResult& result : *results) {
    similar.push_back(
        {{"name", result.id}, {"title", result.title}, {"score", result.score}, {"why", result.why}});
  }
  return similar;
}

}  // namespace

nlohmann::json AccountPageJson(const AgentContext& context, int32_t row, const llm::TextWriter& writer,
                               const search::SearchIndex* index) {
  nlohmann::json summary = ToJson(SummarizeAccount(context, row, writer));
  const nlohmann::json& facts = summary["facts"];
  return {{"as_of", FormatIsoDate(context.as_of())},
          {"account", facts.contains("account") ? facts["account"] : nlohmann::json(nullptr)},
          {"health", HealthJson(facts)},
          {"opportunities", OpportunitiesJson(context, row)},
          {"similar", SimilarJson(index, row)},
          {"summary", std::move(summary)}};
}

}  // namespace crm::agents
