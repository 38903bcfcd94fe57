#include "crm/export/account_report.h"

#include <algorithm>
#include <sstream>

#include "crm/agents/account_summary.h"
#include "crm/agents/facts_text.h"
#include "crm/analytics/filters.h"
#include "crm/analytics/table_views.h"
#include "crm/common/date.h"

namespace crm::exports {

namespace {

using agents::Has;
using agents::Text;
using nlohmann::json;

//! Shown for a figure the data does not have.
constexpr const char* kMissing = "—";

//! The lines of an offline section as plain text: "- " and "**" removed, empty lines dropped.
std::vector<std::string> PlainLines(const agents::Sections& sections, const std::string& id) {
  std::vector<std::string> lines;
  for (const auto& [section, text] : sections) {
    if (section != id) continue;
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line)) {
      if (line.rfind("- ", 0) == 0) line.erase(0, 2);
      for (size_t bold = line.find("**"); bold != std::string::npos; bold = line.find("**"))
        line.erase(bold, 2);
      if (!line.empty()) lines.push_back(line);
    }
  }
  return lines;
}

//! A figure, or kMissing when the facts do not have it.
std::string Figure(const json& facts, const char* key, std::string (*format)(const json&, std::string_view)) {
  return Has(facts, key) ? format(facts, key) : kMissing;
}

std::string PlainText(const json& facts, std::string_view key) { return Text(facts, key); }

std::string DateText(const json& facts, std::string_view key) { return agents::LongDate(Text(facts, key)); }

KeyFigures AccountFigures(const json& facts) {
  const json& account = facts["account"];
  const json& metrics = facts["metrics"];
  std::string win_rate = Figure(metrics, "win_rate", agents::Percent);
  if (Has(metrics, "win_rate") && Has(metrics, "company_win_rate"))
    win_rate += " (company " + agents::Percent(metrics, "company_win_rate") + ")";
  return {{{"Priority", Figure(facts["priority"], "level", PlainText)},
           {"Account owner", Has(facts, "account_owner") ? Text(facts, "account_owner") : kMissing},
           {"Sector", Figure(account, "sector", PlainText)},
           {"Office location", Figure(account, "office_location", PlainText)},
           {"Employees", Figure(account, "employees", agents::Whole)},
           {"Revenue (million USD)", Figure(account, "revenue_musd", agents::Whole)},
           {"Won revenue", Figure(metrics, "won_value", agents::Usd)},
           {"Average won deal", Figure(metrics, "average_won_deal", agents::Usd)},
           {"Deals won / lost",
            agents::Whole(metrics, "won_deals") + " / " + agents::Whole(metrics, "lost_deals")},
           {"Win rate", win_rate},
           {"Last win", Figure(metrics, "last_win_date", DateText)},
           {"Open deals", agents::Whole(metrics, "open_deals")},
           {"Open pipeline (estimated)", Figure(metrics, "open_value", agents::Usd)},
           {"Expected value", Figure(metrics, "expected_value", agents::Usd)}}};
}

//! The health score and the chart of its components; nothing when the account has no score.
void AddHealth(Report& report, const json& health) {
  if (!health.is_object()) return;
  report.blocks.push_back(Heading{"Health"});
  KeyFigures figures{{{"Health score", Has(health, "score") ? agents::Whole(health, "score") + " / 100 (" +
                                                                  Text(health, "band") + ")"
                                                            : kMissing}}};
  if (Has(health, "risk_probability_90_days"))
    figures.items.emplace_back("Risk in the next 90 days",
                               agents::Percent(health, "risk_probability_90_days"));
  report.blocks.push_back(std::move(figures));
  analytics::ChartSpec chart{
      "health_components", "bar", "Health components (0-100)", "score", "component", "score", {}, {}};
  analytics::ChartSeries series{"score", {}, {}, {}};
  for (const auto& [component, score] : health["components"].items()) {
    std::string label = component;
    for (char& c : label) c = c == '_' ? ' ' : c;
    chart.labels.push_back(label);
    series.values.push_back(agents::Number(health["components"], component));
  }
  chart.series.push_back(std::move(series));
  report.blocks.push_back(std::move(chart));
}

//! Deals by stage and won revenue by quarter, from the engine's totals over the account's deals.
void AddDealCharts(Report& report, const agents::AgentContext& context, const std::string& account) {
  analytics::FilterRequest request;
  request.account = account;
  auto filter = analytics::ResolveFilters(context.data(), request, context.as_of());
  if (!filter.ok()) return;
  const analytics::Engine& engine = context.engine();
  report.blocks.push_back(analytics::ColumnChart(engine.Breakdown(analytics::Dimension::kDealStage, *filter),
                                                 "deals", "deals_by_stage", "bar", "Deals by stage",
                                                 "count"));
  analytics::Table quarters = engine.Breakdown(analytics::Dimension::kQuarter, *filter);
  // Deals without a date (prospects) have no quarter.
  std::erase_if(quarters.rows, [](const std::vector<analytics::Cell>& cells) {
    const auto* label = std::get_if<std::string>(&cells.front());
    return !label || label->size() != 7 || label->compare(4, 2, "-Q") != 0;
  });
  report.blocks.push_back(analytics::ColumnChart(quarters, "won_value", "won_by_quarter", "bar",
                                                 "Won revenue by quarter (USD)", "USD"));
}

//! The open opportunities of the facts with their scores and first reasons.
TableBlock OpenDeals(const json& opportunities) {
  TableBlock table{"open_opportunities",
                   {"opportunity", "product", "stage", "sales agent", "days open", "win probability", "tier",
                    "top reasons"},
                   {}};
  const auto cell = [](const json& value) -> analytics::Cell {
    if (value.is_number_integer()) return value.get<int64_t>();
    if (value.is_number()) return value.get<double>();
    if (value.is_string()) return value.get<std::string>();
    return nullptr;
  };
  for (const json& deal : opportunities) {
    std::string reasons;
    if (deal.contains("factors")) {
      for (size_t i = 0; i < std::min<size_t>(deal["factors"].size(), 2); ++i)
        reasons += (reasons.empty() ? "" : "; ") + deal["factors"][i].get<std::string>();
    }
    table.rows.push_back({cell(deal.value("opportunity_id", json())), cell(deal.value("product", json())),
                          cell(deal.value("stage", json())), cell(deal.value("sales_agent", json())),
                          cell(deal.value("days_open", json())), cell(deal.value("probability", json())),
                          cell(deal.value("tier", json())), reasons.empty() ? analytics::Cell() : reasons});
  }
  // Reasons come from a trained model: without one, the column goes.
  const bool no_reasons = std::all_of(table.rows.begin(), table.rows.end(), [](const auto& cells) {
    return std::holds_alternative<std::nullptr_t>(cells.back());
  });
  if (no_reasons) {
    table.columns.pop_back();
    for (auto& cells : table.rows) cells.pop_back();
  }
  return table;
}

//! Every deal of the account, in the data's order.
TableBlock AllDeals(const agents::AgentContext& context, int32_t row) {
  const Dataset& data = context.data();
  const OpportunityColumns& deals = data.opportunities;
  TableBlock table{
      "deals",
      {"opportunity", "product", "stage", "sales agent", "engage date", "close date", "close value"},
      {}};
  const auto day = [](int32_t value) -> analytics::Cell {
    return value == kNoDay ? analytics::Cell() : analytics::Cell(FormatIsoDate(value));
  };
  for (const int32_t deal : context.DealsOf(row)) {
    const int32_t agent = deals.sales_agent[deal];
    table.rows.push_back(
        {std::string(deals.id[deal]), data.products[deals.product[deal]].name,
         std::string(DealStageName(deals.deal_stage[deal])),
         agent == kNoIndex ? analytics::Cell() : analytics::Cell(data.sales_agents[agent].name),
         day(deals.engage_date[deal]), day(deals.close_date[deal]),
         analytics::Number(deals.close_value[deal])});
  }
  return table;
}

}  // namespace

Report AccountReport(const agents::AgentContext& context, int32_t row) {
  const agents::AccountSummary summary = agents::SummarizeAccount(context, row, llm::OfflineWriter());
  const json& facts = summary.facts;
  Report report{summary.account, "Account report as of " + agents::LongDate(Text(facts, "as_of")), {}};
  for (const std::string& line : PlainLines(summary.sections, "executive_summary"))
    report.blocks.push_back(Paragraph{line});
  report.blocks.push_back(Heading{"Key figures"});
  report.blocks.push_back(AccountFigures(facts));
  AddHealth(report, facts["health"]);
  report.blocks.push_back(Heading{"Deals"});
  AddDealCharts(report, context, summary.account);
  const size_t open = static_cast<size_t>(agents::Number(facts["metrics"], "open_deals"));
  report.blocks.push_back(
      Heading{"Open opportunities" + (open > facts["open_opportunities"].size()
                                          ? " (the " + std::to_string(facts["open_opportunities"].size()) +
                                                " most likely of " + std::to_string(open) + ")"
                                          : std::string())});
  if (facts["open_opportunities"].empty()) {
    report.blocks.push_back(Paragraph{"Nothing is open."});
  } else {
    report.blocks.push_back(OpenDeals(facts["open_opportunities"]));
  }
  report.blocks.push_back(Heading{"Risks"});
  report.blocks.push_back(Bullets{PlainLines(summary.sections, "risks")});
  report.blocks.push_back(Heading{"Next best actions"});
  report.blocks.push_back(Bullets{PlainLines(summary.sections, "next_best_actions")});
  report.blocks.push_back(Heading{"All deals (" + std::to_string(context.DealsOf(row).size()) + ")"});
  report.blocks.push_back(AllDeals(context, row));
  return report;
}

}  // namespace crm::exports
