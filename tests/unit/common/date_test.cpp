#include "crm/common/date.h"

#include <gtest/gtest.h>

namespace crm {
namespace {

TEST(DateTest, RoundTripsIsoDates) {
  for (const char* text : {"1970-01-01", "2016-10-20", "2017-12-31", "2000-02-29", "1899-12-31"}) {
    auto day = ParseIsoDate(text);
    ASSERT_TRUE(day.has_value()) << text;
    EXPECT_EQ(FormatIsoDate(*day), text);
  }
  EXPECT_EQ(*ParseIsoDate("1970-01-02"), 1);
  EXPECT_EQ(*ParseIsoDate("2017-12-31") - *ParseIsoDate("2017-01-01"), 364);
}

TEST(DateTest, RejectsMalformedAndImpossibleDates) {
  for (const char* text : {"", "2017-13-01", "2017-02-29", "2017-1-01", "17-01-01", "2017/01/01",
                           "2017-01-32", "2017-00-10", "abcd-ef-gh", "2017-01-01 "}) {
    EXPECT_FALSE(ParseIsoDate(text).has_value()) << text;
  }
}

TEST(DateTest, MissingDayFormatsEmpty) { EXPECT_EQ(FormatIsoDate(kNoDay), ""); }

}  // namespace
}  // namespace crm
