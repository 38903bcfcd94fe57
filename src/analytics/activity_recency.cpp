#include "crm/analytics/activity_recency.h"

#include <algorithm>
#include <utility>

namespace crm::analytics {

namespace {

//! True when the deal exists and is won at the snapshot's date.
inline bool WonAt(const PipelineSnapshot& snapshot, int32_t deal) {
  return snapshot.Visible(deal) && snapshot.Stage(deal) == DealStage::kWon;
}

//! Gaps between consecutive activities of won deals, sorting their (deal, day) pairs.
DayHistogram GapsBySorting(const Dataset& data, const PipelineSnapshot& snapshot) {
  const ActivityColumns& activities = data.activities;
  std::vector<std::pair<int32_t, int32_t>> won;
  for (size_t i = 0; i < activities.size(); ++i) {
    const int32_t day = activities.date[i], deal = activities.opportunity[i];
    if (deal != kNoIndex && day <= snapshot.as_of() && WonAt(snapshot, deal)) won.emplace_back(deal, day);
  }
  std::sort(won.begin(), won.end());
  DayHistogram gaps;
  for (size_t i = 1; i < won.size(); ++i) {
    if (won[i].first == won[i - 1].first) gaps.Add(won[i].second - won[i - 1].second);
  }
  return gaps;
}

}  // namespace

ActivityRecency CollectActivityRecency(const Dataset& data, const PipelineSnapshot& snapshot) {
  const ActivityColumns& activities = data.activities;
  ActivityRecency recency;
  recency.present = activities.size() > 0;
  recency.last_by_deal.assign(data.opportunities.size(), kNoDay);
  recency.last_by_account.assign(data.accounts.size(), kNoDay);
  bool in_order = true;
  for (size_t i = 0; i < activities.size(); ++i) {
    const int32_t day = activities.date[i], deal = activities.opportunity[i];
    if (day > snapshot.as_of()) continue;
    if (const int32_t account = activities.account[i]; account != kNoIndex) {
      recency.last_by_account[account] = std::max(recency.last_by_account[account], day);
    }
    if (deal == kNoIndex) continue;
    int32_t& last = recency.last_by_deal[deal];
    const int32_t previous = last;
    last = std::max(last, day);
    // Without branches on the deal: its first activity and the activities of deals not won count zero.
    const bool counted = (previous != kNoDay) & WonAt(snapshot, deal);
    in_order &= !counted | (day >= previous);
    recency.won_gaps.Add(counted ? day - previous : 0, counted);
  }
  if (!in_order) recency.won_gaps = GapsBySorting(data, snapshot);
  recency.won_gaps.Finish();
  return recency;
}

}  // namespace crm::analytics
