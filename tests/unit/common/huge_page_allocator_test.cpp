// HugePageAllocator: small blocks from the heap, large ones on their own huge-page-aligned mapping; values
// survive a vector's growth across the threshold either way.
#include "crm/common/huge_page_allocator.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

namespace crm {
namespace {

constexpr size_t kHuge = HugePageAllocator<char>::kHugePageBytes;

TEST(HugePageAllocatorTest, AlignsLargeBlocksToHugePages) {
  HugePageAllocator<uint64_t> allocator;
  const size_t count = kHuge / sizeof(uint64_t) + 3;  // a little more than one huge page
  uint64_t* block = allocator.allocate(count);
  EXPECT_EQ(reinterpret_cast<uintptr_t>(block) % kHuge, 0u);
  for (size_t i = 0; i < count; ++i) block[i] = i;  // every byte asked for is writable
  EXPECT_EQ(block[count - 1], count - 1);
  allocator.deallocate(block, count);
}

TEST(HugePageAllocatorTest, KeepsValuesWhileAVectorGrowsPastTheThreshold) {
  std::vector<uint32_t, HugePageAllocator<uint32_t>> values;
  const auto count = static_cast<uint32_t>(3 * kHuge / sizeof(uint32_t));
  for (uint32_t i = 0; i < count; ++i) values.push_back(i * 7);
  ASSERT_EQ(values.size(), count);
  for (uint32_t i = 0; i < count; i += 4099) ASSERT_EQ(values[i], i * 7) << i;
  EXPECT_EQ(values.back(), (count - 1) * 7);
  std::vector<uint32_t, HugePageAllocator<uint32_t>> small = {1, 2, 3};
  values.swap(small);
  EXPECT_EQ(values, (std::vector<uint32_t, HugePageAllocator<uint32_t>>{1, 2, 3}));
}

}  // namespace
}  // namespace crm
