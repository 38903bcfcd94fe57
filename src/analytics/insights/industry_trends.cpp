// industry_trends: won revenue, deals, win rate and share per sector per quarter, and which sectors grow.
#include <algorithm>
#include <cmath>
#include <numeric>

#include "crm/analytics/dense_series.h"
#include "crm/analytics/period.h"
#include "insight_parts.h"
#include "insights.h"
#include "win_rates.h"

namespace crm::analytics {

namespace {

//! What the deals of one sector closed in one period (or in all).
struct SectorClosed {
  WinCount wins;
  double won_revenue = 0;

  //! Counts a closed deal.
  void Add(DealStage stage, double value) {
    wins.Add(stage);
    if (stage == DealStage::kWon && HasValue(value)) won_revenue += value;
  }
  //! Adds another record.
  void Add(const SectorClosed& other) {
    wins.Add(other.wins);
    won_revenue += other.won_revenue;
  }
};

//! The selected deals by sector key (Grouping by sector; the last key: no sector) and quarter of close.
struct SectorFacts {
  std::vector<int64_t> deals;                       //!< selected deals per sector key
  DenseSeries<std::vector<SectorClosed>> quarters;  //!< per quarter, per sector key
  std::vector<SectorClosed> totals;                 //!< per sector key, all quarters
  std::vector<double> quarter_revenue;              //!< won revenue of every key, per quarter from first
};

//! The sector key of each account as Grouping by sector gives it, at index account + 1 (0: no account):
//! a lookup the pass over the deals can inline.
std::vector<int32_t> SectorKeyOfAccount(const Dataset& data, const Grouping& sectors) {
  std::vector<int32_t> keys{sectors.MissingKey()};
  for (const Account& account : data.accounts) {
    keys.push_back(account.sector == kNoIndex ? sectors.MissingKey() : account.sector);
  }
  return keys;
}

//! One pass over the selected deals.
SectorFacts CollectFacts(const QueryContext& query, const Grouping& sectors) {
  const auto keys = static_cast<size_t>(sectors.size());
  const std::vector<int32_t> key_of_account = SectorKeyOfAccount(query.data, sectors);
  const std::vector<int32_t>& accounts = query.data.opportunities.account;
  SectorFacts facts;
  facts.deals.assign(keys, 0);
  for (int32_t row : query.rows) {
    const auto key = static_cast<size_t>(key_of_account[static_cast<size_t>(accounts[row] + 1)]);
    ++facts.deals[key];
    const int32_t day = query.snapshot.CloseDate(row);
    if (day == kNoDay) continue;
    std::vector<SectorClosed>& cells = facts.quarters.At(query.calendar.Quarter(day));
    if (cells.empty()) cells.resize(keys);
    cells[key].Add(query.snapshot.Stage(row), query.snapshot.CloseValue(row));
  }
  facts.totals.resize(keys);
  for (int32_t quarter = facts.quarters.first(); quarter < facts.quarters.end(); ++quarter) {
    std::vector<SectorClosed>& cells = facts.quarters.At(quarter);
    cells.resize(keys);  // quarters between two met ones were created empty
    double revenue = 0;
    for (size_t key = 0; key < keys; ++key) {
      facts.totals[key].Add(cells[key]);
      revenue += cells[key].won_revenue;
    }
    facts.quarter_revenue.push_back(revenue);
  }
  return facts;
}

//! The sector keys (the missing key left out) in label order.
std::vector<int32_t> SectorsByLabel(const Grouping& sectors) {
  std::vector<int32_t> keys(static_cast<size_t>(sectors.MissingKey()));
  std::iota(keys.begin(), keys.end(), 0);
  std::sort(keys.begin(), keys.end(),
            [&](int32_t a, int32_t b) { return sectors.Label(a) < sectors.Label(b); });
  return keys;
}

//! The quarter's won revenue of all selected deals, 0 outside the quarters met.
double QuarterRevenue(const SectorFacts& facts, int32_t quarter) {
  if (facts.quarters.empty() || quarter < facts.quarters.first() || quarter >= facts.quarters.end()) return 0;
  return facts.quarter_revenue[static_cast<size_t>(quarter - facts.quarters.first())];
}

//! The won revenue of a sector in a quarter, 0 outside the quarters met.
double SectorRevenue(const SectorFacts& facts, int32_t quarter, int32_t key) {
  if (facts.quarters.empty() || quarter < facts.quarters.first() || quarter >= facts.quarters.end()) return 0;
  return facts.quarters[quarter][static_cast<size_t>(key)].won_revenue;
}

//! One row per sector and quarter with a closed deal, quarters in order, sectors by label.
Table SectorQuarterTable(const Grouping& sectors, const std::vector<int32_t>& order,
                         const SectorFacts& facts) {
  Table table{"by_sector_quarter", {"quarter", "sector", "won_revenue", "won_deals", "lost_deals"}, {}};
  table.columns.insert(table.columns.end(), WinRateColumns().begin(), WinRateColumns().end());
  table.columns.push_back("revenue_share");
  for (int32_t quarter = facts.quarters.first(); quarter < facts.quarters.end(); ++quarter) {
    for (int32_t key : order) {
      const SectorClosed& cell = facts.quarters[quarter][static_cast<size_t>(key)];
      if (cell.wins.closed() == 0) continue;
      std::vector<Cell> row{QuarterLabel(quarter), sectors.Label(key), cell.won_revenue, cell.wins.won,
                            cell.wins.lost};
      AppendWinRate(row, cell.wins);
      row.push_back(Number(Ratio(cell.won_revenue, QuarterRevenue(facts, quarter))));
      table.rows.push_back(std::move(row));
    }
  }
  return table;
}

//! Per sector over all quarters, the first `top` by won revenue.
Table SectorTable(const Grouping& sectors, std::vector<int32_t> order, const SectorFacts& facts,
                  double revenue, size_t top) {
  std::stable_sort(order.begin(), order.end(), [&](int32_t a, int32_t b) {
    return facts.totals[static_cast<size_t>(a)].won_revenue >
           facts.totals[static_cast<size_t>(b)].won_revenue;
  });
  Table table{"by_sector", {"sector", "deals", "won_revenue", "won_deals", "lost_deals"}, {}};
  table.columns.insert(table.columns.end(), WinRateColumns().begin(), WinRateColumns().end());
  table.columns.push_back("revenue_share");
  for (int32_t key : order) {
    if (table.rows.size() == top) break;
    const auto k = static_cast<size_t>(key);
    if (facts.deals[k] == 0) continue;
    const SectorClosed& total = facts.totals[k];
    std::vector<Cell> row{sectors.Label(key), facts.deals[k], total.won_revenue, total.wins.won,
                          total.wins.lost};
    AppendWinRate(row, total.wins);
    row.push_back(Number(Ratio(total.won_revenue, revenue)));
    table.rows.push_back(std::move(row));
  }
  return table;
}

//! The won revenue per quarter and sector, stacked by sector.
ChartSpec RevenueChart(const Grouping& sectors, const std::vector<int32_t>& order, const SectorFacts& facts) {
  ChartSpec chart{"won_revenue_by_quarter",
                  "stacked_bar",
                  "Won revenue by quarter and sector",
                  "USD",
                  "quarter",
                  "won_revenue",
                  {},
                  {}};
  for (int32_t quarter = facts.quarters.first(); quarter < facts.quarters.end(); ++quarter) {
    chart.labels.push_back(QuarterLabel(quarter));
  }
  for (int32_t key : order) {
    if (facts.totals[static_cast<size_t>(key)].wins.closed() == 0) continue;
    ChartSeries series{sectors.Label(key), {}, {}, {}};
    for (int32_t quarter = facts.quarters.first(); quarter < facts.quarters.end(); ++quarter) {
      series.values.push_back(SectorRevenue(facts, quarter, key));
    }
    chart.series.push_back(std::move(series));
  }
  return chart;
}

//! One sector's won revenue in the two quarters compared.
struct Growth {
  int32_t key;
  double previous;
  double last;
  double rate() const { return Ratio(last - previous, previous); }
};

//! Sectors with won revenue in either quarter, fastest growth first; sectors new in the last quarter
//! (no growth rate) after those with one, then by their change.
std::vector<Growth> SectorGrowth(const std::vector<int32_t>& order, const SectorFacts& facts, int32_t last) {
  std::vector<Growth> growth;
  for (int32_t key : order) {
    const Growth one{key, SectorRevenue(facts, last - 1, key), SectorRevenue(facts, last, key)};
    if (one.previous != 0 || one.last != 0) growth.push_back(one);
  }
  std::stable_sort(growth.begin(), growth.end(), [](const Growth& a, const Growth& b) {
    const double rate_a = a.rate(), rate_b = b.rate();
    if (std::isnan(rate_a) != std::isnan(rate_b)) return !std::isnan(rate_a);
    if (!std::isnan(rate_a) && rate_a != rate_b) return rate_a > rate_b;
    return a.last - a.previous > b.last - b.previous;
  });
  return growth;
}

//! One row per sector of the growth ranking.
Table GrowthTable(const Grouping& sectors, const std::vector<Growth>& growth) {
  Table table{"growth", {"sector", "previous", "last", "change", "growth_rate"}, {}};
  for (const Growth& one : growth) {
    table.rows.push_back(
        {sectors.Label(one.key), one.previous, one.last, one.last - one.previous, Number(one.rate())});
  }
  return table;
}

//! Names of the sectors whose won revenue rose (or fell), comma-separated, in growth order.
std::string SectorNames(const Grouping& sectors, const std::vector<Growth>& growth, bool rising) {
  std::string names;
  for (const Growth& one : growth) {
    if (rising ? one.last > one.previous : one.last < one.previous) {
      names += (names.empty() ? "" : ", ") + sectors.Label(one.key);
    }
  }
  return names;
}

//! Metrics on the growth: the quarters compared, total growth, top grower and decliner, who grows and
//! shrinks.
void GrowthMetrics(Insight& insight, const Grouping& sectors, const std::vector<Growth>& growth,
                   const SectorFacts& facts, int32_t last) {
  insight.Metric("growth_quarter", QuarterLabel(last));
  insight.Metric("previous_quarter", QuarterLabel(last - 1));
  insight.Metric("total_growth_rate",
                 Number(Ratio(QuarterRevenue(facts, last) - QuarterRevenue(facts, last - 1),
                              QuarterRevenue(facts, last - 1))));
  const auto grower =
      std::find_if(growth.begin(), growth.end(), [](const Growth& g) { return g.rate() > 0; });
  const auto decliner =
      std::find_if(growth.rbegin(), growth.rend(), [](const Growth& g) { return g.rate() < 0; });
  const bool grows = grower != growth.end(), declines = decliner != growth.rend();
  insight.Metric("top_grower", grows ? Cell(sectors.Label(grower->key)) : Cell(nullptr));
  insight.Metric("top_grower_growth_rate", grows ? Number(grower->rate()) : Cell(nullptr));
  insight.Metric("top_decliner", declines ? Cell(sectors.Label(decliner->key)) : Cell(nullptr));
  insight.Metric("top_decliner_growth_rate", declines ? Number(decliner->rate()) : Cell(nullptr));
  insight.Metric("growing_sectors", SectorNames(sectors, growth, true));
  insight.Metric("shrinking_sectors", SectorNames(sectors, growth, false));
}

//! The last quarter complete at the as-of date (the as-of date is on or after its last day), and no later
//! than the quarter of the latest close date in the data up to the as-of date: an as-of date past the end
//! of the data compares the last quarters of the data, not empty ones.
int32_t LastCompleteQuarter(const QueryContext& query) {
  const int32_t as_of = query.filter.as_of;
  int32_t latest_close = kNoDay;
  for (int32_t day : query.data.opportunities.close_date)
    latest_close = std::max(latest_close, day <= as_of ? day : kNoDay);
  const int32_t complete = query.calendar.Quarter(as_of + 1) - 1;
  return latest_close == kNoDay ? complete : std::min(complete, query.calendar.Quarter(latest_close));
}

//! Definitions of the figures and notes on the quarters compared, the period filter, deals without a sector.
void Explain(Insight& insight, const QueryContext& query, int64_t without_sector, int32_t last) {
  insight.Define("by_sector_quarter",
                 "deals closed in each calendar quarter (by close date) per sector of the "
                 "deal's account; rows with at least one closed deal");
  insight.Define("by_sector", "every quarter together, highest won revenue first; --top N keeps the first N");
  insight.Define("revenue_share",
                 "the sector's won revenue / all won revenue of the selected deals in the same "
                 "quarter (by_sector: in all quarters), deals without a sector included");
  DefineWinRate(insight);
  insight.Define("growth_quarter",
                 "the last quarter complete at the as-of date (the as-of date is on or after "
                 "its last day) that is not after the data's latest close date, compared with "
                 "previous_quarter");
  insight.Define("growth_rate",
                 "(won revenue in growth_quarter − in previous_quarter) / in previous_quarter; "
                 "none when previous_quarter had no won revenue");
  insight.Define("top_grower", "the sector with the highest positive growth_rate");
  insight.Define("top_decliner", "the sector with the most negative growth_rate");
  insight.Define("growing_sectors",
                 "sectors whose won revenue rose from previous_quarter to growth_quarter "
                 "(shrinking_sectors: fell), in growth order");
  insight.Define("deals_without_sector",
                 "selected deals without an account, or whose account has no sector: "
                 "left out of the sector rows");
  insight.notes.push_back("Growth compares " + QuarterLabel(last) + " with " + QuarterLabel(last - 1) +
                          ": the last quarter complete on the as-of date, by close date.");
  if (query.filter.period) {
    insight.notes.push_back(
        "The period filter selects only deals dated in " + query.filter.period->label +
        ": quarters outside it show no revenue, so growth against them is not meaningful.");
  }
  if (without_sector > 0) {
    insight.notes.push_back(
        std::to_string(without_sector) +
        " selected deals have no sector (no account, or an account without one): their won "
        "revenue counts in the totals behind revenue_share, but they have no sector row.");
  }
}

}  // namespace

Insight IndustryTrends(const QueryContext& query) {
  Insight insight;
  const Grouping sectors = query.GroupBy(Dimension::kSector);
  const SectorFacts facts = CollectFacts(query, sectors);
  const std::vector<int32_t> order = SectorsByLabel(sectors);
  const auto missing = static_cast<size_t>(sectors.MissingKey());
  double revenue = 0;
  for (const SectorClosed& total : facts.totals) revenue += total.won_revenue;
  const int32_t last = LastCompleteQuarter(query);
  const std::vector<Growth> growth = SectorGrowth(order, facts, last);

  insight.Metric("sectors", static_cast<int64_t>(std::count_if(order.begin(), order.end(), [&](int32_t key) {
                   return facts.deals[static_cast<size_t>(key)] > 0;
                 })));
  insight.Metric("won_revenue", revenue);
  insight.Metric("deals_without_sector", facts.deals[missing]);
  insight.Metric("won_revenue_without_sector", facts.totals[missing].won_revenue);
  GrowthMetrics(insight, sectors, growth, facts, last);

  insight.tables.push_back(SectorQuarterTable(sectors, order, facts));
  insight.tables.push_back(SectorTable(sectors, order, facts, revenue, TopN(query, order.size())));
  insight.tables.push_back(GrowthTable(sectors, growth));
  insight.charts.push_back(RevenueChart(sectors, order, facts));
  insight.charts.push_back(
      ColumnChart(insight.tables[2], "growth_rate", "growth_by_sector", "bar",
                  "Won revenue growth " + QuarterLabel(last - 1) + " → " + QuarterLabel(last), "percent"));

  Explain(insight, query, facts.deals[missing], last);
  return insight;
}

}  // namespace crm::analytics
