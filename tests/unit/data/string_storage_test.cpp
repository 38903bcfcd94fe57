// StringColumn (fixed-width and variable values), StringDictionary and RowIndex on their own.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "crm/data/row_index.h"
#include "crm/data/string_column.h"
#include "crm/data/string_dictionary.h"

namespace crm {
namespace {

std::vector<std::string> Values(const StringColumn& column) {
  std::vector<std::string> values;
  for (size_t row = 0; row < column.size(); ++row) values.emplace_back(column[row]);
  return values;
}

TEST(StringColumnTest, KeepsValuesOfOneWidthAndSwitchesToOffsetsOnAnotherWidth) {
  StringColumn column;
  column.Reserve(4, 16);
  column.Append("AB12");
  column.Append("CD34");
  EXPECT_EQ(Values(column), (std::vector<std::string>{"AB12", "CD34"}));
  EXPECT_LT(column.MemoryBytes(), 64u);  // no offsets while every value is 4 bytes long
  column.Append("longer id");
  column.Append("");
  column.Append("EF56");
  EXPECT_EQ(Values(column), (std::vector<std::string>{"AB12", "CD34", "longer id", "", "EF56"}));
  column.EraseRows({0, 2});
  EXPECT_EQ(Values(column), (std::vector<std::string>{"CD34", "", "EF56"}));
}

TEST(StringColumnTest, HoldsEmptyValuesAndStartsWithAnyWidth) {
  StringColumn column;
  EXPECT_EQ(column.size(), 0u);
  column.Append("");
  column.Append("");
  column.Append("x");
  EXPECT_EQ(Values(column), (std::vector<std::string>{"", "", "x"}));
  column.EraseRows({2});
  EXPECT_EQ(Values(column), (std::vector<std::string>{"", ""}));
}

TEST(StringDictionaryTest, GivesDenseCodesAndFindsThemAfterGrowing) {
  StringDictionary dictionary;
  EXPECT_EQ(dictionary.Find("a"), kNoIndex);
  for (int i = 0; i < 1000; ++i) EXPECT_EQ(dictionary.Intern("value " + std::to_string(i)), i);
  EXPECT_EQ(dictionary.Intern("value 17"), 17);
  EXPECT_EQ(dictionary.Intern(""), 1000);
  EXPECT_EQ(dictionary.size(), 1001u);
  EXPECT_EQ(dictionary.Find("value 999"), 999);
  EXPECT_EQ(dictionary.Find(""), 1000);
  EXPECT_EQ(dictionary.Find("value 1000"), kNoIndex);
  EXPECT_EQ(dictionary.Value(42), "value 42");
  EXPECT_EQ(dictionary.Value(kNoIndex), "");
  EXPECT_EQ(dictionary.values().back(), "");
}

TEST(RowIndexTest, FindsFirstRowsAndRepeatedKeysOfManyRows) {
  std::vector<std::string> keys;
  for (int i = 0; i < 5000; ++i) keys.push_back("id" + std::to_string(i % 4000));
  const auto key_of = [&keys](size_t row) -> std::string_view { return keys[row]; };
  RowIndex index;
  index.Build(keys.size(), key_of);
  EXPECT_EQ(index.Find("id0", key_of), 0);
  EXPECT_EQ(index.Find("id3999", key_of), 3999);
  EXPECT_EQ(index.Find("id4000", key_of), kNoIndex);
  const auto repeated = index.Duplicates(key_of);
  ASSERT_EQ(repeated.size(), 1000u);
  for (size_t i = 0; i < repeated.size(); ++i) {
    EXPECT_EQ(repeated[i], std::make_pair(static_cast<int32_t>(4000 + i), static_cast<int32_t>(i)));
  }
  EXPECT_EQ(RowIndex::Repeats(keys.size(), key_of), repeated);  // the same pairs without an index
}

TEST(RowIndexTest, RepeatsPairsEveryRepeatWithTheFirstRowOfItsKey) {
  const std::vector<std::string> keys = {"b", "a", "b", "c", "a", "b", "d"};
  const auto key_of = [&keys](size_t row) -> std::string_view { return keys[row]; };
  EXPECT_EQ(RowIndex::Repeats(keys.size(), key_of),
            (std::vector<std::pair<int32_t, int32_t>>{{2, 0}, {4, 1}, {5, 0}}));
  EXPECT_EQ(RowIndex::Repeats(3, key_of), (std::vector<std::pair<int32_t, int32_t>>{{2, 0}}));
  EXPECT_TRUE(RowIndex::Repeats(2, key_of).empty());
  EXPECT_TRUE(RowIndex::Repeats(0, key_of).empty());
}

}  // namespace
}  // namespace crm
