#pragma once
// The chance that an open deal is won in a window of days ahead, given how long it has been open: a
// competing-risks (won, lost) Kaplan-Meier estimate at day resolution over engaged deals, where deals still
// open count as censored at their current age. Ages with fewer than kMinAtRisk deals at risk form the tail
// and share one daily hazard of winning and one of losing, pooled over them.

#include <cstdint>
#include <vector>

#include "crm/analytics/day_histogram.h"

namespace crm::analytics {

//! Survival and cumulative chance of winning by days since engagement.
class WinCurve {
 public:
  //! An age with fewer deals at risk than this belongs to the tail.
  static constexpr int64_t kMinAtRisk = 20;

  //! A curve without data: nothing closes.
  WinCurve() = default;
  //! From the ages (days since engagement) at which deals were won, lost, or last seen open; histograms
  //! finished.
  WinCurve(const DayHistogram& won, const DayHistogram& lost, const DayHistogram& open);

  //! P(not closed by the end of day `age`).
  double Survival(int32_t age) const;
  //! P(won on or before day `age`) from engagement.
  double WonBy(int32_t age) const;
  //! P(won on a day in (from, to] | still open at the end of day `age`), for age <= from.
  double WinProbability(int32_t age, int32_t from, int32_t to) const {
    const double alive = Survival(age);
    return alive > 0 ? (WonBy(to) - WonBy(from)) / alive : 0;
  }
  //! The last age estimated day by day; -1 when every age is in the tail.
  int32_t horizon() const { return static_cast<int32_t>(survival_.size()) - 1; }
  //! The oldest age counted, -1 without data.
  int32_t oldest() const { return oldest_; }
  //! Daily chance of being won beyond the horizon, per deal still open.
  double tail_win_hazard() const { return tail_win_hazard_; }
  //! Daily chance of being lost beyond the horizon, per deal still open.
  double tail_loss_hazard() const { return tail_loss_hazard_; }

 private:
  std::vector<double> survival_;  //!< [age <= horizon]: Survival(age)
  std::vector<double> won_by_;    //!< [age <= horizon]: WonBy(age)
  int32_t oldest_ = -1;
  double tail_win_hazard_ = 0;
  double tail_loss_hazard_ = 0;
};

}  // namespace crm::analytics
