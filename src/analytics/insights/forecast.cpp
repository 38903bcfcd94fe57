// forecast: won revenue expected in the next months and the next quarter. The headline is the Monte Carlo
// simulation of the selected deals (P10/P50/P90 and its decomposition); the point projection (win curves by
// deal age and a run rate of new business) stays as a comparison, with its backtest on the last complete
// quarter.
#include <future>
#include <string>
#include <utility>
#include <vector>

#include "crm/analytics/fact_text.h"
#include "crm/analytics/period.h"
#include "crm/analytics/statistics.h"
#include "crm/analytics/won_cycles.h"
#include "crm/models/forecast_simulation.h"
#include "insight_parts.h"
#include "insights.h"
#include "revenue_projection.h"

namespace crm::analytics {

namespace {

//! The window of the win chances shown per product and by age.
constexpr int32_t kChanceWindowDays = 90;

//! What the method projected for a past quarter from the day before it began, and what was won, split
//! into deals already in the pipeline that day and deals engaged later.
struct Backtest {
  int32_t quarter = 0;
  double projected_open = kNoNumber;  //!< from engaged deals (and already won: none)
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

//! What distinguishes the deals of a filter (the as-of date included): the key its backtest is kept under.
std::string FilterKey(const DealFilter& filter) {
  std::string key = "forecast_backtest";
  for (const int32_t code : {filter.sector, filter.regional_office, filter.manager, filter.sales_agent,
                             filter.product, filter.series, filter.country, filter.account, filter.as_of}) {
    key += "|" + std::to_string(code);
  }
  key += "|" + (filter.deal_stage ? std::to_string(static_cast<int>(*filter.deal_stage)) : std::string());
  if (filter.period) {
    key += "|" + std::to_string(filter.period->first_day) + "-" + std::to_string(filter.period->last_day);
  }
  return key;
}

//! The projection rerun as of the day before the last complete quarter, with the filters of `query`: what
//! it expected of that quarter from open deals and from new business (NaN when nothing was won by then).
//! The state at that date keeps the figures per filter.
std::vector<double> ProjectBacktestQuarter(const QueryContext& query) {
  DealFilter filter = query.filter;
  filter.as_of = FirstDayOfMonth(3 * LastCompleteQuarter(query)) - 1;
  // The state at the backtest date is shared with every other query at that date (the engine caches it).
  const std::shared_ptr<const AsOfState> state = query.StateAt(filter.as_of);
  return state->KeptFigures(FilterKey(query.filter), [&query, &filter, &state] {
    std::vector<int32_t> selected;
    if (filter.deal_stage || filter.period) {
      selected = SelectDeals(query.data, state->snapshot, filter);
    } else if (NarrowsDeals(filter)) {  // the other filters do not depend on the date: the rows that existed
      for (int32_t row : query.rows) {
        if (state->snapshot.Visible(row)) selected.push_back(row);
      }
    }
    const std::span<const int32_t> rows = NarrowsDeals(filter)
                                              ? std::span<const int32_t>(selected)
                                              : std::span<const int32_t>(state->visible_rows);
    const RevenueProjection past = ProjectRevenue(
        {query.data, query.calendar, state->snapshot, state->estimates, rows, state->deal_survival()});
    if (past.run_rate_months == 0) return std::vector<double>{kNoNumber, kNoNumber};
    const MonthProjection quarter = past.NextQuarter();
    return std::vector<double>{quarter.already_won + quarter.from_engaging, quarter.new_business};
  });
}

//! What the backtest projection expected of the last complete quarter (`past`: from open deals, from new
//! business) against what was won in that quarter, from the history of `projection`.
Backtest CompareBacktest(const QueryContext& query, const std::vector<double>& past,
                         const RevenueProjection& projection) {
  Backtest backtest;
  backtest.quarter = LastCompleteQuarter(query);
  backtest.projected_open = past[0];
  backtest.projected_new = past[1];
  for (const MonthHistory& month : projection.history) {
    if (Calendar::QuarterOfMonth(month.month) != backtest.quarter) continue;
    backtest.won_open += month.won_from_quarter_pipeline;
    backtest.won_new += month.won_value - month.won_from_quarter_pipeline;
  }
  return backtest;
}

Table ProjectionTable(const RevenueProjection& projection) {
  Table table{"projection", {"period", "already_won", "from_engaging_deals", "new_business", "total"}, {}};
  auto add = [&table](std::string label, const MonthProjection& month) {
    table.rows.push_back(
        {std::move(label), month.already_won, month.from_engaging, month.new_business, month.total()});
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

//! Per product: the deals its win curve was learned from, its horizon, 90-day win chances when just engaged
//! and in the tail, and what its open
//! engaged deals are expected to bring in the next quarter.
Table WinCurveTable(const QueryContext& query, const RevenueProjection& projection) {
  Table table{"win_curves",
              {"product", "curve_basis", "won_deals", "lost_deals", "open_deals", "horizon_days",
               "new_deal_win_probability_90_days", "tail_win_probability_90_days", "expected_next_quarter"},
              {}};
  const DealSurvival& survival = *projection.survival;
  for (size_t p = 0; p < query.data.products.size(); ++p) {
    const auto product = static_cast<int32_t>(p);
    const DealOutcomes& outcomes = survival.Outcomes(product);
    const WinCurve& curve = survival.For(product);
    const int32_t tail = curve.horizon() + 1;
    table.rows.push_back(
        {query.data.products[p].name,
         survival.OwnUsed(product) ? std::string("product") : std::string("all products"), outcomes.won,
         outcomes.lost, outcomes.open, static_cast<int64_t>(curve.horizon()), curve.WonBy(kChanceWindowDays),
         curve.WinProbability(tail, tail, tail + kChanceWindowDays), projection.next_quarter_by_product[p]});
  }
  return table;
}

//! All products' P(won within the next 90 days | still open) by age in steps of 30 days.
ChartSpec WinChanceByAgeChart(const RevenueProjection& projection) {
  ChartSpec chart{"win_probability_by_age",
                  "line",
                  "Chance to be won within 90 days, by days since engagement",
                  "percent",
                  "days since engagement",
                  "win probability",
                  {},
                  {{"all products", {}, {}, {}}}};
  const WinCurve& curve = projection.survival->all();
  for (int32_t age = 0; age <= curve.oldest(); age += 30) {
    chart.labels.push_back(std::to_string(age));
    chart.series[0].values.push_back(curve.WinProbability(age, age, age + kChanceWindowDays));
  }
  return chart;
}

//! Complete past months as won revenue, then the forecast months: the simulation's P50 and, to compare,
//! the point projection.
ChartSpec HistoryAndForecastChart(const RevenueProjection& projection,
                                  const models::ForecastResult& simulation) {
  ChartSpec chart{"won_revenue_forecast",
                  "bar",
                  "Won revenue: history and forecast",
                  "USD",
                  "month",
                  "won revenue",
                  {},
                  {{"won", {}, {}, {}}, {"forecast (P50)", {}, {}, {}}, {"point projection", {}, {}, {}}}};
  for (const MonthHistory& month : projection.history) {
    if (projection.Find(month.month)) continue;
    chart.labels.push_back(MonthLabel(month.month));
    chart.series[0].values.push_back(month.won_value);
    chart.series[1].values.push_back(kNoNumber);
    chart.series[2].values.push_back(kNoNumber);
  }
  for (size_t m = 0; m < projection.months.size() && m < simulation.months.size(); ++m) {
    chart.labels.push_back(MonthLabel(projection.months[m].month));
    chart.series[0].values.push_back(kNoNumber);
    chart.series[1].values.push_back(simulation.months[m].p50);
    chart.series[2].values.push_back(projection.months[m].total());
  }
  return chart;
}

//! The point projection's figures (projected_*, engaging_*, tail_deals...) and its backtest's.
void AddProjectionMetrics(const RevenueProjection& projection, const Backtest& backtest, Insight& insight) {
  const int32_t as_of_month = projection.history.back().month;
  const MonthProjection* current = projection.Find(as_of_month);
  insight.Metric("projected_current_month", current ? Cell(current->total()) : Cell(nullptr));
  insight.Metric("current_month_won", current ? Cell(current->already_won) : Cell(nullptr));
  for (int k = 1; k <= 3; ++k) {
    insight.Metric("projected_month_" + std::to_string(k), projection.Find(as_of_month + k)->total());
  }
  const MonthProjection quarter = projection.NextQuarter();
  insight.Metric("projected_next_quarter", quarter.total());
  insight.Metric("projected_next_quarter_from_open_deals", quarter.from_engaging);
  insight.Metric("projected_next_quarter_new_business", quarter.new_business);
  insight.Metric("engaging_deals_projected", projection.engaging_deals);
  insight.Metric("engaging_value", projection.engaging_value);
  insight.Metric("next_quarter_win_share_of_engaging_value",
                 Number(Ratio(quarter.from_engaging, projection.engaging_value)));
  insight.Metric("tail_deals", projection.tail_deals);
  insight.Metric("prospecting_deals", projection.prospecting_deals);
  insight.Metric("prospecting_value", projection.prospecting_value);
  insight.Metric("unplaced_deals", projection.unplaced_deals);
  insight.Metric("min_deals_at_risk", WinCurve::kMinAtRisk);
  insight.Metric("horizon_days_all_products", static_cast<int64_t>(projection.survival->all().horizon()));
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

void AddProjectionDefinitions(Insight& insight) {
  insight.Define("projected_next_quarter",
                 "the point projection, kept to compare with the simulation: already won + "
                 "from_engaging_deals + new_business of the next quarter (table projection); "
                 "projected_month_k: of the k-th month after the as-of month");
  insight.Define(
      "from_engaging_deals",
      "sum over open engaged deals of estimated value x P(won in the month | still open at its age). That "
      "P comes from the product's win curve (all products' when the product has fewer than 20 wins), "
      "learned at the as-of date from every engaged deal visible then: won and lost deals are events at "
      "their engage-to-close age, open deals are censored at their age. Day by day, h_won(x) = deals won "
      "at age x / deals at risk at age x (their age reached x), S = Kaplan-Meier survival from either "
      "close, and P = sum over ages x in the month of S(x-1) h_won(x) / S(age): a deal that ages without "
      "closing keeps only the chances of the deals that were still open at that age");
  insight.Define("horizon_days",
                 "the last age of a win curve with at least min_deals_at_risk deals at risk (-1: none); up "
                 "to it the curve is estimated day by day");
  insight.Define("tail_deals",
                 "open engaged deals older than their curve's horizon. Past the horizon every day has one "
                 "pooled chance of being won (wins / deal-days at risk past the horizon) and one of being "
                 "lost, so these deals keep a chance that no longer changes with age "
                 "(tail_win_probability_90_days: within the next 90 days; 0 when no deal past the horizon "
                 "ever closed). Beyond the oldest age observed there is no data: the tail chances carry on");
  insight.Define("new_deal_win_probability_90_days",
                 "P(won within 90 days of engagement, i.e. at an age of at most 90 days) from the "
                 "product's win curve; the chart's point at age 0 is the same chance for a deal not won or "
                 "lost on its engage day");
  insight.Define("prospecting_deals",
                 "open deals without an engage date: not projected on their own, since the new-business "
                 "run rate already counts the revenue of deals engaged after the as-of date, which is where "
                 "today's prospects will come from");
  insight.Define(
      "new_business",
      "run rate k months ahead: the average, over the last 6 complete months (fewer when the first "
      "deal won by the as-of date, among all deals, closed later: earlier months do not count), of the "
      "revenue won in a month from deals engaged in that month or the k - 1 "
      "before; when the as-of month is not over, the share of it still ahead adds that share of "
      "the next step (deals engaged after the as-of date in the as-of month)");
  insight.Define("already_won", "revenue won from the first of the as-of month to the as-of date");
  insight.Define(
      "won_revenue",
      "monthly_won_revenue: revenue won by the selected deals in each of the 12 months through the "
      "as-of month");
  insight.Define("backtest_projected",
                 "this method rerun as of the day before the last complete quarter "
                 "began, for that quarter, with the same filters");
  insight.Define("backtest_actual",
                 "revenue won in that quarter by the selected deals; *_from_open_deals: by "
                 "deals in the pipeline the day before it began, *_new_business: by deals "
                 "engaged later");
  insight.Define("backtest_error_rate", "(backtest_projected - backtest_actual) / backtest_actual");
}

void AddProjectionNotes(const QueryContext& query, const RevenueProjection& projection,
                        const Backtest& backtest, Insight& insight) {
  insight.notes.push_back(
      "The forecast is the Monte Carlo simulation (table simulation); the point projection from historical "
      "rates (table projection, projected_* figures) is kept to compare with it.");
  insight.notes.push_back(
      "The point projection's win curves assume that deals open today age like the deals engaged before "
      "them; "
      "backtest_projected_from_open_deals against backtest_won_from_open_deals shows how far that held.");
  if (projection.tail_deals > 0) {
    insight.notes.push_back(std::to_string(projection.tail_deals) +
                            " engaged deals are older than their win curve's horizon (fewer than " +
                            std::to_string(WinCurve::kMinAtRisk) +
                            " deals at risk): the point projection uses the pooled tail hazard for them.");
  }
  if (projection.prospecting_deals > 0) {
    insight.notes.push_back(std::to_string(projection.prospecting_deals) + " prospecting deals (" +
                            UsdText(projection.prospecting_value) +
                            " at estimated value) have no engage date: the new-business run rate stands "
                            "for them, as for every deal engaged after the as-of date.");
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
  insight.notes.push_back(
      "Open deals have no value in the data: each is valued at its product's list price times the mean ratio "
      "of won value to list price for that product (the list price alone when the product has no won deal "
      "yet).");
}

//! The Monte Carlo forecast's periods: the range of won revenue and its parts.
Table SimulationTable(const models::ForecastResult& simulation) {
  Table table{
      "simulation",
      {"period", "already_won", "expected_from_open_deals", "expected_new_business", "p10", "p50", "p90"},
      {}};
  auto add = [&table](const models::ForecastPeriod& period) {
    table.rows.push_back({period.label, period.already_won, period.expected_from_open,
                          period.expected_new_business, period.p10, period.p50, period.p90});
  };
  for (const models::ForecastPeriod& month : simulation.months) add(month);
  add(simulation.next_quarter);
  return table;
}

//! The simulated range per period as a band chart.
ChartSpec SimulationChart(const models::ForecastResult& simulation) {
  ChartSpec chart{"simulated_range",
                  "band",
                  "Won revenue: P10-P90 range and median (simulation)",
                  "USD",
                  "period",
                  "won revenue",
                  {},
                  {{"P50", {}, {}, {}}}};
  for (const models::ForecastPeriod& month : simulation.months) {
    chart.labels.push_back(month.label);
    chart.series[0].values.push_back(month.p50);
    chart.series[0].low.push_back(month.p10);
    chart.series[0].high.push_back(month.p90);
  }
  return chart;
}

//! The simulated range of a period as three metrics `prefix`_p10, _p50, _p90 (null when not simulated).
void AddRange(const std::string& prefix, const models::ForecastPeriod* period, Insight& insight) {
  insight.Metric(prefix + "_p10", period ? Cell(period->p10) : Cell(nullptr));
  insight.Metric(prefix + "_p50", period ? Cell(period->p50) : Cell(nullptr));
  insight.Metric(prefix + "_p90", period ? Cell(period->p90) : Cell(nullptr));
}

//! The headline: the simulated next quarter and months, its decomposition and the stalled deals.
void AddSimulationMetrics(const models::ForecastResult& simulation, Insight& insight) {
  const models::ForecastPeriod& quarter = simulation.next_quarter;
  insight.Metric("next_quarter", quarter.label);
  AddRange("next_quarter", &quarter, insight);
  insight.Metric("next_quarter_expected", quarter.expected_total());
  insight.Metric("next_quarter_already_won", quarter.already_won);
  insight.Metric("next_quarter_from_open_deals", quarter.expected_from_open);
  insight.Metric("next_quarter_new_business", quarter.expected_new_business);
  // The as-of month comes first when it is not over; then months 1 to 3 after it.
  const auto as_of_month = MonthIndexOfDay(simulation.as_of);
  const models::ForecastPeriod* current = MonthIndexOfDay(simulation.months.front().first_day) == as_of_month
                                              ? &simulation.months.front()
                                              : nullptr;
  AddRange("current_month", current, insight);
  const size_t first_ahead = current ? 1 : 0;
  for (size_t k = 1; k <= 3; ++k) {
    const size_t index = first_ahead + k - 1;
    AddRange("month_" + std::to_string(k),
             index < simulation.months.size() ? &simulation.months[index] : nullptr, insight);
  }
  insight.Metric("open_deals_simulated", simulation.open_deals_simulated);
  insight.Metric("open_value_simulated", simulation.open_value);
  insight.Metric("stalled_deals", simulation.open_deals_stalled);
  insight.Metric("stalled_value", simulation.stalled_value);
  insight.Metric("stalled_expected_wins", simulation.stalled_expected_wins);
  insight.Metric("stalled_history_deals", simulation.stalled_history_deals);
  insight.Metric("stalled_history_won", simulation.stalled_history_won);
  insight.Metric("simulation_runs", static_cast<int64_t>(simulation.settings.runs));
}

void AddSimulationDefinitions(const models::ForecastResult& simulation, Insight& insight) {
  insight.Define(
      "simulation",
      "Monte Carlo over " + std::to_string(simulation.settings.runs) +
          " runs of the selected deals (with or without a filter): each open engaged deal is won with its "
          "win probability and closes "
          "after a cycle drawn from its product's won cycles longer than its age; new business is the "
          "revenue the selected deals won after one of the recent reference dates from deals engaged after "
          "it. p10/p50/p90: percentiles of the period's total over runs; next_quarter_p50 is the forecast's "
          "headline, next_quarter_already_won + _from_open_deals + _new_business its mean (expected)");
  insight.Define(
      "stalled_deals",
      "selected open deals older than their product's P95 won cycle (all products' below " +
          std::to_string(WonCycles::kMinProductWins) +
          " wins). Each is won with P = (deals stalled at least as long as it that were won later) / "
          "(deals still open that long after stalling), over every deal that stalled by the "
          "as-of date (stalled_history_deals, of which stalled_history_won were won), and closes "
          "after a delay from stalling drawn from those wins; stalled_expected_wins is the sum of "
          "their P");
}

//! The Monte Carlo range of every deal is simulated once per as-of date; a filter's, for its deals.
models::ForecastResult Simulate(const QueryContext& query) {
  if (!NarrowsDeals(query.filter)) return query.state.forecast_simulation();
  return models::SimulateForecast(query.state.forecast_basis(), query.rows, models::ForecastSettings{});
}

//! The forecast of the query's deals, computed.
Insight ComputeForecast(const QueryContext& query) {
  // The point projection of the comparison and its backtest's run on the second core while this one
  // simulates.
  std::future<std::pair<std::vector<double>, RevenueProjection>> compared =
      std::async(std::launch::async, [&query] {
        std::vector<double> past = ProjectBacktestQuarter(query);
        RevenueProjection projection =
            ProjectRevenue({query.data, query.calendar, query.snapshot, query.estimates, query.rows,
                            query.state.deal_survival()});
        return std::pair(std::move(past), std::move(projection));
      });
  const models::ForecastResult simulation = Simulate(query);
  const auto [past, projection] = compared.get();
  const Backtest backtest = CompareBacktest(query, past, projection);
  Insight insight;
  AddSimulationMetrics(simulation, insight);
  AddProjectionMetrics(projection, backtest, insight);
  AddSimulationDefinitions(simulation, insight);
  AddProjectionDefinitions(insight);
  for (const std::string& note : simulation.notes) insight.notes.push_back("Simulation: " + note);
  AddProjectionNotes(query, projection, backtest, insight);
  insight.tables.push_back(SimulationTable(simulation));
  insight.tables.push_back(ProjectionTable(projection));
  insight.tables.push_back(HistoryTable(projection));
  insight.tables.push_back(RunRateTable(projection));
  insight.tables.push_back(WinCurveTable(query, projection));
  insight.charts.push_back(HistoryAndForecastChart(projection, simulation));
  insight.charts.push_back(WinChanceByAgeChart(projection));
  insight.charts.push_back(SimulationChart(simulation));
  return insight;
}

}  // namespace

Insight Forecast(const QueryContext& query) {
  // Over every deal the forecast depends on the as-of date alone: the state keeps the first one made.
  if (NarrowsDeals(query.filter)) return ComputeForecast(query);
  return query.state.forecast_insight([&query] { return ComputeForecast(query); });
}

}  // namespace crm::analytics
