#include "crm/models/account_timeline.h"

#include <gtest/gtest.h>

#include <vector>

namespace crm::models {
namespace {

//! Rows 0..6: account 0 on days 30, 10, 20 (values 3, 1, 2); account 2 on day 10 twice (values 10, 20);
//! one row without an account and one without a day, both left out. Account 1 has nothing.
class AccountTimelineTest : public ::testing::Test {
 protected:
  const std::vector<int32_t> accounts_ = {0, 2, 0, kNoIndex, 0, 2, 1};
  const std::vector<int32_t> days_ = {30, 10, 10, 5, 20, 10, kNoDay};
  const std::vector<double> values_ = {3, 10, 1, 100, 2, 20, 100};
  const AccountTimeline timeline_{3, accounts_, days_};
};

TEST_F(AccountTimelineTest, KeepsRowsWithAnAccountAndADay) { EXPECT_EQ(timeline_.size(), 5u); }

TEST_F(AccountTimelineTest, CountsEventsInHalfOpenWindows) {
  EXPECT_EQ(timeline_.Count(0, 10, 30), 2);  // days 20 and 30; day 10 is the open end
  EXPECT_EQ(timeline_.Count(0, 9, 29), 2);   // days 10 and 20
  EXPECT_EQ(timeline_.CountUpTo(0, 19), 1);
  EXPECT_EQ(timeline_.CountUpTo(2, 10), 2);
  EXPECT_EQ(timeline_.CountUpTo(1, 1000), 0);
}

TEST_F(AccountTimelineTest, FindsTheLastDayOnOrBefore) {
  EXPECT_EQ(timeline_.LastDay(0, 25), 20);
  EXPECT_EQ(timeline_.LastDay(0, 30), 30);
  EXPECT_EQ(timeline_.LastDay(0, 9), kNoDay);
  EXPECT_EQ(timeline_.LastDay(1, 100), kNoDay);
}

TEST_F(AccountTimelineTest, SumsValuesOverWindows) {
  const std::vector<double> totals = timeline_.Cumulate([&](int32_t row) { return values_[row]; });
  EXPECT_EQ(timeline_.Sum(totals, 0, 10, 30), 5.0);  // 2 + 3
  EXPECT_EQ(timeline_.SumUpTo(totals, 0, 20), 3.0);  // 1 + 2
  EXPECT_EQ(timeline_.SumUpTo(totals, 2, 10), 30.0);
  EXPECT_EQ(timeline_.SumUpTo(totals, 1, 50), 0.0);
}

}  // namespace
}  // namespace crm::models
