#pragma once
// The email agent: the facts of one sales email, the offline draft, and the task an LLM writer may
// rewrite; the subject and body the user sees come from the writer given.

#include <nlohmann/json.hpp>

#include "crm/agents/agent_context.h"
#include "crm/agents/email_facts.h"
#include "crm/agents/email_text.h"
#include "crm/common/result.h"
#include "crm/llm/writing_task.h"

namespace crm::agents {

//! One drafted email.
struct EmailDraft {
  EmailRequest request;
  nlohmann::json facts;   //!< everything the text may use
  llm::WritingTask task;  //!< what an LLM writer is asked to write
  llm::WrittenText text;  //!< the writer's text ("Subject: …", blank line, body)
  EmailText email;        //!< the writer's text split into subject and body
};

//! Drafts the email of `request`; errors as EmailFacts.
Result<EmailDraft> DraftEmail(const AgentContext& context, const EmailRequest& request,
                              const llm::TextWriter& writer);

//! The JSON of `email --json`: subject, body, email_type, tone, account, sender, writer, numbers_checked,
//! fallback_reason, facts.
nlohmann::json ToJson(const EmailDraft& draft);

}  // namespace crm::agents
