#include "new_business_history.h"

#include <algorithm>

namespace crm::models {

namespace {

//! For every day from `first` on, the period of each reference date's windows it falls in (-1: none):
//! [day - first][reference], so that a deal's close day finds its periods in one lookup.
class PeriodsByDay {
 public:
  PeriodsByDay(const std::vector<std::vector<DayRange>>& windows, int32_t first) : first_(first) {
    int32_t last = first - 1;
    for (const std::vector<DayRange>& periods : windows) {
      for (const DayRange& period : periods) last = std::max(last, period.last);
    }
    references_ = windows.size();
    periods_.assign(static_cast<size_t>(last - first + 1) * references_, -1);
    for (size_t r = 0; r < windows.size(); ++r) {
      for (size_t period = 0; period < windows[r].size(); ++period) {
        const DayRange& days = windows[r][period];
        for (int32_t day = std::max(days.first, first); day <= days.last; ++day) {
          periods_[static_cast<size_t>(day - first) * references_ + r] = static_cast<int8_t>(period);
        }
      }
    }
  }

  //! The periods of `day` per reference date; null when it lies outside every window.
  const int8_t* At(int32_t day) const {
    const int64_t offset = static_cast<int64_t>(day) - first_;
    if (offset < 0 || static_cast<size_t>(offset) * references_ >= periods_.size()) return nullptr;
    return periods_.data() + static_cast<size_t>(offset) * references_;
  }

 private:
  int32_t first_;
  size_t references_ = 0;
  std::vector<int8_t> periods_;
};

}  // namespace

NewBusinessHistory MeasureNewBusiness(const Dataset& data, const analytics::PipelineSnapshot& snapshot,
                                      std::span<const int32_t> rows, const ForecastHorizon& horizon,
                                      int32_t first_won_day) {
  NewBusinessHistory history;
  if (first_won_day == kNoDay) return history;
  std::vector<std::vector<DayRange>> windows;
  const int32_t first_shift = horizon.FirstFullShift();
  for (int32_t shift = first_shift; shift < first_shift + NewBusinessHistory::kReferenceDates; ++shift) {
    const int32_t reference = horizon.ShiftedAsOf(shift);
    if (reference + 1 < first_won_day) break;
    history.reference_days.push_back(reference);
    windows.push_back(horizon.ShiftedDays(shift));
    history.revenue.emplace_back(static_cast<size_t>(horizon.size()), 0.0);
  }
  if (history.reference_days.empty()) return history;
  const int32_t earliest = history.reference_days.back() + 1;
  const PeriodsByDay periods_by_day(windows, earliest);
  const OpportunityColumns& deals = data.opportunities;
  for (int32_t row : rows) {
    const auto i = static_cast<size_t>(row);
    if (snapshot.Stage(row) != DealStage::kWon) continue;
    const int32_t closed = deals.close_date[i];
    if (closed == kNoDay || closed < earliest) continue;
    const int8_t* periods = periods_by_day.At(closed);
    const int32_t engaged = deals.engage_date[i];
    if (periods == nullptr || engaged == kNoDay || !HasValue(deals.close_value[i])) continue;
    for (size_t r = 0; r < windows.size(); ++r) {
      if (periods[r] < 0 || engaged <= history.reference_days[r]) continue;
      history.revenue[r][static_cast<size_t>(periods[r])] += deals.close_value[i];
    }
  }
  return history;
}

}  // namespace crm::models
