#include "crm/agents/email_draft.h"

#include "crm/agents/facts_text.h"
#include "crm/agents/prompts.h"

namespace crm::agents {

Result<EmailDraft> DraftEmail(const AgentContext& context, const EmailRequest& request,
                              const llm::TextWriter& writer) {
  auto facts = EmailFacts(context, request);
  if (!facts.ok()) return facts.error();
  EmailDraft draft;
  draft.request = request;
  draft.facts = std::move(facts).value();
  const std::string account = Text(draft.facts["account"], "name");
  std::string request_text = "A " + std::string(ToneName(request.tone)) + " " +
                             std::string(EmailTypeName(request.type)) + " email from " +
                             Text(draft.facts["sender"], "name") + " to the " + account + " team";
  if (draft.facts["deal"].is_object()) {
    request_text += " about opportunity " + Text(draft.facts["deal"], "opportunity_id");
  }
  draft.task = {"email", SystemPrompt(kEmailPrompt), draft.facts, request_text + ".",
                JoinEmail(WriteEmail(draft.facts))};
  draft.text = writer.Write(draft.task);
  draft.email = SplitEmail(draft.text.text);
  return draft;
}

nlohmann::json ToJson(const EmailDraft& draft) {
  return {
      {"subject", draft.email.subject},
      {"body", draft.email.body},
      {"email_type", EmailTypeName(draft.request.type)},
      {"tone", ToneName(draft.request.tone)},
      {"account", draft.facts["account"]["name"]},
      {"sender", draft.facts["sender"]["name"]},
      {"opportunity_id", draft.facts["deal"].is_object() ? draft.facts["deal"]["opportunity_id"] : nullptr},
      {"writer", draft.text.writer},
      {"numbers_checked", draft.text.numbers_checked},
      {"fallback_reason", draft.text.fallback_reason},
      {"facts", draft.facts}};
}

}  // namespace crm::agents
