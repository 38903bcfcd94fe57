#include "crm/chat/guide_answers.h"

#include <algorithm>
#include <cstdio>

#include "crm/chat/markdown.h"

namespace crm::chat {

namespace {

//! The intents the assistant answers, each with what it does and an example built from the data.
struct Capability {
  std::string intent;
  std::string example;
};

//! Names from the data to build example questions with; empty when the data has none of a kind.
struct ExampleNames {
  std::string account, agent, manager, product, office, sector, open_deal;
};

ExampleNames PickNames(const Dataset& data) {
  ExampleNames names;
  std::vector<int> deals_per_account(data.accounts.size(), 0);
  const auto& deals = data.opportunities;
  for (size_t d = 0; d < deals.size(); ++d) {
    if (deals.account[d] != kNoIndex) ++deals_per_account[deals.account[d]];
    if (names.open_deal.empty() && deals.deal_stage[d] == DealStage::kEngaging)
      names.open_deal = std::string(deals.id[d]);
  }
  if (!data.accounts.empty()) {
    const auto busiest = std::max_element(deals_per_account.begin(), deals_per_account.end());
    names.account = data.accounts[busiest - deals_per_account.begin()].name;
  }
  if (!data.sales_agents.empty()) names.agent = data.sales_agents.front().name;
  if (data.managers.size() > 0) names.manager = data.managers.Value(0);
  if (!data.products.empty()) names.product = data.products.front().name;
  if (data.regional_offices.size() > 0) names.office = data.regional_offices.Value(0);
  if (data.sectors.size() > 0) names.sector = data.sectors.Value(0);
  return names;
}

}  // namespace

std::string IntentDescription(const std::string& intent) {
  static const std::vector<std::pair<std::string, std::string>> descriptions = {
      {"account_summary", "a summary of one account: its deals, health and risk"},
      {"email_draft", "an email to an account or about a deal"},
      {"pipeline_overview", "the pipeline: stages, counts and open value"},
      {"top_opportunities", "the best open deals, ranked by expected value"},
      {"at_risk_deals", "open deals that are stalled or in danger"},
      {"at_risk_accounts", "accounts whose health is falling"},
      {"conversion_analysis", "win rates and conversion"},
      {"industry_trends", "revenue and performance by sector"},
      {"account_prioritization", "which accounts to focus on"},
      {"forecast", "the revenue forecast with its range"},
      {"agent_performance", "the sales agents' leaderboard"},
      {"opportunity_score", "the win probability of one deal and why"},
      {"search", "finding accounts or deals by description or similarity"},
      {"help", "what I can do"},
      {"unsupported", "something outside the CRM"}};
  for (const auto& [name, description] : descriptions) {
    if (name == intent) return description;
  }
  return intent;
}

Answer AnswerHelp(const Dataset& data) {
  const ExampleNames n = PickNames(data);
  std::vector<Capability> capabilities = {
      {"pipeline_overview", "How does the pipeline look?"},
      {"top_opportunities", "What are the top 5 deals?"},
      {"at_risk_deals",
       n.office.empty() ? "Which deals are at risk?" : "Which " + n.office + " deals are at risk?"},
      {"at_risk_accounts", "Which accounts are at risk of churning?"},
      {"conversion_analysis", "What is our win rate by product?"},
      {"industry_trends", "Which sectors are growing?"},
      {"account_prioritization", "Which accounts should we focus on?"},
      {"forecast", "What will we close next quarter?"},
      {"agent_performance",
       n.manager.empty() ? "Who are the best reps?" : "How is " + n.manager + "'s team doing?"},
      {"account_summary", n.account.empty() ? "Summarize an account" : "Tell me about " + n.account},
      {"opportunity_score", n.open_deal.empty() ? "What is the win probability of a deal?"
                                                : "Why is " + n.open_deal + " scored like that?"},
      {"email_draft", n.account.empty() ? "Draft a follow-up email"
                                        : "Draft a friendly follow-up to " + n.account +
                                              (n.product.empty() ? "" : " about " + n.product)},
      {"search", n.account.empty() ? "Find companies in the technology sector"
                                   : "Find accounts similar to " + n.account},
  };
  std::string text =
      "I answer questions about your CRM data, offline, from the figures in the data. Try:\n\n";
  nlohmann::json examples = nlohmann::json::array();
  for (const Capability& capability : capabilities) {
    text += "- **" + IntentDescription(capability.intent) + "**: \"" + EscapeMarkdown(capability.example) +
            "\"\n";
    examples.push_back({{"intent", capability.intent}, {"example", capability.example}});
  }
  text +=
      "\nAdd filters in your own words: a regional office, manager, agent, sector, product, country or "
      "period "
      "(\"in Q3 2017\", \"last quarter\"), and \"top 5\" or \"by sector\". In a thread, follow up with "
      "\"and for the West?\".";
  Answer answer;
  answer.intent = "help";
  answer.markdown = std::move(text);
  answer.data = {{"capabilities", std::move(examples)}};
  for (size_t i = 0; i < 3 && i < capabilities.size(); ++i)
    answer.suggestions.push_back(capabilities[i].example);
  return answer;
}

Answer AnswerUnsupported(const Dataset& data) {
  Answer answer;
  answer.intent = "unsupported";
  answer.markdown =
      "Sorry, I can only help with questions about your CRM data: the pipeline, deals, accounts, agents, "
      "forecasts and emails to your accounts. I cannot help with that request. Ask \"what can you do?\" "
      "to see examples.";
  answer.data = {{"reason", "outside what the assistant answers"}};
  answer.suggestions = AnswerHelp(data).suggestions;
  return answer;
}

Answer AnswerClarification(const std::vector<std::pair<std::string, double>>& ranked,
                           const Entities& entities) {
  Answer answer;
  answer.intent = ranked.empty() ? "help" : ranked.front().first;
  answer.entities = entities;
  answer.clarification = true;
  answer.confidence = ranked.empty() ? 0 : ranked.front().second;
  std::vector<std::string> options;
  nlohmann::json candidates = nlohmann::json::array();
  for (const auto& [intent, probability] : ranked) {
    if (intent == "unsupported" || options.size() == 2) continue;
    options.push_back(IntentDescription(intent));
    candidates.push_back({{"intent", intent}, {"probability", probability}});
  }
  answer.markdown = options.size() == 2
                        ? "I am not sure what you are asking. Do you want " + options[0] + ", or " +
                              options[1] + "? Please rephrase, or ask \"help\" for examples."
                        : "I am not sure what you are asking. Ask \"help\" for examples.";
  answer.data = {{"candidates", std::move(candidates)}};
  return answer;
}

Answer AskFor(const std::string& intent, const Entities& entities, const std::string& what,
              const std::string& example) {
  Answer answer;
  answer.intent = intent;
  answer.entities = entities;
  answer.clarification = true;
  answer.markdown = "Which " + what + " do you mean?" +
                    (example.empty() ? std::string() : " For example: \"" + EscapeMarkdown(example) + "\".");
  answer.data = {{"missing", what}};
  return answer;
}

}  // namespace crm::chat
