// conversion_analysis: how often deals are won, by any dimension and over time, and how sure each rate is.
#include <algorithm>

#include "crm/analytics/dense_series.h"
#include "crm/analytics/period.h"
#include "funnel.h"
#include "insight_parts.h"
#include "insights.h"
#include "win_rates.h"

namespace crm::analytics {

namespace {

//! The dimension to group by: --by, else product. By deal stage every rate would be 100% or 0% by
//! definition, so product is used instead.
Dimension GroupDimension(const QueryContext& query) {
  const Dimension by = query.filter.by.value_or(Dimension::kProduct);
  return by == Dimension::kDealStage ? Dimension::kProduct : by;
}

//! A group of the grouping with its closed deals.
struct RatedGroup {
  int32_t key;
  WinCount wins;
};

//! The groups with a closed deal, highest win rate first; ties: larger sample first, then key order.
std::vector<RatedGroup> RankGroups(const std::vector<WinCount>& groups) {
  std::vector<RatedGroup> ranked;
  for (size_t key = 0; key < groups.size(); ++key) {
    if (groups[key].closed() > 0) ranked.push_back({static_cast<int32_t>(key), groups[key]});
  }
  std::stable_sort(ranked.begin(), ranked.end(),
                   [](const RatedGroup& a, const RatedGroup& b) { return RanksHigher(a.wins, b.wins); });
  return ranked;
}

//! One row per ranked group (the first `top`): label, closed, won, lost, win rate and interval.
Table GroupTable(const Grouping& grouping, const std::vector<RatedGroup>& ranked, size_t top) {
  const std::string dimension(DimensionName(grouping.dimension()));
  Table table{"win_rate_by_" + dimension, {dimension, "closed", "won", "lost"}, {}};
  table.columns.insert(table.columns.end(), WinRateColumns().begin(), WinRateColumns().end());
  for (size_t i = 0; i < ranked.size() && i < top; ++i) {
    const WinCount& wins = ranked[i].wins;
    std::vector<Cell> row{grouping.Label(ranked[i].key), wins.closed(), wins.won, wins.lost};
    AppendWinRate(row, wins);
    table.rows.push_back(std::move(row));
  }
  return table;
}

//! The selected deals counted in one pass.
struct ConversionCounts {
  GroupTotals stages;            //!< deals per stage (values are not summed)
  std::vector<WinCount> groups;  //!< per key of the grouping
  DenseSeries<WinCount> months;  //!< per month of close (months since 1970-01)
};

//! Deals per stage, and won and lost deals per group and per month of close, in one pass.
ConversionCounts Count(const QueryContext& query, const Grouping& grouping) {
  ConversionCounts counts;
  counts.groups.resize(static_cast<size_t>(grouping.size()));
  grouping.Visit([&](auto key_of) {
    for (int32_t row : query.rows) {
      const DealStage stage = query.snapshot.Stage(row);
      ++counts.stages.deals[static_cast<size_t>(stage)];
      if (!IsClosed(stage)) continue;
      counts.groups[static_cast<size_t>(key_of(row))].Add(stage);
      const int32_t day = query.snapshot.CloseDate(row);
      if (day != kNoDay) counts.months.At(query.calendar.Month(day)).Add(stage);
    }
  });
  return counts;
}

//! The monthly counts added up per quarter.
DenseSeries<WinCount> WinsByQuarter(const DenseSeries<WinCount>& months) {
  DenseSeries<WinCount> quarters;
  for (int32_t month = months.first(); month < months.end(); ++month) {
    quarters.At(Calendar::QuarterOfMonth(month)).Add(months[month]);
  }
  return quarters;
}

//! One row per period from the first to the last with a closed deal: label, closed, won, win rate, interval.
Table PeriodTable(const std::string& name, const std::string& column, const DenseSeries<WinCount>& periods,
                  std::string (*label)(int32_t)) {
  Table table{name, {column, "closed", "won"}, {}};
  table.columns.insert(table.columns.end(), WinRateColumns().begin(), WinRateColumns().end());
  for (int32_t period = periods.first(); period < periods.end(); ++period) {
    const WinCount& wins = periods[period];
    std::vector<Cell> row{label(period), wins.closed(), wins.won};
    AppendWinRate(row, wins);
    table.rows.push_back(std::move(row));
  }
  return table;
}

//! Labels and counts of the ranked groups, for the spread metrics.
void AddSpread(Insight& insight, const Grouping& grouping, const std::vector<RatedGroup>& ranked) {
  std::vector<std::string> labels;
  std::vector<WinCount> wins;
  for (const RatedGroup& group : ranked) {
    labels.push_back(grouping.Label(group.key));
    wins.push_back(group.wins);
  }
  WinRateSpread(insight, "group", labels, wins);
}

//! Definitions of the figures, and notes on the grouping and on reading intervals.
void Explain(Insight& insight, const QueryContext& query, const std::string& by) {
  DefineWinRate(insight);
  insight.Define("win_rate_by_" + by,
                 "groups with at least one closed deal, sorted by win rate (highest first; "
                 "ties: more closed deals first); --top N keeps the first N");
  insight.Define("funnel", kFunnelDefinition);
  insight.Define("by_month",
                 "win rate of the deals closed in each month (by close date), first to last month "
                 "with a closed deal; months without one have no rate");
  insight.Define("by_quarter", "as by_month, per calendar quarter of the close date");
  if (query.filter.by == Dimension::kDealStage) {
    insight.notes.push_back(
        "Win rate by deal stage is 100% for Won and 0% for Lost by definition: grouped by "
        "product instead.");
  }
  insight.notes.push_back(
      "A 95% interval says how far the true rate may lie from the observed one with this "
      "many closed deals: compare groups by their intervals, not by their rates alone.");
}

}  // namespace

Insight ConversionAnalysis(const QueryContext& query) {
  Insight insight;
  const Dimension dimension = GroupDimension(query);
  const Grouping grouping = query.GroupBy(dimension);
  const ConversionCounts counts = Count(query, grouping);
  const WinCount overall = WinsOf(counts.stages);
  const std::vector<RatedGroup> ranked = RankGroups(counts.groups);

  insight.Metric("grouped_by", std::string(DimensionName(dimension)));
  insight.Metric("deals", counts.stages.total());
  insight.Metric("closed_deals", overall.closed());
  insight.Metric("won_deals", overall.won);
  insight.Metric("lost_deals", overall.lost);
  WinRateMetrics(insight, "win_rate", overall);
  insight.Metric("groups", static_cast<int64_t>(ranked.size()));
  AddSpread(insight, grouping, ranked);

  insight.tables.push_back(GroupTable(grouping, ranked, TopN(query, ranked.size())));
  insight.tables.push_back(FunnelTable(counts.stages));
  insight.tables.push_back(PeriodTable("by_month", "month", counts.months, MonthLabel));
  insight.tables.push_back(PeriodTable("by_quarter", "quarter", WinsByQuarter(counts.months), QuarterLabel));

  const std::string by(DimensionName(dimension));
  insight.charts.push_back(
      WinRateChart(insight.tables[0], "win_rate_by_" + by, "bar", "Win rate by " + by + " (95% interval)"));
  insight.charts.push_back(WinRateChart(insight.tables[2], "win_rate_by_month", "line",
                                        "Win rate by month of close (95% interval)"));
  insight.charts.push_back(ColumnChart(insight.tables[1], "deals", "conversion_funnel", "funnel",
                                       "Funnel: Prospecting → Engaging → Won", "count"));

  Explain(insight, query, by);
  return insight;
}

}  // namespace crm::analytics
