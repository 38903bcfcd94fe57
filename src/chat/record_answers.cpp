#include "crm/chat/record_answers.h"

#include <cmath>

#include "crm/analytics/fact_text.h"
#include "crm/chat/guide_answers.h"
#include "crm/chat/insight_answer.h"
#include "crm/chat/markdown.h"
#include "crm/common/date.h"
#include "crm/models/deal_scorer.h"

namespace crm::chat {

namespace {

//! The value of `key` in `entities`, or empty.
std::string EntityValue(const Entities& entities, const std::string& key) {
  const auto found = entities.find(key);
  return found == entities.end() ? std::string() : found->second;
}

//! A metric's text in an insight ("-" when missing).
std::string MetricText(const analytics::Insight& insight, const std::string& name, bool dollars = false) {
  const analytics::Cell* cell = insight.FindMetric(name);
  if (cell == nullptr || std::holds_alternative<std::nullptr_t>(*cell)) return "-";
  return dollars ? analytics::UsdText(analytics::CellNumber(*cell)) : analytics::FormatCell(*cell, name);
}

//! "technology, United States; founded 1996; revenue $1,100.0M; 2,822 employees", missing parts left out.
std::string ProfileLine(const Dataset& data, const Account& account) {
  std::string line;
  const auto add = [&line](const std::string& part) { line += (line.empty() ? "" : "; ") + part; };
  std::string where;
  if (account.sector != kNoIndex) where = data.sectors.Value(account.sector);
  if (account.office_location != kNoIndex)
    where += (where.empty() ? "" : ", ") + data.countries.Value(account.office_location);
  if (!where.empty()) add(where);
  if (account.year_established != kNoIndex) add("founded " + std::to_string(account.year_established));
  if (HasValue(account.revenue)) {
    add("revenue $" + analytics::GroupedText(account.revenue) + "M");
  }
  if (account.employees != kNoInteger)
    add(analytics::GroupedText(static_cast<double>(account.employees)) + " employees");
  return line;
}

nlohmann::json ProfileJson(const Dataset& data, int32_t row) {
  const Account& account = data.accounts[row];
  nlohmann::json subsidiaries = nlohmann::json::array();
  for (const Account& other : data.accounts) {
    if (other.parent == row) subsidiaries.push_back(other.name);
  }
  return {
      {"name", account.name},
      {"sector",
       account.sector == kNoIndex ? nlohmann::json() : nlohmann::json(data.sectors.Value(account.sector))},
      {"country", account.office_location == kNoIndex
                      ? nlohmann::json()
                      : nlohmann::json(data.countries.Value(account.office_location))},
      {"year_established",
       account.year_established == kNoIndex ? nlohmann::json() : nlohmann::json(account.year_established)},
      {"revenue_musd", HasValue(account.revenue) ? nlohmann::json(account.revenue) : nlohmann::json()},
      {"employees", account.employees == kNoInteger ? nlohmann::json() : nlohmann::json(account.employees)},
      {"subsidiary_of",
       account.subsidiary_of.empty() ? nlohmann::json() : nlohmann::json(account.subsidiary_of)},
      {"subsidiaries", std::move(subsidiaries)}};
}

//! The sales agent with the most deals on the account, or kNoIndex.
int32_t MainAgent(const Dataset& data, int32_t account) {
  std::vector<int> deals(data.sales_agents.size(), 0);
  for (size_t d = 0; d < data.opportunities.size(); ++d) {
    if (data.opportunities.account[d] == account) ++deals[data.opportunities.sales_agent[d]];
  }
  int32_t best = kNoIndex;
  for (size_t a = 0; a < deals.size(); ++a) {
    if (deals[a] > 0 && (best == kNoIndex || deals[a] > deals[best])) best = static_cast<int32_t>(a);
  }
  return best;
}

//! Appends an insight's sources to `sources`.
void AddSources(nlohmann::json& sources, const nlohmann::json& more) {
  for (const auto& source : more) sources.push_back(source);
}

}  // namespace

Answer AnswerAccountSummary(const AnswerContext& context, const Entities& entities) {
  const std::string name = EntityValue(entities, "account");
  const int32_t row = name.empty() ? kNoIndex : context.data.FindAccount(name);
  if (row == kNoIndex) {
    return AskFor("account_summary", entities, "account",
                  context.data.accounts.empty() ? "" : "tell me about " + context.data.accounts.front().name);
  }
  const Account& account = context.data.accounts[row];
  Entities account_only = entities;
  account_only.erase("top_n");
  Answer answer;
  answer.intent = "account_summary";
  answer.entities = entities;
  answer.data["account"] = ProfileJson(context.data, row);
  answer.sources.push_back({{"kind", "account"}, {"id", account.name}});
  std::string text =
      "### " + EscapeMarkdown(account.name) + "\n\n" + EscapeMarkdown(ProfileLine(context.data, account));
  if (!account.subsidiary_of.empty()) text += "; subsidiary of " + EscapeMarkdown(account.subsidiary_of);
  text += ".\n";

  auto deals = context.engine.Run("pipeline_overview", FiltersOf(account_only));
  Entities company = account_only;
  company.erase("account");
  auto company_deals = context.engine.Run("pipeline_overview", FiltersOf(company));
  if (deals.ok() && company_deals.ok()) {
    text += "\n**Deals.** " + MetricText(*deals, "won_deals") + " won for " +
            MetricText(*deals, "won_revenue", true) + ", " + MetricText(*deals, "lost_deals") +
            " lost: a win rate of " + MetricText(*deals, "win_rate") + " against the company's " +
            MetricText(*company_deals, "win_rate") + ". " + MetricText(*deals, "open_deals") +
            " open deals worth an estimated " + MetricText(*deals, "open_pipeline_value", true) + ".\n";
    answer.data["deals"] = analytics::InsightJson(*deals);
    AddSources(answer.sources, InsightSources(*deals, "", 0));
  }
  auto health = context.engine.Run("account_health", FiltersOf(account_only));
  if (health.ok()) {
    if (const analytics::Table* table = health->FindTable("account_health"); table && !table->rows.empty()) {
      text += "\n**Health.**\n\n" +
              MarkdownTable(*table,
                            {"health_score", "band", "recency", "frequency", "monetary", "win_trend",
                             "pipeline_coverage", "activity", "risk_probability_90_days"},
                            1);
    }
    answer.data["health"] = analytics::InsightJson(*health);
    AddSources(answer.sources, InsightSources(*health, "", 0));
  }
  Entities open = account_only;
  open["top_n"] = "5";
  auto top = context.engine.Run("top_opportunities", FiltersOf(open));
  if (top.ok()) {
    const analytics::Table* table = top->FindTable("top_opportunities");
    if (table != nullptr && !table->rows.empty()) {
      text += "\n**Open opportunities.**\n\n" +
              MarkdownTable(*table,
                            {"opportunity_id", "product", "sales_agent", "deal_stage", "days_open",
                             "win_probability", "expected_value"},
                            5);
    } else {
      text += "\nNo open opportunities.\n";
    }
    answer.data["open_opportunities"] = analytics::InsightJson(*top);
    AddSources(answer.sources, InsightSources(*top, "top_opportunities", 5));
  }
  answer.markdown = std::move(text);
  answer.suggestions = {"Draft a follow-up email to " + account.name,
                        "Find accounts similar to " + account.name};
  return answer;
}

Answer AnswerOpportunityScore(const AnswerContext& context, const Entities& entities) {
  const std::string id = EntityValue(entities, "opportunity_id");
  const int32_t deal = id.empty() ? kNoIndex : context.data.FindOpportunity(id);
  if (deal == kNoIndex) {
    std::string example;
    for (size_t d = 0; d < context.data.opportunities.size() && example.empty(); ++d) {
      if (context.data.opportunities.deal_stage[d] == DealStage::kEngaging)
        example = "what is the win probability of " + std::string(context.data.opportunities.id[d]);
    }
    return AskFor("opportunity_score", entities, "opportunity (its id)", example);
  }
  Answer answer;
  answer.intent = "opportunity_score";
  answer.entities = entities;
  answer.sources.push_back({{"kind", "opportunity"}, {"id", id}});
  const models::DealScorer scorer(context.data, context.models, context.engine.latest_day());
  auto score = scorer.Score(deal);
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
  return answer;
}

Answer AnswerEmailFacts(const AnswerContext& context, const Entities& entities) {
  const auto& data = context.data;
  const std::string id = EntityValue(entities, "opportunity_id");
  const int32_t deal = id.empty() ? kNoIndex : data.FindOpportunity(id);
  int32_t account = data.FindAccount(EntityValue(entities, "account"));
  if (account == kNoIndex && deal != kNoIndex) account = data.opportunities.account[deal];
  if (account == kNoIndex) {
    return AskFor("email_draft", entities, "account",
                  data.accounts.empty() ? "" : "draft a follow-up to " + data.accounts.front().name);
  }
  const int32_t agent = deal != kNoIndex ? data.opportunities.sales_agent[deal] : MainAgent(data, account);
  Answer answer;
  answer.intent = "email_draft";
  answer.entities = entities;
  const Account& to = data.accounts[account];
  std::string text = "The email writer is not part of this version yet. An email to **" +
                     EscapeMarkdown(to.name) + "** would rest on these facts:\n\n- " +
                     EscapeMarkdown(ProfileLine(data, to)) + "\n";
  if (deal != kNoIndex) {
    const auto& deals = data.opportunities;
    text += "- deal " + EscapeMarkdown(id) + ": " + EscapeMarkdown(data.products[deals.product[deal]].name) +
            ", " + std::string(DealStageName(deals.deal_stage[deal]));
    if (deals.engage_date[deal] != kNoDay) text += ", engaged " + FormatIsoDate(deals.engage_date[deal]);
    text += "\n";
  } else if (const std::string product = EntityValue(entities, "product"); !product.empty()) {
    const int32_t row = data.FindProduct(product);
    if (row != kNoIndex) {
      text += "- product " + EscapeMarkdown(product) + ", list price " +
              analytics::UsdText(data.products[row].sales_price) + "\n";
    }
  }
  if (agent != kNoIndex) {
    const SalesAgent& sender = data.sales_agents[agent];
    text += "- sender " + EscapeMarkdown(sender.name) + " (manager " +
            EscapeMarkdown(data.managers.Value(sender.manager)) + ", " +
            EscapeMarkdown(data.regional_offices.Value(sender.regional_office)) + " office)\n";
  }
  answer.markdown = std::move(text);
  answer.data = {
      {"account", ProfileJson(data, account)},
      {"email_type", EntityValue(entities, "email_type")},
      {"tone", EntityValue(entities, "tone")},
      {"sender", agent == kNoIndex ? nlohmann::json() : nlohmann::json(data.sales_agents[agent].name)}};
  answer.sources.push_back({{"kind", "account"}, {"id", to.name}});
  if (deal != kNoIndex) answer.sources.push_back({{"kind", "opportunity"}, {"id", id}});
  return answer;
}

}  // namespace crm::chat
