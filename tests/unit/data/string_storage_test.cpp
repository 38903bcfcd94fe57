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

StringColumn ColumnOf(const std::vector<std::string>& values) {
  StringColumn column;
  for (const std::string& value : values) column.Append(value);
  return column;
}

TEST(StringColumnTest, AppendsAWholeColumnOfAnyWidths) {
  const std::vector<std::vector<std::string>> cases[] = {
      {{"AB12", "CD34"}, {"EF56"}},              // one width: the bytes are appended
      {{}, {"EF56", "GH78"}},                    // into an empty column
      {{"AB12"}, {}},                            // nothing to append
      {{"AB12", "CD34"}, {"EF5", "GH7"}},        // two widths: offsets from here on
      {{"AB12", "longer id"}, {"EF56", ""}},     // offsets already
      {{"AB12"}, {"longer id", "x", "EF56"}}};  // offsets in the appended column
  for (const auto& halves : cases) {
    StringColumn column = ColumnOf(halves[0]);
    column.AppendAll(ColumnOf(halves[1]));
    std::vector<std::string> expected = halves[0];
    expected.insert(expected.end(), halves[1].begin(), halves[1].end());
    EXPECT_EQ(Values(column), expected);
    column.Append("next");  // still appendable, whatever form it took
    expected.push_back("next");
    EXPECT_EQ(Values(column), expected);
  }
}

TEST(StringDictionaryTest, InternsABatchAsOneByOne) {
  StringDictionary one_by_one, batched;
  std::vector<std::string> texts;
  for (int i = 0; i < 3000; ++i) texts.push_back("value " + std::to_string(i * 7 % 1000));
  batched.Intern("value 999");
  one_by_one.Intern("value 999");
  std::vector<int32_t> expected;
  for (const std::string& text : texts) expected.push_back(one_by_one.Intern(text));
  const std::vector<std::string_view> views(texts.begin(), texts.end());
  std::vector<int32_t> codes(views.size());
  batched.InternBatch(views, codes);
  EXPECT_EQ(codes, expected);
  EXPECT_EQ(batched.values(), one_by_one.values());
  EXPECT_EQ(batched.Find("value 5"), one_by_one.Find("value 5"));
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
