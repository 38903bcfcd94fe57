#include "crm/ingest/field_parsers.h"

#include <gtest/gtest.h>

namespace crm::ingest {
namespace {

TEST(FieldParsersTest, ParsesDecimals) {
  EXPECT_DOUBLE_EQ(*ParseDecimal("1100.04"), 1100.04);
  EXPECT_DOUBLE_EQ(*ParseDecimal("-3"), -3);
  EXPECT_DOUBLE_EQ(*ParseDecimal("+7.5"), 7.5);
  for (const char* bad : {"", "abc", "1,000", "12abc", "inf", "nan", "1e5x", " "}) {
    EXPECT_FALSE(ParseDecimal(bad).has_value()) << bad;
  }
}

TEST(FieldParsersTest, ParsesWholeNumbers) {
  EXPECT_EQ(*ParseWholeNumber("2822"), 2822);
  EXPECT_EQ(*ParseWholeNumber("2822.0"), 2822);
  EXPECT_FALSE(ParseWholeNumber("2822.5").has_value());
  EXPECT_FALSE(ParseWholeNumber("many").has_value());
}

TEST(FieldParsersTest, ReadsStagesInAnyCase) {
  EXPECT_EQ(ParseStageLoosely("won"), DealStage::kWon);
  EXPECT_EQ(ParseStageLoosely("ENGAGING"), DealStage::kEngaging);
  EXPECT_EQ(ParseStageLoosely("Prospecting"), DealStage::kProspecting);
  EXPECT_FALSE(ParseStageLoosely("Closed").has_value());
}

}  // namespace
}  // namespace crm::ingest
