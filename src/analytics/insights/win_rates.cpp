#include "win_rates.h"

#include <algorithm>
#include <cstdio>

#include "insight_parts.h"

namespace crm::analytics {

namespace {

//! "63.2%".
std::string Percent(double fraction) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f%%", fraction * 100);
  return text;
}

//! "Ann 80.0% (95% interval 49.0–94.3%, 10 closed)".
std::string Describe(const std::string& label, const WinCount& wins) {
  const Interval interval = wins.interval();
  return label + " " + Percent(wins.rate()) + " (95% interval " + Percent(interval.low) + "–" +
         Percent(interval.high) + ", " + std::to_string(wins.closed()) + " closed)";
}

//! True when `a`'s rate is further than `b`'s in the direction of `sign` (+1: higher, −1: lower); at the
//! same rate, when `a` has the larger sample.
bool MoreExtreme(const WinCount& a, const WinCount& b, double sign) {
  const double rate_a = a.rate(), rate_b = b.rate();
  return rate_a != rate_b ? sign * (rate_a - rate_b) > 0 : a.closed() > b.closed();
}

//! The groups with the highest and the lowest win rate, and how many groups have a closed deal.
struct Extremes {
  size_t highest;
  size_t lowest;
  size_t groups = 0;
};

//! The extremes among the groups with a closed deal; the lowest is another group than the highest
//! (highest and lowest are wins.size() when missing).
Extremes FindExtremes(const std::vector<WinCount>& wins) {
  Extremes extremes{wins.size(), wins.size()};
  for (size_t i = 0; i < wins.size(); ++i) {
    if (wins[i].closed() == 0) continue;
    ++extremes.groups;
    if (extremes.highest == wins.size() || MoreExtreme(wins[i], wins[extremes.highest], 1))
      extremes.highest = i;
  }
  for (size_t i = 0; i < wins.size(); ++i) {
    if (wins[i].closed() == 0 || i == extremes.highest) continue;
    if (extremes.lowest == wins.size() || MoreExtreme(wins[i], wins[extremes.lowest], -1))
      extremes.lowest = i;
  }
  return extremes;
}

//! The numbers of one column of a table, NaN for missing cells.
std::vector<double> ColumnValues(const Table& table, const std::string& column) {
  const auto index = static_cast<size_t>(std::find(table.columns.begin(), table.columns.end(), column) -
                                         table.columns.begin());
  std::vector<double> values;
  for (const auto& row : table.rows)
    values.push_back(index < row.size() ? CellNumber(row[index]) : kNoNumber);
  return values;
}

}  // namespace

bool RanksHigher(const WinCount& a, const WinCount& b) { return MoreExtreme(a, b, 1); }

WinCount WinsOf(const GroupTotals& totals) {
  return {totals.count(DealStage::kWon), totals.count(DealStage::kLost)};
}

const std::vector<std::string>& WinRateColumns() {
  static const std::vector<std::string> columns = {"win_rate", "win_rate_low", "win_rate_high"};
  return columns;
}

void AppendWinRate(std::vector<Cell>& row, const WinCount& wins) {
  const Interval interval = wins.interval();
  row.push_back(Number(wins.rate()));
  row.push_back(Number(interval.low));
  row.push_back(Number(interval.high));
}

void WinRateMetrics(Insight& insight, const std::string& name, const WinCount& wins) {
  const Interval interval = wins.interval();
  insight.Metric(name, Number(wins.rate()));
  insight.Metric(name + "_low", Number(interval.low));
  insight.Metric(name + "_high", Number(interval.high));
}

void DefineWinRate(Insight& insight) {
  insight.Define("win_rate",
                 "won deals / (won + lost deals) among the deals closed by the as-of date; open deals "
                 "are left out");
  insight.Define("win_rate_low", "lower bound of the 95% Wilson score interval of the win rate");
  insight.Define("win_rate_high", "upper bound of the 95% Wilson score interval of the win rate");
}

ChartSpec WinRateChart(const Table& table, std::string id, std::string type, std::string title) {
  ChartSpec chart =
      ColumnChart(table, "win_rate", std::move(id), std::move(type), std::move(title), "percent");
  chart.series.front().low = ColumnValues(table, "win_rate_low");
  chart.series.front().high = ColumnValues(table, "win_rate_high");
  return chart;
}

void WinRateSpread(Insight& insight, const std::string& noun, const std::vector<std::string>& labels,
                   const std::vector<WinCount>& wins) {
  const auto [highest, lowest, groups] = FindExtremes(wins);
  const bool spread = groups >= 2;
  const Interval high = spread ? wins[highest].interval() : Interval{};
  const Interval low = spread ? wins[lowest].interval() : Interval{};
  const bool overlap = spread && low.high >= high.low;
  insight.Metric("highest_win_rate_" + noun, spread ? Cell(labels[highest]) : Cell(nullptr));
  insight.Metric("highest_win_rate", spread ? Number(wins[highest].rate()) : Cell(nullptr));
  insight.Metric("lowest_win_rate_" + noun, spread ? Cell(labels[lowest]) : Cell(nullptr));
  insight.Metric("lowest_win_rate", spread ? Number(wins[lowest].rate()) : Cell(nullptr));
  insight.Metric("win_rate_gap", spread ? Number(wins[highest].rate() - wins[lowest].rate()) : Cell(nullptr));
  insight.Metric("highest_lowest_intervals_overlap",
                 spread ? Cell(std::string(overlap ? "yes" : "no")) : Cell(nullptr));
  insight.Define("win_rate_gap", "highest minus lowest win rate among the " + noun +
                                     "s with a closed deal (ties go to the larger sample)");
  insight.Define("highest_lowest_intervals_overlap",
                 "yes when the 95% Wilson intervals of the highest and the lowest win rate overlap");
  if (!spread) {
    insight.notes.push_back("Fewer than two " + noun +
                            "s have a closed deal: no spread of win rates to compare.");
    return;
  }
  insight.notes.push_back(
      "Highest win rate: " + Describe(labels[highest], wins[highest]) +
      "; lowest: " + Describe(labels[lowest], wins[lowest]) +
      (overlap ? ". Their 95% intervals overlap: the gap may be noise, not a real difference."
               : ". Their 95% intervals do not overlap: the gap is unlikely to be sampling noise alone, "
                 "though the "
                 "extremes of " +
                     std::to_string(groups) + " " + noun + "s are extreme partly by selection."));
}

}  // namespace crm::analytics
