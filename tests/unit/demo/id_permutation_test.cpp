#include "crm/demo/id_permutation.h"

#include <gtest/gtest.h>

#include <string>
#include <unordered_set>

namespace crm::demo {
namespace {

std::string IdText(const IdPermutation& ids, uint64_t index) {
  const auto id = ids.Id(index);
  return std::string(id.data(), id.size());
}

TEST(IdPermutationTest, IdsAreEightUpperCaseAlphanumerics) {
  const IdPermutation ids(1);
  for (uint64_t index : {uint64_t{0}, uint64_t{1}, uint64_t{123456789}, kIdSpace - 1}) {
    const std::string id = IdText(ids, index);
    ASSERT_EQ(id.size(), 8u);
    for (char c : id) EXPECT_TRUE((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z')) << id;
  }
}

TEST(IdPermutationTest, DistinctIndexesGiveDistinctIds) {
  const IdPermutation ids(99);
  std::unordered_set<std::string> seen;
  constexpr uint64_t kCount = 100000;
  for (uint64_t index = 0; index < kCount; ++index) seen.insert(IdText(ids, index));
  EXPECT_EQ(seen.size(), kCount);
}

TEST(IdPermutationTest, SameKeyRepeatsOtherKeyDiffers) {
  const IdPermutation a(5), b(5), c(6);
  int same_as_other_key = 0;
  for (uint64_t index = 0; index < 1000; ++index) {
    EXPECT_EQ(IdText(a, index), IdText(b, index));
    same_as_other_key += IdText(a, index) == IdText(c, index);
  }
  EXPECT_EQ(same_as_other_key, 0);
}

}  // namespace
}  // namespace crm::demo
