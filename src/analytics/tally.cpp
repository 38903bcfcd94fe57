#include "crm/analytics/tally.h"

#include "crm/analytics/statistics.h"

namespace crm::analytics {

double GroupTotals::win_rate() const {
  return Ratio(static_cast<double>(count(DealStage::kWon)), static_cast<double>(closed()));
}

namespace {

void Add(const QueryContext& query, int32_t row, GroupTotals& totals) {
  const DealStage stage = query.snapshot.Stage(row);
  ++totals.deals[static_cast<size_t>(stage)];
  if (stage == DealStage::kWon) {
    const double value = query.data.opportunities.close_value[row];
    if (HasValue(value)) totals.won_value += value;
  } else if (!IsClosed(stage)) {
    const double value = query.estimates.Value(row);
    if (HasValue(value)) {
      totals.open_value += value;
      totals.expected_value += value * query.estimates.WinProbability(row);
    }
  }
}

}  // namespace

std::vector<GroupTotals> Tally(const QueryContext& query, const Grouping& grouping) {
  std::vector<GroupTotals> totals(static_cast<size_t>(grouping.size()));
  for (int32_t row : query.rows) Add(query, row, totals[static_cast<size_t>(grouping.Key(row))]);
  return totals;
}

GroupTotals TallyAll(const QueryContext& query) {
  GroupTotals totals;
  for (int32_t row : query.rows) Add(query, row, totals);
  return totals;
}

}  // namespace crm::analytics
