#include "crm/demo/timeline.h"

#include <gtest/gtest.h>

#include "crm/common/date.h"

namespace crm::demo {
namespace {

TEST(TimelineTest, ConstantsAreTheDocumentedDates) {
  EXPECT_EQ(FormatIsoDate(kFirstEngageDay), "2016-10-20");
  EXPECT_EQ(FormatIsoDate(kRampEndDay), "2017-03-01");
  EXPECT_EQ(FormatIsoDate(kLastEngageDay), "2017-12-27");
  EXPECT_EQ(FormatIsoDate(kSnapshotDay), "2017-12-31");
}

TEST(TimelineTest, ScheduleIsSortedSpansTheRangeAndRampsUp) {
  constexpr uint64_t kDeals = 100000;
  const EngageSchedule schedule(kDeals);
  EXPECT_EQ(schedule.DayOf(0), kFirstEngageDay);
  EXPECT_EQ(schedule.DayOf(kDeals - 1), kLastEngageDay);
  int before_ramp_end = 0;
  for (uint64_t i = 1; i < kDeals; ++i) {
    ASSERT_LE(schedule.DayOf(i - 1), schedule.DayOf(i));
    before_ramp_end += schedule.DayOf(i) < kRampEndDay;
  }
  // Weight 0.1 rising to 1 over 132 days, then 1 for 301 days: 72.6 / 373.6 of the deals.
  EXPECT_NEAR(before_ramp_end / double{kDeals}, 72.6 / 373.6, 0.005);
}

TEST(TimelineTest, SingleDealIsMidRange) {
  const EngageSchedule schedule(1);
  EXPECT_GT(schedule.DayOf(0), kRampEndDay);
  EXPECT_LT(schedule.DayOf(0), kLastEngageDay);
}

TEST(TimelineTest, CyclesFollowTheTwoPartDistribution) {
  Rng rng(4, 0);
  int short_cycles = 0;
  for (int i = 0; i < 100000; ++i) {
    const int days = DrawCycleDays(rng);
    ASSERT_GE(days, 1);
    ASSERT_LE(days, kMaxCycleDays);
    short_cycles += days <= 14;
  }
  EXPECT_NEAR(short_cycles / 100000.0, 0.28, 0.006);
}

}  // namespace
}  // namespace crm::demo
