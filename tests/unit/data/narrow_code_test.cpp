// The narrow columns' codes (activity types in a byte, activities' agents in two): kNoIndex kept as the
// largest value, and a code that does not fit refused.
#include <gtest/gtest.h>

#include <cstdint>

#include "crm/data/dataset.h"

namespace crm {
namespace {

TEST(NarrowCodeTest, KeepsCodesAndTheMissingMarkAndRefusesWhatDoesNotFit) {
  EXPECT_EQ(ToNarrow<uint8_t>(0), uint8_t{0});
  EXPECT_EQ(ToNarrow<uint8_t>(254), uint8_t{254});
  EXPECT_EQ(ToNarrow<uint8_t>(kNoIndex), uint8_t{255});
  EXPECT_EQ(ToNarrow<uint8_t>(255), std::nullopt);
  EXPECT_EQ(ToNarrow<uint8_t>(-7), std::nullopt);
  EXPECT_EQ(ToNarrow<uint16_t>(65534), uint16_t{65534});
  EXPECT_EQ(ToNarrow<uint16_t>(65535), std::nullopt);
  EXPECT_EQ(FromNarrow(uint8_t{254}), 254);
  EXPECT_EQ(FromNarrow(kNoNarrow<uint8_t>), kNoIndex);
  EXPECT_EQ(FromNarrow(kNoNarrow<uint16_t>), kNoIndex);
  EXPECT_EQ(FromNarrow(int32_t{kNoIndex}), kNoIndex);
  EXPECT_EQ(FromNarrow(int32_t{70000}), 70000);
}

}  // namespace
}  // namespace crm
