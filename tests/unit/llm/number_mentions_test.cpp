#include "crm/llm/number_mentions.h"

#include <gtest/gtest.h>

namespace crm::llm {
namespace {

TEST(LlmNumberMentionsTest, ReadsMoneyWithScalesAndSeparators) {
  const std::vector<NumberMention> found =
      FindNumbers("Won $1.2M, then $1,234,567 and USD 3,400 or 2.5 million.");
  ASSERT_EQ(found.size(), 4u);
  EXPECT_EQ(found[0].written, "$1.2M");
  EXPECT_DOUBLE_EQ(found[0].value, 1.2e6);
  EXPECT_DOUBLE_EQ(found[0].half_step, 50000);
  EXPECT_EQ(found[1].written, "$1,234,567");
  EXPECT_DOUBLE_EQ(found[1].value, 1234567);
  EXPECT_EQ(found[2].written, "USD 3,400");
  EXPECT_DOUBLE_EQ(found[2].value, 3400);
  EXPECT_EQ(found[3].written, "2.5 million");
  EXPECT_DOUBLE_EQ(found[3].value, 2.5e6);
  for (const NumberMention& mention : found) EXPECT_TRUE(mention.has_unit) << mention.written;
}

TEST(LlmNumberMentionsTest, ReadsPercentagesAndCounts) {
  const std::vector<NumberMention> found =
      FindNumbers("A 63% win rate, 63.2 % overall, 4,238 deals, 4 open deals.");
  ASSERT_EQ(found.size(), 4u);
  EXPECT_EQ(found[0].kind, MentionKind::kPercent);
  EXPECT_DOUBLE_EQ(found[0].value, 63);
  EXPECT_EQ(found[1].written, "63.2 %");
  EXPECT_DOUBLE_EQ(found[1].half_step, 0.05);
  EXPECT_DOUBLE_EQ(found[2].value, 4238);
  EXPECT_TRUE(found[3].has_unit);
}

TEST(LlmNumberMentionsTest, ReadsDatesMonthsAndQuarters) {
  const std::vector<NumberMention> found =
      FindNumbers("On 2017-03-01, March 1, 2017, 1 March 2017, in March 2017, Q3 2017 and 2016-Q4.");
  ASSERT_EQ(found.size(), 6u);
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(found[i].kind, MentionKind::kDate) << found[i].written;
    EXPECT_EQ(found[i].year, 2017);
    EXPECT_EQ(found[i].month, 3);
    EXPECT_EQ(found[i].day, 1);
  }
  EXPECT_EQ(found[3].kind, MentionKind::kMonth);
  EXPECT_EQ(found[4].kind, MentionKind::kQuarter);
  EXPECT_EQ(found[4].quarter, 3);
  EXPECT_EQ(found[4].year, 2017);
  EXPECT_EQ(found[5].written, "2016-Q4");
}

TEST(LlmNumberMentionsTest, SkipsIdentifiersOrdinalsAndVersions) {
  const std::vector<NumberMention> found =
      FindNumbers("Deal 1C1I7A6R on GTX500 is 3rd, v1.2.3 and 1.2.3 too.");
  EXPECT_TRUE(found.empty()) << found.front().written;
}

TEST(LlmNumberMentionsTest, MarksListNumbersAndSmallPlainNumbers) {
  const std::vector<NumberMention> found = FindNumbers("1. Call them\n  2) Send 3 next steps");
  ASSERT_EQ(found.size(), 3u);
  EXPECT_TRUE(found[0].list_marker);
  EXPECT_TRUE(found[1].list_marker);
  EXPECT_FALSE(found[2].list_marker);
  EXPECT_FALSE(found[2].has_unit);
}

TEST(LlmNumberMentionsTest, TrailingZerosOfLargeWholeNumbersAreRounding) {
  const std::vector<NumberMention> found = FindNumbers("about 1,200 and 1,000,000 and 250");
  ASSERT_EQ(found.size(), 3u);
  EXPECT_DOUBLE_EQ(found[0].half_step, 50);
  EXPECT_DOUBLE_EQ(found[1].half_step, 50000);
  EXPECT_DOUBLE_EQ(found[2].half_step, 0.5);
}

}  // namespace
}  // namespace crm::llm
