#include "crm/models/folds.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <stdexcept>
#include <vector>

#include <gtest/gtest.h>

namespace crm::models {
namespace {

//! Groups 0..groups-1 (ids spread out and shuffled in row order), group g holding 1 + g % 4 rows, all
//! with one label: positive for every third group.
struct GroupedRows {
  std::vector<float> labels;
  std::vector<int32_t> groups;
};

GroupedRows MakeRows(int group_count) {
  GroupedRows rows;
  for (int round = 0; round < 4; ++round) {
    for (int g = group_count - 1; g >= 0; --g) {
      if (round >= 1 + g % 4) continue;
      rows.groups.push_back(1000 + 7 * g);
      rows.labels.push_back(g % 3 == 0 ? 1.0f : 0.0f);
    }
  }
  return rows;
}

TEST(FoldsTest, EveryGroupLiesInOneFold) {
  const GroupedRows rows = MakeRows(61);
  const std::vector<int> folds = StratifiedGroupFolds(rows.labels, rows.groups, 5, 42);
  ASSERT_EQ(folds.size(), rows.labels.size());
  std::map<int32_t, int> fold_of_group;
  for (size_t i = 0; i < folds.size(); ++i) {
    ASSERT_GE(folds[i], 0);
    ASSERT_LT(folds[i], 5);
    const auto [it, inserted] = fold_of_group.emplace(rows.groups[i], folds[i]);
    EXPECT_EQ(it->second, folds[i]) << "group " << rows.groups[i];
  }
}

TEST(FoldsTest, EachClassOfGroupsIsSpreadWithinOneGroupOfTheIdeal) {
  // 61 groups: 21 positive (g % 3 == 0), 40 negative; ideal per fold 4.2 and 8.
  const GroupedRows rows = MakeRows(61);
  for (uint64_t seed : {1u, 2u, 3u}) {
    const std::vector<int> folds = StratifiedGroupFolds(rows.labels, rows.groups, 5, seed);
    std::map<int32_t, std::pair<int, bool>> group_fold;
    for (size_t i = 0; i < folds.size(); ++i) group_fold[rows.groups[i]] = {folds[i], rows.labels[i] == 1.0f};
    std::vector<int> positives(5, 0);
    std::vector<int> negatives(5, 0);
    for (const auto& [group, fold_label] : group_fold)
      ++(fold_label.second ? positives : negatives)[fold_label.first];
    for (int f = 0; f < 5; ++f) {
      EXPECT_LT(std::abs(positives[f] - 21.0 / 5), 1.0) << "fold " << f;
      EXPECT_LT(std::abs(negatives[f] - 40.0 / 5), 1.0) << "fold " << f;
    }
  }
}

TEST(FoldsTest, AGroupTakesItsMajorityLabel) {
  // Groups 1 and 2 are mostly positive (their first and last rows disagree), 3 and 4 mostly negative.
  // With two folds each fold must hold one of 1 and 2, for every seed.
  const std::vector<int32_t> groups = {1, 1, 1, 2, 2, 2, 3, 4, 4, 4};
  const std::vector<float> labels = {0, 1, 1, 1, 1, 0, 0, 0, 0, 1};
  for (uint64_t seed = 0; seed < 20; ++seed) {
    const std::vector<int> folds = StratifiedGroupFolds(labels, groups, 2, seed);
    EXPECT_NE(folds[0], folds[3]) << "seed " << seed;
    EXPECT_NE(folds[6], folds[7]) << "seed " << seed;
  }
}

TEST(FoldsTest, SameSeedSameFolds) {
  const GroupedRows rows = MakeRows(61);
  const std::vector<int> first = StratifiedGroupFolds(rows.labels, rows.groups, 5, 7);
  EXPECT_EQ(StratifiedGroupFolds(rows.labels, rows.groups, 5, 7), first);
  EXPECT_NE(StratifiedGroupFolds(rows.labels, rows.groups, 5, 8), first);
}

TEST(FoldsTest, FewerGroupsThanFoldsGiveOneFoldPerGroup) {
  const std::vector<int32_t> groups = {9, 9, 4, 6, 6};
  const std::vector<float> labels = {1, 1, 0, 1, 1};
  const std::vector<int> folds = StratifiedGroupFolds(labels, groups, 5, 3);
  EXPECT_EQ(folds[0], folds[1]);
  EXPECT_EQ(folds[3], folds[4]);
  std::vector<int> used = {folds[0], folds[2], folds[3]};
  std::sort(used.begin(), used.end());
  EXPECT_EQ(used, (std::vector<int>{0, 1, 2}));
}

TEST(FoldsTest, NoRowsAndBadArguments) {
  EXPECT_TRUE(StratifiedGroupFolds(std::vector<float>{}, std::vector<int32_t>{}, 5, 1).empty());
  EXPECT_THROW(StratifiedGroupFolds(std::vector<float>{1}, std::vector<int32_t>{1}, 0, 1),
               std::invalid_argument);
  EXPECT_THROW(StratifiedGroupFolds(std::vector<float>{1}, std::vector<int32_t>{}, 2, 1),
               std::invalid_argument);
}

TEST(FoldsTest, RowsInAndNotInAFold) {
  const std::vector<int> folds = {0, 1, 0, 2, 1};
  EXPECT_EQ(RowsInFold(folds, 0), (std::vector<int32_t>{0, 2}));
  EXPECT_EQ(RowsNotInFold(folds, 0), (std::vector<int32_t>{1, 3, 4}));
  EXPECT_EQ(RowsInFold(folds, 2), (std::vector<int32_t>{3}));
  EXPECT_TRUE(RowsInFold(folds, 3).empty());
}

}  // namespace
}  // namespace crm::models
