#pragma once
// Everything the web app's account page shows, in one answer: the account's record, its summary, its
// health score with the components, its deals with their scores and reasons, and look-alike accounts.

#include <cstdint>

#include <nlohmann/json.hpp>

#include "crm/agents/agent_context.h"
#include "crm/llm/writing_task.h"
#include "crm/search/search_index.h"

namespace crm::agents {

//! How many look-alike accounts the page lists.
inline constexpr size_t kSimilarAccountsShown = 5;

//! {as_of, account: the record, summary: the JSON of `summary --json`, health: {score, band, components,
//! weights, …} or null, opportunities: [{opportunity_id, …, score | null, score_note?}], similar: [{name,
//! title, score, why}]} for the account at `row`. `index` may be null (no look-alikes then).
nlohmann::json AccountPageJson(const AgentContext& context, int32_t row, const llm::TextWriter& writer,
                               const search::SearchIndex* index);

}  // namespace crm::agents
