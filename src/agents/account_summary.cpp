#include "crm/agents/account_summary.h"

#include "crm/agents/account_facts.h"
#include "crm/agents/account_lookup.h"
#include "crm/agents/account_plan.h"
#include "crm/agents/prompts.h"

namespace crm::agents {

Result<AccountSummary> SummarizeAccount(const AgentContext& context, std::string_view name,
                                        const llm::TextWriter& writer) {
  auto row = FindAccountByName(context.data(), name);
  if (!row.ok()) return row.error();
  return SummarizeAccount(context, *row, writer);
}

AccountSummary SummarizeAccount(const AgentContext& context, int32_t row, const llm::TextWriter& writer) {
  AccountSummary summary;
  summary.account = context.data().accounts[row].name;
  summary.facts = AccountFacts(context, row);
  AddAccountPlan(summary.facts);
  summary.sections = WriteAccountSections(summary.facts);
  summary.task = {"account_summary", SystemPrompt(kAccountSummaryPrompt), summary.facts,
                  "A briefing on the account " + summary.account +
                      " for its sales team, with every section of the offline text.",
                  SectionsMarkdown(summary.account, summary.sections)};
  summary.text = writer.Write(summary.task);
  return summary;
}

nlohmann::json ToJson(const AccountSummary& summary) {
  nlohmann::json sections = nlohmann::json::object();
  for (const auto& [id, text] : summary.sections) sections[id] = text;
  return {{"account", summary.account},
          {"sections", sections},
          {"markdown", summary.text.text},
          {"writer", summary.text.writer},
          {"numbers_checked", summary.text.numbers_checked},
          {"fallback_reason", summary.text.fallback_reason},
          {"facts", summary.facts}};
}

}  // namespace crm::agents
