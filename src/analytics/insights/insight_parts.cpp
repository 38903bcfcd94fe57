#include "insight_parts.h"

#include <algorithm>

namespace crm::analytics {

DayHistogram WonCycleDistribution(const QueryContext& query) {
  const OpportunityColumns& deals = query.data.opportunities;
  const DealStage* stages = query.snapshot.stages();
  DayHistogram days;
  for (const int32_t row : query.rows) {
    if (stages[row] != DealStage::kWon || deals.engage_date[row] == kNoDay) continue;
    days.Add(deals.close_date[row] - deals.engage_date[row]);
  }
  return days;
}

Table TotalsTable(const std::string& name, const Grouping& grouping, const std::vector<GroupTotals>& totals) {
  Table table{name,
              {std::string(DimensionName(grouping.dimension())), "deals", "won", "lost", "open", "win_rate",
               "won_value", "open_value", "expected_value"},
              {}};
  // Calendar dimensions keep their empty periods between the first and the last non-empty one.
  const bool calendar =
      grouping.dimension() == Dimension::kMonth || grouping.dimension() == Dimension::kQuarter;
  int32_t first = 0, last = grouping.MissingKey() - 1;
  while (calendar && first <= last && totals[static_cast<size_t>(first)].total() == 0) ++first;
  while (calendar && last >= first && totals[static_cast<size_t>(last)].total() == 0) --last;
  for (int32_t key = 0; key < grouping.size(); ++key) {
    const GroupTotals& group = totals[static_cast<size_t>(key)];
    const bool inside = calendar && key >= first && key <= last;
    if (group.total() == 0 && !inside) continue;
    table.rows.push_back({grouping.Label(key), group.total(), group.count(DealStage::kWon),
                          group.count(DealStage::kLost), group.open(), Number(group.win_rate()),
                          group.won_value, group.open_value, group.expected_value});
  }
  return table;
}

ChartSpec ColumnChart(const Table& table, const std::string& column, std::string id, std::string type,
                      std::string title, std::string unit) {
  ChartSpec chart{std::move(id),
                  std::move(type),
                  std::move(title),
                  std::move(unit),
                  table.columns.front(),
                  column,
                  {},
                  {}};
  const auto found = std::find(table.columns.begin(), table.columns.end(), column);
  const size_t index = static_cast<size_t>(found - table.columns.begin());
  ChartSeries series{column, {}, {}, {}};
  for (const auto& row : table.rows) {
    chart.labels.push_back(std::get<std::string>(row.front()));
    series.values.push_back(index < row.size() ? CellNumber(row[index]) : kNoNumber);
  }
  chart.series.push_back(std::move(series));
  return chart;
}

size_t TopN(const QueryContext& query, size_t fallback) {
  return query.filter.top > 0 ? static_cast<size_t>(query.filter.top) : fallback;
}

}  // namespace crm::analytics
