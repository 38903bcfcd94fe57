#include "crm/access/scope.h"

#include <vector>

namespace crm::access {

namespace {

//! Old row → new row for the rows kept (kNoIndex for the others), from a keep mask.
std::vector<int32_t> Renumber(const std::vector<bool>& keep) {
  std::vector<int32_t> renumbered(keep.size(), kNoIndex);
  int32_t next = 0;
  for (size_t row = 0; row < keep.size(); ++row) {
    if (keep[row]) renumbered[row] = next++;
  }
  return renumbered;
}

//! The rows of `keep` that are false, ascending (what EraseRows takes).
std::vector<int32_t> Dropped(const std::vector<bool>& keep) {
  std::vector<int32_t> rows;
  for (size_t row = 0; row < keep.size(); ++row) {
    if (!keep[row]) rows.push_back(static_cast<int32_t>(row));
  }
  return rows;
}

//! Rewrites references through `renumbered`, leaving kNoIndex as it is.
template <typename Row>
void Remap(std::vector<Row>& references, const std::vector<int32_t>& renumbered) {
  for (Row& reference : references) {
    if (reference != kNoNarrow<Row>) reference = static_cast<Row>(renumbered[reference]);  // rows only shrink
  }
}

//! The elements of `rows` whose keep flag is set, in order.
template <typename T>
std::vector<T> Kept(const std::vector<T>& rows, const std::vector<bool>& keep) {
  std::vector<T> kept;
  for (size_t row = 0; row < rows.size(); ++row) {
    if (keep[row]) kept.push_back(rows[row]);
  }
  return kept;
}

//! Which sales agents `scope` covers; an Error when it names nobody in the data.
Result<std::vector<bool>> AgentsInScope(const Dataset& data, const Scope& scope) {
  std::vector<bool> agents(data.sales_agents.size(), scope.all());
  if (scope.kind == Scope::Kind::kAgent) {
    const int32_t agent = data.FindSalesAgent(scope.name);
    if (agent == kNoIndex) return Error{"no sales agent named '" + scope.name + "' in the data"};
    agents[agent] = true;
  } else if (scope.kind == Scope::Kind::kTeam) {
    const int32_t manager = data.managers.Find(scope.name);
    if (manager == kNoIndex) return Error{"no manager named '" + scope.name + "' in the data"};
    for (size_t row = 0; row < data.sales_agents.size(); ++row) {
      agents[row] = data.sales_agents[row].manager == manager;
    }
  }
  return agents;
}

}  // namespace

std::string Scope::Key() const {
  switch (kind) {
    case Kind::kTeam:
      return "team:" + name;
    case Kind::kAgent:
      return "agent:" + name;
    case Kind::kAll:
      break;
  }
  return "all";
}

Result<Dataset> ScopeDataset(const Dataset& data, const Scope& scope) {
  auto agents = AgentsInScope(data, scope);
  if (!agents.ok()) return agents.error();
  Dataset part = data;
  part.latest_date_floor = data.LatestDate();
  if (scope.all()) return part;

  OpportunityColumns& deals = part.opportunities;
  ActivityColumns& activities = part.activities;
  std::vector<bool> keep_deal(deals.size());
  for (size_t row = 0; row < deals.size(); ++row) keep_deal[row] = (*agents)[deals.sales_agent[row]];
  std::vector<bool> keep_activity(activities.size());
  for (size_t row = 0; row < activities.size(); ++row) {
    const int32_t deal = activities.opportunity[row];
    keep_activity[row] = (*agents)[activities.sales_agent[row]] && (deal == kNoIndex || keep_deal[deal]);
  }
  std::vector<bool> keep_account(part.accounts.size(), false);
  for (size_t row = 0; row < deals.size(); ++row) {
    if (keep_deal[row] && deals.account[row] != kNoIndex) keep_account[deals.account[row]] = true;
  }
  for (size_t row = 0; row < activities.size(); ++row) {
    if (keep_activity[row] && activities.account[row] != kNoIndex)
      keep_account[activities.account[row]] = true;
  }

  const std::vector<int32_t> deal_rows = Renumber(keep_deal);
  const std::vector<int32_t> account_rows = Renumber(keep_account);
  const std::vector<int32_t> agent_rows = Renumber(*agents);
  deals.EraseRows(Dropped(keep_deal));
  activities.EraseRows(Dropped(keep_activity));
  Remap(deals.account, account_rows);
  Remap(deals.sales_agent, agent_rows);
  Remap(activities.account, account_rows);
  Remap(activities.sales_agent, agent_rows);
  Remap(activities.opportunity, deal_rows);
  part.accounts = Kept(part.accounts, keep_account);
  part.sales_agents = Kept(part.sales_agents, *agents);
  part.BuildIndexes();
  return part;
}

}  // namespace crm::access
