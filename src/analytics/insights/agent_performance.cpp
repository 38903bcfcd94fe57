// agent_performance: a leaderboard of sales agents and the same figures rolled up per manager and office.
#include <algorithm>

#include "crm/analytics/day_histogram.h"
#include "insight_parts.h"
#include "insights.h"
#include "win_rates.h"

namespace crm::analytics {

namespace {

//! The figures of one agent, or of a team of agents.
struct Performer {
  std::vector<Cell> names;  //!< the row's leading cells: who this is
  int64_t agents = 0;
  GroupTotals totals;
  DayHistogram cycle_days;  //!< engage-to-close days of won deals
};

//! The name of a code, missing for kNoIndex.
Cell NameCell(const StringDictionary& names, int32_t code) {
  return code == kNoIndex ? Cell(nullptr) : Cell(names.Value(code));
}

//! Per agent row (the missing-agent key dropped): totals of the selected deals and cycle days of the won
//! ones.
std::vector<Performer> CollectAgents(const QueryContext& query) {
  const Grouping grouping = query.GroupBy(Dimension::kSalesAgent);
  const std::vector<GroupTotals> totals = Tally(query, grouping);
  std::vector<Performer> agents(query.data.sales_agents.size());
  for (size_t a = 0; a < agents.size(); ++a) {
    const SalesAgent& agent = query.data.sales_agents[a];
    agents[a].names = {agent.name, NameCell(query.data.managers, agent.manager),
                       NameCell(query.data.regional_offices, agent.regional_office)};
    agents[a].agents = 1;
    agents[a].totals = totals[a];
  }
  const OpportunityColumns& deals = query.data.opportunities;
  for (int32_t row : query.rows) {
    if (query.snapshot.Stage(row) != DealStage::kWon || deals.engage_date[row] == kNoDay) continue;
    agents[static_cast<size_t>(deals.sales_agent[row])].cycle_days.Add(query.snapshot.CloseDate(row) -
                                                                       deals.engage_date[row]);
  }
  return agents;
}

//! The agents with at least one selected deal rolled up by a code of the agent (manager or office).
std::vector<Performer> RollUp(const std::vector<Performer>& agents, const std::vector<SalesAgent>& rows,
                              const StringDictionary& names, int32_t SalesAgent::*code) {
  std::vector<Performer> teams(names.size());
  for (size_t t = 0; t < teams.size(); ++t) teams[t].names = {names.Value(static_cast<int32_t>(t))};
  for (size_t a = 0; a < agents.size(); ++a) {
    const int32_t team = rows[a].*code;
    if (agents[a].totals.total() == 0 || team == kNoIndex) continue;
    Performer& into = teams[static_cast<size_t>(team)];
    ++into.agents;
    into.totals += agents[a].totals;
    into.cycle_days.Add(agents[a].cycle_days);
  }
  return teams;
}

//! The performers with a selected deal, highest won revenue first (ties: more deals won, then data order).
std::vector<const Performer*> Rank(const std::vector<Performer>& performers) {
  std::vector<const Performer*> ranked;
  for (const Performer& performer : performers) {
    if (performer.totals.total() > 0) ranked.push_back(&performer);
  }
  std::stable_sort(ranked.begin(), ranked.end(), [](const Performer* a, const Performer* b) {
    if (a->totals.won_value != b->totals.won_value) return a->totals.won_value > b->totals.won_value;
    return a->totals.count(DealStage::kWon) > b->totals.count(DealStage::kWon);
  });
  return ranked;
}

//! A table of the first `top` ranked performers; `leading` names the columns of Performer::names.
Table PerformanceTable(std::string name, std::vector<std::string> leading,
                       const std::vector<const Performer*>& ranked, size_t top, bool with_agents) {
  Table table{std::move(name), std::move(leading), {}};
  if (with_agents) table.columns.emplace_back("agents");
  for (const char* column : {"won_revenue", "won_deals", "lost_deals"}) table.columns.emplace_back(column);
  table.columns.insert(table.columns.end(), WinRateColumns().begin(), WinRateColumns().end());
  for (const char* column :
       {"average_won_deal", "median_cycle_days", "open_deals", "open_pipeline_value", "expected_value"}) {
    table.columns.emplace_back(column);
  }
  for (size_t i = 0; i < ranked.size() && i < top; ++i) {
    const Performer& performer = *ranked[i];
    const GroupTotals& totals = performer.totals;
    const int64_t won = totals.count(DealStage::kWon);
    std::vector<Cell> row = performer.names;
    if (with_agents) row.emplace_back(performer.agents);
    row.insert(row.end(), {totals.won_value, won, totals.count(DealStage::kLost)});
    AppendWinRate(row, WinsOf(totals));
    row.insert(row.end(), {Number(Ratio(totals.won_value, static_cast<double>(won))),
                           Number(performer.cycle_days.Quantile(0.5)), totals.open(), totals.open_value,
                           totals.expected_value});
    table.rows.push_back(std::move(row));
  }
  return table;
}

//! Team metrics: agents, won revenue, team win rate, top agent, and the spread of the agents' win rates.
void TeamMetrics(Insight& insight, const std::vector<const Performer*>& ranked) {
  GroupTotals team;
  std::vector<std::string> labels;
  std::vector<WinCount> wins;
  for (const Performer* agent : ranked) {
    team += agent->totals;
    labels.push_back(std::get<std::string>(agent->names.front()));
    wins.push_back(WinsOf(agent->totals));
  }
  insight.Metric("agents", static_cast<int64_t>(ranked.size()));
  insight.Metric("won_revenue", team.won_value);
  WinRateMetrics(insight, "team_win_rate", WinsOf(team));
  insight.Metric("top_agent", ranked.empty() ? Cell(nullptr) : Cell(labels.front()));
  insight.Metric("top_agent_won_revenue",
                 ranked.empty() ? Cell(nullptr) : Cell(ranked.front()->totals.won_value));
  insight.Metric("open_pipeline_value", team.open_value);
  WinRateSpread(insight, "agent", labels, wins);
}

}  // namespace

Insight AgentPerformance(const QueryContext& query) {
  Insight insight;
  const std::vector<Performer> agents = CollectAgents(query);
  const std::vector<Performer> managers =
      RollUp(agents, query.data.sales_agents, query.data.managers, &SalesAgent::manager);
  const std::vector<Performer> offices =
      RollUp(agents, query.data.sales_agents, query.data.regional_offices, &SalesAgent::regional_office);
  const std::vector<const Performer*> ranked = Rank(agents);
  TeamMetrics(insight, ranked);

  insight.tables.push_back(PerformanceTable("leaderboard", {"sales_agent", "manager", "regional_office"},
                                            ranked, TopN(query, ranked.size()), false));
  const std::vector<const Performer*> ranked_managers = Rank(managers);
  const std::vector<const Performer*> ranked_offices = Rank(offices);
  insight.tables.push_back(
      PerformanceTable("by_manager", {"manager"}, ranked_managers, ranked_managers.size(), true));
  insight.tables.push_back(PerformanceTable("by_regional_office", {"regional_office"}, ranked_offices,
                                            ranked_offices.size(), true));
  insight.charts.push_back(ColumnChart(insight.tables[0], "won_revenue", "won_revenue_by_agent",
                                       "horizontal_bar", "Won revenue by agent", "USD"));
  insight.charts.push_back(
      WinRateChart(insight.tables[0], "win_rate_by_agent", "bar", "Win rate by agent (95% interval)"));

  insight.Define("leaderboard",
                 "agents with at least one selected deal, highest won revenue first (ties: more "
                 "deals won); --top N keeps the first N. Roll-ups cover every agent with a selected deal.");
  DefineWinRate(insight);
  insight.Define("team_win_rate", "won / (won + lost) over all selected deals");
  insight.Define("average_won_deal", "won revenue / won deals");
  insight.Define("median_cycle_days", "median days from engage date to close date of the won deals");
  insight.Define("open_pipeline_value",
                 "sum of the estimated values of open (Prospecting and Engaging) deals");
  insight.Define("expected_value", "sum over open deals of estimated value x win probability");
  insight.notes.push_back("Agents without a selected deal are not listed.");
  insight.notes.push_back(query.estimates.Method());
  return insight;
}

}  // namespace crm::analytics
