#include "crm/analytics/period.h"

#include <gtest/gtest.h>

#include "crm/common/date.h"

namespace crm::analytics {
namespace {

int32_t Day(const char* iso) { return *ParseIsoDate(iso); }

TEST(PeriodTest, ParsesYearQuarterAndMonth) {
  auto year = ParsePeriod("2017");
  ASSERT_TRUE(year.ok());
  EXPECT_EQ(year->first_day, Day("2017-01-01"));
  EXPECT_EQ(year->last_day, Day("2017-12-31"));
  auto quarter = ParsePeriod("2017-q3");
  ASSERT_TRUE(quarter.ok());
  EXPECT_EQ(quarter->label, "2017-Q3");
  EXPECT_EQ(quarter->first_day, Day("2017-07-01"));
  EXPECT_EQ(quarter->last_day, Day("2017-09-30"));
  auto february = ParsePeriod("2016-02");
  ASSERT_TRUE(february.ok());
  EXPECT_EQ(february->last_day, Day("2016-02-29"));
  EXPECT_TRUE(february->Contains(Day("2016-02-01")));
  EXPECT_FALSE(february->Contains(Day("2016-03-01")));
}

TEST(PeriodTest, RejectsMalformedPeriodsWithTheAcceptedForms) {
  for (const char* bad : {"", "17", "2017-Q5", "2017-13", "2017-7", "2017/07", "2017-Q", "abcd"}) {
    auto period = ParsePeriod(bad);
    ASSERT_FALSE(period.ok()) << bad;
    EXPECT_NE(period.error().message.find("2017-Q3"), std::string::npos);
  }
}

TEST(PeriodTest, LabelsMonthsAndQuarters) {
  EXPECT_EQ(MonthLabel(MonthIndexOfDay(Day("2017-07-15"))), "2017-07");
  EXPECT_EQ(QuarterLabel(MonthIndexOfDay(Day("2017-07-15")) / 3), "2017-Q3");
  EXPECT_EQ(FirstDayOfMonth(MonthIndexOfDay(Day("2016-12-31"))), Day("2016-12-01"));
  EXPECT_EQ(MonthLabel(MonthIndexOfDay(Day("1969-12-31"))), "1969-12");
}

}  // namespace
}  // namespace crm::analytics
