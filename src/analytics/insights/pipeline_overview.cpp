// pipeline_overview: what is in the pipeline, what it is worth, how fast it closes.
#include "crm/analytics/statistics.h"
#include "funnel.h"
#include "insight_parts.h"
#include "insights.h"

namespace crm::analytics {

namespace {

Table StageTable(const QueryContext& query, const Grouping& stages, const std::vector<GroupTotals>& totals) {
  Table table{"by_stage", {"deal_stage", "deals", "share", "value", "value_basis", "expected_value"}, {}};
  const double all = static_cast<double>(query.rows.size());
  for (int s = 0; s < kDealStageCount; ++s) {
    const auto stage = static_cast<DealStage>(s);
    const GroupTotals& group = totals[static_cast<size_t>(s)];
    const int64_t deals = group.count(stage);
    const bool open = !IsClosed(stage);
    table.rows.push_back({stages.Label(s), deals, Number(Ratio(static_cast<double>(deals), all)),
                          open                       ? group.open_value
                          : stage == DealStage::kWon ? group.won_value
                                                     : 0.0,
                          std::string(open ? "estimated" : "actual"),
                          open                       ? group.expected_value
                          : stage == DealStage::kWon ? group.won_value
                                                     : 0.0});
  }
  return table;
}

Table OpenByProductTable(const QueryContext& query) {
  const Grouping products = query.GroupBy(Dimension::kProduct);
  const std::vector<GroupTotals> totals = Tally(query, products);
  Table table{"open_by_product",
              {"product", "open_deals", "estimated_deal_value", "value_basis", "win_rate", "open_value",
               "expected_value"},
              {}};
  for (size_t p = 0; p < query.data.products.size(); ++p) {
    const GroupTotals& group = totals[p];
    if (group.open() == 0) continue;
    const ProductHistory& history = query.estimates.products()[p];
    table.rows.push_back(
        {query.data.products[p].name, group.open(), Number(history.estimated_value),
         std::string(history.value_from_history ? "list price x won-to-list ratio" : "list price"),
         history.win_rate, group.open_value, group.expected_value});
  }
  return table;
}

}  // namespace

Insight PipelineOverview(const QueryContext& query) {
  Insight insight;
  const Grouping stages = query.GroupBy(Dimension::kDealStage);
  const std::vector<GroupTotals> by_stage = Tally(query, stages);
  const GroupTotals all = SumTotals(by_stage);
  const DayHistogram cycle = WonCycleDistribution(query);
  const int64_t won = all.count(DealStage::kWon);
  insight.Metric("deals", all.total());
  insight.Metric("open_deals", all.open());
  insight.Metric("won_deals", won);
  insight.Metric("lost_deals", all.count(DealStage::kLost));
  insight.Metric("won_revenue", all.won_value);
  insight.Metric("win_rate", Number(all.win_rate()));
  insight.Metric("average_won_deal", Number(Ratio(all.won_value, static_cast<double>(won))));
  insight.Metric("open_pipeline_value", all.open_value);
  insight.Metric("weighted_pipeline_value", all.expected_value);
  insight.Metric("sales_cycle_median_days", Number(cycle.Quantile(0.5)));
  insight.Metric("sales_cycle_p75_days", Number(cycle.Quantile(0.75)));
  insight.Metric("probability_source", std::string("historical product win rates"));
  insight.Define("win_rate", "won deals / (won + lost deals)");
  insight.Define("open_pipeline_value", "sum of the estimated values of Prospecting and Engaging deals");
  insight.Define("weighted_pipeline_value", "sum over open deals of estimated value x win probability");
  insight.Define("sales_cycle_median_days", "median days from engage date to close date of won deals");
  insight.Define("funnel", kFunnelDefinition);
  insight.tables.push_back(StageTable(query, stages, by_stage));
  insight.tables.push_back(FunnelTable(all));
  insight.tables.push_back(OpenByProductTable(query));
  if (query.filter.by && *query.filter.by != Dimension::kDealStage) {
    const Grouping grouping = query.GroupBy(*query.filter.by);
    insight.tables.push_back(
        TotalsTable("by_" + std::string(DimensionName(*query.filter.by)), grouping, Tally(query, grouping)));
  }
  insight.charts.push_back(
      ColumnChart(insight.tables[1], "deals", "pipeline_funnel", "funnel", "Pipeline funnel", "count"));
  insight.charts.push_back(ColumnChart(insight.tables[0], "value", "value_by_stage", "bar",
                                       "Value by stage (open: estimated)", "USD"));
  insight.notes.push_back(query.estimates.Method());
  return insight;
}

}  // namespace crm::analytics
