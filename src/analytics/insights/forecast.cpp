// forecast: won revenue expected in the next months and the next quarter, from the open pipeline and a
// run rate of new business, with a backtest of the same method on the last complete quarter.
#include "crm/analytics/period.h"
#include "crm/analytics/statistics.h"
#include "crm/analytics/fact_text.h"
#include "insight_parts.h"
#include "insights.h"
#include "revenue_projection.h"

namespace crm::analytics {

namespace {

//! What the method projected for a past quarter from the day before it began, and what was won, split
//! into deals already in the pipeline that day and deals engaged later.
struct Backtest {
  int32_t quarter = 0;
  int32_t as_of = kNoDay;
  double projected_open = kNoNumber;  //!< from Engaging and Prospecting deals (and already won: none)
  double projected_new = kNoNumber;
  double won_open = 0;
  double won_new = 0;

  double projected() const { return projected_open + projected_new; }
  double won() const { return won_open + won_new; }
};

//! The most recent quarter that ended by the as-of date.
int32_t LastCompleteQuarter(const QueryContext& query) {
  return query.calendar.Quarter(query.filter.as_of + 1) - 1;
}

//! Reruns the projection as of the day before the last complete quarter; NaN when nothing was won by then.
Backtest RunBacktest(const QueryContext& query) {
  Backtest backtest;
  backtest.quarter = LastCompleteQuarter(query);
  DealFilter filter = query.filter;
  filter.as_of = backtest.as_of = FirstDayOfMonth(3 * backtest.quarter) - 1;
  const PipelineSnapshot snapshot(query.data, filter.as_of, query.filter.as_of);
  const DealEstimates estimates(query.data, snapshot);
  const std::vector<int32_t> rows = SelectDeals(query.data, snapshot, filter);
  const RevenueProjection past = ProjectRevenue({query.data, query.calendar, snapshot, estimates, rows});
  if (past.run_rate_months > 0) {
    const MonthProjection quarter = past.NextQuarter();
    backtest.projected_open = quarter.already_won + quarter.from_engaging + quarter.from_prospecting;
    backtest.projected_new = quarter.new_business;
  }
  const int32_t last_day = FirstDayOfMonth(3 * backtest.quarter + 3) - 1;
  for (int32_t row : query.rows) {
    const int32_t closed = query.snapshot.CloseDate(row);
    if (query.snapshot.Stage(row) != DealStage::kWon || closed <= backtest.as_of || closed > last_day)
      continue;
    const double value = query.snapshot.CloseValue(row);
    if (!HasValue(value)) continue;
    const int32_t engaged = query.data.opportunities.engage_date[row];
    (engaged != kNoDay && engaged > backtest.as_of ? backtest.won_new : backtest.won_open) += value;
  }
  return backtest;
}

Table ProjectionTable(const RevenueProjection& projection) {
  Table table{
      "projection",
      {"period", "already_won", "from_engaging_deals", "from_prospecting_deals", "new_business", "total"},
      {}};
  auto add = [&table](std::string label, const MonthProjection& month) {
    table.rows.push_back({std::move(label), month.already_won, month.from_engaging, month.from_prospecting,
                          month.new_business, month.total()});
  };
  for (const MonthProjection& month : projection.months) add(MonthLabel(month.month), month);
  add(QuarterLabel(projection.next_quarter), projection.NextQuarter());
  return table;
}

Table HistoryTable(const RevenueProjection& projection) {
  Table table{"monthly_won_revenue", {"month", "won_revenue", "won_deals", "complete_month"}, {}};
  for (const MonthHistory& month : projection.history) {
    const bool complete = month.month != projection.history.back().month || projection.month_left == 0;
    table.rows.push_back(
        {MonthLabel(month.month), month.won_value, month.won_deals, static_cast<int64_t>(complete)});
  }
  return table;
}

Table RunRateTable(const RevenueProjection& projection) {
  Table table{"new_business_run_rate", {"engaged_within_months", "won_revenue_per_month"}, {}};
  for (size_t k = 1; k < projection.run_rate.size(); ++k) {
    table.rows.push_back({static_cast<int64_t>(k), projection.run_rate[k]});
  }
  return table;
}

//! Complete past months as won revenue, then the projected months as totals.
ChartSpec HistoryAndProjectionChart(const RevenueProjection& projection) {
  ChartSpec chart{
      "won_revenue_forecast", "bar", "Won revenue: history and projection",           "USD", "month",
      "won revenue",          {},    {{"won", {}, {}, {}}, {"projected", {}, {}, {}}}};
  for (const MonthHistory& month : projection.history) {
    if (projection.Find(month.month)) continue;
    chart.labels.push_back(MonthLabel(month.month));
    chart.series[0].values.push_back(month.won_value);
    chart.series[1].values.push_back(kNoNumber);
  }
  for (const MonthProjection& month : projection.months) {
    chart.labels.push_back(MonthLabel(month.month));
    chart.series[0].values.push_back(kNoNumber);
    chart.series[1].values.push_back(month.total());
  }
  return chart;
}

void AddMetrics(const RevenueProjection& projection, const Backtest& backtest, Insight& insight) {
  const int32_t as_of_month = projection.history.back().month;
  const MonthProjection* current = projection.Find(as_of_month);
  insight.Metric("projected_current_month", current ? Cell(current->total()) : Cell(nullptr));
  insight.Metric("current_month_won", current ? Cell(current->already_won) : Cell(nullptr));
  for (int k = 1; k <= 3; ++k) {
    insight.Metric("projected_month_" + std::to_string(k), projection.Find(as_of_month + k)->total());
  }
  const MonthProjection quarter = projection.NextQuarter();
  insight.Metric("next_quarter", QuarterLabel(projection.next_quarter));
  insight.Metric("projected_next_quarter", quarter.total());
  insight.Metric("next_quarter_from_open_deals", quarter.from_engaging + quarter.from_prospecting);
  insight.Metric("next_quarter_new_business", quarter.new_business);
  insight.Metric("engaging_deals_projected", projection.engaging_deals);
  insight.Metric("prospecting_deals_projected", projection.prospecting_deals);
  insight.Metric("stale_deals", projection.stale_deals);
  insight.Metric("stale_expected_value", projection.stale_expected_value);
  insight.Metric("unplaced_deals", projection.unplaced_deals);
  insight.Metric("run_rate_months", static_cast<int64_t>(projection.run_rate_months));
  insight.Metric("backtest_quarter", QuarterLabel(backtest.quarter));
  insight.Metric("backtest_projected", Number(backtest.projected()));
  insight.Metric("backtest_actual", backtest.won());
  insight.Metric("backtest_error_rate", Number(Ratio(backtest.projected() - backtest.won(), backtest.won())));
  insight.Metric("backtest_projected_from_open_deals", Number(backtest.projected_open));
  insight.Metric("backtest_won_from_open_deals", backtest.won_open);
  insight.Metric("backtest_projected_new_business", Number(backtest.projected_new));
  insight.Metric("backtest_won_new_business", backtest.won_new);
}

void AddDefinitions(Insight& insight) {
  insight.Define(
      "from_engaging_deals",
      "sum over open Engaging deals of estimated value x win probability x P(close in the month | "
      "won, still open at its age); that P is (won deals of the product whose engage-to-close days "
      "fall in the month) / (won deals that took longer than the deal's current age), over the "
      "deals won by the as-of date (all products' when the product has fewer than 20 wins)");
  insight.Define("from_prospecting_deals",
                 "open deals without an engage date: estimated value x win probability, all of it in the "
                 "month that falls the product's median won cycle after the as-of date");
  insight.Define("new_business",
                 "run rate k months ahead: the average, over the last 6 complete months (fewer when the data "
                 "starts later), of the revenue won in a month from deals engaged in that month or the k - 1 "
                 "before; when the as-of month is not over, the share of it still ahead adds that share of "
                 "the next step (deals engaged after the as-of date in the as-of month)");
  insight.Define("already_won", "revenue won from the first of the as-of month to the as-of date");
  insight.Define("stale_deals",
                 "Engaging deals open longer than any won deal of their product took: the won "
                 "cycles give them no chance to close, so they add nothing");
  insight.Define("backtest_projected",
                 "this method rerun as of the day before the last complete quarter "
                 "began, for that quarter, with the same filters");
  insight.Define("backtest_actual",
                 "revenue won in that quarter by the selected deals; *_from_open_deals: by "
                 "deals in the pipeline the day before it began, *_new_business: by deals "
                 "engaged later");
  insight.Define("backtest_error_rate", "(backtest_projected - backtest_actual) / backtest_actual");
}

void AddNotes(const QueryContext& query, const RevenueProjection& projection, const Backtest& backtest,
              Insight& insight) {
  insight.notes.push_back(
      "A point projection from historical rates; the models issue replaces it with a Monte "
      "Carlo forecast with a P10-P90 range.");
  insight.notes.push_back(
      "Win probabilities do not fall yet with a deal's age: a deal that lingers in Engaging "
      "counts as live until it is older than any won deal; the backtest metrics show, per "
      "part, how far that moves the projection.");
  insight.notes.push_back(
      "Prospecting deals carry no engage date: each is expected the product's median won "
      "cycle after the as-of date, at its full win probability (an upper bound: the data "
      "does not record how long prospects take to engage).");
  if (projection.stale_deals > 0) {
    insight.notes.push_back(std::to_string(projection.stale_deals) +
                            " Engaging deals have been open longer than any won deal of their product took; "
                            "they are left out (expected value " +
                            UsdText(projection.stale_expected_value) + ").");
  }
  if (query.filter.period) {
    insight.notes.push_back("The period filter keeps only deals dated in " + query.filter.period->label +
                            " (closed in it, or engaged in it when open): the pipeline, the history and the "
                            "run rate see only those.");
  }
  if (!HasValue(backtest.projected())) {
    insight.notes.push_back("No deal was won before " + QuarterLabel(backtest.quarter) +
                            " began: no backtest.");
  }
  insight.notes.push_back(query.estimates.Method());
}

}  // namespace

Insight Forecast(const QueryContext& query) {
  const RevenueProjection projection =
      ProjectRevenue({query.data, query.calendar, query.snapshot, query.estimates, query.rows});
  const Backtest backtest = RunBacktest(query);
  Insight insight;
  AddMetrics(projection, backtest, insight);
  AddDefinitions(insight);
  AddNotes(query, projection, backtest, insight);
  insight.tables.push_back(ProjectionTable(projection));
  insight.tables.push_back(HistoryTable(projection));
  insight.tables.push_back(RunRateTable(projection));
  insight.charts.push_back(HistoryAndProjectionChart(projection));
  return insight;
}

}  // namespace crm::analytics
