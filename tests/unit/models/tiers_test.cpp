#include "crm/models/tiers.h"

#include <cmath>

#include <gtest/gtest.h>

namespace crm::models {
namespace {

TEST(TiersTest, CutOffsAreInclusiveFromBelow) {
  EXPECT_EQ(TierOf(1.0), Tier::kHigh);
  EXPECT_EQ(TierOf(0.70), Tier::kHigh);
  EXPECT_EQ(TierOf(0.6999), Tier::kMedium);
  EXPECT_EQ(TierOf(0.40), Tier::kMedium);
  EXPECT_EQ(TierOf(0.3999), Tier::kLow);
  EXPECT_EQ(TierOf(0.0), Tier::kLow);
  EXPECT_EQ(TierOf(std::nan("")), Tier::kLow);
}

TEST(TiersTest, Names) {
  EXPECT_EQ(TierName(Tier::kHigh), "High");
  EXPECT_EQ(TierName(Tier::kMedium), "Medium");
  EXPECT_EQ(TierName(Tier::kLow), "Low");
}

}  // namespace
}  // namespace crm::models
