#include "crm/analytics/query_context.h"

#include <algorithm>

namespace crm::analytics {

std::vector<int32_t> SelectDeals(const Dataset& data, const PipelineSnapshot& snapshot, const DealFilter& filter) {
  // Fold the filters on agents, products and accounts into one lookup each.
  std::vector<uint8_t> agent_ok(data.sales_agents.size());
  for (size_t a = 0; a < agent_ok.size(); ++a) {
    const SalesAgent& agent = data.sales_agents[a];
    agent_ok[a] = (filter.sales_agent == kNoIndex || filter.sales_agent == static_cast<int32_t>(a)) &&
                  (filter.manager == kNoIndex || filter.manager == agent.manager) &&
                  (filter.regional_office == kNoIndex || filter.regional_office == agent.regional_office);
  }
  std::vector<uint8_t> product_ok(data.products.size());
  for (size_t p = 0; p < product_ok.size(); ++p) {
    product_ok[p] = (filter.product == kNoIndex || filter.product == static_cast<int32_t>(p)) &&
                    (filter.series == kNoIndex || filter.series == data.products[p].series);
  }
  std::vector<uint8_t> account_ok(data.accounts.size() + 1);
  account_ok[0] = !filter.FiltersAccounts();
  for (size_t a = 0; a < data.accounts.size(); ++a) {
    const Account& account = data.accounts[a];
    account_ok[a + 1] = (filter.account == kNoIndex || filter.account == static_cast<int32_t>(a)) &&
                        (filter.sector == kNoIndex || filter.sector == account.sector) &&
                        (filter.country == kNoIndex || filter.country == account.office_location);
  }
  const OpportunityColumns& deals = data.opportunities;
  std::vector<int32_t> rows;
  rows.reserve(deals.size());
  for (size_t i = 0; i < deals.size(); ++i) {
    const auto row = static_cast<int32_t>(i);
    if (!agent_ok[deals.sales_agent[i]] || !product_ok[deals.product[i]] || !account_ok[deals.account[i] + 1]) continue;
    if (!snapshot.Visible(row)) continue;
    if (filter.deal_stage && snapshot.Stage(row) != *filter.deal_stage) continue;
    if (filter.period) {
      const int32_t day = snapshot.ReferenceDay(row);
      if (day == kNoDay || !filter.period->Contains(day)) continue;
    }
    rows.push_back(row);
  }
  return rows;
}

QueryContext::QueryContext(const Dataset& data_in, const Calendar& calendar_in, DealFilter filter_in,
                           int32_t latest_day)
    : data(data_in),
      calendar(calendar_in),
      filter(std::move(filter_in)),
      snapshot(data_in, filter.as_of, latest_day),
      estimates(data_in, snapshot),
      rows(SelectDeals(data_in, snapshot, filter)) {}

bool QueryContext::AccountSelected(int32_t account) const {
  if (account == kNoIndex) return !filter.FiltersAccounts();
  const Account& row = data.accounts[account];
  return (filter.account == kNoIndex || filter.account == account) &&
         (filter.sector == kNoIndex || filter.sector == row.sector) &&
         (filter.country == kNoIndex || filter.country == row.office_location);
}

std::vector<int32_t> QueryContext::SelectedAccounts() const {
  std::vector<uint8_t> seen(data.accounts.size(), 0);
  for (int32_t row : rows) {
    const int32_t account = data.opportunities.account[row];
    if (account != kNoIndex) seen[account] = 1;
  }
  std::vector<int32_t> accounts;
  for (size_t a = 0; a < seen.size(); ++a) {
    if (seen[a]) accounts.push_back(static_cast<int32_t>(a));
  }
  return accounts;
}

ActivityFacts CollectActivityFacts(const Dataset& data, int32_t as_of) {
  ActivityFacts facts;
  const ActivityColumns& activities = data.activities;
  facts.present = activities.size() > 0;
  facts.last_by_deal.assign(data.opportunities.size(), kNoDay);
  facts.count_by_deal.assign(data.opportunities.size(), 0);
  facts.last_by_account.assign(data.accounts.size(), kNoDay);
  facts.count_by_account.assign(data.accounts.size(), 0);
  for (size_t i = 0; i < activities.size(); ++i) {
    const int32_t day = activities.date[i];
    if (day > as_of) continue;
    if (const int32_t deal = activities.opportunity[i]; deal != kNoIndex) {
      facts.last_by_deal[deal] = std::max(facts.last_by_deal[deal], day);
      ++facts.count_by_deal[deal];
    }
    if (const int32_t account = activities.account[i]; account != kNoIndex) {
      facts.last_by_account[account] = std::max(facts.last_by_account[account], day);
      ++facts.count_by_account[account];
    }
  }
  return facts;
}

}  // namespace crm::analytics
