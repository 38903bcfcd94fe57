#include "crm/chat/record_answers.h"

#include "crm/agents/account_summary.h"
#include "crm/agents/email_draft.h"
#include "crm/analytics/fact_text.h"
#include "crm/chat/guide_answers.h"
#include "crm/chat/markdown.h"
#include "crm/models/deal_scorer.h"

namespace crm::chat {

namespace {

//! The value of `key` in `entities`, or empty.
std::string EntityValue(const Entities& entities, const std::string& key) {
  const auto found = entities.find(key);
  return found == entities.end() ? std::string() : found->second;
}

//! An open deal's id to show in examples, or empty.
std::string ExampleOpenDeal(const Dataset& data) {
  for (size_t d = 0; d < data.opportunities.size(); ++d) {
    if (data.opportunities.deal_stage[d] == DealStage::kEngaging)
      return std::string(data.opportunities.id[d]);
  }
  return "";
}

//! The answer to a question about opportunity `id`, which the data (the caller's part of it) does not hold.
Answer NoSuchOpportunity(const std::string& intent, const Entities& entities, const std::string& id) {
  Answer answer;
  answer.intent = intent;
  answer.entities = entities;
  answer.markdown = "I found no opportunity **" + EscapeMarkdown(id) +
                    "** in the data. Check the id: it has " +
                    "eight letters and digits, as in the opportunities table.";
  answer.data = {{"opportunity_id", id}, {"error", "no such opportunity"}};
  answer.suggestions = {"Show the top opportunities", "Which deals are at risk?"};
  return answer;
}

//! Plain text as markdown lines that keep their breaks ("  " at the end of each line).
std::string PlainTextMarkdown(const std::string& text) {
  std::string markdown;
  size_t at = 0;
  while (at <= text.size()) {
    const size_t end = std::min(text.find('\n', at), text.size());
    const std::string line = EscapeMarkdown(text.substr(at, end - at));
    markdown += line.empty() ? "\n" : line + "  \n";
    at = end + 1;
  }
  return markdown;
}

//! The writer's name and whether the numbers were checked, for the end of an agent's answer.
std::string WriterLine(const llm::WrittenText& text) {
  std::string line = "_Written by the " + text.writer + " writer";
  if (text.writer != "offline")
    line += text.numbers_checked ? "; every number checked against the facts" : "";
  if (!text.fallback_reason.empty()) line += "; " + EscapeMarkdown(text.fallback_reason);
  return line + "._\n";
}

}  // namespace

Answer AnswerAccountSummary(const AnswerContext& context, const Entities& entities) {
  const std::string name = EntityValue(entities, "account");
  const int32_t row = name.empty() ? kNoIndex : context.data.FindAccount(name);
  if (row == kNoIndex) {
    return AskFor("account_summary", entities, "account",
                  context.data.accounts.empty() ? "" : "tell me about " + context.data.accounts.front().name);
  }
  const agents::AccountSummary summary = agents::SummarizeAccount(context.agents, row, context.writer);
  Answer answer;
  answer.intent = "account_summary";
  answer.entities = entities;
  answer.markdown = summary.text.text + "\n\n" + WriterLine(summary.text);
  answer.writer = summary.text.writer;
  answer.data = agents::ToJson(summary);
  answer.sources.push_back({{"kind", "account"}, {"id", summary.account}});
  for (const auto& deal : summary.facts.value("open_opportunities", nlohmann::json::array())) {
    if (deal.contains("opportunity_id"))
      answer.sources.push_back({{"kind", "opportunity"}, {"id", deal["opportunity_id"]}});
  }
  for (const char* insight : {"account_health", "at_risk_accounts", "account_prioritization"})
    answer.sources.push_back({{"kind", "insight"}, {"id", insight}});
  answer.suggestions = {"Draft a follow-up email to " + summary.account,
                        "Find accounts similar to " + summary.account};
  return answer;
}

Answer AnswerOpportunityScore(const AnswerContext& context, const Entities& entities) {
  const std::string id = EntityValue(entities, "opportunity_id");
  const int32_t deal = id.empty() ? kNoIndex : context.data.FindOpportunity(id);
  if (!id.empty() && deal == kNoIndex) return NoSuchOpportunity("opportunity_score", entities, id);
  if (deal == kNoIndex) {
    const std::string example = ExampleOpenDeal(context.data);
    return AskFor("opportunity_score", entities, "opportunity (its id)",
                  example.empty() ? "" : "what is the win probability of " + example);
  }
  Answer answer;
  answer.intent = "opportunity_score";
  answer.entities = entities;
  answer.sources.push_back({{"kind", "opportunity"}, {"id", id}});
  auto score = context.agents.scorer().Score(deal);
  if (!score.ok()) {
    answer.markdown =
        EscapeMarkdown(score.error().message) + ". Scores are for open deals (Engaging or Prospecting).";
    answer.data = {{"opportunity_id", id}, {"error", score.error().message}};
    return answer;
  }
  const auto& deals = context.data.opportunities;
  std::string text =
      "**" + EscapeMarkdown(id) + "** (" + EscapeMarkdown(context.data.products[deals.product[deal]].name);
  if (deals.account[deal] != kNoIndex)
    text += " for " + EscapeMarkdown(context.data.accounts[deals.account[deal]].name);
  text += ", " + EscapeMarkdown(context.data.sales_agents[deals.sales_agent[deal]].name) + ", " +
          score->stage + "): **" + analytics::PercentText(score->probability) + "** chance of being won, " +
          std::string(models::TierName(score->tier)) + " tier.\n\n";
  for (const models::Factor& factor : score->factors)
    text += std::string(factor.impact > 0 ? "- ▲ " : "- ▼ ") + EscapeMarkdown(factor.phrase) + "\n";
  text += "\nModel: " + EscapeMarkdown(score->model_version);
  if (!score->reliability.empty()) text += " (" + EscapeMarkdown(score->reliability) + ")";
  text += ".\n";
  if (!score->note.empty()) text += "\n" + EscapeMarkdown(score->note) + "\n";
  for (const std::string& caution : score->cautions) text += "\n_Caution: " + EscapeMarkdown(caution) + "_\n";
  answer.markdown = std::move(text);
  answer.data = models::ToJson(*score);
  answer.sources.push_back({{"kind", "model"}, {"id", score->model_version}});
  answer.suggestions = {"Which deals are at risk?", "Show the top opportunities"};
  return answer;
}

Answer AnswerEmail(const AnswerContext& context, const Entities& entities) {
  const auto& data = context.data;
  agents::EmailRequest request;
  const std::string id = EntityValue(entities, "opportunity_id");
  request.deal = id.empty() ? kNoIndex : data.FindOpportunity(id);
  if (!id.empty() && request.deal == kNoIndex) return NoSuchOpportunity("email_draft", entities, id);
  request.account = request.deal != kNoIndex ? data.opportunities.account[request.deal]
                                             : data.FindAccount(EntityValue(entities, "account"));
  if (request.account == kNoIndex) {
    return AskFor("email_draft", entities, "account",
                  data.accounts.empty() ? "" : "draft a follow-up to " + data.accounts.front().name);
  }
  request.type =
      agents::EmailTypeFromName(EntityValue(entities, "email_type")).value_or(agents::EmailType::kFollowUp);
  request.tone = agents::ToneFromName(EntityValue(entities, "tone")).value_or(agents::Tone::kProfessional);
  request.product = EntityValue(entities, "product");
  Answer answer;
  answer.intent = "email_draft";
  answer.entities = entities;
  auto draft = agents::DraftEmail(context.agents, request, context.writer);
  if (!draft.ok()) {
    answer.markdown = "I could not draft that email: " + EscapeMarkdown(draft.error().message) + ".";
    answer.data = {{"error", draft.error().message}};
    return answer;
  }
  answer.markdown = "**Subject:** " + EscapeMarkdown(draft->email.subject) + "\n\n" +
                    PlainTextMarkdown(draft->email.body) + "\n" + WriterLine(draft->text);
  answer.data = agents::ToJson(*draft);
  answer.writer = draft->text.writer;
  answer.sources.push_back({{"kind", "account"}, {"id", data.accounts[request.account].name}});
  if (request.deal != kNoIndex) answer.sources.push_back({{"kind", "opportunity"}, {"id", id}});
  answer.suggestions = {"Make it more urgent", "Tell me about " + data.accounts[request.account].name};
  return answer;
}

}  // namespace crm::chat
