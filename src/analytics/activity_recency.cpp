#include "crm/analytics/activity_recency.h"

#include <algorithm>
#include <utility>

#include "two_threads.h"

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

//! What one part of the activities adds: latest days per account, gaps of won deals, and whether the
//! part kept to its deals and to date order within each deal.
struct RecencyPart {
  std::vector<int32_t> last_by_account;
  DayHistogram won_gaps;
  bool in_order = true;   //!< each deal's activities in date order
  bool own_deals = true;  //!< every activity's deal within the part's deal range
};

//! The first deal named at or after activity `at`, kNoIndex when none.
int32_t FirstDealFrom(const std::vector<int32_t>& deals, size_t at) {
  for (; at < deals.size(); ++at) {
    if (deals[at] != kNoIndex) return deals[at];
  }
  return kNoIndex;
}

//! Adds activities [begin, end) to `part` and to `last_by_deal`, whose entries from `first_deal` to before
//! `end_deal` it alone writes: an activity of another deal is left out and clears `part.own_deals`.
void AddActivities(const Dataset& data, const PipelineSnapshot& snapshot, size_t begin, size_t end,
                   int32_t first_deal, int32_t end_deal, std::vector<int32_t>& last_by_deal,
                   RecencyPart& part) {
  const int32_t* dates = data.activities.date.data();
  const int32_t* deals = data.activities.opportunity.data();
  const int32_t* accounts = data.activities.account.data();
  int32_t* last_by_account = part.last_by_account.data();
  const int32_t as_of = snapshot.as_of();
  bool in_order = true, own_deals = true;  // locals, not members, in the loop
  for (size_t i = begin; i < end; ++i) {
    const int32_t day = dates[i], deal = deals[i];
    if (day > as_of) continue;
    if (const int32_t account = accounts[i]; account != kNoIndex) {
      last_by_account[account] = std::max(last_by_account[account], day);
    }
    if (deal == kNoIndex) continue;
    if (deal < first_deal || deal >= end_deal) {
      own_deals = false;
      continue;
    }
    int32_t& last = last_by_deal[deal];
    const int32_t previous = last;
    last = std::max(last, day);
    // Without branches on the deal: its first activity and the activities of deals not won count zero.
    const bool counted = (previous != kNoDay) & WonAt(snapshot, deal);
    in_order &= !counted | (day >= previous);
    part.won_gaps.Add(counted ? day - previous : 0, counted);
  }
  part.in_order &= in_order;
  part.own_deals &= own_deals;
}

}  // namespace

ActivityRecency CollectActivityRecency(const Dataset& data, const PipelineSnapshot& snapshot) {
  const ActivityColumns& activities = data.activities;
  const auto deal_count = static_cast<int32_t>(data.opportunities.size());
  ActivityRecency recency;
  recency.present = activities.size() > 0;
  recency.last_by_deal.assign(data.opportunities.size(), kNoDay);
  // Activities kept deal by deal in deal order (as the importer and the demo data keep them) split in two
  // at a deal boundary, each half writing its own deals; when a deal turns up on the wrong side, one pass.
  size_t middle = activities.size() / 2;
  while (middle > 0 && middle < activities.size() &&
         activities.opportunity[middle] == activities.opportunity[middle - 1]) {
    ++middle;
  }
  const int32_t split_deal = std::max(0, FirstDealFrom(activities.opportunity, middle));
  const auto make = [&data] { return RecencyPart{std::vector<int32_t>(data.accounts.size(), kNoDay), {}}; };
  RecencyPart all = FoldInTwo(
      activities.size(), middle, make,
      [&](RecencyPart& part, size_t begin, size_t end) {
        const bool first_half = begin == 0;
        AddActivities(data, snapshot, begin, end, first_half ? 0 : split_deal,
                      first_half && end < activities.size() ? split_deal : deal_count, recency.last_by_deal,
                      part);
      },
      [](RecencyPart& first, const RecencyPart& second) {
        for (size_t a = 0; a < first.last_by_account.size(); ++a) {
          first.last_by_account[a] = std::max(first.last_by_account[a], second.last_by_account[a]);
        }
        first.won_gaps.Add(second.won_gaps);
        first.in_order &= second.in_order;
        first.own_deals &= second.own_deals;
      });
  if (!all.own_deals) {
    recency.last_by_deal.assign(data.opportunities.size(), kNoDay);
    all = make();
    AddActivities(data, snapshot, 0, activities.size(), 0, deal_count, recency.last_by_deal, all);
  }
  recency.last_by_account = std::move(all.last_by_account);
  recency.won_gaps = all.in_order ? std::move(all.won_gaps) : GapsBySorting(data, snapshot);
  recency.won_gaps.Finish();
  return recency;
}

}  // namespace crm::analytics
