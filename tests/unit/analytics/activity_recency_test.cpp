// Activity recency on data large enough for the two-thread pass: the same facts as counted by hand,
// whether the activities are stored deal by deal in deal order (split in two) or not (one pass).
#include "crm/analytics/activity_recency.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>

namespace crm::analytics {
namespace {

constexpr int32_t kDeals = 100000;
constexpr int32_t kAccounts = 7;
constexpr int32_t kPerDeal = 3;  // 300,000 activities: above the two-thread threshold

//! Deals in stages Won, Lost, Engaging in turn; three activities each, in date order, gaps depending on the
//! deal.
Dataset LargeActivities(bool deal_order) {
  Dataset data;
  data.accounts.resize(kAccounts);
  for (int32_t deal = 0; deal < kDeals; ++deal) {
    data.opportunities.deal_stage.push_back(deal % 3 == 0   ? DealStage::kWon
                                            : deal % 3 == 1 ? DealStage::kLost
                                                            : DealStage::kEngaging);
  }
  for (int32_t n = 0; n < kDeals; ++n) {
    const int32_t deal = deal_order ? n : kDeals - 1 - n;
    for (int32_t k = 0; k < kPerDeal; ++k) {
      data.activities.date.push_back(1000 + deal % 50 + k * (1 + deal % 4));
      data.activities.opportunity.push_back(deal);
      data.activities.account.push_back(deal % 11 == 0 ? kNoIndex : deal % kAccounts);
    }
  }
  return data;
}

void ExpectCountedByHand(const Dataset& data) {
  const PipelineSnapshot snapshot(data, 5000, 5000);
  const ActivityRecency recency = CollectActivityRecency(data, snapshot);
  std::map<int32_t, int64_t> gaps;
  std::vector<int32_t> last_by_account(kAccounts, kNoDay);
  for (int32_t deal = 0; deal < kDeals; ++deal) {
    const int32_t first = 1000 + deal % 50, step = 1 + deal % 4;
    ASSERT_EQ(recency.last_by_deal[deal], first + (kPerDeal - 1) * step) << deal;
    if (deal % 3 == 0) gaps[step] += kPerDeal - 1;
    if (deal % 11 != 0) {
      int32_t& last = last_by_account[deal % kAccounts];
      last = std::max(last, first + (kPerDeal - 1) * step);
    }
  }
  EXPECT_EQ(recency.last_by_account, last_by_account);
  int64_t total = 0;
  for (const auto& [gap, count] : gaps) total += count;
  EXPECT_EQ(recency.won_gaps.size(), total);
  for (const auto& [gap, count] : gaps) EXPECT_EQ(recency.won_gaps.CountBetween(gap, gap), count) << gap;
}

TEST(ActivityRecencyTest, DealByDealActivitiesSplitInTwoCountAsByHand) {
  ExpectCountedByHand(LargeActivities(true));
}

TEST(ActivityRecencyTest, ActivitiesOutOfDealOrderCountAsByHand) {
  ExpectCountedByHand(LargeActivities(false));
}

}  // namespace
}  // namespace crm::analytics
