#include "crm/analytics/query_context.h"

#include <algorithm>

namespace crm::analytics {

std::vector<int32_t> SelectDeals(const Dataset& data, const PipelineSnapshot& snapshot,
                                 const DealFilter& filter) {
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
  for (size_t a = 0; a < account_ok.size(); ++a) {
    account_ok[a] = filter.PassesAccount(data, static_cast<int32_t>(a) - 1);  // slot 0: no account
  }
  const OpportunityColumns& deals = data.opportunities;
  const int32_t* agents = deals.sales_agent.data();
  const int32_t* products = deals.product.data();
  const int32_t* accounts = deals.account.data();
  // Every row is written and the count moves on only for those kept: no branch the data decides, since a
  // filter keeps an unpredictable mix of rows. The filter's own conditions are the same for every row.
  std::vector<int32_t> rows(deals.size());
  size_t kept = 0;
  for (size_t i = 0; i < deals.size(); ++i) {
    const auto row = static_cast<int32_t>(i);
    bool keep = (agent_ok[agents[i]] & product_ok[products[i]] & account_ok[accounts[i] + 1]) != 0;
    keep &= snapshot.Visible(row);
    if (filter.deal_stage) keep &= snapshot.Stage(row) == *filter.deal_stage;
    if (filter.period) {
      const int32_t day = snapshot.ReferenceDay(row);
      keep &= day != kNoDay && filter.period->Contains(day);
    }
    rows[kept] = row;
    kept += keep ? 1 : 0;
  }
  rows.resize(kept);
  return rows;
}

bool NarrowsDeals(const DealFilter& filter) {
  return filter.sector != kNoIndex || filter.regional_office != kNoIndex || filter.manager != kNoIndex ||
         filter.sales_agent != kNoIndex || filter.product != kNoIndex || filter.series != kNoIndex ||
         filter.country != kNoIndex || filter.account != kNoIndex || filter.deal_stage || filter.period;
}

QueryContext::QueryContext(const Dataset& data_in, const Calendar& calendar_in, DealFilter filter_in,
                           std::shared_ptr<const AsOfState> state_in, const AsOfStateCache* states)
    : QueryContext(data_in, calendar_in, std::move(filter_in), *state_in, state_in, states) {}

QueryContext::QueryContext(const Dataset& data_in, const Calendar& calendar_in, DealFilter filter_in,
                           const AsOfState& state_in)
    : QueryContext(data_in, calendar_in, std::move(filter_in), state_in, nullptr, nullptr) {}

QueryContext::QueryContext(const Dataset& data_in, const Calendar& calendar_in, DealFilter filter_in,
                           int32_t latest_day)
    : QueryContext(data_in, calendar_in, filter_in,
                   std::make_shared<const AsOfState>(data_in, calendar_in, filter_in.as_of, latest_day)) {}

QueryContext::QueryContext(const Dataset& data_in, const Calendar& calendar_in, DealFilter filter_in,
                           const AsOfState& state_in, std::shared_ptr<const AsOfState> held,
                           const AsOfStateCache* states)
    : data(data_in),
      calendar(calendar_in),
      filter(std::move(filter_in)),
      held_state_(std::move(held)),
      states_(states),
      selected_(NarrowsDeals(filter) ? SelectDeals(data_in, state_in.snapshot, filter)
                                     : std::vector<int32_t>()),
      state(state_in),
      snapshot(state_in.snapshot),
      estimates(state_in.estimates),
      rows(NarrowsDeals(filter) ? std::span<const int32_t>(selected_)
                                : std::span<const int32_t>(state_in.visible_rows)) {}

std::shared_ptr<const AsOfState> QueryContext::StateAt(int32_t as_of) const {
  if (states_) return states_->At(as_of);
  return std::make_shared<const AsOfState>(data, calendar, as_of, data.LatestDate());
}

bool QueryContext::AccountSelected(int32_t account) const { return filter.PassesAccount(data, account); }

}  // namespace crm::analytics
