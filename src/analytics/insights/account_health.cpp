// account_health: a 0–100 health score per account from transparent components, each shown.
#include <algorithm>
#include <array>
#include <cmath>

#include "account_parts.h"
#include "crm/analytics/statistics.h"
#include "insight_parts.h"
#include "insights.h"

namespace crm::analytics {

namespace {

constexpr size_t kDefaultRows = 25;
constexpr int kHistogramBins = 10;

std::vector<HealthComponent> ShownComponents(const AccountHealthReport& report) {
  std::vector<HealthComponent> shown;
  for (int c = 0; c < kHealthComponentCount; ++c) {
    const auto component = static_cast<HealthComponent>(c);
    if (component != HealthComponent::kActivity || report.activities) shown.push_back(component);
  }
  return shown;
}

Table ScoreTable(const QueryContext& query, const AccountHealthReport& report,
                 const std::vector<const AccountHealthScore*>& shown) {
  Table table{"account_health", {"account", "parent", "sector", "health_score", "band"}, {}};
  const std::vector<HealthComponent> components = ShownComponents(report);
  for (HealthComponent component : components) table.columns.emplace_back(HealthComponentName(component));
  const std::vector<double>& risk = query.state.account_risk();
  if (!risk.empty()) table.columns.emplace_back("risk_probability_90_days");
  for (const AccountHealthScore* health : shown) {
    std::vector<Cell> row = {query.data.accounts[health->account].name,
                             ParentCell(query.data, health->account), SectorCell(query.data, health->account),
                             Number(health->score), std::string(HealthBandName(health->band))};
    for (HealthComponent component : components) row.push_back(Number(health->component(component)));
    if (!risk.empty()) row.push_back(Number(risk[health->account]));
    table.rows.push_back(std::move(row));
  }
  return table;
}

Table InputTable(const QueryContext& query, const AccountHealthReport& report,
                 const std::vector<const AccountHealthScore*>& shown) {
  Table table{
      "health_inputs",
      {"account", "days_since_last_win", "buying_rhythm_days", "rhythm_basis", "wins_last_365_days",
       "won_value_last_365_days", "recent_win_rate", "recent_closed", "earlier_win_rate", "earlier_closed",
       "open_deals", "open_value", "average_quarterly_won", "pipeline_coverage_ratio"},
      {}};
  if (report.activities) table.columns.emplace_back("days_since_activity");
  for (const AccountHealthScore* health : shown) {
    std::vector<Cell> row = {query.data.accounts[health->account].name,
                             Number(health->days_since_last_win),
                             Number(health->buying_rhythm_days),
                             std::string(health->own_rhythm ? "own" : "typical"),
                             health->wins_last_year,
                             health->won_value_last_year,
                             Number(health->recent_win_rate),
                             health->recent_closed,
                             Number(health->earlier_win_rate),
                             health->earlier_closed,
                             health->open,
                             health->open_value,
                             Number(health->average_quarterly_won),
                             Number(health->pipeline_coverage_ratio)};
    if (report.activities) row.push_back(Number(health->days_since_activity));
    table.rows.push_back(std::move(row));
  }
  return table;
}

Table DistributionTable(const std::vector<const AccountHealthScore*>& accounts) {
  std::array<int64_t, kHistogramBins> counts{};
  for (const AccountHealthScore* health : accounts) {
    if (!HasValue(health->score)) continue;
    const int bin = std::min(kHistogramBins - 1, static_cast<int>(health->score / (100.0 / kHistogramBins)));
    ++counts[static_cast<size_t>(bin)];
  }
  Table table{"score_distribution", {"health_score", "accounts"}, {}};
  const int width = 100 / kHistogramBins;
  for (int bin = 0; bin < kHistogramBins; ++bin) {
    table.rows.push_back({std::to_string(bin * width) + "–" + std::to_string((bin + 1) * width),
                          counts[static_cast<size_t>(bin)]});
  }
  return table;
}

// Accounts, mean score and band counts per sector or country (the account-level dimensions).
Table GroupTable(const QueryContext& query, Dimension dimension,
                 const std::vector<const AccountHealthScore*>& accounts) {
  const bool sector = dimension == Dimension::kSector;
  const StringDictionary& names = sector ? query.data.sectors : query.data.countries;
  const size_t missing = names.size();
  std::vector<int64_t> count(missing + 1, 0);
  std::vector<double> total(missing + 1, 0);
  std::vector<std::array<int64_t, 3>> bands(missing + 1, std::array<int64_t, 3>{});
  for (const AccountHealthScore* health : accounts) {
    const Account& account = query.data.accounts[health->account];
    const int32_t code = sector ? account.sector : account.office_location;
    const size_t key = code == kNoIndex ? missing : static_cast<size_t>(code);
    ++count[key];
    total[key] += health->score;
    ++bands[key][static_cast<size_t>(health->band)];
  }
  Table table{
      "by_" + std::string(DimensionName(dimension)),
      {std::string(DimensionName(dimension)), "accounts", "mean_health_score", "healthy", "watch", "at_risk"},
      {}};
  for (size_t key = 0; key <= missing; ++key) {
    if (count[key] == 0) continue;
    table.rows.push_back({key == missing ? std::string(sector ? "(no sector)" : "(no country)")
                                         : names.Value(static_cast<int32_t>(key)),
                          count[key], total[key] / static_cast<double>(count[key]), bands[key][0],
                          bands[key][1], bands[key][2]});
  }
  return table;
}

void AddGrouping(const QueryContext& query, const std::vector<const AccountHealthScore*>& accounts,
                 Insight& insight) {
  if (!query.filter.by) return;
  const Dimension by = *query.filter.by;
  if (by == Dimension::kSector || by == Dimension::kCountry) {
    insight.tables.push_back(GroupTable(query, by, accounts));
    return;
  }
  insight.notes.push_back("--by " + std::string(DimensionName(by)) +
                          " is not an attribute of an account; health can be grouped by sector or country.");
}

void AddMetrics(const AccountHealthReport& report, const std::vector<const AccountHealthScore*>& accounts,
                Insight& insight) {
  std::array<int64_t, 3> bands{};
  std::vector<double> scores;
  for (const AccountHealthScore* health : accounts) {
    ++bands[static_cast<size_t>(health->band)];
    if (HasValue(health->score)) scores.push_back(health->score);
  }
  insight.Metric("accounts", static_cast<int64_t>(accounts.size()));
  insight.Metric("healthy_accounts", bands[0]);
  insight.Metric("watch_accounts", bands[1]);
  insight.Metric("at_risk_accounts", bands[2]);
  insight.Metric("median_health_score", Number(Quantile(scores, 0.5)));
  insight.Metric("typical_buying_rhythm_days", Number(report.typical_rhythm_days));
  insight.Metric("overdue_factor", report.overdue_factor);
  insight.Metric("overdue_factor_gaps", report.normalised_gaps);
  if (report.activities) insight.Metric("typical_activity_days", report.typical_activity_days);
}

std::string WeightsText(const AccountHealthReport& report) {
  std::string text;
  for (HealthComponent component : ShownComponents(report)) {
    text += (text.empty() ? "" : ", ") + std::string(HealthComponentName(component)) + " " +
            PercentText(HealthComponentWeight(component));
  }
  return text;
}

void Define(const AccountHealthReport& report, Insight& insight) {
  insight.Define("health_score",
                 "weighted mean of the components present (" + WeightsText(report) +
                     "); the weight of an absent component is spread over the others in proportion");
  insight.Define("band", "Healthy: score >= 70; Watch: 40 to < 70; At risk: < 40");
  insight.Define("recency",
                 "100 while days since the last win <= the buying rhythm, falling linearly to 0 at "
                 "overdue_factor x the rhythm; 0 for an account that never won; absent when no rhythm "
                 "is known (no peer account has an own rhythm)");
  DefineBuyingRhythm(insight);
  insight.Define("frequency",
                 "percentile among peer accounts of wins closed in the last 365 days (mid-rank: 0 "
                 "lowest, 100 highest, ties share; 0 for no win)");
  insight.Define("monetary",
                 "percentile among peer accounts of won value closed in the last 365 days (as frequency)");
  insight.Define("win_trend",
                 "50 + 200 x (recent win rate − earlier win rate), clamped to 0–100 (a 25-point drop "
                 "gives 0); recent: closed 0 to 179 days before the as-of date, earlier: before; absent "
                 "unless each side has at least 5 closed deals");
  insight.Define("pipeline_coverage",
                 "100 x min(1, pipeline_coverage_ratio); with no won value: 100 when the "
                 "account has open value, else 0");
  insight.Define("pipeline_coverage_ratio", "estimated open value / average_quarterly_won");
  insight.Define("average_quarterly_won",
                 "won value / quarters (365.25 / 4 days) in the days from the "
                 "account's first engagement or close to the as-of date, both counted, at "
                 "least one quarter");
  if (report.activities) {
    insight.Define("activity",
                   "100 while days since the last activity with the account <= typical_activity_days, "
                   "falling linearly to 0 at 3 x that; 0 for an account never contacted");
    insight.Define("typical_activity_days",
                   "median days since the last activity over peer accounts with "
                   "activities, at least 7");
  }
}

}  // namespace

Insight AccountHealth(const QueryContext& query) {
  Insight insight;
  const AccountHealthReport report = ScoreAccountHealth(query);
  std::vector<const AccountHealthScore*> accounts = SelectedHealth(report);
  std::sort(accounts.begin(), accounts.end(),
            [&query](const AccountHealthScore* a, const AccountHealthScore* b) {
              if (a->score != b->score) return a->score < b->score;
              return query.data.accounts[a->account].name < query.data.accounts[b->account].name;
            });
  const std::vector<const AccountHealthScore*> shown(
      accounts.begin(),
      accounts.begin() + static_cast<std::ptrdiff_t>(std::min(accounts.size(), TopN(query, kDefaultRows))));
  AddMetrics(report, accounts, insight);
  DescribeAccountScope(query, report, insight);
  insight.tables.push_back(ScoreTable(query, report, shown));
  insight.tables.push_back(InputTable(query, report, shown));
  insight.tables.push_back(DistributionTable(accounts));
  AddGrouping(query, accounts, insight);
  insight.charts.push_back(ColumnChart(insight.tables[2], "accounts", "health_distribution", "histogram",
                                       "Accounts by health score", "count"));
  insight.charts.push_back(ColumnChart(insight.tables[0], "health_score", "health_by_account",
                                       "horizontal_bar", "Health score (lowest first)", "score"));
  Define(report, insight);
  if (!query.state.account_risk().empty()) {
    insight.Define("risk_probability_90_days",
                   "probability from " + query.state.account_risk_label() +
                       " that the account wins nothing in the next 90 days, or won revenue falls below half "
                       "the last 90 days'; empty for accounts without a win in the last year (not scored)");
  }
  insight.notes.push_back("Accounts are sorted by health score, lowest first.");
  if (!report.activities) {
    insight.notes.push_back(
        "The data has no activities: the activity component is absent and the other weights are "
        "renormalised to sum to 1.");
  }
  insight.notes.push_back(query.estimates.Method());
  return insight;
}

}  // namespace crm::analytics
