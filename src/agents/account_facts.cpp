#include "crm/agents/account_facts.h"

#include <algorithm>

#include "crm/agents/facts_text.h"
#include "crm/analytics/account_health.h"
#include "crm/models/tiers.h"

namespace crm::agents {

namespace {

using nlohmann::json;

json DictionaryValue(const StringDictionary& dictionary, int32_t code) {
  return code == kNoIndex ? json(nullptr) : json(std::string(dictionary.Value(code)));
}

json Profile(const AgentContext& context, int32_t row) {
  const Dataset& data = context.data();
  const Account& account = data.accounts[row];
  json subsidiaries = json::array();
  for (int32_t child : context.SubsidiariesOf(row)) subsidiaries.push_back(data.accounts[child].name);
  return {{"name", account.name},
          {"sector", DictionaryValue(data.sectors, account.sector)},
          {"office_location", DictionaryValue(data.countries, account.office_location)},
          {"year_established",
           account.year_established == kNoIndex ? json(nullptr) : json(account.year_established)},
          {"revenue_musd", HasValue(account.revenue) ? json(account.revenue) : json(nullptr)},
          {"employees", account.employees == kNoInteger ? json(nullptr) : json(account.employees)},
          {"parent", account.parent == kNoIndex ? json(nullptr) : json(data.accounts[account.parent].name)},
          {"subsidiaries", subsidiaries}};
}

//! The latest close date of the account's won deals, or null.
json LastWinDate(const AgentContext& context, int32_t row) {
  const OpportunityColumns& deals = context.data().opportunities;
  int32_t last = kNoDay;
  for (int32_t deal : context.DealsOf(row)) {
    if (deals.deal_stage[deal] == DealStage::kWon && deals.close_date[deal] != kNoDay)
      last = std::max(last, deals.close_date[deal]);
  }
  return last == kNoDay ? json(nullptr) : json(FormatIsoDate(last));
}

json Metrics(const AgentContext& context, int32_t row) {
  const std::string& name = context.data().accounts[row].name;
  const analytics::Table& totals = context.account_totals();
  json metrics = {{"deals", 0},          {"won_deals", 0},   {"lost_deals", 0},   {"open_deals", 0},
                  {"win_rate", nullptr}, {"won_value", 0.0}, {"open_value", 0.0}, {"expected_value", 0.0}};
  if (const auto* cells = RowNamed(totals, name)) {
    const json row_json = RowJson(totals, *cells);
    metrics = {{"deals", row_json["deals"]},           {"won_deals", row_json["won"]},
               {"lost_deals", row_json["lost"]},       {"open_deals", row_json["open"]},
               {"win_rate", row_json["win_rate"]},     {"won_value", row_json["won_value"]},
               {"open_value", row_json["open_value"]}, {"expected_value", row_json["expected_value"]}};
  }
  const double won = Number(metrics, "won_deals");
  metrics["average_won_deal"] = won > 0 ? json(Number(metrics, "won_value") / won) : json(nullptr);
  metrics["company_win_rate"] =
      HasValue(context.company_win_rate()) ? json(context.company_win_rate()) : json(nullptr);
  metrics["last_win_date"] = LastWinDate(context, row);
  return metrics;
}

json Health(const AgentContext& context, const std::string& name) {
  const analytics::Table* scores = context.health().FindTable("account_health");
  const analytics::Table* inputs = context.health().FindTable("health_inputs");
  const auto* row = scores ? RowNamed(*scores, name) : nullptr;
  if (!row) return nullptr;
  json health = {{"score", CellJson(CellIn(*scores, *row, "health_score"))},
                 {"band", CellJson(CellIn(*scores, *row, "band"))}};
  json components = json::object();
  for (int c = 0; c < analytics::kHealthComponentCount; ++c) {
    const std::string component(analytics::HealthComponentName(static_cast<analytics::HealthComponent>(c)));
    if (std::find(scores->columns.begin(), scores->columns.end(), component) != scores->columns.end())
      components[component] = CellJson(CellIn(*scores, *row, component));
  }
  health["components"] = components;
  const json risk = CellJson(CellIn(*scores, *row, "risk_probability_90_days"));
  if (!risk.is_null()) health["risk_probability_90_days"] = risk;
  if (const auto* input = inputs ? RowNamed(*inputs, name) : nullptr) {
    for (const char* column : {"days_since_last_win", "buying_rhythm_days", "recent_win_rate",
                               "earlier_win_rate", "pipeline_coverage_ratio"}) {
      health[column] = CellJson(CellIn(*inputs, *input, column));
    }
  }
  return health;
}

json ProductsBought(const AgentContext& context, int32_t row) {
  analytics::FilterRequest request;
  request.account = context.data().accounts[row].name;
  auto filter = analytics::ResolveFilters(context.data(), request, context.as_of());
  json products = json::array();
  if (!filter.ok()) return products;
  const analytics::Table table = context.engine().Breakdown(analytics::Dimension::kProduct, *filter);
  for (const auto& cells : table.rows) {
    const json line = RowJson(table, cells);
    if (Number(line, "won") <= 0) continue;
    products.push_back(
        {{"product", line["product"]}, {"won_deals", line["won"]}, {"won_value", line["won_value"]}});
  }
  std::stable_sort(products.begin(), products.end(), [](const json& a, const json& b) {
    return Number(a, "won_value") > Number(b, "won_value");
  });
  return products;
}

json Whitespace(const AgentContext& context, const std::string& name) {
  json gaps = json::array();
  const analytics::Table* table = context.prioritization().FindTable("whitespace");
  if (!table) return gaps;
  for (const auto& cells : table->rows) {
    if (gaps.size() >= kWhitespaceShown) break;
    const json line = RowJson(*table, cells);
    if (Text(line, "account") != name) continue;
    json gap = line;
    gap.erase("account");
    gaps.push_back(gap);
  }
  return gaps;
}

json OpenOpportunities(const AgentContext& context, int32_t row) {
  const Dataset& data = context.data();
  const OpportunityColumns& deals = data.opportunities;
  json open = json::array();
  for (int32_t deal : context.DealsOf(row)) {
    if (IsClosed(deals.deal_stage[deal])) continue;
    const int32_t agent = deals.sales_agent[deal];
    json line = {
        {"opportunity_id", std::string(deals.id[deal])},
        {"product", data.products[deals.product[deal]].name},
        {"stage", std::string(DealStageName(deals.deal_stage[deal]))},
        {"sales_agent", agent == kNoIndex ? json(nullptr) : json(data.sales_agents[agent].name)},
        {"engage_date",
         deals.engage_date[deal] == kNoDay ? json(nullptr) : json(FormatIsoDate(deals.engage_date[deal]))},
        {"days_open",
         deals.engage_date[deal] == kNoDay ? json(nullptr) : json(context.as_of() - deals.engage_date[deal])},
        {"list_price", HasValue(data.products[deals.product[deal]].sales_price)
                           ? json(data.products[deals.product[deal]].sales_price)
                           : json(nullptr)}};
    auto score = context.scorer().Score(deal);
    if (score.ok()) {
      line["probability"] = score->probability;
      line["tier"] = std::string(models::TierName(score->tier));
      line["model"] = score->model_version;
      json factors = json::array();
      for (const models::Factor& factor : score->factors) factors.push_back(factor.phrase);
      line["factors"] = factors;
    } else {
      line["probability"] = nullptr;
    }
    open.push_back(line);
  }
  std::stable_sort(open.begin(), open.end(), [](const json& a, const json& b) {
    const double pa = Number(a, "probability"), pb = Number(b, "probability");
    return (std::isnan(pb) && !std::isnan(pa)) || pa > pb;
  });
  return open;
}

json Strengths(const json& metrics, const json& health, const json& products) {
  json strengths = json::array();
  const double rate = Number(metrics, "win_rate"), company = Number(metrics, "company_win_rate");
  if (rate >= company + kRateMargin) {
    strengths.push_back({{"kind", "win_rate_above_company"},
                         {"win_rate", metrics["win_rate"]},
                         {"company_win_rate", metrics["company_win_rate"]}});
  }
  if (health.is_object()) {
    for (const auto& [component, value] : health["components"].items()) {
      if (value.is_number() && value.get<double>() >= kStrongComponent)
        strengths.push_back({{"kind", "strong_component"}, {"component", component}, {"score", value}});
    }
  }
  if (products.size() >= 2) {
    strengths.push_back({{"kind", "product_breadth"}, {"products", products.size()}});
  }
  return strengths;
}

json Risks(const AgentContext& context, const std::string& name, const json& metrics, const json& health) {
  json risks = json::array();
  if (const analytics::Table* table = context.risks().FindTable("at_risk_accounts")) {
    if (const auto* row = RowNamed(*table, name)) {
      const json verdict = RowJson(*table, *row);
      std::string evidence = Text(verdict, "evidence");
      size_t start = 0;
      while (start < evidence.size()) {
        const size_t end = std::min(evidence.find("; ", start), evidence.size());
        risks.push_back({{"kind", "at_risk_signal"}, {"evidence", evidence.substr(start, end - start)}});
        start = end + 2;
      }
    }
  }
  const double rate = Number(metrics, "win_rate"), company = Number(metrics, "company_win_rate");
  if (rate <= company - kRateMargin) {
    risks.push_back({{"kind", "win_rate_below_company"},
                     {"win_rate", metrics["win_rate"]},
                     {"company_win_rate", metrics["company_win_rate"]}});
  }
  if (health.is_object()) {
    for (const auto& [component, value] : health["components"].items()) {
      if (value.is_number() && value.get<double>() < kWeakComponent)
        risks.push_back({{"kind", "weak_component"}, {"component", component}, {"score", value}});
    }
    if (Number(health, "risk_probability_90_days") >= 0.5) {
      risks.push_back({{"kind", "risk_model"}, {"probability", health["risk_probability_90_days"]}});
    }
  }
  if (Number(metrics, "open_deals") == 0) risks.push_back({{"kind", "no_open_pipeline"}});
  return risks;
}

//! The parent and its subsidiaries with their totals added up, or null when the account has no family.
json Family(const AgentContext& context, int32_t row) {
  const Dataset& data = context.data();
  const int32_t head = data.accounts[row].parent != kNoIndex ? data.accounts[row].parent : row;
  if (context.SubsidiariesOf(head).empty()) return nullptr;
  std::vector<int32_t> members = {head};
  members.insert(members.end(), context.SubsidiariesOf(head).begin(), context.SubsidiariesOf(head).end());
  json names = json::array();
  double won_value = 0, open_value = 0;
  int64_t won = 0, lost = 0, open = 0;
  for (int32_t member : members) {
    names.push_back(data.accounts[member].name);
    const json metrics = Metrics(context, member);
    won_value += Number(metrics, "won_value");
    open_value += Number(metrics, "open_value");
    won += static_cast<int64_t>(Number(metrics, "won_deals"));
    lost += static_cast<int64_t>(Number(metrics, "lost_deals"));
    open += static_cast<int64_t>(Number(metrics, "open_deals"));
  }
  return {{"parent", data.accounts[head].name},
          {"members", names},
          {"accounts", members.size()},
          {"won_value", won_value},
          {"won_deals", won},
          {"lost_deals", lost},
          {"open_deals", open},
          {"open_value", open_value}};
}

}  // namespace

nlohmann::json AccountFacts(const AgentContext& context, int32_t account) {
  const std::string& name = context.data().accounts[account].name;
  json facts;
  facts["as_of"] = FormatIsoDate(context.as_of());
  facts["account"] = Profile(context, account);
  facts["metrics"] = Metrics(context, account);
  facts["health"] = Health(context, name);
  facts["products_bought"] = ProductsBought(context, account);
  facts["whitespace"] = Whitespace(context, name);
  const json open = OpenOpportunities(context, account);
  facts["open_opportunities"] =
      json(std::vector<json>(open.begin(), open.begin() + std::min(open.size(), kOpportunitiesShown)));
  facts["strengths"] = Strengths(facts["metrics"], facts["health"], facts["products_bought"]);
  facts["risks"] = Risks(context, name, facts["metrics"], facts["health"]);
  facts["family"] = Family(context, account);
  const int32_t main_agent = context.MainAgent(account);
  facts["account_owner"] =
      main_agent == kNoIndex ? json(nullptr) : json(context.data().sales_agents[main_agent].name);
  return facts;
}

}  // namespace crm::agents
