#pragma once
// Win rates with their 95% Wilson intervals: counts, table cells, metrics, charts, and the spread
// between the best and the worst group, told honestly about noise.

#include <cstdint>
#include <string>
#include <vector>

#include "crm/analytics/insight.h"
#include "crm/analytics/statistics.h"
#include "crm/analytics/tally.h"

namespace crm::analytics {

//! Won and lost deals of one group: all a win rate and its interval need.
struct WinCount {
  int64_t won = 0;
  int64_t lost = 0;

  //! Counts a deal in `stage` (open stages are not counted).
  void Add(DealStage stage) {
    won += stage == DealStage::kWon;
    lost += stage == DealStage::kLost;
  }
  //! Adds another count.
  void Add(const WinCount& other) {
    won += other.won;
    lost += other.lost;
  }
  //! Won + lost.
  int64_t closed() const { return won + lost; }
  //! Won / closed, NaN when nothing closed.
  double rate() const { return Ratio(static_cast<double>(won), static_cast<double>(closed())); }
  //! The 95% Wilson interval of the rate, NaN bounds when nothing closed.
  Interval interval() const { return WilsonInterval(won, closed()); }
};

//! True when `a` ranks above `b`: a higher win rate, then (same rate) a larger sample. For groups with a
//! closed deal.
bool RanksHigher(const WinCount& a, const WinCount& b);

//! The won and lost counts of group totals.
WinCount WinsOf(const GroupTotals& totals);

//! The names of the three cells AppendWinRate adds: win_rate, win_rate_low, win_rate_high.
const std::vector<std::string>& WinRateColumns();

//! Appends win_rate, win_rate_low and win_rate_high to a table row (missing when nothing closed).
void AppendWinRate(std::vector<Cell>& row, const WinCount& wins);

//! Adds the metrics `name`, `name`_low and `name`_high: a win rate and its 95% Wilson interval.
void WinRateMetrics(Insight& insight, const std::string& name, const WinCount& wins);

//! Defines win_rate, win_rate_low and win_rate_high.
void DefineWinRate(Insight& insight);

//! A chart of a table's win_rate column against its first column, with the interval as low/high.
ChartSpec WinRateChart(const Table& table, std::string id, std::string type, std::string title);

//! Adds metrics naming the `noun` with the highest and the lowest win rate among `labels` with a closed
//! deal (ties go to the larger sample, then to the earlier; the lowest is another group than the highest),
//! the gap, whether their intervals overlap, and a note on what that says about noise.
void WinRateSpread(Insight& insight, const std::string& noun, const std::vector<std::string>& labels,
                   const std::vector<WinCount>& wins);

}  // namespace crm::analytics
