#include "crm/ingest/text_cleaning.h"

#include <gtest/gtest.h>

namespace crm::ingest {
namespace {

TEST(TextCleaningTest, TrimRemovesOuterWhiteSpaceOnly) {
  EXPECT_EQ(Trim("  GTX Pro \t"), "GTX Pro");
  EXPECT_EQ(Trim(""), "");
  EXPECT_EQ(Trim("   "), "");
  EXPECT_EQ(Trim("a b"), "a b");
}

TEST(TextCleaningTest, MatchKeyIgnoresCaseSpacesAndPunctuation) {
  EXPECT_EQ(MatchKey("GTX Pro"), "gtxpro");
  EXPECT_EQ(MatchKey("GTXPro"), "gtxpro");
  EXPECT_EQ(MatchKey("Kan-code"), "kancode");
  EXPECT_EQ(MatchKey("Gekko & Co"), "gekkoco");
}

TEST(TextCleaningTest, ShortWordsAreNeverTreatedAsTypos) {
  EXPECT_EQ(TypoTolerance(4), 0);
  EXPECT_EQ(TypoTolerance(5), 1);
  EXPECT_EQ(TypoTolerance(8), 1);
  EXPECT_EQ(TypoTolerance(9), 2);
}

}  // namespace
}  // namespace crm::ingest
