#include "crm/demo/weighted_picker.h"

#include <gtest/gtest.h>

#include <array>

namespace crm::demo {
namespace {

TEST(WeightedPickerTest, DrawsInProportionAndNeverZeroWeights) {
  const std::array<double, 5> weights{1, 0, 3, 6, 0};
  const WeightedPicker picker(weights);
  Rng rng(3, 0);
  std::array<int, 5> counts{};
  constexpr int kDraws = 100000;
  for (int i = 0; i < kDraws; ++i) ++counts[picker.Pick(rng)];
  EXPECT_EQ(counts[1], 0);
  EXPECT_EQ(counts[4], 0);
  EXPECT_NEAR(counts[0] / double{kDraws}, 0.1, 0.005);
  EXPECT_NEAR(counts[2] / double{kDraws}, 0.3, 0.007);
  EXPECT_NEAR(counts[3] / double{kDraws}, 0.6, 0.007);
}

TEST(WeightedPickerTest, SingleWeightAlwaysPicked) {
  const std::array<double, 1> weights{2.5};
  const WeightedPicker picker(weights);
  Rng rng(1, 0);
  for (int i = 0; i < 1000; ++i) ASSERT_EQ(picker.Pick(rng), 0u);
}

}  // namespace
}  // namespace crm::demo
