#include "new_business_history.h"

namespace crm::models {

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
  const OpportunityColumns& deals = data.opportunities;
  for (int32_t row : rows) {
    const auto i = static_cast<size_t>(row);
    if (snapshot.Stage(row) != DealStage::kWon) continue;
    const int32_t closed = deals.close_date[i], engaged = deals.engage_date[i];
    if (closed == kNoDay || closed < earliest || engaged == kNoDay || !HasValue(deals.close_value[i])) {
      continue;
    }
    for (size_t r = 0; r < windows.size(); ++r) {
      if (engaged <= history.reference_days[r]) continue;
      for (size_t period = 0; period < windows[r].size(); ++period) {
        if (windows[r][period].Contains(closed)) history.revenue[r][period] += deals.close_value[i];
      }
    }
  }
  return history;
}

}  // namespace crm::models
