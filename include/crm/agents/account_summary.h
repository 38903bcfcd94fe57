#pragma once
// The account summary agent: facts about one account, the offline briefing, and the task an LLM writer
// may rewrite; the text the user sees comes from the writer given.

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "crm/agents/account_summary_text.h"
#include "crm/agents/agent_context.h"
#include "crm/common/result.h"
#include "crm/llm/writing_task.h"

namespace crm::agents {

//! One account's summary: its facts, the offline sections, the writing task and the final text.
struct AccountSummary {
  std::string account;    //!< the account's name as in the data
  nlohmann::json facts;   //!< everything the text may use
  Sections sections;      //!< the offline writer's sections
  llm::WritingTask task;  //!< what an LLM writer is asked to write
  llm::WrittenText text;  //!< the Markdown the user sees, from the writer
};

//! Summarises the account named `name` (case-insensitive); an unknown name is an error listing close names.
Result<AccountSummary> SummarizeAccount(const AgentContext& context, std::string_view name,
                                        const llm::TextWriter& writer);
//! Summarises the account at `row`.
AccountSummary SummarizeAccount(const AgentContext& context, int32_t row, const llm::TextWriter& writer);

//! The JSON of `summary ACCOUNT --json`: account, sections, markdown, writer, numbers_checked,
//! fallback_reason, facts.
nlohmann::json ToJson(const AccountSummary& summary);

}  // namespace crm::agents
