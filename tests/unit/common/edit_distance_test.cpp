#include "crm/common/edit_distance.h"

#include <gtest/gtest.h>

namespace crm {
namespace {

TEST(EditDistanceTest, CountsSwapsAsOneAndStopsAtTheLimit) {
  EXPECT_EQ(EditDistance("technolgy", "technology", 2), 1);
  EXPECT_EQ(EditDistance("Philipines", "Philippines", 2), 1);
  EXPECT_EQ(EditDistance("abcd", "abdc", 2), 1);
  EXPECT_EQ(EditDistance("kitten", "sitting", 5), 3);
  EXPECT_EQ(EditDistance("kitten", "sitting", 1), 2);
  EXPECT_EQ(EditDistance("", "abc", 5), 3);
  EXPECT_EQ(EditDistance("same", "same", 0), 0);
}

TEST(EditDistanceTest, TyposOfNames) {
  EXPECT_EQ(EditDistance("konex", "konnex", 2), 1);
  EXPECT_EQ(EditDistance("betasoloin", "betasolion", 2), 1);
  EXPECT_EQ(EditDistance("melvin", "melvn", 2), 1);
  EXPECT_EQ(EditDistance("a", "abcdef", 2), 3);
}

}  // namespace
}  // namespace crm
