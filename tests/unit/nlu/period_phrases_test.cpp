#include "crm/nlu/period_phrases.h"

#include <string>

#include <gtest/gtest.h>

#include "crm/common/date.h"
#include "crm/nlu/link_state.h"
#include "unit/nlu/nlu_fixture.h"

namespace crm::nlu::test {
namespace {

//! The periods of `text` as of `as_of`, joined by "|".
std::string Periods(const std::string& text, const std::string& as_of = "2017-12-31") {
  LinkState state(text);
  FindPeriods(state, as_of.empty() ? kNoDay : AsOf(as_of));
  std::string joined;
  for (const EntitySpan& span : state.Finish().spans) joined += (joined.empty() ? "" : "|") + span.value;
  return joined;
}

TEST(NluPeriodTest, QuarterWithYear) {
  for (const char* text :
       {"revenue in Q3 2017", "revenue in 2017 Q3", "revenue in q3 of 2017", "third quarter of 2017",
        "3rd quarter 2017", "the 2017-Q3 numbers", "q3-2017", "q3 fy2017"}) {
    EXPECT_EQ(Periods(text), "2017-Q3") << text;
  }
}

TEST(NluPeriodTest, Years) {
  EXPECT_EQ(Periods("won deals in 2017"), "2017");
  EXPECT_EQ(Periods("during 2016"), "2016");
  EXPECT_EQ(Periods("FY2017 forecast"), "2017");
  EXPECT_EQ(Periods("fy 2016 revenue"), "2016");
  EXPECT_EQ(Periods("accounts with 2000 employees"), "");
  EXPECT_EQ(Periods("deal 1234 and 5"), "");
}

TEST(NluPeriodTest, MonthsWithYear) {
  EXPECT_EQ(Periods("March 2017 sales"), "2017-03");
  EXPECT_EQ(Periods("mar 2017 sales"), "2017-03");
  EXPECT_EQ(Periods("sales in 2017-03"), "2017-03");
  EXPECT_EQ(Periods("may of 2016"), "2016-05");
  EXPECT_EQ(Periods("sales in 2017-13"), "");
}

TEST(NluPeriodTest, MonthAloneIsTheLatestSuchMonth) {
  EXPECT_EQ(Periods("deals closed in march", "2017-06-15"), "2017-03");
  EXPECT_EQ(Periods("deals closed in september", "2017-06-15"), "2016-09");
  EXPECT_EQ(Periods("deals closed in june", "2017-06-15"), "2017-06");
  EXPECT_EQ(Periods("october revenue", "2017-06-15"), "2016-10");
  EXPECT_EQ(Periods("since may", "2017-06-15"), "2017-05");
}

TEST(NluPeriodTest, AmbiguousMonthWordsNeedALeadIn) {
  EXPECT_EQ(Periods("may i see the pipeline"), "");
  EXPECT_EQ(Periods("which deals may close soon"), "");
  EXPECT_EQ(Periods("march forward"), "");
  EXPECT_EQ(Periods("deals from dec"), "2017-12");
}

TEST(NluPeriodTest, QuarterAloneIsInTheAsOfYearUnlessLater) {
  EXPECT_EQ(Periods("q3 revenue", "2017-12-31"), "2017-Q3");
  EXPECT_EQ(Periods("q3 revenue", "2017-05-01"), "2016-Q3");
  EXPECT_EQ(Periods("q2 revenue", "2017-04-01"), "2017-Q2");
  EXPECT_EQ(Periods("the third quarter", "2017-05-01"), "2016-Q3");
}

TEST(NluPeriodTest, RelativePeriods) {
  EXPECT_EQ(Periods("this quarter"), "2017-Q4");
  EXPECT_EQ(Periods("current quarter"), "2017-Q4");
  EXPECT_EQ(Periods("last quarter"), "2017-Q3");
  EXPECT_EQ(Periods("previous quarter"), "2017-Q3");
  EXPECT_EQ(Periods("this month"), "2017-12");
  EXPECT_EQ(Periods("last month"), "2017-11");
  EXPECT_EQ(Periods("this year"), "2017");
  EXPECT_EQ(Periods("last year"), "2016");
  EXPECT_EQ(Periods("next quarter"), "2018-Q1");
  EXPECT_EQ(Periods("ytd"), "2017");
  EXPECT_EQ(Periods("this quater"), "2017-Q4");
  EXPECT_EQ(Periods("last qtr"), "2017-Q3");
  EXPECT_EQ(Periods("last yr"), "2016");
  EXPECT_EQ(Periods("last quarter", "2017-02-10"), "2016-Q4");
  EXPECT_EQ(Periods("last month", "2017-01-10"), "2016-12");
}

TEST(NluPeriodTest, RelativePeriodsNeedAnAsOfDate) {
  EXPECT_EQ(Periods("last quarter", ""), "");
  EXPECT_EQ(Periods("q3 2017", ""), "2017-Q3");
}

TEST(NluPeriodTest, SpansCoverTheirWords) {
  LinkState state("revenue in q3 of 2017 please");
  FindPeriods(state, AsOf("2017-12-31"));
  const LinkedQuery query = state.Finish();
  EXPECT_EQ(query.masked_text, "revenue in ent_period please");
}

}  // namespace
}  // namespace crm::nlu::test
