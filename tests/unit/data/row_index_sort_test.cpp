// RowIndex on enough rows to fill every bucket of its two-byte radix sort: every key found at its first
// row, every repeat paired with its first row, in row order.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "crm/data/row_index.h"

namespace crm {
namespace {

TEST(RowIndexSortTest, FindsEveryKeyOfThreeHundredThousandRows) {
  constexpr int kDistinct = 250000, kRows = 300000;
  std::vector<std::string> keys;
  for (int i = 0; i < kRows; ++i) keys.push_back("K" + std::to_string((i * 7919LL) % kDistinct));
  const auto key_of = [&keys](size_t row) -> std::string_view { return keys[row]; };
  RowIndex index;
  index.Build(keys.size(), key_of);
  for (int row = 0; row < kDistinct; ++row) ASSERT_EQ(index.Find(keys[row], key_of), row) << keys[row];
  EXPECT_EQ(index.Find("K-1", key_of), kNoIndex);
  const auto repeated = index.Duplicates(key_of);
  ASSERT_EQ(repeated.size(), static_cast<size_t>(kRows - kDistinct));
  for (size_t i = 0; i < repeated.size(); ++i) {
    const auto row = static_cast<int32_t>(kDistinct + i);
    ASSERT_EQ(repeated[i].first, row);
    EXPECT_EQ(keys[repeated[i].second], keys[row]);
    EXPECT_EQ(repeated[i].second, index.Find(keys[row], key_of));
  }
}

}  // namespace
}  // namespace crm
