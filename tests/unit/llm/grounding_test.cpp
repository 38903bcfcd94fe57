#include "crm/llm/grounding.h"

#include <gtest/gtest.h>

namespace crm::llm {
namespace {

const nlohmann::json kFacts = {
    {"account", "Konex"},
    {"revenue", 1153214},
    {"win_rate", 0.6315},
    {"open_deals", 4},
    {"deals", 4238},
    {"last_close", "2017-03-01"},
    {"products", {{{"name", "GTK 500"}, {"price", "$26,768"}}}},
};

TEST(LlmGroundingTest, AcceptsNumbersRoundedToThePrecisionWritten) {
  const GroundingResult result = CheckGrounding(
      "Konex brought in $1.2M ($1,153,214 exactly, about 1.15 million) over 4,238 deals, winning 63% "
      "(63.2 %) of them. It has 4 open deals; the last closed on March 1, 2017 (2017-03-01), in Q1 2017. "
      "Its GTK 500 lists at $26,768, or $27K.",
      kFacts);
  EXPECT_TRUE(result.ok) << ::testing::PrintToString(result.unmatched);
  EXPECT_EQ(result.numbers_checked, 13);
}

TEST(LlmGroundingTest, NamesEveryNumberNotInTheFacts) {
  const GroundingResult result = CheckGrounding(
      "Revenue of $9.9M, a 71% win rate, 5 open deals, closed 2017-03-02, in Q2 2017.", kFacts);
  EXPECT_FALSE(result.ok);
  EXPECT_EQ(result.unmatched, (std::vector<std::string>{"$9.9M", "71%", "5", "2017-03-02", "Q2 2017"}));
}

TEST(LlmGroundingTest, RoundingMustBeToThePrecisionWritten) {
  // 1,153,214 is $1.2M and $1.15M, but not $1.1M nor $1.16M; 0.6315 is 63% and 63.2% but not 64%.
  EXPECT_FALSE(CheckGrounding("$1.1M", kFacts).ok);
  EXPECT_FALSE(CheckGrounding("$1.16M", kFacts).ok);
  EXPECT_FALSE(CheckGrounding("64%", kFacts).ok);
  EXPECT_FALSE(CheckGrounding("63.3%", kFacts).ok);
  EXPECT_TRUE(CheckGrounding("$1.15M and 63.15%", kFacts).ok);
}

TEST(LlmGroundingTest, IgnoresSmallListAndOrdinalNumbers) {
  const GroundingResult result =
      CheckGrounding("Three next steps:\n1. Call Konex\n2. Send 2 options\n3. Book the 3rd meeting", kFacts);
  EXPECT_TRUE(result.ok) << ::testing::PrintToString(result.unmatched);
  EXPECT_EQ(result.numbers_checked, 0);
}

TEST(LlmGroundingTest, ChecksSmallNumbersWithAUnit) {
  EXPECT_FALSE(CheckGrounding("within 7 days", kFacts).ok);
  EXPECT_FALSE(CheckGrounding("3 deals", kFacts).ok);
  EXPECT_FALSE(CheckGrounding("$3", kFacts).ok);
  EXPECT_TRUE(CheckGrounding("4 deals", kFacts).ok);
}

TEST(LlmGroundingTest, YearsAndQuartersComeFromFactDates) {
  EXPECT_TRUE(CheckGrounding("Since 2017, in March 2017 and Q1", kFacts).ok);
  EXPECT_FALSE(CheckGrounding("Since 2016", kFacts).ok);
  EXPECT_FALSE(CheckGrounding("in April 2017", kFacts).ok);
}

TEST(LlmGroundingTest, TextWithoutNumbersPasses) {
  const GroundingResult result = CheckGrounding("Konex is a steady account.", kFacts);
  EXPECT_TRUE(result.ok);
  EXPECT_EQ(result.numbers_checked, 0);
}

}  // namespace
}  // namespace crm::llm
