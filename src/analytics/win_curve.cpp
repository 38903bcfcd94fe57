#include "crm/analytics/win_curve.h"

#include <algorithm>
#include <cmath>

namespace crm::analytics {

WinCurve::WinCurve(const DayHistogram& won, const DayHistogram& lost, const DayHistogram& open)
    : oldest_(std::max({won.Longest(), lost.Longest(), open.Longest()})) {
  int64_t at_risk = won.size() + lost.size() + open.size();  // deals whose age reached the day
  double alive = 1, won_by = 0;
  int32_t age = 0;
  for (; age <= oldest_ && at_risk >= kMinAtRisk; ++age) {
    const int64_t wins = won.CountBetween(age, age), losses = lost.CountBetween(age, age);
    won_by += alive * static_cast<double>(wins) / static_cast<double>(at_risk);
    alive *= 1 - static_cast<double>(wins + losses) / static_cast<double>(at_risk);
    survival_.push_back(alive);
    won_by_.push_back(won_by);
    at_risk -= wins + losses + open.CountBetween(age, age);
  }
  int64_t exposure = 0, tail_wins = 0, tail_losses = 0;  // deal-days at risk and events in the tail
  for (; age <= oldest_; ++age) {
    const int64_t wins = won.CountBetween(age, age), losses = lost.CountBetween(age, age);
    exposure += at_risk;
    tail_wins += wins;
    tail_losses += losses;
    at_risk -= wins + losses + open.CountBetween(age, age);
  }
  if (exposure > 0) {
    tail_win_hazard_ = static_cast<double>(tail_wins) / static_cast<double>(exposure);
    tail_loss_hazard_ = static_cast<double>(tail_losses) / static_cast<double>(exposure);
  }
}

double WinCurve::Survival(int32_t age) const {
  if (age < 0) return 1;
  if (age <= horizon()) return survival_[static_cast<size_t>(age)];
  const double at_horizon = horizon() >= 0 ? survival_.back() : 1;
  return at_horizon * std::pow(1 - tail_win_hazard_ - tail_loss_hazard_, age - horizon());
}

double WinCurve::WonBy(int32_t age) const {
  if (age < 0) return 0;
  if (age <= horizon()) return won_by_[static_cast<size_t>(age)];
  const double won_at_horizon = horizon() >= 0 ? won_by_.back() : 0;
  const double closing = tail_win_hazard_ + tail_loss_hazard_;
  if (closing == 0) return won_at_horizon;
  // Each tail day wins hazard x survival so far: a geometric series.
  const double alive_at_horizon = Survival(horizon());
  return won_at_horizon +
         alive_at_horizon * tail_win_hazard_ / closing * (1 - std::pow(1 - closing, age - horizon()));
}

}  // namespace crm::analytics
