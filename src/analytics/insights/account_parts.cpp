#include "account_parts.h"

#include <cmath>
#include <cstdio>
#include <string_view>

namespace crm::analytics {

Cell ParentCell(const Dataset& data, int32_t account) {
  const int32_t parent = data.accounts[account].parent;
  return parent == kNoIndex ? Cell(nullptr) : Cell(data.accounts[parent].name);
}

Cell SectorCell(const Dataset& data, int32_t account) {
  const int32_t sector = data.accounts[account].sector;
  return sector == kNoIndex ? Cell(nullptr) : Cell(data.sectors.Value(sector));
}

std::vector<const AccountHealthScore*> SelectedHealth(const AccountHealthReport& report) {
  std::vector<const AccountHealthScore*> selected;
  for (const AccountHealthScore& health : report.accounts) {
    if (health.selected) selected.push_back(&health);
  }
  return selected;
}

void DescribeAccountScope(const QueryContext& query, const AccountHealthReport& report, Insight& insight) {
  insight.Metric("peer_accounts", static_cast<int64_t>(report.accounts.size()));
  insight.Metric("deals_without_account", report.deals_without_account);
  insight.Define("peer_accounts",
                 "accounts with a deal under the deal-level filters (agent, manager, office, "
                 "product, series, stage, period); percentiles rank an account among them, so a "
                 "score does not change with the account, sector or country filters");
  insight.Define("deals_without_account",
                 "selected deals that name no account: they cannot be attributed and are "
                 "left out of every account figure");
  if (report.deals_without_account > 0) {
    insight.notes.push_back(std::to_string(report.deals_without_account) +
                            " selected deals name no account and are left out.");
  }
  if (!report.win_rates_counted) {
    insight.notes.push_back(
        "Under a stage filter win rates say nothing: the win-rate trend (and the reasons built "
        "on win rates) are left out.");
  }
  if (!report.open_deals_counted) {
    insight.notes.push_back(
        "The stage filter keeps closed deals only: pipeline coverage and dried-up pipelines "
        "are left out.");
  }
  if (query.filter.period) {
    insight.notes.push_back("With --period only the deals dated in " + query.filter.period->label +
                            " count; ages are measured to the as-of date (the period's last day unless "
                            "--as-of says otherwise).");
  }
}

void DefineBuyingRhythm(Insight& insight) {
  insight.Define("buying_rhythm_days", "median gap in days between the account's distinct win days in the " +
                                           std::to_string(kHealthRhythmWindowDays) +
                                           " days before the as-of date (own, with at least 3 such days); "
                                           "otherwise the typical rhythm");
  insight.Define("typical_buying_rhythm_days", "median of the own buying rhythms of the peer accounts");
  insight.Define("overdue_factor",
                 "90th percentile (order statistic floor(0.9 x (n − 1)), rounded down to 0.01, "
                 "at most 20) of gap / own rhythm over the n gaps of the accounts with an own rhythm, "
                 "at least 1.5; 3 when n < 20");
}

}  // namespace crm::analytics
