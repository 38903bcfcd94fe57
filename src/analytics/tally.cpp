#include "crm/analytics/tally.h"

#include "crm/analytics/statistics.h"
#include "two_threads.h"

namespace crm::analytics {

double GroupTotals::win_rate() const {
  return Ratio(static_cast<double>(count(DealStage::kWon)), static_cast<double>(closed()));
}

GroupTotals& GroupTotals::operator+=(const GroupTotals& other) {
  for (size_t s = 0; s < deals.size(); ++s) deals[s] += other.deals[s];
  won_value += other.won_value;
  open_value += other.open_value;
  expected_value += other.expected_value;
  return *this;
}

namespace {

//! Totals per key of `key_of(row)` (`keys` of them) over the selected deals in one tight pass (two
//! halves on two threads for large selections).
template <typename KeyOf>
std::vector<GroupTotals> Accumulate(const QueryContext& query, KeyOf key_of, size_t keys) {
  // Open and expected value per stage and product: zero for closed stages and unknown values, so that
  // the loop below has no branch to mispredict.
  const std::vector<ProductHistory>& products = query.estimates.products();
  const size_t product_count = products.size();
  std::vector<double> open_value(kDealStageCount * product_count, 0.0);
  std::vector<double> expected_value(kDealStageCount * product_count, 0.0);
  for (const DealStage stage : {DealStage::kProspecting, DealStage::kEngaging}) {
    for (size_t p = 0; p < product_count; ++p) {
      const double value = products[p].estimated_value;
      const size_t at = static_cast<size_t>(stage) * product_count + p;
      open_value[at] = HasValue(value) ? value : 0;
      expected_value[at] = open_value[at] * products[p].win_rate;
    }
  }
  const DealStage* stages = query.snapshot.stages();
  const double* won_values = query.state.won_values.data();
  const double* adjustments =
      query.state.expected_adjustments.empty() ? nullptr : query.state.expected_adjustments.data();
  const int32_t* product_of = query.data.opportunities.product.data();
  const auto add = [&](std::vector<GroupTotals>& into, int32_t row) {
    GroupTotals& group = into[static_cast<size_t>(key_of(row))];
    const auto stage = static_cast<size_t>(stages[row]);
    const size_t at = stage * product_count + static_cast<size_t>(product_of[row]);
    ++group.deals[stage];
    group.won_value += won_values[row];
    group.open_value += open_value[at];
    group.expected_value += expected_value[at];
    if (adjustments) group.expected_value += adjustments[row];
  };
  // Every deal selected: walk the columns directly instead of through the row list.
  const bool every_deal = query.rows.size() == query.data.opportunities.size();
  const auto add_range = [&](std::vector<GroupTotals>& into, size_t begin, size_t end) {
    if (every_deal) {
      for (size_t row = begin; row < end; ++row) add(into, static_cast<int32_t>(row));
    } else {
      for (size_t i = begin; i < end; ++i) add(into, query.rows[i]);
    }
  };
  return FoldInTwo(
      query.rows.size(), [keys] { return std::vector<GroupTotals>(keys); }, add_range,
      [](std::vector<GroupTotals>& totals, const std::vector<GroupTotals>& second) {
        for (size_t key = 0; key < totals.size(); ++key) totals[key] += second[key];
      });
}

}  // namespace

std::vector<GroupTotals> Tally(const QueryContext& query, const Grouping& grouping) {
  std::vector<GroupTotals> totals;
  grouping.Visit(
      [&](auto key_of) { totals = Accumulate(query, key_of, static_cast<size_t>(grouping.size())); });
  return totals;
}

GroupTotals SumTotals(const std::vector<GroupTotals>& groups) {
  GroupTotals sum;
  for (const GroupTotals& group : groups) sum += group;
  return sum;
}

}  // namespace crm::analytics
