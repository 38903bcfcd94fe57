#include "crm/search/rank_fusion.h"

#include <gtest/gtest.h>

namespace crm::search {
namespace {

TEST(SearchRankFusionTest, SumsReciprocalRanks) {
  const std::vector<std::vector<uint32_t>> lists = {{1, 2, 3}, {3, 1, 4}};
  const std::vector<FusedItem> fused = ReciprocalRankFusion(lists);
  ASSERT_EQ(fused.size(), 4u);
  EXPECT_EQ(fused[0].id, 1u);
  EXPECT_DOUBLE_EQ(fused[0].score, 1.0 / 61 + 1.0 / 62);
  EXPECT_EQ(fused[1].id, 3u);
  EXPECT_DOUBLE_EQ(fused[1].score, 1.0 / 63 + 1.0 / 61);
  EXPECT_EQ(fused[2].id, 2u);
  EXPECT_DOUBLE_EQ(fused[2].score, 1.0 / 62);
  EXPECT_EQ(fused[3].id, 4u);
  EXPECT_DOUBLE_EQ(fused[3].score, 1.0 / 63);
}

TEST(SearchRankFusionTest, TiesKeepFirstAppearanceAndKMatters) {
  const std::vector<std::vector<uint32_t>> lists = {{7}, {9}, {}};
  const std::vector<FusedItem> fused = ReciprocalRankFusion(lists, 1.0);
  ASSERT_EQ(fused.size(), 2u);
  EXPECT_EQ(fused[0].id, 7u);
  EXPECT_EQ(fused[1].id, 9u);
  EXPECT_DOUBLE_EQ(fused[0].score, 0.5);
  EXPECT_TRUE(ReciprocalRankFusion({}).empty());
}

}  // namespace
}  // namespace crm::search
