#include "crm/demo/random.h"

#include <gtest/gtest.h>

#include <cmath>
#include <set>

namespace crm::demo {
namespace {

TEST(RandomTest, SplitMix64MatchesTheReferenceSequence) {
  uint64_t state = 0;
  EXPECT_EQ(SplitMix64(state), 0xE220A8397B1DCDAFULL);
  EXPECT_EQ(SplitMix64(state), 0x6E789E6AA1B965F4ULL);
  EXPECT_EQ(SplitMix64(state), 0x06C45D188009454FULL);
}

TEST(RandomTest, SameSeedAndStreamRepeatOtherwiseDiffer) {
  Rng a(42, 1), b(42, 1), other_stream(42, 2), other_seed(43, 1);
  for (int i = 0; i < 100; ++i) {
    const uint64_t value = a.Next();
    EXPECT_EQ(value, b.Next());
    EXPECT_NE(value, other_stream.Next());
    EXPECT_NE(value, other_seed.Next());
  }
}

TEST(RandomTest, BoundedDrawsStayInRangeAndCoverIt) {
  Rng rng(7, 0);
  std::set<int64_t> seen;
  for (int i = 0; i < 10000; ++i) {
    const int64_t value = rng.Between(-3, 3);
    ASSERT_GE(value, -3);
    ASSERT_LE(value, 3);
    seen.insert(value);
    const double unit = rng.Unit();
    ASSERT_GE(unit, 0.0);
    ASSERT_LT(unit, 1.0);
    ASSERT_LT(rng.Below(5), 5u);
  }
  EXPECT_EQ(seen.size(), 7u);
}

TEST(RandomTest, BellHasUnitSpreadWithinBounds) {
  Rng rng(11, 0);
  constexpr int kDraws = 200000;
  double sum = 0, sum_squares = 0;
  for (int i = 0; i < kDraws; ++i) {
    const double value = rng.Bell();
    ASSERT_LE(std::abs(value), 3.47);
    sum += value;
    sum_squares += value * value;
  }
  EXPECT_NEAR(sum / kDraws, 0.0, 0.01);
  EXPECT_NEAR(sum_squares / kDraws, 1.0, 0.02);
}

TEST(RandomTest, ChanceHitsItsProbability) {
  Rng rng(5, 0);
  int hits = 0;
  for (int i = 0; i < 100000; ++i) hits += rng.Chance(0.3);
  EXPECT_NEAR(hits / 100000.0, 0.3, 0.006);
}

}  // namespace
}  // namespace crm::demo
